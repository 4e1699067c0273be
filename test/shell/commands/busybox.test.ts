// busybox's applets inside a busybox-based container (and as `busybox APPLET` on the host): its
// formats and messages there, coreutils' in a Debian-based container and on the host. The texts
// were taken from Debian's busybox-static 1.35 in a real container (conformance script 32 runs
// them against a real dockerd).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withContainers() {
  const shell = await makeShell();
  await shell.run('docker run -d --name box busybox sleep 1000');
  await shell.run('docker run -d --name web nginx');
  await shell.run("docker exec box sh -c 'mkdir -p /d/s && echo hello > /d/f && ln -s f /d/l'");
  await shell.run("docker exec web sh -c 'mkdir -p /d/s && echo hello > /d/f && ln -s f /d/l'");
  return shell;
}

describe('busybox applets in a busybox container', () => {
  it('ls -l has busybox fixed columns there and coreutils columns in a Debian image', async () => {
    const { run } = await withContainers();
    const bb = await run('docker exec box ls -l /d/f');
    expect(bb.out).toMatch(/^-rw-r--r-- {4}1 root {5}root {13}6 \w{3} [ \d]\d \d\d:\d\d \/d\/f\n$/);
    const gnu = await run('docker exec web ls -l /d/f');
    expect(gnu.out).toMatch(/^-rw-r--r-- 1 root root 6 \w{3} [ \d]\d \d\d:\d\d \/d\/f\n$/);
    expect((await run('docker exec box ls -lh /d')).out).toMatch(/^total 8K {5}\n/);
  });

  it('a bad option prints the BusyBox banner and usage and exits 1; coreutils says Try --help', async () => {
    const { run } = await withContainers();
    const bb = await run('docker exec box ls --nosuch');
    expect(bb.err).toMatch(/^ls: unrecognized option '--nosuch'\nBusyBox v\S+ .*multi-call binary\.\n\nUsage: ls /);
    expect(bb.code).toBe(1);
    const noLong = await run('docker exec box head --nosuch');
    expect(noLong.err).toMatch(/^head: invalid option -- '-'\nBusyBox v/);
    const gnu = await run('docker exec web ls --nosuch');
    expect(gnu.err).toBe("ls: unrecognized option '--nosuch'\nTry 'ls --help' for more information.\n");
    expect(gnu.code).toBe(2);
  });

  it('error lines use busybox words there, coreutils words elsewhere', async () => {
    const { run } = await withContainers();
    expect((await run('docker exec box cat /nosuch')).err).toBe(
      "cat: can't open '/nosuch': No such file or directory\n",
    );
    expect((await run('docker exec web cat /nosuch')).err).toBe('cat: /nosuch: No such file or directory\n');
    expect((await run('docker exec box stat /nosuch')).err).toBe(
      "stat: can't stat '/nosuch': No such file or directory\n",
    );
    expect((await run('docker exec box rm /d')).err).toBe("rm: '/d' is a directory\n");
    expect((await run('docker exec web rm /d')).err).toBe("rm: cannot remove '/d': Is a directory\n");
  });

  it('stat and wc print busybox formats', async () => {
    const { run } = await withContainers();
    const st = (await run('docker exec box stat /d/l')).out;
    expect(st).toMatch(/^ {2}File: '\/d\/l' -> 'f'\n/);
    expect(st).toMatch(/Device: [0-9a-f]+h\/\d+d\t/);
    expect(st).not.toContain('Birth');
    // coreutils' stat reads statx's btime, which overlayfs passes on from the upper inode.
    expect((await run('docker exec web stat /d/l')).out).toMatch(
      /\n Birth: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n$/,
    );
    expect((await run('docker exec box wc /d/f')).out).toBe('        1         1         6 /d/f\n');
    expect((await run('docker exec web wc /d/f')).out).toBe('1 1 6 /d/f\n');
  });

  it("find -exec and xargs in a container run the container's programs on its files", async () => {
    const { run } = await withContainers();
    await run('mkdir -p /d && echo host > /d/f');
    expect((await run('docker exec box find /d -name f -exec cat {} \\;')).out).toBe('hello\n');
    expect((await run("docker exec box sh -c 'echo /d/f | xargs cat'")).out).toBe('hello\n');
    expect((await run("docker exec box sh -c 'cd /d && find . -name f | xargs ls'")).out).toBe('./f\n');
    // busybox's words for a -newer file it cannot stat, and its stat -f's name for an overlay.
    expect((await run('docker exec box find /d -newer /nosuch')).err).toBe(
      "find: can't stat '/nosuch': No such file or directory\n",
    );
    expect((await run("docker exec box stat -f -c '%T' /")).out).toBe('UNKNOWN\n');
    expect((await run("docker exec web stat -f -c '%T' /")).out).toBe('overlayfs\n');
  });

  it('type and command -v look in the image; rmdir -p, readlink -f, ls -l of a dangling link, sort', async () => {
    const { run } = await withContainers();
    // The official busybox image's ash is not a standalone shell: its applets are found on PATH.
    expect((await run("docker exec box sh -c 'type ls; command -v ls; command -v nosuch; echo $?'")).out).toBe(
      'ls is /bin/ls\n/bin/ls\n127\n',
    );
    expect((await run("docker exec web sh -c 'command -v ls; command -v jq; echo $?'")).out).toBe('/usr/bin/ls\n1\n');
    expect(
      (await run("docker exec box sh -c 'ln -s /nonexistent /l; ls -l /l | cut -c1-10; readlink -f /l'")).out,
    ).toBe('lrwxrwxrwx\n/nonexistent\n');
    // busybox goes on to / and fails there; GNU stops at the operand's first name.
    expect(await run("docker exec box sh -c 'mkdir -p /x/y/z; rmdir -p /x/y/z; echo $?; ls -d /x'")).toMatchObject({
      out: '1\n',
      err: "rmdir: '/': Device or resource busy\nls: /x: No such file or directory\n",
    });
    expect(await run('mkdir -p /x/y/z; rmdir -p /x/y/z; echo $?; ls -d /x')).toMatchObject({
      out: '0\n',
      err: "ls: cannot access '/x': No such file or directory\n",
    });
    expect((await run('docker exec box sort /nosuch')).err).toBe('sort: /nosuch: No such file or directory\n');
  });

  it('a program the image lacks is not found by ash; a Debian image has bash', async () => {
    const { run } = await withContainers();
    expect(await run(`docker exec box sh -c 'bash -c "echo hi"; echo $?'`)).toEqual({
      out: '127\n',
      err: 'sh: bash: not found\n',
      code: 0,
    });
    expect((await run(`docker exec web sh -c 'bash -c "echo hi"'`)).out).toBe('hi\n');
    expect((await run(`docker exec box sh -c 'jq . </dev/null'`)).err).toBe('sh: jq: not found\n');
  });

  it('busybox APPLET on the host runs the applet its way; an unknown one is not found', async () => {
    const { run } = await makeShell();
    expect((await run('busybox ls -l /etc/hostname')).out).toMatch(/^-rw-r--r-- {4}1 root {5}root {13}5 /);
    expect((await run('ls -l /etc/hostname')).out).toMatch(/^-rw-r--r-- 1 root root 5 /);
    expect(await run('busybox nosuch')).toEqual({ out: '', err: 'nosuch: applet not found\n', code: 127 });
    expect((await run('busybox ps')).err).toContain('not simulated here');
  });
});
