import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { extract } from 'tar-stream';
import { assert, describe, expect, it } from 'vitest';
import { diffId } from '../../src/docker/digest.js';
import { compareWalkOrder, readLayerTar, writeLayerTar, type LayerEntry } from '../../src/docker/layer-tar.js';

// A layer exported by a real Docker 20.10.24 daemon (see test/fixtures/README.md).
const DOCKER_LAYER = new Uint8Array(
  readFileSync(new URL('../fixtures/docker-20.10.24-run-layer.tar', import.meta.url)),
);
const DOCKER_DIFF_ID = 'sha256:2391bcc015bf08fbcbb5d9a79951f7596a1346cfad8b181599b37974d9d6c5b4';
const T = 1795476747; // the RUN step's mtime in that layer

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
/** Header names in order, read with tar-stream (an independent reader). */
async function tarNames(tar: Uint8Array): Promise<string[]> {
  const names: string[] = [];
  const x = extract();
  x.end(Buffer.from(tar));
  for await (const e of x) {
    names.push(e.header.name);
    e.resume();
  }
  return names;
}

// The RUN layer described as overlay2 sees upper/: a 0/0 char device for the deleted /etc/b, the
// opaque xattr on /opq, and /tmp/hl as a second name of /tmp/newfile. Listed out of order.
const A = 'a'.repeat(72);
const B = 'b'.repeat(64);
const runLayerUpperDir: LayerEntry[] = [
  { path: 'tmp/newfile', type: 'file', mode: 0o4755, mtime: T, content: 'Hello world\n' },
  { path: 'tmp/hl', type: 'hardlink', linkTarget: 'tmp/newfile' },
  { path: 'tmp/é', type: 'file', mtime: T },
  { path: 'tmp', type: 'dir', mode: 0o1777, mtime: T },
  { path: 'opq/new', type: 'file', mtime: T, content: 'n\n' },
  { path: 'opq', type: 'dir', mtime: T, xattrs: { 'trusted.overlay.opaque': 'y' } },
  { path: 'etc/sym', type: 'symlink', linkTarget: '/etc/a', mtime: T },
  { path: 'etc/b', type: 'char', devmajor: 0, devminor: 0, mode: 0, mtime: T },
  { path: 'etc', type: 'dir', mtime: T },
  { path: 'dev2/null', type: 'char', devmajor: 1, devminor: 3, mtime: T },
  { path: 'dev2', type: 'dir', mtime: T },
  { path: 'a.b', type: 'file', mtime: T },
  { path: `a/${A}/${B}/${'c'.repeat(49)}`, type: 'file', mtime: T },
  { path: `a/${A}/${B}`, type: 'dir', mtime: T },
  { path: `a/${A}`, type: 'dir', mtime: T },
  { path: 'a', type: 'dir', mtime: T },
];

describe('writeLayerTar matches Docker byte for byte', () => {
  it('writes an empty layer as 1024 zero bytes, the well-known empty DiffID', () => {
    const tar = writeLayerTar([]);
    expect(tar).toEqual(new Uint8Array(1024));
    expect(diffId(tar)).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });

  it('reproduces a real Docker 20.10.24 layer, hence its DiffID, from a description of upper/', () => {
    const tar = writeLayerTar(runLayerUpperDir);
    expect(diffId(tar)).toBe(DOCKER_DIFF_ID);
    expect(Buffer.compare(Buffer.from(tar), Buffer.from(DOCKER_LAYER))).toBe(0);
  });

  it('gives the same bytes whatever order the entries come in', () => {
    const rotated = [...runLayerUpperDir.slice(7), ...runLayerUpperDir.slice(0, 7)].reverse();
    expect(diffId(writeLayerTar(rotated))).toBe(DOCKER_DIFF_ID);
    expect(writeLayerTar(rotated)).toEqual(writeLayerTar(runLayerUpperDir));
  });

  it('formats header numbers as Go does: 7 octal digits + NUL, checksum ending NUL then space', () => {
    const h = writeLayerTar([{ path: 'f', type: 'file', mode: 0o644, mtime: 1600000000, content: 'x' }]).subarray(
      0,
      512,
    );
    expect(latin1(h.subarray(100, 108))).toBe('0100644\0');
    expect(latin1(h.subarray(124, 136))).toBe('00000000001\0');
    expect(latin1(h.subarray(136, 148))).toBe('13727410000\0');
    expect(latin1(h.subarray(154, 156))).toBe('\0 ');
    expect(latin1(h.subarray(257, 265))).toBe('ustar\x0000');
    expect(latin1(h.subarray(265, 269))).toBe('root');
  });
});

describe('Docker export rules', () => {
  it('orders entries as filepath.Walk does: a directory, its subtree, then the next sibling', async () => {
    const tar = writeLayerTar([
      { path: 'a.b', type: 'file' },
      { path: 'a/x', type: 'file' },
      { path: 'a', type: 'dir' },
      { path: 'B', type: 'file' },
    ]);
    expect(await tarNames(tar)).toEqual(['B', 'a/', 'a/x', 'a.b']);
    expect(['a.b', 'a/x', 'a'].sort(compareWalkOrder)).toEqual(['a', 'a/x', 'a.b']);
  });

  it('turns a whiteout into an empty ".wh.<name>" file, mode 0600, at the position of <name>', async () => {
    const tar = writeLayerTar([
      { path: 'etc', type: 'dir' },
      { path: 'etc/passwd', type: 'whiteout', uid: 7, mtime: 5 },
      { path: 'etc/os-release', type: 'file' },
    ]);
    expect(await tarNames(tar)).toEqual(['etc/', 'etc/os-release', 'etc/.wh.passwd']);
    const wh = tar.subarray(1024, 1536);
    expect(latin1(wh.subarray(100, 124))).toBe('0000600\0' + '0000007\0' + '0000000\0');
    expect(latin1(wh.subarray(124, 148))).toBe('00000000000\0' + '00000000005\0');
  });

  it('follows an opaque directory with "<dir>/.wh..wh..opq": dir permissions, mtime 0', () => {
    const tar = writeLayerTar([{ path: 'opq', type: 'dir', mode: 0o2750, mtime: 99, opaque: true }]);
    const marker = tar.subarray(512, 1024);
    expect(latin1(marker.subarray(0, 16))).toBe('opq/.wh..wh..opq');
    expect(latin1(marker.subarray(100, 108))).toBe('0000750\0');
    expect(latin1(marker.subarray(136, 148))).toBe('00000000000\0');
  });

  it('gives the data to the first name in walk order and makes later names hard links', async () => {
    const tar = writeLayerTar([
      { path: 'z', type: 'file', content: 'data' },
      { path: 'y', type: 'hardlink', linkTarget: 'z' },
    ]);
    const entries = await readLayerTar(tar);
    expect(entries.map((e) => [e.path, e.type, e.linkTarget])).toEqual([
      ['y', 'file', undefined],
      ['z', 'hardlink', 'y'],
    ]);
    expect(() => writeLayerTar([{ path: 'y', type: 'hardlink', linkTarget: 'nope' }])).toThrow(/missing/);
  });

  it('takes owner, names and mode of every name of a hard-linked file from the inode', async () => {
    const tar = writeLayerTar(
      [
        { path: 'z', type: 'file', uid: 1000, mode: 0o600, content: 'data' },
        { path: 'y', type: 'hardlink', linkTarget: 'z' },
      ],
      { lookupName: (id) => (id === 1000 ? 'user' : 'root') },
    );
    const entries = await readLayerTar(tar);
    expect(entries.map((e) => [e.path, e.uid, e.uname, e.mode])).toEqual([
      ['y', 1000, 'user', 0o600],
      ['z', 1000, 'user', 0o600],
    ]);
  });

  it('writes bare permission bits and no user names for Docker 25+', () => {
    const h = writeLayerTar([{ path: 'd', type: 'dir' }], { era: '25.0' });
    expect(latin1(h.subarray(100, 108))).toBe('0000755\0');
    expect(h[265]).toBe(0);
  });

  it('exports only security.capability among xattrs, as Docker does, through a PAX header', async () => {
    const cap = new Uint8Array([1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const tar = writeLayerTar([
      { path: 'ping', type: 'file', xattrs: { 'security.capability': cap, 'user.note': 'hi' } },
    ]);
    expect(latin1(tar.subarray(0, 17))).toBe('PaxHeaders.0/ping');
    expect(tar[156]).toBe(0x78);
    const [e] = await readLayerTar(tar);
    expect(e?.path).toBe('ping');
    expect(Object.keys(e?.xattrs ?? {})).toEqual(['security.capability']);
    const stored = e?.xattrs?.['security.capability'];
    assert(typeof stored === 'string');
    expect(Buffer.from(stored, 'latin1')).toEqual(Buffer.from(cap));
  });
});

describe('names and numbers that do not fit USTAR', () => {
  it('splits a long path into prefix and name at the last slash that fits, like Go', () => {
    const long = `${'p'.repeat(120)}/${'n'.repeat(90)}`;
    const h = writeLayerTar([{ path: long, type: 'file' }]);
    expect(latin1(h.subarray(0, 90))).toBe('n'.repeat(90));
    expect(latin1(h.subarray(345, 465))).toBe('p'.repeat(120));
  });

  it('uses PAX records, sorted, for an unsplittable path and a uid beyond 7 octal digits', async () => {
    const path = 'x'.repeat(300);
    const tar = writeLayerTar([{ path, type: 'file', uid: 3_000_000, content: 'hi' }]);
    const records = latin1(tar.subarray(512, 1024)).replace(/\0+$/, '');
    expect(records).toBe(`310 path=${path}\n15 uid=3000000\n`);
    const [e] = await readLayerTar(tar);
    expect([e?.path, e?.uid, e?.content]).toEqual([path, 3_000_000, new TextEncoder().encode('hi')]);
  });
});

describe('readLayerTar', () => {
  it('reads the Docker layer back into whiteouts, an opaque dir and a hard link', async () => {
    const entries = await readLayerTar(DOCKER_LAYER);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get('etc/b')).toMatchObject({ type: 'whiteout', mtime: T });
    expect(byPath.get('opq')).toMatchObject({ type: 'dir', opaque: true });
    expect(byPath.has('opq/.wh..wh..opq')).toBe(false);
    expect(byPath.get('tmp/newfile')).toMatchObject({ type: 'hardlink', linkTarget: 'tmp/hl', mode: 0o4755 });
    expect(byPath.get('dev2/null')).toMatchObject({ type: 'char', devmajor: 1, devminor: 3 });
    expect(byPath.get('tmp/é')).toMatchObject({ type: 'file', uname: 'root' });
  });

  it('round-trips the Docker layer to the same bytes', async () => {
    const again = writeLayerTar(await readLayerTar(DOCKER_LAYER), { order: 'given' });
    expect(diffId(again)).toBe(DOCKER_DIFF_ID);
  });

  it('round-trips entries written in the Docker 25 era', async () => {
    const tar = writeLayerTar(runLayerUpperDir, { era: '25.0' });
    const back = await readLayerTar(tar);
    expect(back.some((e) => 'uname' in e)).toBe(false);
    expect(writeLayerTar(back, { era: '25.0' })).toEqual(tar);
  });

  it('keeps a lone opaque marker and cleans "./" prefixes and the root entry', async () => {
    const tar = writeLayerTar(
      [
        { path: '.', type: 'dir' },
        { path: './x/.wh..wh..opq', type: 'file' },
        { path: './x/y', type: 'file' },
      ],
      { order: 'given' },
    );
    const entries = await readLayerTar(tar);
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['x', 'opaque'],
      ['x/y', 'file'],
    ]);
  });

  it('accepts the tar as a stream of chunks', async () => {
    const chunks = [DOCKER_LAYER.subarray(0, 700), DOCKER_LAYER.subarray(700)];
    expect(await readLayerTar(chunks)).toEqual(await readLayerTar(DOCKER_LAYER));
  });
});

describe('round trip, property-based', () => {
  const segment = fc
    .stringMatching(/^[a-z.é_-]{1,12}$/)
    .filter((s) => s !== '.' && s !== '..' && !s.startsWith('.wh.'));
  const meta = {
    mode: fc.integer({ min: 0, max: 0o7777 }),
    uid: fc.nat(70000),
    gid: fc.nat(70000),
    mtime: fc.nat(2 ** 33 - 1),
  };
  const entry = fc.oneof(
    fc.record({ kind: fc.constant('file' as const), content: fc.uint8Array({ maxLength: 700 }), ...meta }),
    fc.record({ kind: fc.constant('dir' as const), opaque: fc.boolean(), ...meta }),
    fc.record({ kind: fc.constant('symlink' as const), target: fc.string({ maxLength: 40 }), ...meta }),
    fc.record({ kind: fc.constant('whiteout' as const), ...meta }),
  );

  it('write → read → write gives the same bytes for any tree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), entry), {
          selector: ([p]) => p.join('/'),
          maxLength: 12,
        }),
        async (raw) => {
          const kinds = new Map(raw.map(([p, e]) => [p.join('/'), e.kind]));
          const entries: LayerEntry[] = [];
          for (const [segs, e] of raw) {
            const path = segs.join('/');
            // Keep the tree well-formed: an ancestor in the list must be a directory.
            const ancestorsOk = segs
              .slice(0, -1)
              .every((_, i) => [undefined, 'dir'].includes(kinds.get(segs.slice(0, i + 1).join('/'))));
            if (!ancestorsOk) continue;
            const common = { path, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
            if (e.kind === 'file') entries.push({ ...common, type: 'file', content: e.content });
            if (e.kind === 'dir') entries.push({ ...common, type: 'dir', opaque: e.opaque });
            if (e.kind === 'symlink') entries.push({ ...common, type: 'symlink', linkTarget: e.target });
            if (e.kind === 'whiteout') entries.push({ ...common, type: 'whiteout' });
          }
          const tar = writeLayerTar(entries);
          const again = writeLayerTar(await readLayerTar(tar));
          expect(Buffer.compare(Buffer.from(again), Buffer.from(tar))).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
