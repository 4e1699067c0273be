// Content digests as Docker computes them: DiffIDs, ChainIDs, image IDs, short IDs.
//
// Core module: no filesystem, no UI. node:crypto only.
import { createHash } from 'node:crypto';
import { contentChunks, contentKey, type FileContent } from '../kernel/index.js';

/** A digest string in the "algorithm:hex" form Docker prints, e.g. "sha256:9f54…b78b". */
export type Digest = `sha256:${string}`;

/** Bytes to hash: raw bytes, a string (hashed as UTF-8), or chunks of a stream already read. */
export type HashInput = Uint8Array | string | Iterable<Uint8Array>;

const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

function hashHex(data: HashInput): string {
  const h = createHash('sha256');
  if (typeof data === 'string' || data instanceof Uint8Array) {
    h.update(data);
  } else {
    for (const chunk of data) h.update(chunk);
  }
  return h.digest('hex');
}

/** sha256 of the bytes, as "sha256:<64 hex>". A string is hashed as its UTF-8 bytes. */
export function sha256(data: HashInput): Digest {
  return `sha256:${hashHex(data)}`;
}

/** The lowercase hex sha256 alone, as `sha256sum` prints it. */
export function sha256Hex(data: HashInput): string {
  return hashHex(data);
}

/**
 * DiffID of a layer: the digest of the *uncompressed* layer tar. A gzipped blob has a different
 * digest (the registry's blob digest); Docker keeps both and maps between them in
 * image/overlay2/distribution/.
 */
export function diffId(layerTar: HashInput): Digest {
  return sha256(layerTar);
}

/**
 * Digests of content whose bytes are made on read (kernel/content.ts), kept per description of
 * the bytes: a 187 MB layer tar is hashed once a process, not at each save, load, extract and
 * sha256sum of it. Keyed by contentKey, which names the bytes exactly; bounded, oldest out first.
 */
const known = new Map<string, string>();
const KNOWN_MAX = 512;
/** Below this size described content is hashed as it is: its key would cost about as much. */
const MEMO_FROM = 1 << 20;

function keyOf(algo: string, c: FileContent): string {
  const h = createHash('sha256');
  h.update(`${algo}\0`);
  contentKey(c, (b) => h.update(b));
  return h.digest('hex');
}

function remember(key: string, hex: string): void {
  known.delete(key);
  known.set(key, hex);
  if (known.size > KNOWN_MAX) known.delete(known.keys().next().value as string);
}

const sizeOf = (c: FileContent) => (c instanceof Uint8Array ? c.length : c.size);

/** The hex digest (any node:crypto algorithm: sha256, sha1, md5) of content, walked in chunks. */
export function hashContentHex(algo: string, c: FileContent): string {
  // Bytes held are hashed as they are: a key of them would cost as much as their digest.
  if (c instanceof Uint8Array) return createHash(algo).update(c).digest('hex');
  const key = sizeOf(c) >= MEMO_FROM ? keyOf(algo, c) : undefined;
  const hit = key === undefined ? undefined : known.get(key);
  if (hit !== undefined) return hit;
  const h = createHash(algo);
  for (const chunk of contentChunks(c)) h.update(chunk);
  const hex = h.digest('hex');
  if (key !== undefined) remember(key, hex);
  return hex;
}

/** sha256 of content, as a Digest: a DiffID or blob digest of a layer tar that is described. */
export function contentDigest(c: FileContent): Digest {
  return `sha256:${hashContentHex('sha256', c)}`;
}

/** Image ID: the digest of the config JSON bytes exactly as stored in imagedb/content. */
export function imageId(configBytes: Uint8Array | string): Digest {
  return sha256(configBytes);
}

/** True for a well-formed "sha256:<64 lowercase hex>" string. */
export function isSha256Digest(s: string): s is Digest {
  return SHA256_DIGEST.test(s);
}

/** The part after "algorithm:"; a bare hex string is returned as it is. */
export function digestHex(d: string): string {
  const i = d.indexOf(':');
  return i < 0 ? d : d.slice(i + 1);
}

/** Inverse of digestHex for sha256: "abc…" → "sha256:abc…" (already-prefixed input is kept). */
export function toDigest(hexOrDigest: string): Digest {
  return (hexOrDigest.startsWith('sha256:') ? hexOrDigest : `sha256:${hexOrDigest}`) as Digest;
}

/**
 * The 12-character short form `docker images` and `docker ps` print. Like Docker's
 * stringid.TruncateID it drops any "algorithm:" prefix first, then keeps 12 characters.
 */
export function shortId(idOrDigest: string): string {
  return digestHex(idOrDigest).slice(0, 12);
}

/** One step of the ChainID computation, for the UI that shows the chain being built. */
export interface ChainStep {
  /** Layer index, 0 = base layer. */
  index: number;
  diffId: Digest;
  /** ChainID of the layer below, or null for the base layer. */
  parent: Digest | null;
  /**
   * The exact string that was hashed: `${parent} ${diffId}` (one ASCII space, full "sha256:"
   * prefixes — leaving either out is the classic mistake). Null for the base layer, whose
   * ChainID is its DiffID unhashed.
   */
  hashed: string | null;
  chainId: Digest;
}

/**
 * ChainID of every prefix of the layer list, with the string hashed at each step.
 * OCI image-spec config.md: ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)).
 *
 * Inputs are not validated as 64-hex digests on purpose: the spec's own examples use
 * "sha256:a", and Docker's identity.ChainID does not validate either.
 */
export function chainIdSteps(diffIds: readonly string[]): ChainStep[] {
  const steps: ChainStep[] = [];
  let parent: Digest | null = null;
  diffIds.forEach((d, index) => {
    const diff = d as Digest;
    const hashed: string | null = parent === null ? null : `${parent} ${diff}`;
    const chain: Digest = hashed === null ? diff : sha256(hashed);
    steps.push({ index, diffId: diff, parent, hashed, chainId: chain });
    parent = chain;
  });
  return steps;
}

/** ChainIDs of every prefix: result[i] names the layerdb directory of layer i. */
export function chainIds(diffIds: readonly string[]): Digest[] {
  return chainIdSteps(diffIds).map((s) => s.chainId);
}

/** ChainID of the whole stack (the top layer's layerdb key). Throws on an empty list, which has none. */
export function chainId(diffIds: readonly string[]): Digest {
  const steps = chainIdSteps(diffIds);
  const top = steps[steps.length - 1];
  if (!top) throw new RangeError('chainId: an image with no layers has no ChainID');
  return top.chainId;
}
