// The daemon's and the CLI's reading of -v, --mount and --tmpfs (each text checked against a real
// dockerd 20.10.24 in conformance script 63).
import { describe, expect, it } from 'vitest';
import {
  parseVolumeSpec,
  planMountSpec,
  tmpfsDataOfSpec,
  tmpfsMountOptions,
  validMountMode,
} from '../../src/docker/engine/mount-specs.js';
import { parseMountFlag, ramInBytes, tmpfsFlags } from '../../src/shell/commands/docker/mount-flag.js';

const err = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('-v specs as the daemon parses them', () => {
  it('reads binds, named volumes and their modes', () => {
    expect(parseVolumeSpec('/h//x/:/data:ro')).toMatchObject({
      Type: 'bind',
      Source: '/h/x',
      Destination: '/data',
      RW: false,
      Mode: 'ro',
      Propagation: 'rprivate',
    });
    expect(parseVolumeSpec('vol:/data')).toMatchObject({ Type: 'volume', Source: 'vol', RW: true, Mode: '' });
    expect(validMountMode('ro,z')).toBe(true);
    expect(validMountMode('ro,rw')).toBe(false);
  });
  it('refuses bad specs in its words', () => {
    expect(err(() => parseVolumeSpec('/a:/b:/c:/d'))).toBe("invalid volume specification: '/a:/b:/c:/d'");
    expect(err(() => parseVolumeSpec('/h:'))).toBe("invalid volume specification: '/h:'");
    expect(err(() => parseVolumeSpec('/h:/x:rx'))).toBe('invalid mode: rx');
    expect(err(() => parseVolumeSpec('/h::ro'))).toBe(
      'invalid volume specification: \'/h::ro\': invalid mount config for type "bind": field Target must not be empty',
    );
    expect(err(() => parseVolumeSpec('/h:/'))).toMatch(/destination can't be '\/'$/);
    expect(err(() => parseVolumeSpec('/h:/x:rw,nocopy'))).toMatch(/field VolumeOptions must not be specified$/);
  });
});

describe('--mount', () => {
  it('parses as MountOpt.Set does, with its errors', () => {
    expect(parseMountFlag('type=bind,src=/h,dst=/x,readonly')).toEqual({
      Type: 'bind',
      Source: '/h',
      Target: '/x',
      ReadOnly: true,
    });
    expect(parseMountFlag('src=v,dst=/x,volume-nocopy')).toEqual({
      Type: 'volume',
      Source: 'v',
      Target: '/x',
      VolumeOptions: { NoCopy: true, DriverConfig: {} },
    });
    expect(parseMountFlag('type=bind,src=/h')).toBe('target is required');
    expect(parseMountFlag('type=bind,dst=/x,ro=maybe')).toBe('invalid value for ro: maybe');
    expect(parseMountFlag('type=bind,dst=/x,bogus=1')).toBe("unexpected key 'bogus' in 'bogus=1'");
    expect(parseMountFlag('type=bind,dst=/x,volume-nocopy')).toBe(
      "cannot mix 'volume-*' options with mount type 'bind'",
    );
    expect(parseMountFlag('type=bind,dst=/x,ro=1')).toMatchObject({ ReadOnly: true });
    expect(ramInBytes('1m')).toBe(1 << 20);
    expect(ramInBytes('abc')).toBeUndefined();
  });
  it('is validated by the daemon (a bind source that is not there, an anonymous read-only volume)', () => {
    const none = (): boolean => false;
    expect(err(() => planMountSpec({ Type: 'bind', Source: '/nope', Target: '/h' }, none))).toBe(
      'invalid mount config for type "bind": bind source path does not exist: /nope',
    );
    expect(err(() => planMountSpec({ Type: 'volume', Target: '/h', ReadOnly: true }, none))).toMatch(
      /must not set ReadOnly mode when using anonymous volumes$/,
    );
    expect(err(() => planMountSpec({ Type: 'foo', Target: '/h' }, none))).toBe(
      'invalid mount config for type "foo": mount type unknown',
    );
  });
});

describe('tmpfs mounts', () => {
  it('shows runc’s flags and the kernel’s options', () => {
    expect(tmpfsMountOptions('')?.options).toBe('rw,nosuid,nodev,noexec,relatime');
    expect(tmpfsMountOptions('exec,size=65536')?.options).toBe('rw,nosuid,nodev,relatime,size=64k');
    expect(tmpfsMountOptions('mode=755,uid=1000,gid=50,size=1g')?.options).toBe(
      'rw,nosuid,nodev,noexec,relatime,size=1048576k,mode=755,uid=1000,gid=50',
    );
    expect(tmpfsMountOptions('rw,size=64k,mode=1777')?.options).toBe('rw,nosuid,nodev,noexec,relatime,size=64k');
    expect(tmpfsMountOptions('size=abc')).toBeUndefined();
    expect(tmpfsMountOptions('size=1m,uid=1000', [])?.options).toBe('rw,relatime,size=1024k,uid=1000');
    expect(tmpfsDataOfSpec({ Type: 'tmpfs', ReadOnly: true, TmpfsOptions: { SizeBytes: 1 << 20, Mode: 0o700 } })).toBe(
      'ro,mode=700,size=1m',
    );
    expect(tmpfsFlags(['/run:size=1k', '/srv'])).toEqual({ '/run': 'size=1k', '/srv': '' });
  });
});
