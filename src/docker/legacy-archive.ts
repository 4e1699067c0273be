// `docker save` as Docker 20.10 writes it (moby image/tarexport/save.go), byte for byte where the
// daemon is deterministic: per layer a <v1 id>/ directory with VERSION ("1.0"), json (the layer's
// legacy image.V1Image) and layer.tar; <image id>.json, the config as stored; manifest.json and
// repositories. The daemon writes these into a temp dir and tars it (pkg/archive): entries in
// filepath.Walk's order (names sorted within each directory), USTAR headers with the file-type
// bits in the mode and root/root as owner; a layer directory and its files take the image's
// created time, manifest.json and repositories the epoch. A layer whose DiffID was written already
// (an image's top layer that is another's base) is a symlink to that layer.tar, and its directory
// and files keep the time they were written at.
import { ContentBuilder, contentSize, type FileContent } from '../kernel/index.js';
import { chainIds, sha256Hex } from './digest.js';
import { encodeGoTarHeader } from './go-tar.js';
import { emptyContainerConfig, type ImageConfig, marshalV1Image, parseImageConfig } from './image-config.js';

export interface SavedImage {
  /** The config JSON bytes, exactly as stored (the image ID is their sha256). */
  config: Uint8Array;
  /** Tags such as "busybox:latest"; empty for an image saved by ID. */
  repoTags: string[];
  /** Uncompressed layer tars, base layer first: bytes, or described (kernel/content.ts). */
  layers: FileContent[];
  /** The image's parent ("sha256:…") when the parent is saved too: manifest.json's "Parent". */
  parent?: string;
}

export interface LegacyWriteOptions {
  /** Seconds since the epoch: when the daemon wrote the files it does not give a time. */
  now: number;
}

const enc = new TextEncoder();
/** time.Unix(0, 0) as the daemon (in UTC) marshals it: the created time of every layer below the top. */
const EPOCH = '1970-01-01T00:00:00Z';

/** The V1Image fields image.Image carries (the top layer's legacy config is the image's own). */
function topV1Image(cfg: ImageConfig): Record<string, unknown> {
  return {
    comment: cfg.comment,
    created: cfg.created,
    container: cfg.container,
    container_config: cfg.container_config ?? emptyContainerConfig(),
    docker_version: cfg.docker_version,
    author: cfg.author,
    config: cfg.config,
    architecture: cfg.architecture,
    variant: cfg.variant,
    os: cfg.os,
  };
}

export interface V1Layer {
  /** 64 hex: the layer's directory in the archive. */
  id: string;
  /** <v1 id>/json */
  json: Uint8Array;
}

/**
 * The legacy layer ids and json files of an image, as saveImage computes them: v1.CreateID hashes
 * the layer's V1Image (the image's own for the top layer, an empty one created at the epoch below
 * it) with the ChainID of the layers up to it and the v1 id of the layer under it.
 */
export function v1Layers(configBytes: Uint8Array): V1Layer[] {
  const cfg = parseImageConfig(configBytes);
  const diffIds = cfg.rootfs?.diff_ids ?? [];
  const chains = chainIds(diffIds);
  const out: V1Layer[] = [];
  let parent = '';
  diffIds.forEach((_, i) => {
    const v1 =
      i === diffIds.length - 1 ? topV1Image(cfg) : { created: EPOCH, container_config: emptyContainerConfig() };
    const forId = { ...v1, layer_id: chains[i], ...(parent ? { parent: `sha256:${parent}` } : {}) };
    const id = sha256Hex(marshalV1Image(forId, { sorted: true }));
    const json = marshalV1Image({ ...v1, id, ...(parent ? { parent } : {}), os: cfg.os });
    out.push({ id, json: enc.encode(json) });
    parent = id;
  });
  return out;
}

interface Entry {
  path: string;
  kind: 'dir' | 'file' | 'symlink';
  data?: FileContent;
  link?: string;
  mtime: number;
}

const seconds = (goTime: string | null | undefined): number => {
  const ms = Date.parse(goTime ?? '');
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
};

/** filepath.Walk's order: names compared byte by byte within each directory, a directory before its files. */
function walkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The tar as content: a described layer stays described inside it. */
function tarOf(entries: Entry[]): FileContent {
  const parts = new ContentBuilder();
  for (const e of entries) {
    const size = e.kind === 'file' && e.data !== undefined ? contentSize(e.data) : 0;
    parts.add(
      encodeGoTarHeader({
        name: e.kind === 'dir' ? `${e.path}/` : e.path,
        typeflag: e.kind === 'dir' ? '5' : e.kind === 'symlink' ? '2' : '0',
        mode: e.kind === 'dir' ? 0o40755 : e.kind === 'symlink' ? 0o120777 : 0o100644,
        uid: 0,
        gid: 0,
        size,
        mtime: e.mtime,
        linkname: e.link ?? '',
        uname: 'root',
        gname: 'root',
        devmajor: 0,
        devminor: 0,
      }),
    );
    if (e.kind === 'file' && e.data !== undefined) {
      parts.add(e.data);
      if (size % 512) parts.add(new Uint8Array(512 - (size % 512)));
    }
  }
  parts.add(new Uint8Array(1024));
  return parts.build();
}

function splitTag(tag: string): { repo: string; tag: string } {
  const i = tag.lastIndexOf(':');
  return i > tag.lastIndexOf('/') ? { repo: tag.slice(0, i), tag: tag.slice(i + 1) } : { repo: tag, tag: 'latest' };
}

/** A JSON object with its keys sorted, as Go's encoding/json writes a map. */
function sortedJson(v: Record<string, unknown>): string {
  const keys = Object.keys(v).sort();
  return `{${keys
    .map((k) => {
      const x = v[k];
      const value = x && typeof x === 'object' ? sortedJson(x as Record<string, unknown>) : JSON.stringify(x);
      return `${JSON.stringify(k)}:${value}`;
    })
    .join(',')}}`;
}

/** The archive `docker save` writes for these images, in the order the daemon happened to visit them. */
export function writeLegacyImageArchive(images: SavedImage[], o: LegacyWriteOptions): FileContent {
  const entries: Entry[] = [];
  const saved = new Set<string>();
  const pathOfDiffId = new Map<string, string>();
  const manifest: Array<Record<string, unknown>> = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const img of images) {
    const cfg = parseImageConfig(img.config);
    const created = seconds(cfg.created);
    const diffIds = cfg.rootfs?.diff_ids ?? [];
    const layers = v1Layers(img.config);
    layers.forEach((l, i) => {
      if (saved.has(l.id)) return;
      saved.add(l.id);
      const diffId = diffIds[i] as string;
      const earlier = pathOfDiffId.get(diffId);
      // saveLayer sets the times only on a layer it writes out, not on one it links.
      const mtime = earlier ? o.now : created;
      entries.push({ path: l.id, kind: 'dir', mtime });
      entries.push({ path: `${l.id}/VERSION`, kind: 'file', data: enc.encode('1.0'), mtime });
      entries.push({ path: `${l.id}/json`, kind: 'file', data: l.json, mtime });
      if (earlier) entries.push({ path: `${l.id}/layer.tar`, kind: 'symlink', link: `../${earlier}`, mtime });
      else {
        entries.push({ path: `${l.id}/layer.tar`, kind: 'file', data: img.layers[i] as FileContent, mtime });
        pathOfDiffId.set(diffId, `${l.id}/layer.tar`);
      }
    });
    const id = sha256Hex(img.config);
    entries.push({ path: `${id}.json`, kind: 'file', data: img.config, mtime: created });
    const top = layers.at(-1)?.id ?? '';
    for (const t of img.repoTags) {
      const { repo, tag } = splitTag(t);
      (repositories[repo] ??= {})[tag] = top;
    }
    manifest.push({
      Config: `${id}.json`,
      RepoTags: img.repoTags.length ? img.repoTags : null,
      Layers: layers.map((l) => `${l.id}/layer.tar`),
      ...(img.parent ? { Parent: img.parent } : {}),
    });
  }
  if (Object.keys(repositories).length)
    entries.push({ path: 'repositories', kind: 'file', data: enc.encode(`${sortedJson(repositories)}\n`), mtime: 0 });
  entries.push({ path: 'manifest.json', kind: 'file', data: enc.encode(`${JSON.stringify(manifest)}\n`), mtime: 0 });
  return tarOf(entries.sort((a, b) => walkOrder(a.path, b.path)));
}
