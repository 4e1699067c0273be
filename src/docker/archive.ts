// `docker save` and `docker load` archives, as pure functions over bytes.
//
// Reading takes both layouts `docker load` meets: the pre-25 one Docker 20.10 writes
// (<v1id>/{VERSION,json,layer.tar}, <image id>.json, manifest.json, repositories; the simulator's
// own `docker save` writes it: legacy-archive.ts) and Docker 25+'s — an OCI image layout
// (oci-layout, index.json, blobs/sha256/{config, uncompressed layer tars, OCI manifest}) plus the
// legacy manifest.json and repositories —, which writeOciImageArchive writes for archives made by
// a newer Docker. Layers may be gzip-compressed; each must hash to the DiffID its config
// lists, as `docker load` insists.
import { gunzipSync } from 'node:zlib';
import { ContentBuilder, contentBytes, contentSize, type FileContent, readRange } from '../kernel/index.js';
import { contentDigest, digestHex, type Digest } from './digest.js';
import { encodeGoTarHeader } from './go-tar.js';
import { memberContent, tarMembers } from './tar-reader.js';

export interface ArchivedImage {
  /** Tags such as "busybox:latest"; empty for an image saved by ID. */
  repoTags: string[];
  /** The config JSON bytes, exactly as stored (the image ID is their sha256). */
  config: Uint8Array;
  /** Uncompressed layer tars, base layer first: bytes, or described (kernel/content.ts). */
  layers: FileContent[];
  /** Each layer's digest when it is known already (its DiffID, as the daemon has it): not hashed again. */
  layerDigests?: Digest[];
}

/** A load failure, with the text the docker CLI prints after "Error: " or similar. */
export class ArchiveError extends Error {}

const enc = new TextEncoder();
const dec = new TextDecoder();
const json = (v: unknown): Uint8Array => enc.encode(JSON.stringify(v));

// ---- reading ---------------------------------------------------------------------------------

async function untar(archive: FileContent): Promise<Map<string, FileContent>> {
  const files = new Map<string, FileContent>();
  // Docker's pre-25 save writes a layer shared by two images once and symlinks the other
  // <v1id>/layer.tar to it.
  const links = new Map<string, string>();
  try {
    for (const m of tarMembers(archive)) {
      const name = m.header.name.replace(/^\.\//, '').replace(/\/$/, '');
      if (m.header.type === 'file') files.set(name, memberContent(archive, m));
      if (m.header.type === 'symlink' && m.header.linkname) links.set(name, m.header.linkname);
    }
  } catch (err) {
    // dockerd untars in a child process (chrootarchive) and reports Go's archive/tar error through it:
    // a short read is io.ErrUnexpectedEOF, a block that is no tar header ErrHeader.
    const short = /Unexpected end of data/.test((err as Error).message);
    throw new ArchiveError(
      `Error processing tar file(exit status 1): ${short ? 'unexpected EOF' : 'archive/tar: invalid tar header'}`,
    );
  }
  for (const [name, target] of links) {
    const parts = name.split('/').slice(0, -1);
    for (const t of target.split('/')) {
      if (t === '..') parts.pop();
      else if (t !== '.' && t !== '') parts.push(t);
    }
    const data = files.get(parts.join('/'));
    if (data) files.set(name, data);
  }
  return files;
}

function gunzipIfNeeded(b: FileContent): FileContent {
  const magic = readRange(b, 0, 2);
  return magic[0] === 0x1f && magic[1] === 0x8b ? new Uint8Array(gunzipSync(contentBytes(b))) : b;
}

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
}

export async function readImageArchive(tar: FileContent): Promise<ArchivedImage[]> {
  const files = await untar(tar);
  const manifestContent = files.get('manifest.json');
  const manifestBytes = manifestContent && contentBytes(manifestContent);
  if (!manifestBytes) {
    // Docker falls back to the pre-1.10 format, which only has `repositories`; we do not.
    throw new ArchiveError('open /var/lib/docker/tmp/docker-import/repositories: no such file or directory');
  }
  let manifest: ManifestItem[];
  try {
    manifest = JSON.parse(dec.decode(manifestBytes)) as ManifestItem[];
  } catch (err) {
    throw new ArchiveError(`invalid character in manifest.json: ${(err as Error).message}`);
  }
  const need = (path: string): FileContent => {
    const b = files.get(path);
    if (!b) throw new ArchiveError(`open /var/lib/docker/tmp/docker-import/${path}: no such file or directory`);
    return b;
  };
  return manifest.map((item) => {
    const config = contentBytes(need(item.Config));
    const cfg = JSON.parse(dec.decode(config)) as { rootfs?: { diff_ids?: string[] } };
    const expected = cfg.rootfs?.diff_ids ?? [];
    if (expected.length !== item.Layers.length) throw new ArchiveError('invalid manifest, layers length mismatch');
    const layers = item.Layers.map((path, i) => {
      const layer = gunzipIfNeeded(need(path));
      const got = contentDigest(layer);
      if (got !== expected[i])
        throw new ArchiveError(`invalid diffID for layer ${i}: expected "${expected[i]}", got "${got}"`);
      return layer;
    });
    return { repoTags: item.RepoTags ?? [], config, layers };
  });
}

// ---- writing ---------------------------------------------------------------------------------

interface TarFile {
  name: string;
  data?: FileContent;
}

/** A plain tar, headers as Go writes them, directories before their files, fixed times; as
 * content (a described layer stays described inside it). */
function tar(files: TarFile[], mtime: number): FileContent {
  const parts = new ContentBuilder();
  for (const f of files) {
    const isDir = f.data === undefined;
    const size = f.data === undefined ? 0 : contentSize(f.data);
    parts.add(
      encodeGoTarHeader({
        name: f.name,
        typeflag: isDir ? '5' : '0',
        mode: isDir ? 0o755 : 0o644,
        uid: 0,
        gid: 0,
        size,
        mtime,
        linkname: '',
        uname: '',
        gname: '',
        devmajor: 0,
        devminor: 0,
      }),
    );
    if (f.data) {
      parts.add(f.data);
      if (size % 512) parts.add(new Uint8Array(512 - (size % 512)));
    }
  }
  parts.add(new Uint8Array(1024));
  return parts.build();
}

function splitRef(tag: string): { repo: string; tag: string } {
  const i = tag.lastIndexOf(':');
  return i > tag.lastIndexOf('/') ? { repo: tag.slice(0, i), tag: tag.slice(i + 1) } : { repo: tag, tag: 'latest' };
}

/** The name containerd records for a tag: docker.io/library/busybox:latest. */
export function fullyQualified(tag: string): string {
  const { repo, tag: t } = splitRef(tag);
  const withDomain =
    repo.includes('/') && /[.:]|^localhost$/.test(repo.split('/')[0] ?? '')
      ? repo
      : `docker.io/${repo.includes('/') ? repo : `library/${repo}`}`;
  return `${withDomain}:${t}`;
}

export interface WriteArchiveOptions {
  /** Seconds since the epoch for every entry's mtime (Docker uses the image's created time). */
  mtime?: number;
}

/** An archive as Docker 25+ saves it (to load into the simulated 20.10 daemon, as a learner may),
 * as content: a described layer is not made into bytes. */
export function writeOciImageArchive(images: ArchivedImage[], options: WriteArchiveOptions = {}): FileContent {
  const blobs = new Map<string, FileContent>();
  const addBlob = (b: FileContent, digest?: Digest): Digest => {
    const d = digest ?? contentDigest(b);
    blobs.set(digestHex(d), b);
    return d;
  };
  const manifestJson: ManifestItem[] = [];
  const indexManifests: unknown[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const img of images) {
    const configDigest = addBlob(img.config);
    const layerDigests = img.layers.map((l, i) => addBlob(l, img.layerDigests?.[i]));
    const ociManifest = json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: img.config.length },
      layers: img.layers.map((l, i) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: layerDigests[i],
        size: contentSize(l),
      })),
    });
    const manifestDigest = addBlob(ociManifest);
    const base = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: manifestDigest,
      size: ociManifest.length,
    };
    if (img.repoTags.length === 0) indexManifests.push(base);
    for (const t of img.repoTags) {
      indexManifests.push({
        ...base,
        annotations: {
          'io.containerd.image.name': fullyQualified(t),
          'org.opencontainers.image.ref.name': splitRef(t).tag,
        },
      });
      const { repo, tag } = splitRef(t);
      (repositories[repo] ??= {})[tag] = digestHex(layerDigests.at(-1) ?? configDigest);
    }
    manifestJson.push({
      Config: `blobs/sha256/${digestHex(configDigest)}`,
      RepoTags: img.repoTags.length ? img.repoTags : null,
      Layers: layerDigests.map((d) => `blobs/sha256/${digestHex(d)}`),
    });
  }
  const files: TarFile[] = [{ name: 'blobs/' }, { name: 'blobs/sha256/' }];
  for (const hex of [...blobs.keys()].sort())
    files.push({ name: `blobs/sha256/${hex}`, data: blobs.get(hex) as FileContent });
  files.push({
    name: 'index.json',
    data: json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: indexManifests }),
  });
  files.push({ name: 'manifest.json', data: json(manifestJson) });
  files.push({ name: 'oci-layout', data: json({ imageLayoutVersion: '1.0.0' }) });
  if (Object.keys(repositories).length) files.push({ name: 'repositories', data: json(repositories) });
  return tar(files, options.mtime ?? 0);
}

/** The layer DiffIDs an archived image's config lists, for checks and messages. */
export function diffIdsOf(img: ArchivedImage): string[] {
  return (JSON.parse(dec.decode(img.config)) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids;
}
