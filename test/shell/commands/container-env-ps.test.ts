// What a process in a container starts with (docker exec / run: PATH, HOSTNAME, TERM with -t, the
// image's ENV and -e, HOME as runc adds it) and busybox's ps inside a container. Debian's
// busybox-static (no TIME column, applets run inside ash) is checked against a real dockerd by
// conformance script 37; here the tutorial's busybox image, built as the official one is (TIME,
// /bin/ps exec'd), and nginx's ENV.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBox() {
  const shell = await makeShell();
  await shell.run('docker run -d --name box busybox sleep 1000');
  return shell;
}

describe('the environment of a process in a container', () => {
  it('docker exec c env is exactly what docker and runc give it, nothing of the host login', async () => {
    const { run } = await withBox();
    const id = (await run("docker inspect -f '{{.Id}}' box")).out.slice(0, 12);
    expect((await run('docker exec box env')).out).toBe(
      `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=${id}\nHOME=/root\n`,
    );
    const tty = await run('docker exec -t box env');
    expect(tty.out).toContain('\r\nTERM=xterm\r\nHOME=/root\r\n');
    const given = await run('docker exec -e FOO=bar -e PATH=/x:/bin box env');
    expect(given.out).toBe(`PATH=/x:/bin\nHOSTNAME=${id}\nFOO=bar\nHOME=/root\n`);
    // A bare name unsets only what was there before the -e list (moby's ReplaceOrAppendEnvValues).
    expect((await run('docker exec -e FOO=bar -e FOO box env')).out).toContain('FOO=bar\n');
    expect((await run('docker exec -e HOSTNAME box env')).out).not.toContain('HOSTNAME=');
  });

  it('a shell adds SHLVL and PWD, listed in ash’s variable-table order', async () => {
    const { run } = await withBox();
    const env = await run("docker exec -w /tmp box sh -c 'env'");
    expect(env.out.split('\n').map((l) => l.split('=')[0])).toEqual(['HOSTNAME', 'SHLVL', 'HOME', 'PATH', 'PWD', '']);
    expect(env.out).toContain('PWD=/tmp\n');
    expect((await run("docker exec box sh -c 'echo [$TERM] [$LANG] [$USER]'")).out).toBe('[] [] []\n');
  });

  it("an image's ENV follows PATH and HOSTNAME; run's -e values come first in Config.Env", async () => {
    const { run } = await makeShell();
    await run('docker run -d --name web -e A=1 -h myhost nginx');
    const env = (await run('docker exec web env')).out;
    expect(env).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=myhost\nA=1\n' +
        'NGINX_VERSION=1.25.2\nNJS_VERSION=0.8.0\nPKG_RELEASE=1~bookworm\nHOME=/root\n',
    );
    expect((await run("docker inspect -f '{{json .Config.Env}}' web")).out).toMatch(/^\["A=1","PATH=/);
    expect((await run('docker exec web hostname')).out).toBe('myhost\n');
    expect((await run('docker exec web cat /etc/hostname')).out).toBe('myhost\n');
  });
});

describe("busybox's ps in a container", () => {
  it('lists PID 1 and itself with the TIME column of the official build', async () => {
    const { run } = await withBox();
    const ps = await run('docker exec box ps');
    expect(ps.out).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 sleep 1000\n +\d+ root {6}0:00 ps\n$/);
    // sh -c with one command execs /bin/ps in this build; with more, the shell stays beside it.
    expect((await run("docker exec box sh -c 'ps'")).out).toMatch(/\n +\d+ root {6}0:00 ps\n$/);
    const two = (await run("docker exec box sh -c 'ps; true'")).out.split('\n');
    expect(two.slice(2, 4).map((l) => l.slice(21))).toEqual(['sh -c ps; true', 'ps']);
  });

  it('-o picks columns (=HEADER sets one, empty headers drop the line), as busybox prints them', async () => {
    const { run } = await withBox();
    const o = await run('docker exec box ps -o pid,ppid,user,group,comm,stat,vsz,tty');
    expect(o.out.split('\n')[0]).toBe('PID   PPID  USER     GROUP    COMMAND          STAT VSZ  TT');
    expect(o.out.split('\n')[1]).toBe('    1     0 root     root     sleep            S    2268 ?');
    expect((await run('docker exec box ps -o pid=,args=')).out).toMatch(/^ {4}1 sleep 1000\n +\d+ ps -o pid= args=\n$/);
    expect((await run('docker exec box ps -o pid=P,args')).out).toMatch(/^P COMMAND\n1 sleep 1000\n/);
    const bad = await run('docker exec box ps -o bogus');
    expect(bad.err).toMatch(
      /^ps: bad -o argument 'bogus', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,/,
    );
    expect(bad.code).toBe(1);
    const opt = await run('docker exec box ps -x');
    expect(opt.err).toMatch(/^ps: invalid option -- 'x'\nBusyBox v\S+ .*\n\nUsage: ps /);
    expect(opt.code).toBe(1);
  });

  it('the host has no ps here, and says so', async () => {
    const { run } = await makeShell();
    expect((await run('ps')).err).toMatch(/ps: not simulated here/);
    expect((await run('busybox ps')).err).toMatch(/ps: not simulated here/);
  });
});
