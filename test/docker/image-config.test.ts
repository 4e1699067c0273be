import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainId, imageId, sha256 } from '../../src/docker/digest.js';
import {
  emptyContainerConfig,
  imageConfigBytes,
  imageIdOfConfig,
  marshalImageConfig,
  parseImageConfig,
  type ImageConfig,
} from '../../src/docker/image-config.js';

// Seed 000's config, byte for byte as Docker 20.10.6 stored it.
const SEED_BYTES = readFileSync(new URL('../fixtures/seed000-hello-ubuntu.config.json', import.meta.url));
const SEED = SEED_BYTES.toString('utf8');
const SEED_ID = 'sha256:290d8cc1f75a4e230d645bf03c49bbb826f17d1025ec91a1eb115012b32d1ff8';

describe('seed 000 image config', () => {
  it('fixture hashes to the image ID the article shows', () => {
    expect(imageId(SEED_BYTES)).toBe(SEED_ID);
  });

  it('parses and re-serialises to the identical bytes, hence the same image ID', () => {
    const cfg = parseImageConfig(SEED_BYTES);
    expect(marshalImageConfig(cfg)).toBe(SEED);
    expect(imageIdOfConfig(cfg)).toBe(SEED_ID);
  });

  it('exposes the rootfs DiffIDs whose ChainID names the top layer', () => {
    const cfg = parseImageConfig(SEED);
    expect(cfg.rootfs?.type).toBe('layers');
    expect(chainId(cfg.rootfs!.diff_ids!)).toBe(
      'sha256:6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c',
    );
    expect(cfg.history?.filter((h) => !h.empty_layer)).toHaveLength(2);
  });

  it('keeps the RUN command with its \\u003e escape, since Go escapes > in strings', () => {
    expect(SEED).toContain('echo \\"Hello world\\" \\u003e /tmp/newfile');
    expect(parseImageConfig(SEED).container_config?.Cmd?.[2]).toBe('echo "Hello world" > /tmp/newfile');
  });

  it('changes bytes, and so the ID, when written by a Docker 29 daemon', () => {
    // Docker 29 omits a nil OnBuild and orders history as the OCI struct does.
    const v29 = marshalImageConfig(parseImageConfig(SEED, { era: '29.0' }), { era: '29.0' });
    expect(v29).not.toContain('"OnBuild"');
    expect(v29).toContain(
      '{"created":"2021-10-16T00:37:47.578710012Z","created_by":"/bin/sh -c #(nop)  CMD [\\"bash\\"]","empty_layer":true}',
    );
    expect(sha256(v29)).not.toBe(SEED_ID);
  });

  it('is insensitive to the JS key order and whitespace of its input', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, e]) => [k, reverseKeys(e)]),
            )
          : v;
    const reordered = JSON.stringify(reverseKeys(JSON.parse(SEED)), null, 2);
    expect(reordered.startsWith('{\n  "rootfs"')).toBe(true);
    expect(marshalImageConfig(parseImageConfig(reordered))).toBe(SEED);
  });
});

describe('Docker 20.10.24 image config made on this machine kind', () => {
  const bytes = readFileSync(new URL('../fixtures/docker-20.10.24-run-layer.config.json', import.meta.url));

  it('re-serialises to the same bytes and image ID (\\u0026 escapes, "Cmd":null)', () => {
    expect(imageId(bytes)).toBe('sha256:82db19c7c2a308a0789f734b67d7456210da46db0d37aaf62103f59e7ffbfe56');
    expect(marshalImageConfig(parseImageConfig(bytes))).toBe(bytes.toString('utf8'));
  });
});

describe('parseImageConfig', () => {
  it('drops keys the Go struct does not have, as the daemon does', () => {
    const cfg = parseImageConfig('{"rootfs":{"type":"layers"},"moby.extra":1,"config":{"Bogus":true}}');
    expect(cfg).toEqual({ rootfs: { type: 'layers' }, config: {} });
  });

  it('rejects a config without rootfs, like image.NewFromJSON', () => {
    expect(() => parseImageConfig('{"architecture":"amd64"}')).toThrow(/no RootFS/);
  });
});

describe('marshalImageConfig', () => {
  const base: ImageConfig = {
    architecture: 'amd64',
    os: 'linux',
    created: '2024-05-01T10:00:00.120Z',
    config: { ...emptyContainerConfig(), Env: ['PATH=/bin'], Cmd: ['sh'] },
    rootfs: { type: 'layers', diff_ids: ['sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef'] },
    history: [{ created: '2024-05-01T10:00:00.12Z', created_by: 'ADD rootfs.tar /' }],
  };

  it('sorts the top-level keys and writes container_config even when unset (20.10)', () => {
    const json = marshalImageConfig(base);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'architecture',
      'config',
      'container_config',
      'created',
      'history',
      'os',
      'rootfs',
    ]);
    expect(json).toContain('"created":"2024-05-01T10:00:00.12Z"');
    expect(json).toContain('"container_config":{"Hostname":"","Domainname":"","User":"",');
  });

  it('writes "created":null for an unset time from Docker 25 on, the zero time before', () => {
    const { created: _omit, ...noTime } = base;
    expect(marshalImageConfig(noTime)).toContain('"created":"0001-01-01T00:00:00Z"');
    expect(marshalImageConfig(noTime, { era: '25.0' })).toContain('"created":null');
  });

  it('places MacAddress and OnBuild by era', () => {
    const cfg: ImageConfig = { ...base, config: { ...base.config, MacAddress: '02:42:ac:11:00:02' } };
    expect(marshalImageConfig(cfg)).toContain(
      '"Entrypoint":null,"MacAddress":"02:42:ac:11:00:02","OnBuild":null,"Labels":null',
    );
    expect(marshalImageConfig(cfg, { era: '29.0' })).toContain('"Entrypoint":null,"Labels":null');
  });

  it('writes healthcheck durations as integer nanoseconds in struct order', () => {
    const cfg: ImageConfig = {
      ...base,
      config: { Healthcheck: { Retries: 3, Test: ['CMD-SHELL', 'true'], Interval: 30_000_000_000 } },
    };
    expect(marshalImageConfig(cfg)).toContain(
      '"Healthcheck":{"Test":["CMD-SHELL","true"],"Interval":30000000000,"Retries":3}',
    );
  });

  it('returns UTF-8 bytes whose hash is the image ID', () => {
    expect(imageId(imageConfigBytes(base))).toBe(imageIdOfConfig(base));
  });
});
