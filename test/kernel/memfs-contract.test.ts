// What src/kernel/disk.ts relies on in memfs's private core (Volume._core), which no semver range
// promises: memfs is pinned to one version in package.json, and this test says what an upgrade
// must keep. If it fails after an upgrade, fix disk.ts's MemCore/MemLink/MemNode and this test
// together, then pin the new version.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import memfsPkg from '../../node_modules/memfs/package.json' with { type: 'json' };

// biome-ignore lint/suspicious/noExplicitAny: the point is to look at what the types do not say
const coreOf = (v: Volume): any => (v as unknown as { _core: unknown })._core;

describe("memfs's core, as the disk drives it", () => {
  it('is pinned to the version installed', () => {
    const lists = pkg as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const range = { ...lists.dependencies, ...lists.devDependencies }.memfs;
    expect(range).toMatch(/^\d+\.\d+\.\d+$/);
    expect(memfsPkg.version).toBe(range);
  });

  it('has a root link and makes and frees nodes', () => {
    const core = coreOf(new Volume());
    expect(typeof core.createNode).toBe('function');
    expect(typeof core.deleteNode).toBe('function');
    const root = core.root;
    expect(root.steps).toEqual(['']);
    expect(root.getNode().isDirectory()).toBe(true);
    expect([...root.children.keys()]).toEqual(['.', '..']);
  });

  it('links: createChild, setChild, deleteChild, steps and parent; nlink of a file is left to the disk', () => {
    const core = coreOf(new Volume());
    const root = core.root;
    const rootLinks = root.getNode().nlink;
    const dir = core.createNode(0o40755);
    expect(dir.isDirectory()).toBe(true);
    const d = root.createChild('d', dir);
    // A directory gets its `.` and `..`; its parent one more link.
    expect([...d.children.keys()]).toEqual(['.', '..']);
    expect(dir.nlink).toBe(2);
    expect(root.getNode().nlink).toBe(rootLinks + 1);
    expect(d.parent).toBe(root);
    expect(d.name).toBe('d');
    expect(d.steps).toEqual(['', 'd']);

    const file = core.createNode(0o100644);
    expect(file.nlink).toBe(1);
    const f = d.createChild('f', file);
    expect(d.children.get('f')).toBe(f);
    expect(f.getNode()).toBe(file);
    expect(f.steps).toEqual(['', 'd', 'f']);
    expect(file.nlink).toBe(1); // createChild does not count a file's names: Disk.link does
    root.setChild('g', f);
    expect(root.children.get('g')).toBe(f);
    expect(file.nlink).toBe(1);
    d.deleteChild(f);
    expect(d.children.has('f')).toBe(false);
    expect(file.nlink).toBe(1); // nor does deleteChild: Disk.unlink takes it down and frees the node
    core.deleteNode(file);
  });

  it('nodes: numbers, ids, data through getBuffer/setBuffer/write/truncate', () => {
    const core = coreOf(new Volume());
    const n = core.createNode(0o100644);
    expect(typeof n.ino).toBe('number');
    expect([n.mode, n.uid, n.gid, n.rdev, n.size, n.symlink]).toEqual([0o100644, 0, 0, 0, 0, undefined]);
    expect(n.write(Buffer.from('hello'), 0, 5, 0)).toBe(5);
    expect([n.size, Buffer.from(n.getBuffer()).toString()]).toEqual([5, 'hello']);
    n.truncate(2);
    expect([n.size, Buffer.from(n.getBuffer()).toString()]).toEqual([2, 'he']);
    n.setBuffer(Buffer.from('xyz'));
    expect(n.size).toBe(3);
    for (const t of ['atime', 'mtime', 'ctime']) expect(n[t]).toBeInstanceOf(Date);
  });

  it("setting mtime moves ctime to the wall clock (Disk.stamp puts the simulated clock's back)", () => {
    const n = coreOf(new Volume()).createNode(0o100644);
    n.ctime = new Date(1);
    n.mtime = new Date(5);
    expect(n.mtime.getTime()).toBe(5);
    expect(n.ctime.getTime()).not.toBe(1);
    n.ctime = new Date(7);
    expect(n.ctime.getTime()).toBe(7);
  });
});

describe('a node Disk.unpack makes without the constructor', () => {
  it('has the fields, in the order, of a node memfs constructs, and its prototype', async () => {
    const { Disk, fixedClock } = await import('../../src/kernel/index.js');
    const vol = new Volume();
    const disk = new Disk(vol, { clock: fixedClock(0) });
    disk.mkdir('d', 0o755, { uid: 0, gid: 0 });
    disk.unpack('d', [{ path: 'f', type: 'file', mode: 0o644, uid: 0, gid: 0, mtimeMs: 0 }]);
    const core = coreOf(vol);
    const made = core.root.children.get('d').children.get('f').getNode();
    const constructed = core.createNode(0o100644);
    expect(Object.keys(made)).toEqual(Object.keys(constructed));
    expect(Object.getPrototypeOf(made)).toBe(Object.getPrototypeOf(constructed));
    expect(made.changes.constructor).toBe(constructed.changes.constructor);
    expect(made.buf).toEqual(constructed.buf);
    expect(core.inodes[made.ino]).toBe(made);
  });
});
