// The docker CLI off the lesson path as a real Docker 20.10.24 answered it (conformance scripts
// 79-81 hold the same lines against a real dockerd): prune filters, version/info templates on the
// CLI's typed structs, start -a's status, the client-side reference check of commit, unpause of a
// stopped container, the working dir made at create, and file/. in a path.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh.run;
}

describe('prune --filter', () => {
  it('until keeps what is newer, label must match, other names are refused', async () => {
    const run = await withBusybox();
    await run('docker run --name done --label k=v busybox true');
    expect((await run('docker container prune -f --filter until=1h')).out).toBe('Total reclaimed space: 0B\n');
    expect((await run('docker container prune -f --filter label=nosuch')).out).toBe('Total reclaimed space: 0B\n');
    expect((await run('docker container prune -f --filter bogus=1')).err).toBe(
      "Error response from daemon: Invalid filter 'bogus'\n",
    );
    // The CLI adds dangling=true: a value of its own beside it is no error.
    expect((await run('docker image prune -f --filter dangling=maybe')).code).toBe(0);
    expect((await run('docker system prune -f --volumes --filter until=1h')).err).toBe(
      'ERROR: The "until" filter is not supported with "--volumes"\n',
    );
    expect((await run('docker container prune -f --filter label=k=v')).out).toMatch(/^Deleted Containers:\n/);
    // Wrong both ways: a label filter that matches nothing keeps every image, dangling=false is -a.
    expect((await run('docker image prune -a -f --filter label=nosuch')).out).toBe('Total reclaimed space: 0B\n');
    expect((await run('docker image prune -f --filter dangling=false')).out).toMatch(/untagged: busybox:latest/);
  });

  it('an untagged base with commits on it goes after them, not as a conflict', async () => {
    const run = await withBusybox();
    await run('docker create --name c1 busybox && docker commit c1 com:1 && docker commit c1 com:2');
    expect((await run('docker images -q')).out.trim().split('\n')).toHaveLength(3);
    await run('docker rm c1 && docker rmi busybox');
    const r = await run('docker image prune -a -f');
    expect(r.err).toBe('');
    expect((await run('docker images -aq')).out).toBe('');
  });
});

describe('docker version and info --format', () => {
  it('run on the typed structs: Go field names, their errors after an empty line', async () => {
    const run = await withBusybox();
    expect((await run("docker version --format '{{.Client.APIVersion}} {{len .Server.Components}}'")).out).toBe(
      '1.41 4\n',
    );
    expect(await run("docker version --format '{{.Nope}}'")).toEqual({
      out: '\n',
      err: 'template: version:1:2: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo\n',
      code: 1,
    });
    expect((await run("docker version --format '{{.Client.Version'")).code).toBe(64);
    expect((await run("docker info --format '{{json .Plugins.Volume}} {{.Warnings}}'")).out).toBe('["local"] []\n');
    expect((await run("docker info -f '{{.Nope}}'")).err).toBe(
      'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type system.info\n',
    );
  });

  it('inspect sees omitempty fields of the typed struct: <nil> sizes without -s', async () => {
    const run = await withBusybox();
    await run('docker create --name c1 busybox');
    expect(
      (await run("docker inspect c1 --format '[{{.SizeRw}}] {{.State.Health}} {{.Config.ExposedPorts}}'")).out,
    ).toBe('[<nil>] <nil> map[]\n');
    expect((await run("docker inspect -s c1 --format '{{.SizeRw}}'")).out).toBe('0\n');
  });
});

describe('lifecycle and usage', () => {
  it('start -a exits with the status; commit refuses a bad name itself; unpause of a stopped one', async () => {
    const run = await withBusybox();
    await run("docker create --name ca busybox sh -c 'exit 4'");
    expect((await run('docker start -a ca')).code).toBe(4);
    expect((await run('docker start -a ca ca')).err).toBe('you cannot start and attach multiple containers at once\n');
    expect((await run('docker commit ca Bad:Name')).err).toBe(
      'invalid reference format: repository name must be lowercase\n',
    );
    const id = (await run("docker inspect -f '{{.Id}}' ca")).out.trim();
    expect((await run('docker unpause ca')).err).toBe(`Error response from daemon: Container ${id} is not paused\n`);
    expect((await run('docker commit')).err).toMatch(/^"docker commit" requires at least 1 and at most 2 arguments\./);
    expect((await run('docker --nosuch')).err).toMatch(
      /^unknown flag: --nosuch\nSee 'docker --help'\.\n\nUsage: {2}docker/,
    );
  });

  it('makes -w at create (docker diff shows it) and refuses a file on the way', async () => {
    const run = await withBusybox();
    await run('docker create --name wd -w /made/here busybox');
    expect((await run('docker diff wd')).out).toBe('A /made\nA /made/here\n');
    expect((await run('docker create -w /bin/busybox busybox')).err).toBe(
      'Error response from daemon: Cannot mkdir: /bin/busybox is not a directory\n',
    );
    expect((await run('docker create -w /bin/busybox/x busybox')).err).toMatch(
      /^Error response from daemon: lstat \/var\/lib\/docker\/overlay2\/\w+\/merged\/bin\/busybox\/x: not a directory\n$/,
    );
  });

  it('file/. is not a directory, for stat and for docker cp', async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox && echo hi > /tmp/f');
    expect((await run('stat /tmp/f/.')).err).toBe("stat: cannot statx '/tmp/f/.': Not a directory\n");
    expect((await run('docker cp /tmp/f/. box:/x')).err).toBe('not a directory\n');
    expect((await run('docker cp /tmp/nodir/x box:/x')).err).toBe('lstat /tmp/nodir: no such file or directory\n');
  });
});
