// What a container's network holds and reaches: busybox's ping, nslookup and hostname -i by
// Docker's embedded DNS on a user network, the default bridge without it, none with loopback alone;
// /proc/net and IPv6 off in containers. An endless ping stops at Ctrl-C (and in a script after one
// round). Conformance scripts 86 and 87 run the same against a real dockerd.
import { describe, expect, it } from 'vitest';
import { makeShell, runUntilAbort } from '../shell-harness.js';

async function network() {
  const shell = await makeShell();
  await shell.run('docker network create mynet');
  await shell.run('docker run -d --name aa --network mynet busybox sleep 1000');
  await shell.run('docker run -d --name bb --network mynet --network-alias web busybox sleep 1000');
  await shell.run('docker run -d --name cc busybox sleep 1000');
  await shell.run('docker run -d --name nn --network none busybox sleep 1000');
  return shell;
}

describe('names and reachability between containers', () => {
  it('ping finds a container of the same user network by name, alias and NAME.NETWORK', async () => {
    const { run } = await network();
    const r = await run('docker exec aa ping -c 2 web');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^PING web \(172\.18\.0\.3\): 56 data bytes\n64 bytes from 172\.18\.0\.3: seq=0 ttl=64 time=0\.\d{3} ms\n/,
    );
    expect(r.out).toMatch(/\n--- web ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\n/);
    expect(r.out).toMatch(/round-trip min\/avg\/max = 0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms\n$/);
    expect((await run('docker exec aa ping -c 1 bb.mynet')).code).toBe(0);
    expect((await run('docker exec aa ping -c 1 -q aa')).out).not.toContain('bytes from');
  });

  it('a name the embedded DNS does not know is a bad address; an address no one holds loses its packets', async () => {
    const { host, run } = await network();
    const before = host.kernel.clock.now();
    expect(await run('docker exec aa ping -c 1 cc')).toMatchObject({ err: "ping: bad address 'cc'\n", code: 1 });
    // The forwarded query timed out: two tries of 5 s on the host's clock.
    expect(host.kernel.clock.now() - before).toBeGreaterThanOrEqual(10_000);
    const lost = await run('docker exec aa ping -c 1 -W 1 172.18.0.99');
    expect(lost.out).toContain('1 packets transmitted, 0 packets received, 100% packet loss\n');
    expect(lost.code).toBe(1);
    // The default bridge has no embedded DNS; another bridge is behind the isolation rules.
    expect((await run('docker exec cc ping -c 1 bb')).err).toBe("ping: bad address 'bb'\n");
    expect((await run('docker exec cc ping -c 1 -W 1 172.18.0.2')).code).toBe(1);
    expect((await run('docker exec cc ping -c 1 172.17.0.1')).code).toBe(0);
  });

  it('on none only loopback answers: another address has no route', async () => {
    const { run } = await network();
    expect((await run('docker exec nn ping -c 1 127.0.0.1')).code).toBe(0);
    const r = await run('docker exec nn ping -c 1 172.17.0.2');
    expect(r).toMatchObject({ err: 'ping: sendto: Network is unreachable\n', code: 1 });
    expect((await run('docker exec nn hostname -i')).err).toMatch(
      /^hostname: [0-9a-f]{12}: Host name lookup failure\n$/,
    );
  });

  it('nslookup asks the embedded DNS server: an answer, a reverse name, a timeout for the rest', async () => {
    const { run } = await network();
    expect((await run('docker exec aa nslookup -type=a web')).out).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.3\n\n',
    );
    expect((await run('docker exec aa nslookup 172.18.0.3')).out).toContain(
      '3.0.18.172.in-addr.arpa\tname = bb.mynet\n',
    );
    const missing = await run('docker exec aa nslookup nosuch');
    expect(missing).toMatchObject({ out: ';; connection timed out; no servers could be reached\n\n', code: 1 });
    expect((await run('docker exec aa hostname -i')).out).toBe('172.18.0.2\n');
    expect((await run('docker exec cc hostname -i')).out).toBe('172.17.0.2\n');
  });

  it('an endless ping runs until Ctrl-C, then prints its statistics; in a script it stops after one', async () => {
    const { host, run } = await network();
    const r = await runUntilAbort(host, 'docker exec aa ping bb', 1500);
    expect(r.code).toBe(130);
    expect(r.out).toMatch(/seq=1 ttl=64/);
    expect(r.out).toMatch(/--- bb ping statistics ---\n[23] packets transmitted/);
    expect(r.ms).toBeLessThan(5000);
    const script = await run('docker exec aa ping bb');
    expect(script.err).toContain('until Ctrl-C');
    expect(script.out).toContain('1 packets transmitted, 1 packets received');
  });

  it('/proc/net shows the container own network; IPv6 is off, its if_inet6 there and empty', async () => {
    const { run } = await network();
    const route = (await run('docker exec aa cat /proc/net/route')).out.split('\n');
    expect(route[1]).toMatch(/^eth0\t00000000\t010012AC\t0003\t/);
    expect(route[2]).toMatch(/^eth0\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t/);
    expect((await run('docker exec aa cat /proc/net/if_inet6')).out).toBe('');
    expect((await run("docker exec aa sh -c '[ -f /proc/net/if_inet6 ] && echo yes'")).out).toBe('yes\n');
    expect((await run('docker exec aa cat /proc/sys/net/ipv6/conf/all/disable_ipv6')).out).toBe('1\n');
    expect((await run('docker exec aa ls /proc/sys/net/ipv6/conf')).out).toBe('all\ndefault\neth0\nlo\n');
    expect((await run('docker exec nn ls /proc/sys/net/ipv6/conf')).out).toBe('all\ndefault\nlo\n');
  });
});

describe('routes of a container on two networks', () => {
  it('the default route goes by the network whose name sorts first; the subnets by address', async () => {
    const { run } = await makeShell();
    await run('docker network create lab');
    await run('docker run -d --name two --network lab busybox sleep 1000');
    await run('docker network connect bridge two');
    const route = (await run('docker exec two cat /proc/net/route')).out.split('\n').map((l) => l.trimEnd());
    expect(route.slice(1, 4)).toEqual([
      'eth1\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0',
      'eth1\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
      'eth0\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
    ]);
    expect((await run('docker exec two ip route')).out).toBe(
      'default via 172.17.0.1 dev eth1 \n172.17.0.0/16 dev eth1 scope link  src 172.17.0.2 \n' +
        '172.18.0.0/16 dev eth0 scope link  src 172.18.0.2 \n',
    );
    expect((await run('docker exec two route -n')).out).toContain(
      '0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth1\n',
    );
    expect((await run('docker run --rm --network none busybox ip route')).out).toBe('');
  });
});
