// Capabilities: the masks Docker 20.10 gives a container (checked against a real one's
// /proc/self/status in conformance 100), TweakCapabilities' rules, and the syscalls that ask for
// one: mount/umount (CAP_SYS_ADMIN), chown (CAP_CHOWN), mknod of a device (CAP_MKNOD).
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import {
  ALL_CAPABILITIES,
  capHex,
  containerCapabilities,
  DOCKER_DEFAULT_CAPABILITIES,
  normalizeCapabilities,
} from '../../src/kernel/capabilities.js';
import { Kernel } from '../../src/kernel/index.js';
import { seededRandom, steppingClock } from '../../src/kernel/determinism.js';

const norm = (names: string[]): string[] => {
  const n = normalizeCapabilities(names);
  if ('unknown' in n) throw new Error(n.unknown);
  return n.caps;
};

describe('capability sets', () => {
  it('are the masks a real Docker 20.10 container shows', () => {
    expect(capHex(DOCKER_DEFAULT_CAPABILITIES)).toBe('00000000a80425fb');
    expect(capHex(containerCapabilities(norm(['SYS_ADMIN']), [], false))).toBe('00000000a82425fb');
    expect(capHex(ALL_CAPABILITIES)).toBe('000001ffffffffff');
    expect(capHex(containerCapabilities([], [], true))).toBe('000001ffffffffff');
  });

  it('follow TweakCapabilities: ALL in the adds keeps all but the drops, ALL in the drops only the adds', () => {
    expect(containerCapabilities(norm(['all']), norm(['sys_admin']), false)).toBe(ALL_CAPABILITIES & ~(1n << 21n));
    expect(capHex(containerCapabilities(norm(['MKNOD']), norm(['ALL']), false))).toBe('0000000008000000');
    expect(containerCapabilities([], norm(['chown', 'CAP_NET_RAW']), false)).toBe(
      DOCKER_DEFAULT_CAPABILITIES & ~1n & ~(1n << 13n),
    );
  });

  it('normalise names to CAP_ upper case and refuse one the kernel lacks', () => {
    expect(normalizeCapabilities(['sys_admin', 'CAP_CHOWN', 'all'])).toEqual({
      caps: ['CAP_SYS_ADMIN', 'CAP_CHOWN', 'ALL'],
    });
    expect(normalizeCapabilities(['bogus'])).toEqual({ unknown: 'CAP_BOGUS' });
  });
});

describe('syscalls that need a capability', () => {
  const kernel = () =>
    new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(3) });

  it('mount and umount need CAP_SYS_ADMIN, asked before anything else (a missing mount point too)', () => {
    const k = kernel();
    const host = k.proc({});
    host.mkdir('/m');
    host.writeFile('/f', 'x');
    const boxed = k.proc({ cred: { uid: 0, gid: 0, caps: DOCKER_DEFAULT_CAPABILITIES } });
    expect(() => boxed.mount('/m', 'tmpfs', '', 'none')).toThrow(expect.objectContaining({ code: 'EPERM' }));
    expect(() => boxed.mount('/nope', 'tmpfs', '', 'none')).toThrow(expect.objectContaining({ code: 'EPERM' }));
    expect(() => boxed.umount('/nope')).toThrow(expect.objectContaining({ code: 'EPERM' }));
    host.mount('/m', 'tmpfs', '', 'none');
    expect(() => boxed.umount('/m')).toThrow(expect.objectContaining({ code: 'EPERM' }));
    const admin = k.proc({ cred: { uid: 0, gid: 0, caps: DOCKER_DEFAULT_CAPABILITIES | (1n << 21n) } });
    admin.umount('/m');
    admin.mount('/m', 'tmpfs', '', 'none');
  });

  it('chown needs CAP_CHOWN and a device node CAP_MKNOD; a FIFO needs neither', () => {
    const k = kernel();
    k.proc({}).writeFile('/f', 'x');
    const noChown = k.proc({ cred: { uid: 0, gid: 0, caps: DOCKER_DEFAULT_CAPABILITIES & ~1n } });
    expect(() => noChown.chown('/f', 1, -1)).toThrow(expect.objectContaining({ code: 'EPERM' }));
    noChown.chown('/f', 0, 0);
    const noMknod = k.proc({ cred: { uid: 0, gid: 0, caps: DOCKER_DEFAULT_CAPABILITIES & ~(1n << 27n) } });
    expect(() => noMknod.mknod('/n', 0o020666, 0x103)).toThrow(expect.objectContaining({ code: 'EPERM' }));
    noMknod.mknod('/p', 0o010644);
  });
});
