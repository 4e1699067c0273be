import { assert, describe, expect, it } from 'vitest';
import {
  chainId,
  chainIdSteps,
  chainIds,
  diffId,
  digestHex,
  imageId,
  isSha256Digest,
  sha256,
  sha256Hex,
  shortId,
  toDigest,
} from '../../src/docker/digest.js';

// Seed 000: the two DiffIDs of hello-ubuntu (ubuntu:20.04 base + the RUN layer).
const BASE = 'sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b';
const TOP = 'sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c';

describe('sha256', () => {
  it('prefixes the hex digest with the algorithm', () => {
    expect(sha256('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes chunks as if they were one buffer', () => {
    const enc = new TextEncoder();
    expect(sha256([enc.encode('a'), enc.encode('bc')])).toBe(sha256('abc'));
  });
});

describe('diffId', () => {
  it('of an empty tar (1024 zero bytes) is the well-known empty-layer DiffID', () => {
    expect(diffId(new Uint8Array(1024))).toBe(
      'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
    );
  });
});

describe('chainId', () => {
  it('of a single layer is its DiffID, unhashed', () => {
    expect(chainId([BASE])).toBe(BASE);
  });

  it("reproduces seed 000's layer-1 ChainID (the sha256sum in the article)", () => {
    expect(chainId([BASE, TOP])).toBe('sha256:6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c');
  });

  it('matches the OCI image-spec vectors for sha256:a, sha256:b and sha256:c', () => {
    expect(chainId(['sha256:a', 'sha256:b'])).toBe(
      'sha256:970a948bffa8de94d6e22d747ba8c95030e6e546909f98f54e99a13005e173a8',
    );
    expect(chainId(['sha256:a', 'sha256:b', 'sha256:c'])).toBe(
      'sha256:dee159b33409cefa3f6eda71539f006014283e9d9130c18a1dea7bd8a33c9b1b',
    );
  });

  it('gives every prefix so each layerdb directory can be named', () => {
    expect(chainIds(['sha256:a', 'sha256:b', 'sha256:c'])).toEqual([
      'sha256:a',
      'sha256:970a948bffa8de94d6e22d747ba8c95030e6e546909f98f54e99a13005e173a8',
      'sha256:dee159b33409cefa3f6eda71539f006014283e9d9130c18a1dea7bd8a33c9b1b',
    ]);
  });

  it('refuses an empty layer list, which has no ChainID', () => {
    expect(() => chainId([])).toThrow(RangeError);
    expect(chainIds([])).toEqual([]);
  });
});

describe('chainIdSteps', () => {
  it('shows the exact string hashed at each step, with full prefixes and one space', () => {
    const [s0, s1] = chainIdSteps([BASE, TOP]);
    expect(s0).toEqual({ index: 0, diffId: BASE, parent: null, hashed: null, chainId: BASE });
    assert(s1?.hashed);
    expect(s1.hashed).toBe(`${BASE} ${TOP}`);
    expect(s1.parent).toBe(BASE);
    expect(s1.chainId).toBe(sha256(s1.hashed));
  });

  it('chains each step on the previous ChainID, not on the previous DiffID', () => {
    const [, second, third] = chainIdSteps(['sha256:a', 'sha256:b', 'sha256:c']);
    expect(third?.hashed).toBe(`${second?.chainId} sha256:c`);
  });
});

describe('short ids and digest strings', () => {
  it('keeps 12 hex characters after dropping the algorithm, like docker images', () => {
    expect(shortId('sha256:290d8cc1f75a4e230d645bf03c49bbb826f17d1025ec91a1eb115012b32d1ff8')).toBe('290d8cc1f75a');
    expect(shortId('ee79bb9802d0ff311de6d606fad35fa7e9ab0c1cb4113837a50571e79c9454df')).toBe('ee79bb9802d0');
  });

  it('converts between digest and bare hex', () => {
    expect(digestHex(TOP)).toBe(TOP.slice(7));
    expect(toDigest(TOP.slice(7))).toBe(TOP);
    expect(toDigest(TOP)).toBe(TOP);
  });

  it('recognises only well-formed sha256 digests', () => {
    expect(isSha256Digest(BASE)).toBe(true);
    expect(isSha256Digest('sha256:a')).toBe(false);
    expect(isSha256Digest(BASE.toUpperCase())).toBe(false);
  });

  it('names an image by the sha256 of its config bytes', () => {
    expect(imageId('{}')).toBe(sha256('{}'));
  });
});
