// docker cp's edges, commit/import --change and the CLI's loops over several containers, each as a
// real Docker 20.10.24 answered them (recorded with test/shell/script-conformance/try-real.ts).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh.run;
}

describe('docker cp', () => {
  it('follows links with -L both ways and keeps them without it', async () => {
    const run = await withBusybox();
    await run('docker run -d --name box busybox sleep 1000');
    await run('mkdir -p /tmp/lab && echo hi > /tmp/lab/a.txt && ln -s a.txt /tmp/lab/link');
    await run('docker cp /tmp/lab/link box:/tmp/kept && docker cp -L /tmp/lab/link box:/tmp/deref');
    expect((await run('docker exec box ls -l /tmp/kept /tmp/deref')).out).toMatch(
      /^-rw-r--r-- .* \/tmp\/deref\nlrwxrwxrwx .* \/tmp\/kept -> a\.txt\n$/,
    );
    await run('docker exec box ln -s deref /tmp/l2');
    await run('docker cp box:/tmp/l2 /tmp/lab/l2 && docker cp -L box:/tmp/l2 /tmp/lab/f2');
    expect((await run('ls -l /tmp/lab/l2 /tmp/lab/f2 | cut -c1-10')).out).toBe('-rw-r--r--\nlrwxrwxrwx\n');
    expect((await run('cat /tmp/lab/f2')).out).toBe('hi\n');
  });

  it("words pkg/archive's and the daemon's errors as the 20.10 CLI prints them", async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox && mkdir -p /tmp/lab && echo hi > /tmp/lab/a.txt');
    const cases: Array<[string, string]> = [
      ['docker cp /tmp/lab/a.txt box:/tmp/x.txt/', 'no such directory\n'],
      ['docker cp /tmp/lab/a.txt box:', 'no such directory\n'],
      ['docker cp box:/etc/hostname /tmp/lab/nodir/', 'no such directory\n'],
      ['docker cp box:/etc /tmp/lab/a.txt', 'cannot copy directory\n'],
      ['docker cp /tmp/lab box:/bin/busybox', 'cannot copy directory\n'],
      ['docker cp box: /tmp/x', 'Error response from daemon: bad parameter: pathcannot be empty\n'],
      ['docker cp box:/bin/ /tmp/lab/a.txt/', 'stat /tmp/lab/a.txt/: not a directory\n'],
      ['docker cp box:/bin/sh /tmp/lab/a.txt/x', 'stat /tmp/lab/a.txt/x: not a directory\n'],
      ['docker cp box:/etc/hostname /nodir/x', 'invalid output path: directory "/nodir" does not exist\n'],
    ];
    for (const [line, err] of cases) expect(await run(line), line).toEqual({ out: '', err, code: 1 });
  });

  it('export -o and save -o write a 0600 file in place of what was there, after checking its directory', async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox && touch /tmp/old.tar && chmod 644 /tmp/old.tar');
    await run('docker export -o /tmp/old.tar box && docker save -o /tmp/s.tar busybox');
    expect((await run('ls -l /tmp/old.tar /tmp/s.tar | cut -c1-10')).out).toBe('-rw-------\n-rw-------\n');
    expect((await run('ls -a /tmp | grep -c docker_temp')).out).toBe('0\n');
    expect((await run('docker export -o /tmp/no/c.tar box')).err).toBe(
      'failed to export container: invalid output path: directory "/tmp/no" does not exist\n',
    );
    expect((await run('docker save -o /tmp/no/s.tar busybox')).err).toBe(
      'failed to save image: invalid output path: directory "/tmp/no" does not exist\n',
    );
  });
});

describe('commit and import --change', () => {
  it('apply the instructions a commit may carry to the config', async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox sh');
    await run("docker commit -c 'ENV X=1' -c 'LABEL a=b' -c 'EXPOSE 80 53/udp' box ch:1");
    expect(
      (await run("docker inspect -f '{{json .Config.Labels}} {{json .Config.Env}} {{json .Config.ExposedPorts}}' ch:1"))
        .out,
    ).toBe(
      '{"a":"b"} ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","X=1"] {"53/udp":{},"80/tcp":{}}\n',
    );
    await run(`docker commit --change 'ENTRYPOINT ["/bin/echo"]' box ch:2`);
    expect((await run("docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ch:2")).out).toBe(
      '["/bin/echo"] null\n',
    );
    expect((await run('docker run --rm ch:2 hi')).out).toBe('hi\n');
    await run("docker commit -c 'CMD echo x' -c 'WORKDIR sub' -c 'WORKDIR /srv' -c 'WORKDIR app' box ch:3");
    expect((await run("docker inspect -f '{{json .Config.Cmd}} {{.Config.WorkingDir}}' ch:3")).out).toBe(
      '["/bin/sh","-c","echo x"] /srv/app\n',
    );
    await run("docker commit -c 'HEALTHCHECK --interval=5s --retries=2 CMD true' -c 'ONBUILD RUN echo x' box ch:4");
    expect((await run("docker inspect -f '{{json .Config.Healthcheck}} {{json .Config.OnBuild}}' ch:4")).out).toBe(
      '{"Test":["CMD-SHELL","true"],"Interval":5000000000,"Retries":2} ["RUN echo x"]\n',
    );
    await run("docker commit -c 'EXPOSE 8000-8002' -c 'ENV A 1 2' box ch:5");
    expect((await run("docker inspect -f '{{json .Config.ExposedPorts}}' ch:5")).out).toBe(
      '{"8000/tcp":{},"8001/tcp":{},"8002/tcp":{}}\n',
    );
  });

  it('refuse what is not a change as the daemon does, and make nothing', async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox && docker export box > /tmp/c.tar');
    const before = (await run('docker images -q | wc -l')).out;
    const refused: Array<[string, string]> = [
      ["docker commit -c 'RUN true' box x:1", 'run is not a valid change command'],
      ["docker commit -c 'STOPSIGNAL 9' box x:1", 'stopsignal is not a valid change command'],
      ["docker commit -c 'EXPOSE abc' box x:1", 'Invalid containerPort: abc'],
      ["docker import --change 'RUN echo hi' /tmp/c.tar x:1", 'run is not a valid change command'],
    ];
    for (const [line, err] of refused)
      expect(await run(line)).toEqual({ out: '', err: `Error response from daemon: ${err}\n`, code: 1 });
    expect((await run('docker images -q | wc -l')).out).toBe(before);
    expect(await run('docker import /tmp/c.tar Bad:Name')).toEqual({
      out: '',
      err: 'invalid reference format: repository name must be lowercase\n',
      code: 1,
    });
  });

  it('import builds the config from nothing but the changes', async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox && docker export box > /tmp/c.tar');
    await run(`docker import -c 'CMD ["sh"]' -c 'ENV A=1' /tmp/c.tar imp:1`);
    expect(
      (await run("docker inspect -f '{{json .Config.Cmd}} {{json .Config.Env}} {{json .Config.Labels}}' imp:1")).out,
    ).toBe('["sh"] ["A=1"] null\n');
    expect((await run("docker inspect -f '{{json .Config.Labels}}' $(docker commit box)")).out).toBe('{}\n');
  });
});

describe('several containers in one command', () => {
  it('prints the names that worked first and the errors together after them', async () => {
    const run = await withBusybox();
    await run('docker run -d --name run1 busybox sleep 100 && docker create --name box busybox');
    expect(await run('docker stop nosuch run1')).toEqual({
      out: 'run1\n',
      err: 'Error response from daemon: No such container: nosuch\n',
      code: 1,
    });
    expect(await run('docker rm nosuch box')).toEqual({
      out: 'box\n',
      err: 'Error: No such container: nosuch\n',
      code: 1,
    });
    // rm -f only mentions a missing container, where it comes, and succeeds.
    await run('docker start run1');
    expect(await run('docker rm -f nosuch run1')).toEqual({
      out: 'run1\n',
      err: 'Error: No such container: nosuch\n',
      code: 0,
    });
  });

  it('kill reads the signal before it looks for the container; rename words a bad name as reserveName does', async () => {
    const run = await withBusybox();
    await run('docker create --name box busybox');
    expect((await run('docker kill -s 0 nosuch')).err).toBe('Error response from daemon: Invalid signal: 0\n');
    expect((await run('docker kill -s BOGUS box')).err).toBe('Error response from daemon: Invalid signal: BOGUS\n');
    expect((await run('docker rename box "bad name"')).err).toBe(
      'Error response from daemon: Error when allocating new name: Invalid container name (/bad name), ' +
        'only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\nError: failed to rename container named box\n',
    );
  });
});

describe('docker run failures', () => {
  it('a relative -w is refused before anything is made; with --rm a failed start has no "error waiting" line', async () => {
    const run = await withBusybox();
    expect(await run('docker run --rm -w relative busybox pwd')).toEqual({
      out: '',
      err:
        "docker: Error response from daemon: the working directory 'relative' is invalid, it needs to be an absolute path.\n" +
        "See 'docker run --help'.\n",
      code: 125,
    });
    expect((await run('docker ps -aq')).out).toBe('');
    const r = await run('docker run --rm busybox nosuchcmd');
    expect(r.code).toBe(127);
    expect(r.err).toBe(
      'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: ' +
        'unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown.\n',
    );
  });
});
