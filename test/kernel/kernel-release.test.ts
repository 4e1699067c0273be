// What the kernel model does differently by release (src/kernel/release.ts): Ubuntu 22.04's 5.15,
// the default host, and a kernel after 6.7 as the conformance suites' machine runs. The 6.x
// answers were checked against a real 6.18 mount; the 5.15 ones come from its sources
// (fs/overlayfs/super.c's ovl_own_xattr_get/set and ovl_show_options, inode.c's ovl_can_list).
import { errno } from '../support/kernel-errno.js';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KERNEL_RELEASE,
  Kernel,
  kernelFeatures,
  parseKernelRelease,
  seededRandom,
  steppingClock,
  type Proc,
} from '../../src/kernel/index.js';

const OLD = DEFAULT_KERNEL_RELEASE;
const NEW = '6.18.44-fc-v1272';
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A kernel of `release` with two lowers (l1 over l2, each with dir/) mounted at /m over /u. */
function lab(release?: string): { kernel: Kernel; p: Proc } {
  const kernel = new Kernel({
    volume: new Volume(),
    clock: steppingClock(1_700_000_000_000),
    random: seededRandom(3),
    ...(release ? { release } : {}),
  });
  const p = kernel.proc();
  for (const d of ['/l1', '/l2', '/u', '/w', '/m', '/l2/dir', '/l1/dir']) p.mkdir(d);
  p.writeFile('/l2/dir/low', 'low\n');
  p.writeFile('/l1/file', 'lower file\n');
  p.mount('/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
  return { kernel, p };
}

describe('the release and its features', () => {
  it('parses what uname -r prints, and the default host is Ubuntu 22.04 on 5.15', () => {
    expect(parseKernelRelease('6.18.44-fc-v1272')).toMatchObject({ major: 6, minor: 18, patch: 44 });
    expect(parseKernelRelease('6.7')).toMatchObject({ major: 6, minor: 7, patch: 0 });
    expect(parseKernelRelease('not a release')).toBeUndefined();
    const k = lab().kernel;
    expect(k.release).toBe('5.15.0-91-generic');
    expect(k.features).toEqual(kernelFeatures('5.15.0-91-generic'));
  });

  it('each feature begins at the release that brought it', () => {
    const on = (release: string) => kernelFeatures(release);
    expect(on('5.15.0-91-generic')).toEqual({
      overlayXattrEscape: false,
      overlayUuidXattr: false,
      overlayRedirectModes: false,
      tmpfsFileattr: false,
      procFields: {
        zswap: false,
        secPageTables: false,
        balloon: false,
        untagMask: false,
        kthread: false,
        vvarVclock: false,
      },
    });
    expect(on('5.19.0').procFields).toMatchObject({ zswap: true, secPageTables: false });
    expect(on('6.1.0').procFields).toMatchObject({ secPageTables: true, untagMask: false });
    expect(on('6.4.0').procFields).toMatchObject({ untagMask: true, kthread: false });
    expect(on('6.10.0').procFields).toMatchObject({ kthread: true, balloon: false });
    expect(on('6.12.0').procFields).toMatchObject({ vvarVclock: false });
    expect(on('6.13.0').procFields).toMatchObject({ vvarVclock: true });
    expect(on('6.15.0').procFields).toMatchObject({ balloon: true });
    expect(on('6.0.0')).toMatchObject({ tmpfsFileattr: true, overlayRedirectModes: false });
    expect(on('6.5.0')).toMatchObject({ overlayRedirectModes: true, overlayUuidXattr: false });
    expect(on('6.6.0')).toMatchObject({ overlayUuidXattr: true, overlayXattrEscape: false });
    expect(on('6.7.0')).toMatchObject({ overlayXattrEscape: true });
    expect(on('gibberish')).toEqual(on(DEFAULT_KERNEL_RELEASE));
  });
});

describe("overlayfs's own xattrs through merged", () => {
  it('5.15: every trusted.overlay.* name is EOPNOTSUPP to get, set and remove, and nothing is copied up', () => {
    const { p } = lab(OLD);
    expect(errno(() => p.getxattr('/m/dir', 'trusted.overlay.opaque'))).toBe('EOPNOTSUPP');
    expect(errno(() => p.getxattr('/m/file', 'trusted.overlay.nosuch'))).toBe('EOPNOTSUPP');
    expect(errno(() => p.setxattr('/m/dir', 'trusted.overlay.opaque', 'y'))).toBe('EOPNOTSUPP');
    expect(errno(() => p.removexattr('/m/file', 'trusted.overlay.nosuch'))).toBe('EOPNOTSUPP');
    expect(p.exists('/u/dir')).toBe(false);
    expect(p.exists('/u/file')).toBe(false);
    // Other trusted.* names pass through to the real inode (copied up to be set).
    p.setxattr('/m/file', 'trusted.mine', 'v');
    expect(p.listxattr('/m/file')).toEqual(['trusted.mine']);
  });

  it("5.15: listxattr hides every trusted.overlay.* name, an upper's escaped ones too", () => {
    const { p } = lab(OLD);
    p.unlink('/m/dir/low');
    p.rmdir('/m/dir');
    p.mkdir('/m/dir');
    expect(text(p.getxattr('/u/dir', 'trusted.overlay.opaque', false))).toBe('y');
    p.setxattr('/u/dir', 'trusted.overlay.overlay.opaque', 'y', false);
    expect(p.listxattr('/m/dir')).toEqual([]);
  });

  it('6.7+: a trusted.overlay.X through merged is trusted.overlay.overlay.X on the real inode', () => {
    const { p } = lab(NEW);
    expect(errno(() => p.getxattr('/m/dir', 'trusted.overlay.opaque'))).toBe('ENODATA');
    p.setxattr('/m/dir', 'trusted.overlay.opaque', 'y');
    expect(text(p.getxattr('/u/dir', 'trusted.overlay.overlay.opaque', false))).toBe('y');
    expect(errno(() => p.getxattr('/u/dir', 'trusted.overlay.opaque', false))).toBe('ENODATA');
    expect(p.readdir('/m/dir').map((e) => e.name)).toEqual(['low']);
    expect(p.listxattr('/m/dir')).toEqual(['trusted.overlay.opaque']);
    expect(text(p.getxattr('/m/dir', 'trusted.overlay.opaque'))).toBe('y');
    p.removexattr('/m/dir', 'trusted.overlay.opaque');
    expect(p.listxattr('/m/dir')).toEqual([]);
    expect(errno(() => p.removexattr('/m/dir', 'trusted.overlay.opaque'))).toBe('ENODATA');
  });
});

describe('the options /proc/mounts shows for an overlay', () => {
  const shown = (k: Kernel): string | undefined => k.mounts().at(-1)?.options;

  it('5.15: nothing of its own for a new upper, and no trusted.overlay.uuid is written', () => {
    const { kernel, p } = lab(OLD);
    expect(shown(kernel)).toBe('rw,relatime,lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
    expect(p.listxattr('/u', false)).toEqual([]);
  });

  it('6.6+: a new upper gets its uuid and uuid=on, a second mount of it shows none', () => {
    const { kernel, p } = lab(NEW);
    expect(shown(kernel)).toBe('rw,relatime,lowerdir=/l1:/l2,upperdir=/u,workdir=/w,uuid=on');
    expect(p.listxattr('/u', false)).toEqual(['trusted.overlay.uuid']);
    p.umount('/m');
    p.mount('/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
    expect(shown(kernel)).toBe('rw,relatime,lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
  });

  it('6.6+: an upper marked impure without a uuid is an old overlay: uuid=null, and no uuid is written', () => {
    for (const [release, extra] of [
      [NEW, ',uuid=null'],
      [OLD, ''],
    ]) {
      const { kernel, p } = lab(release);
      for (const d of ['/u2', '/w2', '/m2']) p.mkdir(d);
      p.setxattr('/u2', 'trusted.overlay.impure', 'y');
      p.mount('/m2', 'overlay', 'lowerdir=/l1,upperdir=/u2,workdir=/w2');
      expect(shown(kernel)).toBe(`rw,relatime,lowerdir=/l1,upperdir=/u2,workdir=/w2${extra}`);
      expect(p.listxattr('/u2')).toEqual(['trusted.overlay.impure']);
    }
  });

  it('a mount of lowerdirs only: 6.5+ shows redirect_dir=on (follow becomes on), 5.15 nothing', () => {
    for (const [release, extra] of [
      [NEW, ',redirect_dir=on'],
      [OLD, ''],
    ]) {
      const { kernel, p } = lab(release);
      p.mkdir('/ro');
      p.mount('/ro', 'overlay', 'lowerdir=/l1:/l2');
      expect(shown(kernel)).toBe(`ro,relatime,lowerdir=/l1:/l2${extra}`);
    }
  });

  it('redirect_dir= given: 5.15 shows the string unless it is "off", 6.5+ the mode unless it is follow', () => {
    const cases: Array<[string, string, string]> = [
      [OLD, 'follow', ',redirect_dir=follow'],
      [OLD, 'off', ''],
      [OLD, 'nofollow', ',redirect_dir=nofollow'],
      [NEW, 'follow', ''],
      [NEW, 'off', ''],
      [NEW, 'nofollow', ',redirect_dir=nofollow'],
    ];
    for (const [release, given, extra] of cases) {
      const { kernel, p } = lab(release);
      for (const d of ['/u2', '/w2', '/m2']) p.mkdir(d);
      p.setxattr('/u2', 'trusted.overlay.uuid', 'x'.repeat(16)); // not new: no uuid=on
      p.mount('/m2', 'overlay', `lowerdir=/l1,upperdir=/u2,workdir=/w2,redirect_dir=${given}`);
      expect(shown(kernel), `${release} redirect_dir=${given}`).toBe(
        `rw,relatime,lowerdir=/l1,upperdir=/u2,workdir=/w2${extra}`,
      );
    }
  });
});

describe('FS_IOC_GETFLAGS on tmpfs', () => {
  it('5.15: ENOTTY; 6.0+: the flags, and chattr +i is enforced', () => {
    const old = lab(OLD).p;
    old.mkdir('/t');
    old.mount('/t', 'tmpfs', '', 'tmpfs');
    old.writeFile('/t/f', 'x');
    expect(errno(() => old.getFlags('/t/f'))).toBe('ENOTTY');
    const now = lab(NEW).p;
    now.mkdir('/t');
    now.mount('/t', 'tmpfs', '', 'tmpfs');
    now.writeFile('/t/f', 'x');
    expect(now.getFlags('/t/f')).toBe(0);
    now.setFlags('/t/f', 0x10);
    expect(errno(() => now.unlink('/t/f'))).toBe('EPERM');
  });
});
