// docker run/create's runtime flags, PID 1 and signals, and what a daemon restart brings back, as a
// real Docker 20.10.24 answered them (conformance scripts 70-run-flags.sh and 71-signals-restart.sh
// hold the same lines against a real dockerd).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh.run;
}

const field = async (run: Awaited<ReturnType<typeof withBusybox>>, c: string, f: string) =>
  (await run(`docker inspect ${c} --format '${f}'`)).out.trim();

describe('docker run --env-file, -m, --cpus', () => {
  it('reads an env file as the CLI does: comments, blanks, a bare name from its own environment', async () => {
    const run = await withBusybox();
    await run(String.raw`printf 'A=1\n# c\n  B=two words\nHOSTVAR\nUNSET\n\nC=x=y\n' > /root/e.list`);
    const r = await run(
      `HOSTVAR=host docker run --rm --env-file /root/e.list -e A=2 busybox sh -c 'echo "$A|$B|$HOSTVAR|\${UNSET-unset}|$C"'`,
    );
    expect(r.out).toBe('2|two words|host|unset|x=y\n');
    const bad = await run('docker run --rm --env-file /root/none.list busybox true');
    expect([bad.err, bad.code]).toEqual([
      "docker: open /root/none.list: no such file or directory.\nSee 'docker run --help'.\n",
      125,
    ]);
    await run(String.raw`printf 'BAD KEY=1\n' > /root/b.list`);
    expect((await run('docker create --env-file /root/b.list busybox')).err).toBe(
      "docker: poorly formatted environment: variable 'BAD KEY' contains whitespaces.\nSee 'docker create --help'.\n",
    );
  });

  it('sets the limits inspect shows, and refuses what the CLI or the daemon refuses', async () => {
    const run = await withBusybox();
    await run('docker create --name mem -m 64m --cpus 1.5 busybox');
    expect(await field(run, 'mem', '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.MemorySwap}}')).toBe(
      '67108864 1500000000 134217728',
    );
    expect((await run('docker create -m 64x busybox')).err).toBe(
      `invalid argument "64x" for "-m, --memory" flag: invalid size: '64x'\nSee 'docker create --help'.\n`,
    );
    expect((await run('docker create -m 1k busybox')).err).toBe(
      'Error response from daemon: Minimum memory limit allowed is 6MB\n',
    );
    expect((await run('docker run --rm --cpus 64 busybox true')).err).toContain('Range of CPUs is from 0.01 to 2.00');
    expect((await run('docker ps -aq')).out.trim().split('\n')).toHaveLength(1);
  });
});

describe('docker run --network, -P, --expose, -p', () => {
  it('puts a container on none, host or the bridge, each address the lowest one free', async () => {
    const run = await withBusybox();
    await run('docker run -d --name c1 --network none busybox sleep 1000');
    expect(await field(run, 'c1', '{{.HostConfig.NetworkMode}} [{{.NetworkSettings.IPAddress}}]')).toBe('none []');
    expect(await field(run, 'c1', '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}')).toBe('none');
    await run('docker run -d --name c2 busybox sleep 1000');
    await run('docker run -d --name c3 --network bridge busybox sleep 1000');
    expect(await field(run, 'c2', '{{.HostConfig.NetworkMode}} {{.NetworkSettings.IPAddress}}')).toBe(
      'default 172.17.0.2',
    );
    expect(await field(run, 'c3', '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.MacAddress}}')).toBe(
      '172.17.0.3 02:42:ac:11:00:03',
    );
    await run('docker rm -f c2');
    await run('docker run -d --name c4 busybox sleep 1000');
    expect(await field(run, 'c4', '{{.NetworkSettings.IPAddress}}')).toBe('172.17.0.2');
    expect((await run('docker exec c4 cat /etc/hosts')).out).toContain('172.17.0.2\t');
    expect((await run('docker exec c1 cat /etc/hosts')).out).not.toContain('172.17');
  });

  it('makes a container on a network that does not exist, which then cannot start', async () => {
    const run = await withBusybox();
    expect((await run('docker create --name nn --network nosuch busybox')).code).toBe(0);
    expect((await run('docker start nn')).err).toBe(
      'Error response from daemon: network nosuch not found\nError: failed to start containers: nn\n',
    );
    const r = await run('docker run --name nn2 --network nosuch busybox true');
    expect(r.code).toBe(125);
    expect(r.err).toMatch(/^docker: Error response from daemon: network nosuch not found\.\ntime=".*" level=error/);
    expect((await run("docker inspect nn2 --format '{{.State.Status}}'")).out).toBe('created\n');
  });

  it('publishes every exposed port with -P on ports from 32768 (each protocol its own), which docker port lists', async () => {
    const run = await withBusybox();
    await run('docker run -d --name pa -P --expose 80 --expose 7000-7001/udp busybox sleep 1000');
    expect(await field(run, 'pa', '{{json .Config.ExposedPorts}} {{.HostConfig.PublishAllPorts}}')).toBe(
      '{"7000/udp":{},"7001/udp":{},"80/tcp":{}} true',
    );
    expect((await run('docker port pa | grep -v ::: | sort')).out).toBe(
      '7000/udp -> 0.0.0.0:32768\n7001/udp -> 0.0.0.0:32769\n80/tcp -> 0.0.0.0:32768\n',
    );
    await run('docker run -d --name pb -p 8080:80 -p 127.0.0.1:9090:90/udp -p 81 busybox sleep 1000');
    expect(await field(run, 'pb', '{{json .HostConfig.PortBindings}}')).toBe(
      '{"80/tcp":[{"HostIp":"","HostPort":"8080"}],"81/tcp":[{"HostIp":"","HostPort":""}],' +
        '"90/udp":[{"HostIp":"127.0.0.1","HostPort":"9090"}]}',
    );
    expect((await run('docker port pb 81')).out).toBe('0.0.0.0:32769\n:::32769\n');
    expect((await run('docker port pb 90/udp')).out).toBe('127.0.0.1:9090\n');
  });
});

describe('docker run --restart and a daemon restart', () => {
  it('keeps the policy in inspect and refuses what the CLI and the daemon refuse', async () => {
    const run = await withBusybox();
    await run('docker create --name rp --restart on-failure:3 busybox');
    expect(await field(run, 'rp', '{{json .HostConfig.RestartPolicy}}')).toBe(
      '{"Name":"on-failure","MaximumRetryCount":3}',
    );
    expect((await run('docker create --restart sometimes busybox')).err).toBe(
      "Error response from daemon: invalid restart policy 'sometimes'\n",
    );
    expect((await run('docker create --restart always:3 busybox')).err).toBe(
      "Error response from daemon: maximum retry count cannot be used with restart policy 'always'\n",
    );
    expect((await run('docker run --rm --restart always busybox true')).err).toBe(
      "docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.\n",
    );
  });

  it('brings back always, unless-stopped not stopped by hand and on-failure, remounting their layers', async () => {
    const run = await withBusybox();
    for (const [name, policy] of [
      ['always', 'always'],
      ['unless', 'unless-stopped'],
      ['stopped', 'unless-stopped'],
      ['never', 'no'],
      ['onfail', 'on-failure'],
    ])
      await run(`docker run -d --name ${name} --restart ${policy} busybox sleep 1000`);
    await run('docker stop -t 1 stopped');
    const merged = await field(run, 'always', '{{.GraphDriver.Data.MergedDir}}');
    await run('systemctl restart docker');
    const status = async () =>
      (await run("docker ps -a --format '{{.Names}} {{.State}}' | sort")).out.trim().split('\n');
    expect(await status()).toEqual([
      'always running',
      'never exited',
      'onfail running',
      'stopped exited',
      'unless running',
    ]);
    expect((await run(`grep -c ' ${merged} ' /proc/mounts`)).out).toBe('1\n');
    await run('docker stop always unless');
    await run('systemctl restart docker');
    expect(await status()).toEqual([
      'always running',
      'never exited',
      'onfail running',
      'stopped exited',
      'unless exited',
    ]);
  });

  it('keeps a container whose image rmi -f deleted, and it still starts', async () => {
    const run = await withBusybox();
    await run('docker create --name made busybox echo made');
    await run('docker rmi -f busybox');
    await run('systemctl restart docker');
    expect((await run("docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('made Created\n');
    expect((await run('docker start -a made')).out).toBe('made\n');
  });
});

describe('PID 1 and signals', () => {
  it('stop waits out the grace period for a process without a TERM handler; a trap exits at once', async () => {
    const run = await withBusybox();
    await run('docker run -d --name sl busybox sleep 1000');
    await run(`docker run -d --name tr busybox sh -c 'trap "exit 3" TERM; while :; do sleep 1; done'`);
    const took = async (line: string) => {
      const r = await run(`S=$(date +%s); ${line} >/dev/null; echo $(( $(date +%s) - S ))`);
      return Number(r.out.trim());
    };
    expect(await took('docker stop sl')).toBeGreaterThanOrEqual(10);
    expect(await field(run, 'sl', '{{.State.ExitCode}}')).toBe('137');
    expect(await took('docker stop tr')).toBeLessThan(5);
    expect(await field(run, 'tr', '{{.State.ExitCode}}')).toBe('3');
    await run('docker start sl tr');
    expect(await took('docker restart -t 0 sl')).toBeLessThan(5);
    expect(await field(run, 'sl', '{{.State.Status}}')).toBe('running');
    expect(await took('docker stop -t 0 sl')).toBeLessThan(5);
    await run('docker kill -s USR1 tr');
    expect(await field(run, 'tr', '{{.State.Status}}')).toBe('running');
    await run('docker kill -s 15 tr');
    expect(await field(run, 'tr', '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 3');
  });
});

describe('what the CLI refuses before it asks the daemon', () => {
  it('an uppercase image name, -it without a terminal, inspect --type of the wrong kind', async () => {
    const run = await withBusybox();
    const up = await run('docker run NoSuch');
    expect([up.err, up.code]).toEqual([
      "docker: invalid reference format: repository name must be lowercase.\nSee 'docker run --help'.\n",
      125,
    ]);
    expect((await run('docker create NoSuch')).err).toBe(
      'invalid reference format: repository name must be lowercase\n',
    );
    const noTty = await run('docker run -it busybox sh', { stdin: '' });
    expect([noTty.err, noTty.code]).toEqual(['the input device is not a TTY\n', 1]);
    expect((await run('docker ps -aq')).out).toBe('');
    await run('docker run --name quiet --log-driver none busybox echo hi');
    expect((await run('docker logs quiet')).err).toBe(
      'Error response from daemon: configured logging driver does not support reading\n',
    );
    expect((await run('docker inspect --type volume quiet')).err).toBe('Error: No such volume: quiet\n');
    expect((await run('docker inspect --type bogus quiet')).err).toBe('"bogus" is not a valid value for --type\n');
    await run('docker volume create v1');
    expect((await run("docker inspect v1 --format '{{.Name}}'")).out).toBe('v1\n');
  });
});
