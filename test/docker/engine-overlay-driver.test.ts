// The legacy overlay driver on the simulated host, switched on as a learner would (daemon.json +
// systemctl restart docker). What each assertion expects was observed on a real dockerd 20.10
// with --storage-driver=overlay (docs/ground-truth.md, "The legacy overlay driver"); the full
// data-root is compared with a real one in data-root-conformance.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

let host: SimHost;

async function sh(line: string): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const text = (d: string | Uint8Array): string => (typeof d === 'string' ? d : new TextDecoder().decode(d));
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += text(d)),
    stderr: (d) => void (err += text(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  const r = await host.session.run(line, io);
  return { out, err, code: r.exitCode };
}
const out = async (line: string): Promise<string> => (await sh(line)).out.trimEnd();

async function useDriver(driver: 'overlay' | 'overlay2'): Promise<void> {
  host.rootProc.writeFile('/etc/docker/daemon.json', `{ "storage-driver": "${driver}" }\n`);
  expect((await sh('systemctl restart docker')).code).toBe(0);
}

beforeEach(async () => {
  host = createSimHost({ seed: 21, interactive: false });
  await sh('docker pull busybox');
  await useDriver('overlay');
});

describe('the legacy overlay driver', () => {
  it("docker info names it, without overlay2's lines, and warns that it is deprecated", async () => {
    const info = await sh('docker info');
    expect(info.out).toContain(
      ' Storage Driver: overlay\n  Backing Filesystem: extfs\n  Supports d_type: true\n Logging Driver: json-file\n',
    );
    expect(info.err).toBe(
      'WARNING: the overlay storage-driver is deprecated, and will be removed in a future release.\n',
    );
  });

  it('keeps every image layer as a full root/ whose regular files are hard links shared with the layers below', async () => {
    await sh('docker pull nginx');
    const top = await out("docker image inspect -f '{{.GraphDriver.Data.RootDir}}' nginx");
    expect(top).toMatch(/^\/var\/lib\/docker\/overlay\/[0-9a-f]{64}\/root$/);
    expect(await out("docker image inspect -f '{{json .GraphDriver}}' nginx")).toBe(
      `{"Data":{"RootDir":"${top}"},"Name":"overlay"}`,
    );
    const layers = Number(await out("docker image inspect -f '{{len .RootFS.Layers}}' nginx"));
    expect(layers).toBeGreaterThan(2);
    // A file of the base layer is one inode with one name in every layer's root/.
    const [links, inode] = (await out(`stat -c '%h %i' ${top}/etc/debian_version`)).split(' ');
    expect(Number(links)).toBe(layers);
    expect(await out(`find /var/lib/docker/overlay -path '*/root/etc/debian_version' -inum ${inode} | wc -l`)).toBe(
      String(layers),
    );
    // Each layer dir holds root/ only; no image layer holds a whiteout device.
    expect(await out(`ls ${top}/..`)).toBe('root');
    expect(await out('find /var/lib/docker/overlay -type c | wc -l')).toBe('0');
    expect(await out('stat -c %a /var/lib/docker/overlay')).toBe('710');
  });

  it('gives a container an -init layer and a layer of its own, each with lower-id, upper/ and work/', async () => {
    await sh('docker create --name quiet busybox');
    const upper = await out("docker inspect -f '{{.GraphDriver.Data.UpperDir}}' quiet");
    const dir = upper.replace(/\/upper$/, '');
    expect(await out(`ls ${dir}`)).toBe('lower-id\nupper\nwork');
    expect(await out(`ls ${dir}-init`)).toBe('lower-id\nupper\nwork');
    const rootDir = await out("docker image inspect -f '{{.GraphDriver.Data.RootDir}}' busybox");
    expect(await out(`cat ${dir}/lower-id`)).toBe(rootDir.split('/')[5]);
    expect(await out(`stat -c '%a %s' ${dir}/lower-id`)).toBe('600 64');
    // The container's upper starts as a copy (not links) of the -init layer's.
    expect(await out(`stat -c %h ${dir}/upper/.dockerenv ${dir}-init/upper/.dockerenv`)).toBe('1\n1');
    expect(await out(`readlink ${dir}/upper/etc/mtab`)).toBe('/proc/mounts');
    expect(await out(`ls -d ${dir}/work/work`)).toBe(`${dir}/work/work`);
    expect(await out(`ls ${dir}/merged 2>&1`)).toContain('No such file or directory');
  });

  it("mounts a running container with its image's one root/ as lowerdir", async () => {
    await sh('docker run -d --name web busybox sleep 1000');
    const g = JSON.parse(await out("docker inspect -f '{{json .GraphDriver.Data}}' web")) as Record<string, string>;
    expect(Object.keys(g)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(await out('mount | grep overlay')).toBe(
      `overlay on ${g.MergedDir} type overlay (rw,relatime,lowerdir=${g.LowerDir},upperdir=${g.UpperDir},workdir=${g.WorkDir})`,
    );
  });

  it('diffs by comparing the container with its -init layer, and commits the result as a new full root/', async () => {
    await sh('docker run -d --name web busybox sleep 1000');
    await sh(
      "docker exec web sh -c 'echo more >> /etc/group; rm /bin/ls; rm -rf /home; mkdir /home; echo new > /newfile'",
    );
    const diff = (await out('docker diff web')).split('\n').sort();
    expect(diff).toEqual(['A /newfile', 'C /bin', 'C /etc', 'C /etc/group', 'D /bin/ls'].sort());
    const upper = await out("docker inspect -f '{{.GraphDriver.Data.UpperDir}}' web");
    expect(await out(`ls -l ${upper}/bin/ls | cut -c1-10`)).toBe('c---------');
    expect(await out(`getfattr -n trusted.overlay.opaque --only-values ${upper}/home`)).toBe('y');
    await sh('docker commit web snap');
    const root = await out("docker image inspect -f '{{.GraphDriver.Data.RootDir}}' snap");
    expect((await sh(`ls ${root}/bin/ls`)).code).not.toBe(0);
    expect(await out(`cat ${root}/newfile`)).toBe('new');
    const base = await out("docker image inspect -f '{{.GraphDriver.Data.RootDir}}' busybox");
    expect(await out(`stat -c %i ${root}/bin/sh`)).toBe(await out(`stat -c %i ${base}/bin/sh`));
    expect(await out(`stat -c %i ${root}/etc/group`)).not.toBe(await out(`stat -c %i ${base}/etc/group`));
  });

  it("hides the other driver's images and containers, and shows them again when switched back", async () => {
    expect(await out("docker images --format '{{.Repository}}'")).toBe('');
    await sh('docker pull alpine');
    await sh('docker create --name a1 alpine');
    await useDriver('overlay2');
    expect(await out("docker images --format '{{.Repository}}'")).toBe('busybox');
    expect(await out("docker ps -a --format '{{.Names}}'")).toBe('');
    expect(await out('ls /var/lib/docker/image')).toBe('overlay\noverlay2');
    await useDriver('overlay');
    expect(await out("docker images --format '{{.Repository}}'")).toBe('alpine');
    expect(await out("docker ps -a --format '{{.Names}}'")).toBe('a1');
  });

  it('costs more inodes per image than overlay2 (df -i): every layer repeats the directories and symlinks', async () => {
    const iused = async () => Number((await out("df -i /var/lib/docker | awk 'NR==2 {print $3}'")).trim());
    const header = await out('df -i /');
    expect(header.split('\n')[0]).toMatch(/^Filesystem +Inodes +IUsed +IFree +IUse% Mounted on$/);
    const a = await iused();
    await sh('docker pull nginx');
    const onOverlay = (await iused()) - a;
    await useDriver('overlay2');
    const b = await iused();
    await sh('docker pull nginx');
    const onOverlay2 = (await iused()) - b;
    expect(onOverlay2).toBeGreaterThan(100);
    expect(onOverlay).toBeGreaterThan(onOverlay2 * 1.5);
  });
});
