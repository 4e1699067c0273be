// Drivers that ship a container's logs to a service, on the simulated host, which runs none: the
// lines that depend on a machine's services and network. Each was checked by hand against a real
// dockerd 20.10 on a host without /dev/log or journald's socket, in a network namespace whose
// loopback is up (the conformance harness's dockerd runs where it is down, so script 92 holds only
// the lines that do not depend on the machine): TCP to the loopback is refused, UDP is sent
// unanswered and the container runs, keeping 20.10's local copy for docker logs.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh.run;
}

describe('logging drivers that send the logs elsewhere', () => {
  it('syslog without a syslog daemon and journald without journald fail the start; docker logs says why', async () => {
    const run = await withBusybox();
    const sl = await run('docker run --name sl --log-driver syslog busybox echo hi');
    expect([sl.out, sl.code]).toEqual(['', 125]);
    expect(sl.err).toContain(
      'docker: Error response from daemon: failed to initialize logging driver: Unix syslog delivery error.\n',
    );
    expect(await run('docker logs sl')).toEqual({
      out: '',
      err: 'Error response from daemon: Unix syslog delivery error\n',
      code: 1,
    });
    expect((await run('docker run --name jd --log-driver journald busybox echo hi')).err).toContain(
      'failed to initialize logging driver: journald is not enabled on this host.\n',
    );
    expect((await run('docker logs jd')).err).toBe(
      'Error response from daemon: journald is not enabled on this host\n',
    );
    expect((await run(`docker ps -a --format '{{.Names}} {{.Status}}'`)).out).toBe('jd Created\nsl Created\n');
  });

  it('TCP to the loopback is refused; UDP is sent unanswered and the container runs', async () => {
    const run = await withBusybox();
    expect((await run('docker run --rm --log-driver fluentd busybox echo hi')).err).toContain(
      'failed to initialize logging driver: dial tcp 127.0.0.1:24224: connect: connection refused.\n',
    );
    expect(
      (await run('docker run --rm --log-driver gelf --log-opt gelf-address=tcp://localhost:12201 busybox true')).err,
    ).toContain(
      'failed to initialize logging driver: gelf: cannot connect to GELF endpoint: localhost:12201 ' +
        'dial tcp 127.0.0.1:12201: connect: connection refused.\n',
    );
    expect(
      (await run('docker run --rm --log-driver syslog --log-opt syslog-address=tcp://127.0.0.1 busybox true')).err,
    ).toContain('dial tcp 127.0.0.1:514: connect: connection refused.\n');
    const udp = await run(
      'docker run --name gl --log-driver gelf --log-opt gelf-address=udp://127.0.0.1:12201 busybox echo hi',
    );
    expect([udp.out, udp.code]).toEqual(['hi\n', 0]);
    expect((await run('docker logs gl')).out).toBe('hi\n');
    expect((await run(`docker inspect -f '{{.LogPath}}|{{.HostConfig.LogConfig.Type}}' gl`)).out).toBe('|gelf\n');
  });

  it('a server beyond the host is not simulated, and says so', async () => {
    const run = await withBusybox();
    const r = await run(
      'docker run --rm --log-driver gelf --log-opt gelf-address=udp://graylog.example:12201 busybox true',
    );
    expect(r.code).toBe(125);
    expect(r.err).toContain('not simulated here');
  });
});
