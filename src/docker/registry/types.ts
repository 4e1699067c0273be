// The offline registry the simulated daemon pulls from. No network: images are built
// deterministically in memory (tutorial.ts), so every learner pulls byte-identical layers and
// gets the same DiffIDs, ChainIDs and image IDs, whatever the session's seed.
import type { Digest } from '../digest.js';
import type { LayerEntry } from '../layer-tar.js';

export interface RegistryLayer {
  /** Digest of the gzipped blob, as the registry's manifest names it. */
  blobDigest: Digest;
  /** Size of the gzipped blob in bytes. */
  size: number;
  /** sha256 of the uncompressed tar. */
  diffId: Digest;
  /** The layer's files, made on each call (a pull unpacks them and lets them go). */
  entries(): LayerEntry[];
  /** The layer's tar-split.json.gz, as layerdb keeps it. */
  tarSplit(): Uint8Array;
  /** The uncompressed layer tar, made on each call (its sha256 is diffId). */
  tar(): Uint8Array;
}

export interface ResolvedImage {
  /** Familiar repository name: "ubuntu", "nginx". */
  name: string;
  tag: string;
  manifestDigest: Digest;
  /** The config bytes exactly as stored: their sha256 is the image ID. */
  config: Uint8Array;
  layers: RegistryLayer[];
}

export interface Registry {
  /** Resolves "ubuntu", "ubuntu:20.04", "docker.io/library/ubuntu:20.04"; throws RegistryError. */
  resolve(ref: string): ResolvedImage;
  /** The references it can serve, for help texts and completion. */
  list(): string[];
}

/** A failure whose message is the daemon's text (the CLI prefixes "Error response from daemon: "). */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly kind: 'denied' | 'manifest-unknown' | 'invalid-reference',
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface ParsedReference {
  /** Familiar name ("ubuntu", "myorg/app"). */
  name: string;
  /** Tag, "latest" when none was given and no digest either. */
  tag: string;
  digest?: string;
  /** Whether the tag was given. */
  tagged: boolean;
}

const NAME_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;

/**
 * reference.ParseNormalizedNamed, reduced to what the tutorial needs: docker.io/ and library/
 * prefixes are dropped, so names come back in their familiar form.
 */
export function parseReference(ref: string): ParsedReference {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/']) {
    if (rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  }
  if (rest.startsWith('library/') && rest.split('/').length === 2) rest = rest.slice('library/'.length);
  if (!NAME_RE.test(rest) || (tag !== undefined && !TAG_RE.test(tag))) {
    // reference.Parse: a reference that would match in lower case names its upper-case letters.
    if (NAME_RE.test(rest.toLowerCase()) && (tag === undefined || TAG_RE.test(tag)))
      throw new RegistryError('invalid reference format: repository name must be lowercase', 'invalid-reference');
    throw new RegistryError(`invalid reference format`, 'invalid-reference');
  }
  return { name: rest, tag: tag ?? 'latest', tagged: tag !== undefined, ...(digest ? { digest } : {}) };
}

/** "docker.io/library/ubuntu:20.04": the fully qualified form `docker pull` prints last. */
export function qualifiedName(name: string): string {
  return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
}
