// docker network and the container networking a learner meets, through the CLI front end, with the
// 20.10 daemon's and CLI's texts (scripts 74 and 75 hold the same against a real dockerd).
import { describe, expect, it } from 'vitest';
import { createDaemon } from '../../src/docker/engine/index.js';
import { createTutorialRegistry } from '../../src/docker/registry/tutorial.js';
import { seededRandom, steppingClock } from '../../src/kernel/index.js';
import { makeEnv, T0, type Env } from './engine-harness.js';

async function withBusybox(): Promise<Env> {
  const e = makeEnv();
  await e.docker('pull', 'busybox');
  return e;
}

const out = async (e: Env, ...args: string[]): Promise<string> => {
  const r = await e.docker(...args);
  return r.stdout + r.stderr;
};

describe('docker network ls / inspect', () => {
  it('lists the three built-in networks by name, with -q, --no-trunc and a table format', async () => {
    const e = makeEnv();
    const ls = await out(e, 'network', 'ls');
    expect(ls.split('\n')[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(ls).toMatch(/^[0-9a-f]{12} {3}bridge {4}bridge {4}local$/m);
    expect(ls).toMatch(/^[0-9a-f]{12} {3}none {6}null {6}local$/m);
    expect((await out(e, 'network', 'ls', '-q')).split('\n')).toHaveLength(4);
    expect(await out(e, 'network', 'ls', '--no-trunc', '--format', '{{.ID}}')).toMatch(/^([0-9a-f]{64}\n){3}$/);
    expect(await out(e, 'network', 'ls', 'extra')).toMatch(/^"docker network ls" accepts no arguments\.\n/);
  });

  it('inspects the default bridge as a 20.10 host does, and says No such network for another name', async () => {
    const e = makeEnv();
    const [bridge] = JSON.parse((await e.docker('network', 'inspect', 'bridge')).stdout);
    expect(bridge).toMatchObject({
      Name: 'bridge',
      Driver: 'bridge',
      IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16' }] },
      Containers: {},
      Labels: {},
    });
    expect(bridge.Options['com.docker.network.bridge.name']).toBe('docker0');
    const r = await e.docker('network', 'inspect', 'bridge', 'nosuch', '-f', '{{.Name}}');
    expect(r).toEqual({ code: 1, stdout: 'bridge\n', stderr: 'Error: No such network: nosuch\n' });
    expect(await out(e, 'inspect', '--type', 'network', '-f', '{{.Driver}}', 'none')).toBe('null\n');
  });
});

describe('docker network create / rm / prune', () => {
  it('takes the default pools in turn, not back to a freed one', async () => {
    const e = makeEnv();
    const subnet = async (n: string) =>
      out(e, 'network', 'inspect', '-f', '{{range .IPAM.Config}}{{.Subnet}}{{end}}', n);
    await e.docker('network', 'create', 'a1');
    expect(await subnet('a1')).toBe('172.18.0.0/16\n');
    await e.docker('network', 'rm', 'a1');
    await e.docker('network', 'create', 'a2');
    expect(await subnet('a2')).toBe('172.19.0.0/16\n');
  });

  it('keeps --subnet, --gateway, --ip-range, labels and options; an IPRange shows only when given', async () => {
    const e = makeEnv();
    const r = await e.docker(
      'network',
      'create',
      '--subnet',
      '10.5.0.0/16',
      '--gateway',
      '10.5.0.254',
      '--ip-range',
      '10.5.1.0/24',
      '--label',
      'team=blue',
      '-o',
      'com.docker.network.bridge.name=br-tutor',
      '--internal',
      'lab',
    );
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(await out(e, 'network', 'inspect', '-f', '{{json .IPAM}} {{.Internal}} {{.Labels}}', 'lab')).toBe(
      '{"Driver":"default","Options":{},"Config":[{"Subnet":"10.5.0.0/16","IPRange":"10.5.1.0/24",' +
        '"Gateway":"10.5.0.254"}]} true map[team:blue]\n',
    );
    await e.docker('network', 'create', 'plain');
    expect(await out(e, 'network', 'inspect', '-f', '[{{range .IPAM.Config}}{{.IPRange}}{{end}}]', 'plain')).toBe(
      '[]\n',
    );
    expect(await out(e, 'network', 'ls', '-f', 'label=team=blue', '--format', '{{.Name}} {{.Label "team"}}')).toBe(
      'lab blue\n',
    );
  });

  it('refuses what the daemon and the CLI refuse, in their words', async () => {
    const e = makeEnv();
    await e.docker('network', 'create', '--subnet', '10.5.0.0/16', 'lab');
    const cases: [string[], string][] = [
      [['lab'], 'Error response from daemon: network with name lab already exists\n'],
      [
        ['--subnet', '10.5.3.0/24', 'x'],
        'Error response from daemon: Pool overlaps with other one on this address space\n',
      ],
      [['-d', 'nosuch', 'x'], 'Error response from daemon: plugin "nosuch" not found\n'],
      [['-d', 'host', 'x'], 'Error response from daemon: only one instance of "host" network is allowed\n'],
      [['--subnet', '10.9.0.0/16', '--gateway', '10.8.0.1', 'x'], 'no matching subnet for gateway 10.8.0.1\n'],
      [['--gateway', '10.9.0.1', 'x'], 'every ip-range or gateway must have a corresponding subnet\n'],
      [
        ['--subnet', '10.9.0.300/16', 'x'],
        'Error response from daemon: Invalid subnet 10.9.0.300/16 : invalid CIDR address: 10.9.0.300/16\n',
      ],
    ];
    for (const [args, err] of cases) {
      const r = await e.docker('network', 'create', ...args);
      expect(r.stderr).toBe(err);
      expect(r.code).toBe(1);
    }
    expect((await e.docker('network', 'create', '-d', 'macvlan', 'x')).stderr).toMatch(/not simulated here/);
    expect((await e.docker('network', 'ls', '-q')).stdout.split('\n')).toHaveLength(5);
  });

  it('rm refuses a network a running container is on and the built-in ones; prune keeps them too', async () => {
    const e = await withBusybox();
    await e.docker('network', 'create', 'used');
    await e.docker('network', 'create', 'spare');
    await e.docker('run', '-d', '--name', 'web', '--network', 'used', 'busybox', 'sleep', '100');
    const id = (await out(e, 'network', 'inspect', '-f', '{{.Id}}', 'used')).trim();
    const r = await e.docker('network', 'rm', 'used', 'bridge', 'nosuch');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Error response from daemon: error while removing network: network used id ${id} has active endpoints\n` +
        'Error response from daemon: bridge is a pre-defined network and cannot be removed\n' +
        'Error: No such network: nosuch\n',
    );
    expect(await out(e, 'network', 'prune', '-f')).toBe('Deleted Networks:\nspare\n\n');
    expect(await out(e, 'network', 'prune', '-f')).toBe('');
    await e.docker('rm', '-f', 'web');
    expect(await out(e, 'system', 'prune', '-f')).toBe('Deleted Networks:\nused\n\nTotal reclaimed space: 0B\n');
  });

  it('keeps user networks in local-kv.db, which a restarted daemon reads back', async () => {
    const e = makeEnv();
    await e.docker('network', 'create', '--subnet', '10.7.0.0/24', '--label', 'k=v', 'kept');
    const kv = e.proc.stat('/var/lib/docker/network/files/local-kv.db');
    expect(kv.size).toBe(65536);
    expect(kv.mode & 0o777).toBe(0o644);
    const d2 = createDaemon({
      kernel: e.kernel,
      clock: steppingClock(T0 + 3_600_000),
      random: seededRandom(99),
      registry: createTutorialRegistry(),
      runCommand: async () => 0,
    });
    const n = d2.findNetwork('kept');
    expect(n).toMatchObject({ subnet: '10.7.0.0/24', gateway: '10.7.0.1', labels: { k: 'v' } });
    expect(d2.networks().map((x) => x.name)).toEqual(['bridge', 'host', 'kept', 'none']);
  });
});

describe('containers on a user network', () => {
  it("get the pool's lowest free address, the embedded DNS server and their address in /etc/hosts", async () => {
    const e = await withBusybox();
    await e.docker('network', 'create', 'mynet');
    await e.docker('run', '-d', '--name', 'aa', '--network', 'mynet', 'busybox', 'sleep', '100');
    await e.docker(
      'run',
      '-d',
      '--name',
      'bb',
      '--network',
      'mynet',
      '--network-alias',
      'web',
      'busybox',
      'sleep',
      '1',
    );
    const aa = e.daemon.getContainer('aa').id.slice(0, 12);
    expect(await out(e, 'exec', 'aa', 'cat', '/etc/resolv.conf')).toBe('nameserver 127.0.0.11\noptions ndots:0\n');
    expect(await out(e, 'exec', 'aa', 'cat', '/etc/hosts')).toMatch(new RegExp(`\n172\\.18\\.0\\.2\t${aa}\n$`));
    const fmt =
      '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.MacAddress}} {{$v.Aliases}}{{end}}';
    expect(await out(e, 'inspect', 'aa', '-f', fmt)).toBe(`mynet 172.18.0.2 02:42:ac:12:00:02 [${aa}]\n`);
    expect(await out(e, 'inspect', 'bb', '-f', '{{index .NetworkSettings.Networks.mynet.Aliases 0}}')).toBe('web\n');
    expect(await out(e, 'inspect', 'aa', '-f', '[{{.NetworkSettings.IPAddress}}] {{.HostConfig.NetworkMode}}')).toBe(
      '[] mynet\n',
    );
    const containers = await out(
      e,
      'network',
      'inspect',
      'mynet',
      '-f',
      '{{range .Containers}}{{.Name}} {{.IPv4Address}},{{end}}',
    );
    expect(containers.split(',').sort()).toEqual(['\n', 'aa 172.18.0.2/16', 'bb 172.18.0.3/16']);
    expect(await out(e, 'ps', '--filter', 'network=mynet', '--format', '{{.Names}} {{.Networks}}')).toBe(
      'bb mynet\naa mynet\n',
    );
  });

  it("--ip: within a user subnet only, with the daemon's errors at the start", async () => {
    const e = await withBusybox();
    await e.docker('network', 'create', '--subnet', '10.5.0.0/16', 'lab');
    await e.docker('network', 'create', 'auto');
    expect(await out(e, 'run', '--rm', '--network', 'lab', '--ip', '10.5.1.7', 'busybox', 'cat', '/etc/hosts')).toMatch(
      /\n10\.5\.1\.7\t[0-9a-f]{12}\n$/,
    );
    expect(await out(e, 'run', '--rm', '--network', 'lab', '--ip', '10.6.1.7', 'busybox', 'true')).toBe(
      "docker: Error response from daemon: Invalid address 10.6.1.7: It does not belong to any of this network's subnets.\n",
    );
    expect(await out(e, 'run', '--rm', '--network', 'auto', '--ip', '172.18.0.9', 'busybox', 'true')).toBe(
      'docker: Error response from daemon: user specified IP address is supported only when connecting to ' +
        'networks with user configured subnets.\n',
    );
    expect(await out(e, 'run', '--rm', '--network', 'lab', '--ip', '10.5.1.x', 'busybox', 'true')).toBe(
      "docker: Error response from daemon: invalid IPv4 address: 10.5.1.x.\nSee 'docker run --help'.\n",
    );
    // On the default network mode the CLI's endpoint config names no network: --ip is not used.
    expect((await e.docker('run', '--rm', '--ip', '172.17.0.9', 'busybox', 'true')).code).toBe(0);
    expect(e.daemon.ps(true)).toHaveLength(0);
  });

  it('--dns, --dns-search, --dns-option and --add-host shape resolv.conf and hosts', async () => {
    const e = await withBusybox();
    await e.docker('network', 'create', 'n1');
    await e.docker(
      'run',
      '-d',
      '--name',
      'c1',
      '--network',
      'n1',
      '--hostname',
      'myhost',
      '--add-host',
      'db:10.0.0.5',
      '--dns',
      '1.1.1.1',
      '--dns-search',
      'example.com',
      '--dns-option',
      'ndots:2',
      'busybox',
      'sleep',
      '100',
    );
    expect(await out(e, 'exec', 'c1', 'cat', '/etc/resolv.conf')).toBe(
      'search example.com\nnameserver 127.0.0.11\noptions ndots:2\n',
    );
    expect(await out(e, 'exec', 'c1', 'cat', '/etc/hosts')).toMatch(/\n10\.0\.0\.5\tdb\n172\.18\.0\.2\tmyhost\n$/);
    await e.docker('run', '-d', '--name', 'c2', '--dns', '1.1.1.1', 'busybox', 'sleep', '100');
    expect(await out(e, 'exec', 'c2', 'cat', '/etc/resolv.conf')).toBe('nameserver 1.1.1.1\n');
    expect(await out(e, 'inspect', 'c1', '-f', '{{json .HostConfig.Dns}} {{json .HostConfig.ExtraHosts}}')).toBe(
      '["1.1.1.1"] ["db:10.0.0.5"]\n',
    );
    expect(await out(e, 'run', '--rm', '--add-host', 'nocolon', 'busybox', 'true')).toMatch(/--add-host/);
  });

  it("a container on the default bridge reads systemd-resolved's uplink list, not the 127.0.0.53 stub", async () => {
    const e = await withBusybox();
    for (const dir of ['/etc', '/run', '/run/systemd', '/run/systemd/resolve'])
      if (!e.proc.exists(dir)) e.proc.mkdir(dir, 0o755);
    e.proc.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n', { create: true });
    e.proc.writeFile('/run/systemd/resolve/resolv.conf', 'nameserver 10.0.2.3\nsearch .\n', { create: true });
    const conf = await out(e, 'run', '--rm', 'busybox', 'cat', '/etc/resolv.conf');
    expect(conf).toContain('nameserver 10.0.2.3\n');
    expect(conf).not.toContain('127.0.0.53');
    // Without the uplink list dockerd has nothing to read: the public resolvers, as FilterResolvDNS
    // appends them (after a newline, with none at the end).
    e.proc.unlink('/run/systemd/resolve/resolv.conf');
    expect(await out(e, 'run', '--rm', 'busybox', 'cat', '/etc/resolv.conf')).toBe(
      '\nnameserver 8.8.8.8\nnameserver 8.8.4.4',
    );
    // A host resolver that is not the stub is kept as it is.
    e.proc.writeFile('/etc/resolv.conf', 'nameserver 192.0.2.53\n', { truncate: true });
    expect(await out(e, 'run', '--rm', 'busybox', 'cat', '/etc/resolv.conf')).toBe('nameserver 192.0.2.53\n');
  });
});

describe('docker network connect / disconnect', () => {
  it('gives a running container an endpoint at once and a created one a record for its start', async () => {
    const e = await withBusybox();
    await e.docker('network', 'create', 'mynet');
    await e.docker('network', 'create', '--subnet', '10.5.0.0/16', 'lab');
    await e.docker('run', '-d', '--name', 'aa', '--network', 'mynet', 'busybox', 'sleep', '100');
    expect(await out(e, 'network', 'connect', '--alias', 'extra', '--ip', '10.5.1.9', 'lab', 'aa')).toBe('');
    const aa = e.daemon.getContainer('aa').id.slice(0, 12);
    const fmt = '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.Aliases}};{{end}}';
    expect(await out(e, 'inspect', 'aa', '-f', fmt)).toBe(`lab 10.5.1.9 [extra ${aa}];mynet 172.18.0.2 [${aa}];\n`);
    expect(await out(e, 'exec', 'aa', 'cat', '/etc/hosts')).toMatch(
      new RegExp(`172\\.18\\.0\\.2\t${aa}\n10\\.5\\.1\\.9\t${aa}\n$`),
    );
    expect(await out(e, 'network', 'connect', 'lab', 'aa')).toBe(
      'Error response from daemon: endpoint with name aa already exists in network lab\n',
    );
    expect(await out(e, 'network', 'connect', 'none', 'aa')).toBe(
      'Error response from daemon: container cannot be connected to multiple networks with one of the networks ' +
        'in private (none) mode\n',
    );
    expect(await out(e, 'network', 'connect', 'lab', 'nosuchc')).toBe(
      'Error response from daemon: No such container: nosuchc\n',
    );
    expect(await out(e, 'network', 'disconnect', 'lab', 'aa')).toBe('');
    const id = e.daemon.getContainer('aa').id;
    expect(await out(e, 'network', 'disconnect', 'lab', 'aa')).toBe(
      `Error response from daemon: container ${id} is not connected to network lab\n`,
    );
    await e.docker('create', '--name', 'cc', '--network', 'lab', 'busybox');
    await e.docker('network', 'connect', 'mynet', 'cc');
    expect(
      await out(
        e,
        'inspect',
        'cc',
        '-f',
        '{{json .NetworkSettings.Networks.mynet.IPAMConfig}} {{.NetworkSettings.Networks.lab.Aliases}}',
      ),
    ).toBe('{} []\n');
  });

  it("--network container:NAME shares the other's files and refuses what it cannot have", async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'c1', '--hostname', 'myhost', 'busybox', 'sleep', '100');
    expect(await out(e, 'run', '--rm', '--network', 'container:c1', 'busybox', 'cat', '/etc/hostname')).toBe(
      'myhost\n',
    );
    expect(await out(e, 'run', '--rm', '--network', 'container:c1', 'busybox', 'cat', '/etc/hosts')).toMatch(
      /\tmyhost\n$/,
    );
    const conflicts: [string[], string][] = [
      [['-h', 'x'], 'hostname and the network mode'],
      [['-p', '80:80'], 'port publishing and the container type network mode'],
      [['--dns', '8.8.8.8'], 'dns and the network mode'],
      [['--add-host', 'a:1.2.3.4'], 'custom host-to-IP mapping and the network mode'],
    ];
    for (const [flags, what] of conflicts)
      expect(await out(e, 'run', '--rm', '--network', 'container:c1', ...flags, 'busybox', 'true')).toBe(
        `docker: Error response from daemon: conflicting options: ${what}.\nSee 'docker run --help'.\n`,
      );
    await e.docker('create', '--name', 'stopped', 'busybox');
    const id = e.daemon.getContainer('stopped').id;
    expect(await out(e, 'run', '--rm', '--network', 'container:stopped', 'busybox', 'true')).toBe(
      `docker: Error response from daemon: cannot join network of a non running container: ${id}.\n`,
    );
    await e.docker('run', '-d', '--name', 'c3', '--network', 'container:c1', 'busybox', 'sleep', '100');
    const c1 = e.daemon.getContainer('c1').id;
    expect(await out(e, 'inspect', 'c3', '-f', '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}}')).toBe(
      `container:${c1} {}\n`,
    );
  });
});
