// Logging drivers and --log-opt as a real Docker 20.10.24 answered them (conformance script
// 73-log-drivers.sh holds the same lines against a real dockerd): option checks at create and at
// start, json-file's rotation and attrs, the local driver's records, daemon.json's defaults.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh.run;
}

const SIXTY = `sh -c 'i=0; while [ $i -lt 60 ]; do echo line $i is here padded out; i=$((i+1)); done'`;

describe('--log-opt checks', () => {
  it('refuses an option its driver does not know at create, a bad value at start, in the daemon words', async () => {
    const run = await withBusybox();
    expect((await run('docker create --log-opt foo=bar busybox')).err).toBe(
      "Error response from daemon: unknown log opt 'foo' for json-file log driver\n",
    );
    expect(
      (await run('docker run --rm --log-driver local --log-opt max-file=2 --log-opt foo=1 busybox true')).err,
    ).toBe(
      "docker: Error response from daemon: unknown log opt 'foo' for log driver local.\nSee 'docker run --help'.\n",
    );
    expect((await run('docker run --rm --log-opt mode=fast busybox true')).err).toContain(
      'logger: logging mode not supported: fast.',
    );
    expect((await run('docker run --rm --log-driver gelf busybox true')).err).toContain(
      'gelf-address is a required parameter.',
    );
    expect((await run('docker run --rm --log-driver none --log-opt a=b busybox true')).err).toBe(
      "docker: invalid logging opts for driver none.\nSee 'docker run --help'.\n",
    );
    const bad = await run('docker run --rm --log-opt max-size=abc busybox true');
    expect([bad.err, bad.code]).toEqual([
      "docker: Error response from daemon: failed to initialize logging driver: invalid size: 'abc'.\n",
      125,
    ]);
    expect((await run('docker run --rm --log-opt compress=true busybox true')).err).toContain(
      'compress cannot be true when max-file is less than 2 or max-size is not set.',
    );
    // Options that are right pass: the same run with them works.
    const good = await run(
      'docker run --rm --log-opt max-size=1k --log-opt max-file=2 --log-opt compress=true busybox echo ok',
    );
    expect([good.out, good.err, good.code]).toEqual(['ok\n', '', 0]);
  });

  it('a container whose logger cannot start stays Created, and docker logs says why', async () => {
    const run = await withBusybox();
    await run('docker create --name bad --log-opt max-file=x busybox echo never');
    expect((await run('docker start bad')).err).toBe(
      'Error response from daemon: failed to initialize logging driver: strconv.Atoi: parsing "x": invalid syntax\n' +
        'Error: failed to start containers: bad\n',
    );
    expect((await run('docker logs bad')).err).toBe(
      'Error response from daemon: strconv.Atoi: parsing "x": invalid syntax\n',
    );
    expect((await run(`docker inspect -f '{{.State.Status}} {{.HostConfig.LogConfig}}' bad`)).out).toBe(
      'created {json-file map[max-file:x]}\n',
    );
  });

  it('a driver that sends logs to a cloud service says it is not simulated here', async () => {
    const run = await withBusybox();
    const r = await run('docker run --name aw --log-driver awslogs --log-opt awslogs-group=g busybox echo hi');
    expect(r.err).toMatch(/^docker run: the awslogs logging driver is not simulated here/);
    expect(r.code).toBe(125);
    expect((await run(`docker ps -a --format '{{.Names}} {{.Status}}'`)).out).toBe('aw Created\n');
  });
});

describe('json-file', () => {
  it('rotates at max-size, keeping max-file files; docker logs reads them all, oldest first', async () => {
    const run = await withBusybox();
    await run(`docker run --name j1 --log-opt max-size=1k --log-opt max-file=3 busybox ${SIXTY}`);
    const dir = '/var/lib/docker/containers/$(docker inspect -f {{.Id}} j1)';
    expect((await run(`ls ${dir} | grep json.log | sed 's/^[0-9a-f]*//'`)).out).toBe(
      '-json.log\n-json.log.1\n-json.log.2\n',
    );
    // 11 lines of about 97 bytes pass 1000 bytes: the next write rotates.
    expect((await run(`wc -l < ${dir}/*-json.log.2`)).out).toBe('11\n');
    const logs = (await run('docker logs j1')).out.split('\n').filter(Boolean);
    expect([logs.length, logs[0], logs.at(-1)]).toEqual([
      27,
      'line 33 is here padded out',
      'line 59 is here padded out',
    ]);
    expect((await run(`docker inspect -f '{{json .HostConfig.LogConfig}}' j1`)).out).toBe(
      '{"Type":"json-file","Config":{"max-file":"3","max-size":"1k"}}\n',
    );
  });

  it('compress gzips the rotated files; without max-size nothing rotates', async () => {
    const run = await withBusybox();
    await run(
      `docker run --name jc --log-opt max-size=1k --log-opt max-file=3 --log-opt compress=true busybox ${SIXTY}`,
    );
    const dir = '/var/lib/docker/containers/$(docker inspect -f {{.Id}} jc)';
    expect((await run(`ls ${dir} | grep json.log | sed 's/^[0-9a-f]*//'`)).out).toBe(
      '-json.log\n-json.log.1.gz\n-json.log.2.gz\n',
    );
    expect((await run(`zcat ${dir}/*-json.log.1.gz | wc -l`)).out).toBe('11\n');
    expect((await run('docker logs jc | wc -l')).out).toBe('27\n');
    await run(`docker run --name plain busybox ${SIXTY}`);
    expect((await run('docker logs plain | wc -l')).out).toBe('60\n');
  });

  it('labels, env and tag become each line attrs; --details prints them', async () => {
    const run = await withBusybox();
    await run(
      "docker run --name jl --label a=1 --label b=2 -e E1=x --log-opt labels=a,b --log-opt env=E1 --log-opt tag='{{.Name}}/{{.ImageName}}' busybox echo hi",
    );
    const line = (await run('cat /var/lib/docker/containers/$(docker inspect -f {{.Id}} jl)/*-json.log')).out;
    expect(line).toMatch(
      /^\{"log":"hi\\n","stream":"stdout","attrs":\{"E1":"x","a":"1","b":"2","tag":"jl\/busybox"\},"time":"[^"]+"\}\n$/,
    );
    expect((await run('docker logs --details jl')).out).toBe('E1=x,a=1,b=2,tag=jl%2Fbusybox hi\n');
  });
});

describe('local', () => {
  it('writes framed protobuf records under local-logs/, which docker logs reads; LogPath is empty', async () => {
    const run = await withBusybox();
    await run(`docker run --name lo --log-driver local busybox sh -c 'echo one; echo two >&2'`);
    const file = '/var/lib/docker/containers/$(docker inspect -f {{.Id}} lo)/local-logs/container.log';
    expect((await run(`od -An -tx1 -N12 ${file}`)).out).toBe(' 00 00 00 17 0a 06 73 74 64 6f 75 74\n');
    expect((await run(`wc -c < ${file}`)).out).toBe('62\n');
    const logs = await run('docker logs lo');
    expect([logs.out, logs.err]).toEqual(['one\n', 'two\n']);
    expect((await run(`docker inspect -f '{{.LogPath}}|{{.HostConfig.LogConfig}}' lo`)).out).toBe('|{local map[]}\n');
    expect((await run('docker run --rm --log-driver local --log-opt max-file=1 busybox true')).err).toBe(
      'docker: Error response from daemon: failed to initialize logging driver: ' +
        'compression cannot be enabled when max file count is 1.\n',
    );
    expect(
      (await run('docker run --rm --log-driver local --log-opt max-file=1 --log-opt compress=0 busybox echo ok')).out,
    ).toBe('ok\n');
  });
});

describe("daemon.json's log-driver and log-opts", () => {
  it('are the defaults of new containers; bad log-opts stop the daemon', async () => {
    const run = await withBusybox();
    await run(`echo '{"log-driver": "local", "log-opts": {"max-size": "10m"}}' > /etc/docker/daemon.json`);
    await run('systemctl restart docker');
    await run('docker run --name d1 busybox echo hi');
    await run('docker run --name d2 --log-driver json-file busybox echo hi');
    expect((await run(`docker inspect -f '{{.HostConfig.LogConfig}}' d1 d2`)).out).toBe(
      '{local map[max-size:10m]}\n{json-file map[]}\n',
    );
    expect((await run('docker logs d1')).out).toBe('hi\n');
    expect((await run(`docker info --format '{{.LoggingDriver}}'`)).out).toBe('local\n');
    await run(`echo '{"log-opts": {"nope": "1"}}' > /etc/docker/daemon.json`);
    expect((await run('systemctl restart docker')).code).not.toBe(0);
    expect((await run('journalctl -u docker --no-pager | grep "log opts"')).out).toContain(
      "failed to start daemon: failed to set log opts: unknown log opt 'nope' for json-file log driver",
    );
  });
});
