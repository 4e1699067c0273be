/**
 * Smoke suite against a real dockerd (overlay2) on a private data-root: the facts the simulator
 * must reproduce, read from the real disk. See docs/ground-truth.md for the full record.
 *
 * Needs root, docker.io, busybox-static (and attr for the xattr checks). When it cannot run it
 * says so loudly and skips; it never touches a system dockerd or /var/lib/docker.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import {
  buildBusyboxImages,
  chainIds,
  DEFAULT_APPLETS,
  mountsUnder,
  readProcMounts,
  readXattrs,
  sha256Hex,
  startRealDocker,
  type BusyboxImages,
  type RealDocker,
  realHostUnavailable,
} from './support/real-docker.js';
import { makeEnv } from './docker/engine-harness.js';

const precheck = realHostUnavailable('real-docker suite', { busybox: true });

const hex64 = /^[0-9a-f]{64}$/;
const lid26 = /^[A-Z2-7]{26}$/;
const mode = (p: string) => lstatSync(p).mode & 0o7777;
const ls = (p: string) => readdirSync(p).sort();
const read = (p: string) => readFileSync(p, 'utf8');
const noNewline = (p: string) => {
  const text = read(p);
  expect(text.endsWith('\n'), `${p} ends with a newline`).toBe(false);
  return text;
};
const strip = (id: string) => id.replace(/^sha256:/, '');

/** Kernel >= 5.8 shares one whiteout inode per overlay (hard links in the upper dir). */
function kernelAtLeast(major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release());
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > major || (a === major && b >= minor);
}

async function untar(file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const ex = extract();
  const done = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      entries.set(entry.header.name, Buffer.concat(chunks));
    }
  })();
  ex.end(readFileSync(file));
  await done;
  return entries;
}

describe.skipIf(precheck)('real dockerd, overlay2, private data-root', () => {
  let d: RealDocker | undefined;
  let startFailure = 'daemon not started';
  let imgs: BusyboxImages;
  let cliVersion = '';
  const t0 = Date.now();

  // Shared across the (sequential) tests below.
  let home = ''; // <data-root>/overlay2
  let layerdb = ''; // <data-root>/image/overlay2/layerdb
  let layeredDiffIds: string[] = [];
  let layeredChain: string[] = [];
  let cacheIds: string[] = [];
  let links: string[] = [];
  let cid = '';
  let mountId = '';

  beforeAll(async () => {
    const started = await startRealDocker();
    if (typeof started === 'string') {
      startFailure = started;
      console.warn(`\n!! real-docker suite SKIPPED: private dockerd did not start:\n${started}\n`);
      return;
    }
    d = started;
    imgs = await buildBusyboxImages(d);
    cliVersion = await d.dockerOk(['version', '--format', '{{.Client.Version}}']);
    home = join(d.dataRoot, 'overlay2');
    layerdb = join(d.dataRoot, 'image', 'overlay2', 'layerdb');
  }, 120_000);

  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  const need = (ctx: TestContext): RealDocker => {
    if (!d && process.env.OVERLAY_TUTOR_REQUIRE_REAL === '1') throw new Error(`dockerd did not start: ${startFailure}`);
    if (!d) ctx.skip(startFailure);
    return d as RealDocker;
  };
  const cacheOf = (chainId: string) => noNewline(join(layerdb, 'sha256', strip(chainId), 'cache-id'));

  test('the daemon is private and runs overlay2', async (ctx) => {
    const dk = need(ctx);
    expect(dk.dataRoot.startsWith(`${dk.tmpDir}/`)).toBe(true);
    expect(dk.dataRoot).not.toBe('/var/lib/docker');
    expect(dk.host).toBe(`unix://${dk.socket}`);
    expect(await dk.dockerOk(['info', '--format', '{{.DockerRootDir}}|{{.Driver}}'])).toBe(`${dk.dataRoot}|overlay2`);
    const status = JSON.parse(await dk.dockerOk(['info', '--format', '{{json .DriverStatus}}'])) as [string, string][];
    const keys = status.map(([k]) => k);
    expect(keys.slice(0, 2)).toEqual(['Backing Filesystem', 'Supports d_type']);
    expect(Object.fromEntries(status)).toMatchObject({ 'Supports d_type': 'true', 'Native Overlay Diff': 'true' });
    const info = await dk.docker(['info']);
    expect(info.stdout).toMatch(
      /\n Storage Driver: overlay2\n {2}Backing Filesystem: \w+\n {2}Supports d_type: true\n/,
    );
    if (dk.privateNetns) expect(info.stderr).not.toMatch(/WARNING/);
    // Top-level modes (Docker >= 20.10: 0710 with the remapped-root group, here root).
    expect(mode(dk.dataRoot)).toBe(0o710);
    expect(mode(home)).toBe(0o710);
    expect(mode(join(home, 'l'))).toBe(0o700);
    expect(mode(join(dk.dataRoot, 'image'))).toBe(0o700);
    expect(mode(join(dk.dataRoot, 'containers'))).toBe(0o710);
    expect(ls(join(dk.dataRoot, 'image', 'overlay2'))).toEqual([
      'distribution',
      'imagedb',
      'layerdb',
      'repositories.json',
    ]);
    expect(ls(layerdb)).toEqual(['mounts', 'sha256', 'tmp']);
  });

  test('busybox-static: one layer whose DiffID is the sha256 of the rootfs tar', async (ctx) => {
    const dk = need(ctx);
    const layers = JSON.parse(
      await dk.dockerOk(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', imgs.baseRef]),
    );
    expect(layers).toEqual([imgs.baseDiffId]);
    const dir = join(layerdb, 'sha256', strip(imgs.baseDiffId)); // ChainID(L0) = DiffID(L0)
    expect(ls(dir)).toEqual(['cache-id', 'diff', 'size', 'tar-split.json.gz']);
    expect(noNewline(join(dir, 'diff'))).toBe(imgs.baseDiffId);
    const busyboxSize = statSync('/bin/busybox').size;
    // size = lstat sizes of non-directories: the binary plus one 7-byte symlink per applet.
    expect(noNewline(join(dir, 'size'))).toBe(String(busyboxSize + 'busybox'.length * DEFAULT_APPLETS.length));
    const cacheId = noNewline(join(dir, 'cache-id'));
    expect(cacheId).toMatch(hex64);
    // A base layer: no lower, no work; `committed` because layers were created on it.
    const layerDir = join(home, cacheId);
    expect(ls(layerDir)).toEqual(['committed', 'diff', 'link']);
    expect(mode(layerDir)).toBe(0o710);
    expect(mode(join(layerDir, 'diff'))).toBe(0o755);
    expect(mode(join(layerDir, 'link'))).toBe(0o644);
    expect(mode(join(layerDir, 'committed'))).toBe(0o600);
    expect(read(join(layerDir, 'committed'))).toBe('');
    const link = noNewline(join(layerDir, 'link'));
    expect(link).toMatch(lid26);
    expect(readlinkSync(join(home, 'l', link))).toBe(`../${cacheId}/diff`);
    expect(ls(join(layerDir, 'diff'))).toEqual(['bin', 'etc', 'tmp']);
    expect(mode(join(layerDir, 'diff', 'tmp'))).toBe(0o1777);
    // GraphDriver.Data of a one-layer image: no LowerDir, WorkDir named although it does not exist.
    const gd = JSON.parse(await dk.dockerOk(['image', 'inspect', '--format', '{{json .GraphDriver}}', imgs.baseRef]));
    expect(gd).toEqual({
      Name: 'overlay2',
      Data: { MergedDir: `${layerDir}/merged`, UpperDir: `${layerDir}/diff`, WorkDir: `${layerDir}/work` },
    });
    const history = await dk.dockerOk([
      'history',
      '--format',
      '{{.ID}}|{{.CreatedBy}}|{{.Size}}|{{.Comment}}',
      imgs.baseRef,
    ]);
    expect(history).toBe(`${strip(imgs.baseId).slice(0, 12)}||1.98MB|Imported from -`);
  });

  test('layered: ChainIDs name layerdb dirs; lower files and l/ links chain the overlay2 dirs', async (ctx) => {
    const dk = need(ctx);
    layeredDiffIds = JSON.parse(
      await dk.dockerOk(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', imgs.layeredRef]),
    );
    expect(layeredDiffIds).toHaveLength(3);
    expect(layeredDiffIds[0]).toBe(imgs.baseDiffId);
    layeredChain = chainIds(layeredDiffIds);
    expect(mode(join(layerdb, 'sha256'))).toBe(0o755);
    const sizes: string[] = [];
    layeredChain.forEach((chainId, i) => {
      const dir = join(layerdb, 'sha256', strip(chainId));
      expect(mode(dir)).toBe(0o700);
      expect(ls(dir)).toEqual(
        i === 0
          ? ['cache-id', 'diff', 'size', 'tar-split.json.gz']
          : ['cache-id', 'diff', 'parent', 'size', 'tar-split.json.gz'],
      );
      for (const f of ls(dir)) expect(mode(join(dir, f))).toBe(0o644);
      expect(noNewline(join(dir, 'diff'))).toBe(layeredDiffIds[i]);
      if (i > 0) expect(noNewline(join(dir, 'parent'))).toBe(layeredChain[i - 1]);
      sizes.push(noNewline(join(dir, 'size')));
    });
    // "hello\n" + "old\n" + "doomed\n" = 17; "new\n" + "Hello world\n" = 16, the whiteout counts 0.
    expect(sizes.slice(1)).toEqual(['17', '16']);

    cacheIds = layeredChain.map(cacheOf);
    links = cacheIds.map((c) => noNewline(join(home, c, 'link')));
    for (const [i, c] of cacheIds.entries()) {
      expect(readlinkSync(join(home, 'l', links[i] as string))).toBe(`../${c}/diff`);
      if (i === 0) continue;
      // Built by the legacy builder: every layer got a child (the next step's container), so all
      // are `committed`. work/ is empty: these dirs were filled by applying a tar, never mounted.
      expect(ls(join(home, c))).toEqual(['committed', 'diff', 'link', 'lower', 'work']);
      expect(mode(join(home, c, 'work'))).toBe(0o700);
      expect(ls(join(home, c, 'work'))).toEqual([]);
      expect(mode(join(home, c, 'lower'))).toBe(0o644);
      const lower = noNewline(join(home, c, 'lower'));
      expect(lower).toBe(
        links
          .slice(0, i)
          .reverse()
          .map((l) => `l/${l}`)
          .join(':'),
      );
    }

    // Layer 3's diff/: a whiteout for /etc/doomed, an opaque /data/sub, the new files.
    const diff3 = join(home, cacheIds[2] as string, 'diff');
    const wh = lstatSync(join(diff3, 'etc', 'doomed'));
    expect(wh.isCharacterDevice()).toBe(true);
    expect(wh.rdev).toBe(0);
    expect(wh.mode & 0o7777).toBe(0);
    expect(wh.nlink).toBe(1); // applied from a tar: one mknod per whiteout
    expect(ls(join(diff3, 'data', 'sub'))).toEqual(['new.txt']);
    expect(read(join(diff3, 'tmp', 'newfile'))).toBe('Hello world\n');
    const xattrs = readXattrs(join(diff3, 'data', 'sub'));
    if (xattrs) {
      expect(xattrs['trusted.overlay.opaque']?.toString()).toBe('y');
      // Only the opaque marker survives the tar round trip: no origin/impure in image layers.
      expect(Object.keys(xattrs)).toEqual(['trusted.overlay.opaque']);
      expect(readXattrs(join(diff3, 'data'))).toEqual({});
    } else {
      console.warn('!! getfattr missing (apt-get install attr): xattr checks skipped');
    }

    // imagedb: content is the config; its sha256 is the image ID. Built images have metadata/parent.
    const imagedb = join(dk.dataRoot, 'image', 'overlay2', 'imagedb');
    const config = readFileSync(join(imagedb, 'content', 'sha256', strip(imgs.layeredId)));
    expect(`sha256:${sha256Hex(config)}`).toBe(imgs.layeredId);
    expect(mode(join(imagedb, 'content', 'sha256', strip(imgs.layeredId)))).toBe(0o600);
    const meta = join(imagedb, 'metadata', 'sha256', strip(imgs.layeredId));
    expect(ls(meta)).toEqual(['lastUpdated', 'parent']);
    expect(ls(join(imagedb, 'metadata', 'sha256', strip(imgs.baseId)))).toEqual(['lastUpdated']);
    const parentImage = noNewline(join(meta, 'parent'));
    expect(parentImage).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(config.toString('utf8')).rootfs).toEqual({ type: 'layers', diff_ids: layeredDiffIds });

    const repos = noNewline(join(dk.dataRoot, 'image', 'overlay2', 'repositories.json'));
    expect(JSON.parse(repos)).toEqual({
      Repositories: {
        'busybox-static': { 'busybox-static:latest': imgs.baseId },
        layered: { 'layered:latest': imgs.layeredId },
      },
    });

    const history = await dk.dockerOk(['history', '--format', '{{.ID}}|{{.Size}}|{{.CreatedBy}}', imgs.layeredRef]);
    const rows = history.split('\n').map((r) => r.split('|'));
    expect(rows.map((r) => r[1])).toEqual(['0B', '16B', '17B', '1.98MB']);
    expect(rows[0]?.[2]).toBe('/bin/sh -c #(nop)  CMD ["/bin/sh"]');
    expect(rows.every((r) => r[0] !== '<missing>')).toBe(true); // built here: parents are local
  });

  test('docker create: the -init layer, the container layer and layerdb/mounts', async (ctx) => {
    const dk = need(ctx);
    cid = await dk.dockerOk(['create', '--name', 'web', imgs.layeredRef, 'sleep', '1000']);
    expect(cid).toMatch(hex64);
    const mounts = join(layerdb, 'mounts', cid);
    expect(ls(mounts)).toEqual(['init-id', 'mount-id', 'parent']);
    expect(mode(mounts)).toBe(0o755);
    mountId = noNewline(join(mounts, 'mount-id'));
    expect(mountId).toMatch(hex64);
    expect(noNewline(join(mounts, 'init-id'))).toBe(`${mountId}-init`);
    expect(noNewline(join(mounts, 'parent'))).toBe(layeredChain[2]);

    const init = join(home, `${mountId}-init`);
    const rw = join(home, mountId);
    // The init layer was mounted to write its files (work/work exists), then the container layer
    // was created on it (so it is `committed`); create also mounted the container layer once.
    expect(ls(init)).toEqual(['committed', 'diff', 'link', 'lower', 'work']);
    expect(ls(rw)).toEqual(['diff', 'link', 'lower', 'work']);
    expect(ls(join(home, cacheIds[2] as string))).toContain('committed');
    for (const dir of [init, rw]) {
      expect(mode(dir)).toBe(0o710);
      expect(ls(join(dir, 'work'))).toEqual(['work']);
      expect(mode(join(dir, 'work', 'work'))).toBe(0);
    }
    expect(ls(join(rw, 'diff'))).toEqual([]);
    const initLink = noNewline(join(init, 'link'));
    const imageLower = [links[2], links[1], links[0]].map((l) => `l/${l}`).join(':');
    expect(noNewline(join(init, 'lower'))).toBe(imageLower);
    expect(noNewline(join(rw, 'lower'))).toBe(`l/${initLink}:${imageLower}`);

    // The init layer's files: empty 0755 files, the mtab symlink, and the dirs the image lacks.
    const initDiff = join(init, 'diff');
    const listing: string[] = [];
    const walk = (rel: string) => {
      for (const name of ls(join(initDiff, rel))) {
        const p = rel ? `${rel}/${name}` : name;
        const st = lstatSync(join(initDiff, p));
        const kind = st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : st.isFile() ? '-' : '?';
        const extra = st.isSymbolicLink() ? ` -> ${readlinkSync(join(initDiff, p))}` : st.isFile() ? ` ${st.size}` : '';
        listing.push(`${kind}${(st.mode & 0o7777).toString(8).padStart(4, '0')} ${p}${extra}`);
        if (st.isDirectory()) walk(p);
      }
    };
    walk('');
    expect(listing).toEqual([
      '-0755 .dockerenv 0',
      'd0755 dev',
      '-0755 dev/console 0',
      'd0755 dev/pts',
      'd0755 dev/shm',
      'd0755 etc',
      '-0755 etc/hostname 0',
      '-0755 etc/hosts 0',
      'l0777 etc/mtab -> /proc/mounts',
      '-0755 etc/resolv.conf 0',
      'd0755 proc',
      'd0755 sys',
    ]);

    const gd = JSON.parse(await dk.dockerOk(['inspect', '--format', '{{json .GraphDriver.Data}}', 'web']));
    expect(gd).toEqual({
      LowerDir: [`${init}/diff`, ...[2, 1, 0].map((i) => join(home, cacheIds[i] as string, 'diff'))].join(':'),
      MergedDir: `${rw}/merged`,
      UpperDir: `${rw}/diff`,
      WorkDir: `${rw}/work`,
    });
    expect(existsSync(join(rw, 'merged'))).toBe(false);
    expect(ls(join(dk.dataRoot, 'containers', cid))).toEqual(['checkpoints', 'config.v2.json', 'hostconfig.json']);
  });

  test('a running container: the overlay mount, copy-up, whiteouts, opaque dir, docker diff', async (ctx) => {
    const dk = need(ctx);
    await dk.dockerOk(['start', 'web']);
    const rw = join(home, mountId);
    const initLink = noNewline(join(home, `${mountId}-init`, 'link'));
    const mine = readProcMounts().filter((m) => m.mountPoint === join(rw, 'merged'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.fsType).toBe('overlay');
    expect(mine[0]?.source).toBe('overlay');
    const lowerdir = [initLink, links[2], links[1], links[0]].map((l) => `${home}/l/${l}`).join(':');
    const opts = (mine[0]?.options ?? '').split(',');
    const expected = ['rw', 'relatime', `lowerdir=${lowerdir}`, `upperdir=${rw}/diff`, `workdir=${rw}/work`];
    expect(opts.filter((o) => !expected.includes(o))).toEqual(
      // Docker passes index=off; the kernel shows it only when the module default is on.
      read('/sys/module/overlay/parameters/index').trim() === 'Y' ? ['index=off'] : [],
    );
    expect(opts.filter((o) => expected.includes(o))).toEqual(expected);
    expect(ls(rw)).toEqual(['diff', 'link', 'lower', 'merged', 'work']);
    expect(mode(join(rw, 'merged'))).toBe(0o755);

    await dk.dockerOk([
      'exec',
      'web',
      'sh',
      '-c',
      [
        'echo x > /newfile',
        'echo more >> /data/a.txt',
        'rm /data/sub/new.txt',
        'rm /bin/ls',
        'mkdir /newdir',
        'touch /newdir/f',
        'ln -s /data/a.txt /link',
        'rm /tmp/newfile',
        'rm -rf /data/sub',
        'mkdir /data/sub',
        'echo again > /data/sub/again.txt',
        'ln /newfile /newfile.hard',
      ].join(' && '),
    ]);

    const upper = join(rw, 'diff');
    expect(ls(upper)).toEqual(['bin', 'data', 'link', 'newdir', 'newfile', 'newfile.hard', 'tmp']);
    expect(read(join(upper, 'data', 'a.txt'))).toBe('hello\nmore\n');
    expect(ls(join(upper, 'data', 'sub'))).toEqual(['again.txt']);
    const wls = lstatSync(join(upper, 'bin', 'ls'));
    const wtmp = lstatSync(join(upper, 'tmp', 'newfile'));
    for (const w of [wls, wtmp]) {
      expect(w.isCharacterDevice()).toBe(true);
      expect(w.rdev).toBe(0);
      expect(w.mode & 0o7777).toBe(0);
    }
    if (kernelAtLeast(5, 8)) {
      // The kernel hard-links every whiteout to one inode kept in work/work/#<hex>.
      expect(wls.ino).toBe(wtmp.ino);
      expect(wls.nlink).toBeGreaterThan(2);
      const shared = ls(join(rw, 'work', 'work')).filter((n) => lstatSync(join(rw, 'work', 'work', n)).ino === wls.ino);
      expect(shared).toHaveLength(1);
      expect(shared[0]).toMatch(/^#[0-9a-f]+$/);
    }
    expect(lstatSync(join(upper, 'newfile')).nlink).toBe(2);
    expect(readlinkSync(join(upper, 'link'))).toBe('/data/a.txt');
    const xa = readXattrs(join(upper, 'data', 'sub'));
    if (xa) {
      expect(xa['trusted.overlay.opaque']?.toString()).toBe('y');
      expect(Object.keys(readXattrs(join(upper, 'data', 'a.txt')) ?? {})).toContain('trusted.overlay.origin');
      expect(readXattrs(join(upper, 'newdir'))).toEqual({});
    }

    const diffLines = (await dk.dockerOk(['diff', 'web'])).split('\n');
    // Siblings come in random order (Go map iteration), but a directory's line comes before
    // anything below it and a directory's deletions after its other children.
    const paths = diffLines.map((l) => l.slice(2));
    for (const [i, p] of paths.entries()) {
      const parent = p.slice(0, p.lastIndexOf('/'));
      if (parent) expect(paths.indexOf(parent), `${p} listed before its parent`).toBeLessThan(i);
      if (diffLines[i]?.startsWith('D ')) {
        const laterSibling = diffLines
          .slice(i + 1)
          .find((l) => !l.startsWith('D ') && l.slice(2).slice(0, l.slice(2).lastIndexOf('/')) === parent);
        expect(laterSibling, `${p} deleted before a sibling change`).toBeUndefined();
      }
    }
    const diff = [...diffLines].sort();
    expect(diff).toEqual(
      [
        'A /data/sub/again.txt',
        'A /link',
        'A /newdir',
        'A /newdir/f',
        'A /newfile',
        'A /newfile.hard',
        'C /bin',
        'C /data',
        'C /data/a.txt',
        'C /data/sub',
        'D /bin/ls',
        'D /data/sub/new.txt',
        'C /tmp',
        'D /tmp/newfile',
      ].sort(),
    );
    // SizeRw: lstat sizes of non-dirs in the upper, hard links once: 2 + 11 + 6 + 0 + 11 = 30.
    expect(await dk.dockerOk(['inspect', '--size', '--format', '{{.SizeRw}}', 'web'])).toBe('30');
  });

  test('docker commit makes a layer from the upper dir; docker kill unmounts merged/', async (ctx) => {
    const dk = need(ctx);
    const id = await dk.dockerOk(['commit', 'web', 'committed:v1']);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const diffIds = JSON.parse(
      await dk.dockerOk(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', 'committed:v1']),
    ) as string[];
    expect(diffIds.slice(0, 3)).toEqual(layeredDiffIds);
    const chain = chainIds(diffIds)[3] as string;
    const dir = join(layerdb, 'sha256', strip(chain));
    expect(noNewline(join(dir, 'parent'))).toBe(layeredChain[2]);
    expect(noNewline(join(dir, 'size'))).toBe('30');
    const c = cacheOf(chain);
    expect(ls(join(home, c))).toEqual(['diff', 'link', 'lower', 'work']);
    const upper = join(home, c, 'diff');
    expect(lstatSync(join(upper, 'bin', 'ls')).nlink).toBe(1); // re-created by mknod from the tar
    expect(lstatSync(join(upper, 'newfile')).nlink).toBe(2); // the hard link survives
    const xa = readXattrs(join(upper, 'data', 'sub'));
    if (xa) {
      expect(xa).toEqual({ 'trusted.overlay.opaque': Buffer.from('y') });
      expect(readXattrs(join(upper, 'data', 'a.txt'))).toEqual({});
    }
    const history = await dk.dockerOk(['history', '--format', '{{.Size}}|{{.CreatedBy}}', 'committed:v1']);
    expect(history.split('\n')[0]).toBe('30B|sleep 1000');

    await dk.dockerOk(['kill', 'web']);
    expect(mountsUnder(join(home, mountId))).toEqual([]);
    expect(ls(join(home, mountId))).toEqual(['diff', 'link', 'lower', 'work']);
  });

  test('errors: texts and exit codes', async (ctx) => {
    const dk = need(ctx);
    const exact = cliVersion.startsWith('20.10.');
    const nameInUse = await dk.docker(['run', '--name', 'web', imgs.layeredRef, 'true']);
    expect(nameInUse.code).toBe(125);
    expect(nameInUse.stdout).toBe('');
    const conflict = `Error response from daemon: Conflict. The container name "/web" is already in use by container "${cid}". You have to remove (or rename) that container to be able to reuse that name.`;
    if (exact) expect(nameInUse.stderr).toBe(`docker: ${conflict}\nSee 'docker run --help'.\n`);
    else expect(nameInUse.stderr).toContain(conflict);

    const rmiUsed = await dk.docker(['rmi', imgs.layeredRef]);
    expect(rmiUsed.code).toBe(1);
    expect(rmiUsed.stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "${imgs.layeredRef}" (must force) - container ${cid.slice(0, 12)} is using its referenced image ${strip(imgs.layeredId).slice(0, 12)}\n`,
    );

    const noSuch = await dk.docker(['rm', 'nosuchcontainer']);
    expect(noSuch.code).toBe(1);
    if (exact) expect(noSuch.stderr).toBe('Error: No such container: nosuchcontainer\n');
    else expect(noSuch.stderr).toContain('No such container: nosuchcontainer');
    const stopNoSuch = await dk.docker(['stop', 'nosuchcontainer']);
    expect([stopNoSuch.code, stopNoSuch.stderr]).toEqual([
      1,
      'Error response from daemon: No such container: nosuchcontainer\n',
    ]);

    const badFlag = await dk.docker(['run', '--bogus', imgs.layeredRef]);
    expect(badFlag.code).toBe(125);
    if (exact) expect(badFlag.stderr).toBe("unknown flag: --bogus\nSee 'docker run --help'.\n");
    else expect(badFlag.stderr).toMatch(/^unknown flag: --bogus\n/);

    const pull = await dk.docker(['pull', 'nosuchimage'], { timeoutMs: 45_000 });
    expect(pull.code).toBe(1);
    expect(pull.stdout).toBe('Using default tag: latest\n');
    expect(pull.stderr).toMatch(/^Error response from daemon: Get "https:\/\/registry-1\.docker\.io\/v2\/": /);
  });

  test('docker save writes the layer tars whose sha256 are the DiffIDs', async (ctx) => {
    const dk = need(ctx);
    const out = join(dk.tmpDir, 'save');
    mkdirSync(out, { recursive: true });
    const file = join(out, 'layered.tar');
    expect(await dk.dockerOk(['save', '-o', file, imgs.layeredRef])).toBe('');
    const entries = await untar(file);
    const manifest = JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8'));
    expect(manifest).toHaveLength(1);
    expect(manifest[0].RepoTags).toEqual([imgs.layeredRef]);
    const layerFiles = manifest[0].Layers as string[];
    expect(layerFiles.map((f) => `sha256:${sha256Hex(entries.get(f) as Buffer)}`)).toEqual(layeredDiffIds);
    // The base layer comes back byte for byte as the tar we imported.
    expect((entries.get(layerFiles[0] as string) as Buffer).equals(readFileSync(imgs.rootfsTar))).toBe(true);
    const config = entries.get(manifest[0].Config) as Buffer;
    expect(`sha256:${sha256Hex(config)}`).toBe(imgs.layeredId);
    if (dk.serverMajor < 25) {
      // The pre-25 layout: <v1id>/{VERSION,json,layer.tar}, <imageID hex>.json, repositories.
      expect(manifest[0].Config).toBe(`${strip(imgs.layeredId)}.json`);
      const v1ids = layerFiles.map((f) => f.replace(/\/layer\.tar$/, ''));
      for (const v of v1ids) {
        expect(v).toMatch(hex64);
        expect(entries.get(`${v}/VERSION`)?.toString()).toBe('1.0');
        expect(JSON.parse((entries.get(`${v}/json`) as Buffer).toString()).id).toBe(v);
      }
      expect(JSON.parse((entries.get('repositories') as Buffer).toString())).toEqual({ layered: { latest: v1ids[2] } });
      expect([...entries.keys()].filter((n) => !n.endsWith('/')).sort()).toEqual(
        [
          `${strip(imgs.layeredId)}.json`,
          'manifest.json',
          'repositories',
          ...v1ids.flatMap((v) => [`${v}/VERSION`, `${v}/json`, `${v}/layer.tar`]),
        ].sort(),
      );
    } else {
      expect(JSON.parse((entries.get('oci-layout') as Buffer).toString())).toEqual({ imageLayoutVersion: '1.0.0' });
      expect(entries.has('index.json')).toBe(true);
    }
    // In the exported layer 3: whiteout and opaque marker as regular files.
    const names: string[] = [];
    const ex = extract();
    const listing = (async () => {
      for await (const e of ex) {
        names.push(`${e.header.name} ${e.header.type} ${(e.header.mode ?? 0).toString(8)}`);
        e.resume();
      }
    })();
    ex.end(entries.get(layerFiles[2] as string));
    await listing;
    // Raw mode fields: Go's tar.FileInfoHeader puts the S_IF* type bits in the mode (040755,
    // 0100644); the whiteout and opaque entries Docker makes by hand have none.
    expect(names).toEqual([
      'data/ directory 40755',
      'data/sub/ directory 40755',
      'data/sub/.wh..wh..opq file 755',
      'data/sub/new.txt file 100644',
      'etc/ directory 40755',
      'etc/.wh.doomed file 600',
      'tmp/ directory 41777',
      'tmp/newfile file 100644',
    ]);
  });

  test('rm and rmi empty the stores; load brings the layers back with <missing> history', async (ctx) => {
    const dk = need(ctx);
    await dk.dockerOk(['rm', '-f', 'web']);
    expect(existsSync(join(home, mountId))).toBe(false);
    expect(existsSync(join(home, `${mountId}-init`))).toBe(false);
    expect(ls(join(layerdb, 'mounts'))).toEqual([]);
    const rmi = await dk.dockerOk(['rmi', 'committed:v1', imgs.layeredRef, imgs.baseRef]);
    expect(rmi.split('\n').filter((l) => l.startsWith('Untagged: '))).toEqual([
      'Untagged: committed:v1',
      `Untagged: ${imgs.layeredRef}`,
      `Untagged: ${imgs.baseRef}`,
    ]);
    expect(ls(join(layerdb, 'sha256'))).toEqual([]);
    expect(ls(home)).toEqual(['l']);
    expect(ls(join(home, 'l'))).toEqual([]);
    expect(JSON.parse(read(join(dk.dataRoot, 'image', 'overlay2', 'repositories.json')))).toEqual({ Repositories: {} });

    const loaded = await dk.dockerOk(['load', '-i', join(dk.tmpDir, 'save', 'layered.tar')]);
    expect(loaded).toBe(`Loaded image: ${imgs.layeredRef}`);
    expect(await dk.dockerOk(['image', 'inspect', '--format', '{{.Id}}', imgs.layeredRef])).toBe(imgs.layeredId);
    const after = layeredChain.map(cacheOf);
    expect(after.some((c) => cacheIds.includes(c))).toBe(false); // new random cache-ids
    expect(ls(join(home, after[0] as string))).toEqual(['committed', 'diff', 'link']);
    expect(ls(join(home, after[1] as string))).toEqual(['committed', 'diff', 'link', 'lower', 'work']);
    expect(ls(join(home, after[2] as string))).toEqual(['diff', 'link', 'lower', 'work']);
    // Loaded images carry no local metadata (no parent, no lastUpdated).
    expect(ls(join(dk.dataRoot, 'image', 'overlay2', 'imagedb', 'metadata', 'sha256'))).toEqual([]);
    const history = await dk.dockerOk(['history', '--format', '{{.ID}}', imgs.layeredRef]);
    expect(history.split('\n')).toEqual([strip(imgs.layeredId).slice(0, 12), '<missing>', '<missing>', '<missing>']);
  });

  test('tar-split.json.gz: the simulator loading the same archive writes the JSON byte for byte', async (ctx) => {
    const dk = need(ctx);
    // Each file entry's payload is the CRC-64/ISO of its data (null without data): the 2 MB busybox
    // binary, the small files, the whiteout and opaque markers, and the symlinks of the base layer.
    const sim = makeEnv();
    sim.proc.writeFile('/layered.tar', readFileSync(join(dk.tmpDir, 'save', 'layered.tar')), { create: true });
    expect((await sim.docker('load', '-i', '/layered.tar')).code).toBe(0);
    const simLayerdb = '/var/lib/docker/image/overlay2/layerdb/sha256';
    for (const chainId of layeredChain) {
      const name = `${strip(chainId)}/tar-split.json.gz`;
      const real = gunzipSync(readFileSync(join(layerdb, 'sha256', name))).toString();
      expect(real).toMatch(/"payload":"[A-Za-z0-9+/]{11}=","position"/);
      expect(gunzipSync(sim.proc.readFile(`${simLayerdb}/${name}`)).toString(), name).toBe(real);
    }
  });

  test('stop() leaves no daemon, mount or temp dir behind', async (ctx) => {
    const dk = need(ctx);
    await dk.stop();
    expect(dk.cleanup.stopped).toBe(true);
    expect(dk.cleanup.removedTmpDir).toBe(true);
    expect(existsSync(dk.tmpDir)).toBe(false);
    expect(mountsUnder(dk.tmpDir)).toEqual([]);
    expect(dk.cleanup.leftoverMounts).toEqual([]);
    expect(dk.cleanup.leftoverProcesses).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(150_000);
  });
});
