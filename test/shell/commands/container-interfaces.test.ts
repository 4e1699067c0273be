// busybox's ip addr / ip link / ifconfig in a container: lo, then eth0 with the number it kept
// from the host (its veth peer's is the next one, and each new endpoint takes two more), the MAC
// Docker derives from the address, the /16's broadcast; eth1 after `network connect`; lo alone on
// none. Conformance script 97 runs the same against a real dockerd.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe("a container's interfaces", () => {
  it('ip addr shows lo and eth0@ifN+1 with the address, its broadcast and the MAC derived from it', async () => {
    const { run } = await makeShell();
    await run('docker network create n');
    await run('docker run -d --name aa --network n busybox sleep 1000');
    const r = await run('docker exec aa ip addr');
    expect(r.code).toBe(0);
    const m = /^(\d+): eth0@if(\d+):/m.exec(r.out);
    expect(Number(m?.[2])).toBe(Number(m?.[1]) + 1);
    expect(r.out.replace(/^\d+: eth0@if\d+/m, 'N: eth0@ifM')).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        'N: eth0@ifM: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue ',
        '    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff',
        '    inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    // A later endpoint takes the next two numbers; a connected network adds eth1.
    await run('docker run -d --name bb busybox sleep 1000');
    const b = /^(\d+): eth0@if(\d+):/m.exec((await run('docker exec bb ip link')).out);
    expect(Number(b?.[1])).toBe(Number(m?.[1]) + 2);
    await run('docker network connect n bb');
    const oneline = (await run('docker exec bb ip -o a')).out.split('\n');
    expect(oneline[0]).toBe('1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever');
    expect(oneline[1]).toMatch(/^\d+: eth0 {4}inet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0\\/);
    expect(oneline[2]).toMatch(/^\d+: eth1 {4}inet 172\.18\.0\.3\/16 brd 172\.18\.255\.255 scope global eth1\\/);
  });

  it('ip link, -4, show DEV and its errors; none has lo alone', async () => {
    const { run } = await makeShell();
    await run('docker run -d --name aa busybox sleep 1000');
    expect((await run('docker exec aa ip link')).out).not.toContain('inet');
    expect((await run('docker exec aa ip -4 a')).out).not.toContain('link/');
    expect((await run('docker exec aa ip addr show lo')).out).toMatch(/^1: lo: .*\n.*\n.*\n.*\n$/);
    expect(await run('docker exec aa ip addr show nosuch')).toMatchObject({
      err: "ip: can't find device 'nosuch'\n",
      code: 1,
    });
    expect(await run('docker exec aa ip addr bogus')).toMatchObject({
      err: "ip: invalid argument 'bogus' to 'ip'\n",
      code: 1,
    });
    expect((await run('docker exec aa ip addr show dev')).err).toBe('ip: command line is not complete, try "help"\n');
    expect((await run('docker exec aa ip')).err).toContain('Usage: ip [OPTIONS] address|route|link');
    expect((await run('docker exec aa ip addr add 10.0.0.1/8 dev eth0')).err).toContain('not simulated here');
    expect((await run('docker run --rm --network none busybox ip addr')).out).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n',
    );
  });

  it('ifconfig lists the interfaces by name with their counters; a missing one is not found', async () => {
    const { run } = await makeShell();
    await run('docker run -d --name aa busybox sleep 1000');
    const r = await run('docker exec aa ifconfig');
    expect(r.out).toMatch(/^eth0 {6}Link encap:Ethernet {2}HWaddr 02:42:AC:11:00:02 {2}\n/);
    expect(r.out).toContain('          inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0\n');
    expect(r.out).toContain(
      '\n\nlo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n',
    );
    expect(r.out).toContain('          RX bytes:1042 (1.0 KiB)  TX bytes:0 (0.0 B)\n');
    expect(await run('docker exec aa ifconfig nosuch')).toMatchObject({
      err: 'ifconfig: nosuch: error fetching interface information: Device not found\n',
      code: 1,
    });
    expect((await run('docker exec aa ifconfig eth0 bogus')).err).toBe("ifconfig: bad address 'bogus'\n");
    expect((await run('docker run --rm --network none busybox ifconfig -a')).out).toMatch(/^lo {8}Link/);
  });

  it("--mac-address is eth0's MAC on the mode's network (a connected one's is derived); --ipv6 has no pool", async () => {
    const { run } = await makeShell();
    await run('docker network create n');
    await run('docker run -d --name mm --mac-address 02:11:22:33:44:66 busybox sleep 1000');
    expect((await run("docker inspect -f '{{.Config.MacAddress}} {{.NetworkSettings.MacAddress}}' mm")).out).toBe(
      '02:11:22:33:44:66 02:11:22:33:44:66\n',
    );
    await run('docker network connect n mm');
    const links = (await run('docker exec mm ip link')).out;
    expect(links).toContain('    link/ether 02:11:22:33:44:66 brd ff:ff:ff:ff:ff:ff\n');
    expect(links).toContain('    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff\n');
    expect(await run('docker network create --ipv6 v6')).toMatchObject({
      err:
        'Error response from daemon: could not find an available, non-overlapping IPv6 address pool among the ' +
        'defaults to assign to the network\n',
      code: 1,
    });
  });
});
