// su, getconf and find -follow on the simulated host (script 88 holds them against the real ones).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

describe('su', () => {
  it('root becomes another user without a password; that user cannot su back', async () => {
    const { run } = await makeShell();
    expect((await run('su nobody -s /bin/sh -c id')).out).toBe(
      'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n',
    );
    const back = await run("su nobody -s /bin/sh -c 'su root -c id'");
    expect(back.err).toBe('Password: su: Authentication failure\n');
    expect(back.code).toBe(1);
    expect((await run('su nobody -c id')).err).toBe('This account is currently not available.\n');
  });
});

describe("su's shell", () => {
  it("at a terminal, the prompt is the user's until exit, and $? is the shell's status", async () => {
    const { host, run } = await makeShell();
    await run('cd /tmp');
    expect(await run('su nobody -s /bin/bash')).toEqual({ out: '', err: '', code: 0 });
    expect(host.session.prompt()).toBe('nobody@host:/tmp$ ');
    expect((await run('whoami; echo $HOME $USER $SHLVL')).out).toBe('nobody\n/nonexistent nobody 2\n');
    expect((await run('touch /root/x')).err).toBe("touch: cannot touch '/root/x': Permission denied\n");
    expect((await run('exit 3')).err).toBe('exit\n');
    expect(host.session.prompt()).toBe('root@host:/tmp# ');
    expect((await run('echo $?; whoami')).out).toBe('3\nroot\n');
  });

  it('dash says $ and leaves without a word; su - is a login in the home directory', async () => {
    const { host, run } = await makeShell();
    await run('su nobody -s /bin/sh');
    expect(host.session.prompt()).toBe('$ ');
    expect((await run('exit')).err).toBe('');
    await run('cd /tmp; su -');
    expect(host.session.prompt()).toBe('root@host:~# ');
    expect((await run('pwd; echo $SHLVL')).out).toBe('/root\n1\n');
  });

  it("Ctrl-D at the user's prompt ends that shell alone", async () => {
    const { host, run } = await makeShell();
    await run('su nobody -s /bin/bash');
    await run('false');
    expect(host.session.endOfInput()).toBe('exit');
    expect(host.session.prompt()).toBe('root@host:~# ');
    expect((await run('echo $?')).out).toBe('1\n');
    expect(host.session.endOfInput()).toBeUndefined();
  });

  it('without a terminal the shell reads its input; no one and nologin accounts are refused', async () => {
    const { run } = await makeShell();
    const piped = await run('su nobody -s /bin/sh', { stdin: 'id -un; nosuch; exit 5\n' });
    expect(piped).toEqual({ out: 'nobody\n', err: 'sh: 1: nosuch: not found\n', code: 5 });
    expect((await run('su nobody')).err).toBe('This account is currently not available.\n');
    expect((await run('su nosuch')).err).toBe(
      'su: user nosuch does not exist or the user entry does not contain all the required fields\n',
    );
  });
});

describe('getconf and find -follow', () => {
  it("getconf gives the machine's values and glibc's errors", async () => {
    const { run } = await makeShell();
    expect((await run('getconf PAGESIZE; getconf NAME_MAX /')).out).toBe('4096\n255\n');
    const bad = await run('getconf BOGUS');
    expect([bad.err, bad.code]).toEqual(["getconf: Unrecognized variable `BOGUS'\n", 2]);
  });

  it("getconf -a lists every value in its column, a path's by its filesystem", async () => {
    const { run } = await makeShell();
    const all = await run('getconf -a');
    const lines = all.out.split('\n').slice(0, -1);
    expect(lines).toHaveLength(320);
    expect(lines[0]).toBe(`${'LINK_MAX'.padEnd(35)}65000`);
    expect(lines).toContain(`${'_NPROCESSORS_ONLN'.padEnd(35)}2`);
    expect(lines).toContain(`${'GNU_LIBC_VERSION'.padEnd(35)}glibc 2.35`);
    // tmpfs is none of the filesystems glibc's pathconf knows: 127 links, 32-bit sizes.
    expect((await run('getconf LINK_MAX /dev/shm; getconf FILESIZEBITS /dev/shm; getconf LINK_MAX /')).out).toBe(
      '127\n32\n65000\n',
    );
    // A value sysconf has none for is `undefined` alone, empty in the list; an empty confstr stays empty.
    expect((await run('getconf SOCK_MAXBUF /; getconf XBS5_ILP32_OFF32_CFLAGS')).out).toBe('undefined\n\n');
    expect((await run("getconf -a /nosuch | sed -n '1p;9p'")).out).toBe(
      `${'LINK_MAX'.padEnd(35)}\n${'PATH_MAX'.padEnd(35)}4096\n`,
    );
  });

  it('find -follow follows links as -L does', async () => {
    const { run } = await makeShell();
    const r = await run('cd /tmp && mkdir -p a/d && ln -s d a/l && touch a/d/x && find a -type f -follow | sort');
    expect(r.out).toBe('a/d/x\na/l/x\n');
  });
});
