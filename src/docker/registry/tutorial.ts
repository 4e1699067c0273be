// The tutorial's offline registry: ubuntu, debian, nginx (on debian's layer, so pulling both
// shows "Already exists"), alpine, busybox and hello-world. Images are built on first resolve and
// cached for the process: they never depend on a session's seed or clock.
import { createHash } from 'node:crypto';
import { sha256, type Digest } from '../digest.js';
import {
  emptyContainerConfig,
  imageConfigBytes,
  type ContainerConfig,
  type HistoryEntry,
  type ImageConfig,
} from '../image-config.js';
import { hashLayerTar, writeLayerTar, type LayerEntry } from '../layer-tar.js';
import { tarSplitGzOf } from '../engine/tar-split.js';
import { LAYER_DIFF_IDS } from './layer-digests.js';
import { LAYER_TAR_SPLITS } from './layer-tar-splits.js';
import { debianFamilyRoot, fitLayer } from './rootfs.js';
import { alpineRoot, busyboxRoot, helloRoot, nginxLayers } from './small-images.js';
import { parseReference, RegistryError, type Registry, type RegistryLayer, type ResolvedImage } from './types.js';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface Step {
  /** The Dockerfile line as history records it (after "/bin/sh -c "). */
  by: string;
  /** Layer contents; absent for an empty layer (CMD, ENV, LABEL …). */
  layer?: () => LayerEntry[];
  /** Reuse a layer of another image (same bytes, same DiffID). */
  shared?: string;
  /** The real image's layer: its size on disk (what `docker history` shows) and its gzipped
   * blob's (what `docker pull` counts), in bytes. */
  real?: { size: number; blob: number };
}

interface ImageDef {
  name: string;
  /** The first tag is the one the image is known by. */
  tags: [string, ...string[]];
  created: string;
  steps: Step[];
  config: Partial<ContainerConfig>;
  dockerVersion: string;
}

const ubuntuSteps = (release: string, info: Parameters<typeof debianFamilyRoot>[0]): Step[] => [
  { by: '#(nop)  ARG RELEASE' },
  { by: '#(nop)  ARG LAUNCHPAD_BUILD_ARCH' },
  { by: '#(nop)  LABEL org.opencontainers.image.ref.name=ubuntu' },
  { by: `#(nop)  LABEL org.opencontainers.image.version=${release}` },
  {
    by: '#(nop) ADD file:%FILE% in / ',
    layer: () => debianFamilyRoot(info),
    real: (REAL_SIZES as Record<string, Step['real']>)[`ubuntu:${release}`],
  },
  { by: '#(nop)  CMD ["/bin/bash"]' },
];

/**
 * The real images' layer sizes, as a real Docker 20.10 shows them for the versions modelled here
 * (`docker history`: ubuntu:20.04 72.8MB, ubuntu:22.04 77.8MB, debian:bookworm-slim 74.8MB, nginx
 * 1.25.2's install layer 112MB and its scripts 1.62kB … 4.62kB, alpine 3.18.3 7.34MB, busybox
 * 1.36.1 4.26MB, hello-world 13.3kB), with their compressed blobs' sizes as `docker pull` counts them.
 * nginx's script layers hold one file each, as nginxinc/docker-nginx has it at tag 1.25.2
 * (mainline/debian): 1620, 2125, 298, 3018 and 4619 bytes. The blob of 15-local-resolvers.envsh's
 * layer (371 bytes gzipped the same way) is an estimate, less 14 bytes: the same reckoning gives
 * 643, 969, 1222 and 1401 for the other four script layers, whose real blobs are 627, 955, 1209, 1401.
 */
const REAL_SIZES = {
  'ubuntu:20.04': { size: 72_787_960, blob: 27_505_921 },
  'ubuntu:22.04': { size: 77_821_504, blob: 29_536_872 },
  debian: { size: 74_763_108, blob: 29_124_181 },
  nginxInstall: { size: 112_276_344, blob: 41_351_442 },
  nginxEntrypoint: { size: 1_620, blob: 627 },
  nginxListen: { size: 2_125, blob: 955 },
  nginxResolvers: { size: 298, blob: 357 },
  nginxEnvsubst: { size: 3_018, blob: 1_209 },
  nginxTune: { size: 4_619, blob: 1_401 },
  alpine: { size: 7_339_108, blob: 3_401_613 },
  busybox: { size: 4_261_550, blob: 2_219_949 },
  hello: { size: 13_256, blob: 2_479 },
} as const satisfies Record<string, { size: number; blob: number }>;

const DEBIAN_INFO = {
  id: 'debian',
  version: '12 (bookworm)',
  versionId: '12',
  codename: 'bookworm',
  prettyName: 'Debian GNU/Linux 12 (bookworm)',
  mtime: 1_691_500_000,
} as const;

const IMAGES: ImageDef[] = [
  {
    name: 'ubuntu',
    tags: ['20.04', 'focal'],
    created: '2023-08-04T04:53:23.561227532Z',
    dockerVersion: '20.10.21',
    config: {
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '20.04' },
    },
    steps: ubuntuSteps('20.04', {
      id: 'ubuntu',
      version: '20.04.6 LTS (Focal Fossa)',
      versionId: '20.04',
      codename: 'focal',
      prettyName: 'Ubuntu 20.04.6 LTS',
      mtime: 1_691_124_000,
    }),
  },
  {
    name: 'ubuntu',
    tags: ['22.04', 'jammy', 'latest'],
    created: '2023-08-16T08:34:41.112231424Z',
    dockerVersion: '20.10.21',
    config: {
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' },
    },
    steps: ubuntuSteps('22.04', {
      id: 'ubuntu',
      version: '22.04.3 LTS (Jammy Jellyfish)',
      versionId: '22.04',
      codename: 'jammy',
      prettyName: 'Ubuntu 22.04.3 LTS',
      mtime: 1_692_170_000,
    }),
  },
  {
    name: 'debian',
    tags: ['bookworm-slim', '12-slim'],
    created: '2023-08-16T00:20:13.437829946Z',
    dockerVersion: '20.10.23',
    config: { Cmd: ['bash'] },
    steps: [
      { by: '#(nop) ADD file:%FILE% in / ', layer: () => debianFamilyRoot(DEBIAN_INFO), real: REAL_SIZES.debian },
      { by: '#(nop)  CMD ["bash"]' },
    ],
  },
  {
    name: 'nginx',
    tags: ['latest', '1.25', '1.25.2'],
    created: '2023-08-16T09:50:55.765544033Z',
    dockerVersion: '20.10.23',
    config: {
      Env: [PATH_ENV, 'NGINX_VERSION=1.25.2', 'NJS_VERSION=0.8.0', 'PKG_RELEASE=1~bookworm'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Entrypoint: ['/docker-entrypoint.sh'],
      ExposedPorts: { '80/tcp': {} },
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      StopSignal: 'SIGQUIT',
    },
    steps: [
      { by: '#(nop) ADD file:%FILE% in / ', shared: 'debian:bookworm-slim' },
      { by: '#(nop)  CMD ["bash"]' },
      { by: '#(nop)  LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>' },
      { by: '#(nop)  ENV NGINX_VERSION=1.25.2' },
      { by: '#(nop)  ENV NJS_VERSION=0.8.0' },
      { by: '#(nop)  ENV PKG_RELEASE=1~bookworm' },
      {
        by:
          'set -x     && groupadd --system --gid 101 nginx     && ' +
          'useradd --system --gid nginx --no-create-home --home ' +
          '/nonexistent --comment "nginx user" --shell /bin/false ' +
          '--uid 101 nginx     && apt-get update     && apt-get ' +
          'install --no-install-recommends --no-install-suggests -y ' +
          'nginx=${NGINX_VERSION}-${PKG_RELEASE}     && ln -sf ' +
          '/dev/stdout /var/log/nginx/access.log     && ln -sf ' +
          '/dev/stderr /var/log/nginx/error.log',
        layer: () => nginxLayers()[0] as LayerEntry[],
        real: REAL_SIZES.nginxInstall,
      },
      {
        by: '#(nop) COPY file:%FILE% in / ',
        layer: () => nginxLayers()[1] as LayerEntry[],
        real: REAL_SIZES.nginxEntrypoint,
      },
      {
        by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ',
        layer: () => nginxLayers()[2] as LayerEntry[],
        real: REAL_SIZES.nginxListen,
      },
      {
        by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ',
        layer: () => nginxLayers()[3] as LayerEntry[],
        real: REAL_SIZES.nginxResolvers,
      },
      {
        by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ',
        layer: () => nginxLayers()[4] as LayerEntry[],
        real: REAL_SIZES.nginxEnvsubst,
      },
      {
        by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ',
        layer: () => nginxLayers()[5] as LayerEntry[],
        real: REAL_SIZES.nginxTune,
      },
      { by: '#(nop)  ENTRYPOINT ["/docker-entrypoint.sh"]' },
      { by: '#(nop)  EXPOSE 80' },
      { by: '#(nop)  STOPSIGNAL SIGQUIT' },
      { by: '#(nop)  CMD ["nginx" "-g" "daemon off;"]' },
    ],
  },
  {
    name: 'alpine',
    tags: ['latest', '3.18', '3.18.3'],
    created: '2023-08-07T19:49:42.603537641Z',
    dockerVersion: '20.10.23',
    config: { Cmd: ['/bin/sh'] },
    steps: [
      { by: '#(nop) ADD file:%FILE% in / ', layer: alpineRoot, real: REAL_SIZES.alpine },
      { by: '#(nop)  CMD ["/bin/sh"]' },
    ],
  },
  {
    name: 'busybox',
    tags: ['latest', '1.36', '1.36.1'],
    created: '2023-07-18T23:19:33.655005962Z',
    dockerVersion: '20.10.23',
    config: { Cmd: ['sh'] },
    steps: [
      { by: '#(nop) ADD file:%FILE% in / ', layer: busyboxRoot, real: REAL_SIZES.busybox },
      { by: '#(nop)  CMD ["sh"]' },
    ],
  },
  {
    name: 'hello-world',
    tags: ['latest', 'linux'],
    created: '2023-05-02T16:49:27.171843399Z',
    dockerVersion: '20.10.23',
    config: { Cmd: ['/hello'] },
    steps: [
      { by: '#(nop) COPY file:%FILE% in / ', layer: helloRoot, real: REAL_SIZES.hello },
      { by: '#(nop)  CMD ["/hello"]' },
    ],
  },
];

/** The DiffID: the sha256 of the exact layer tar, hashed a chunk at a time. */
export function hashLayerDiffId(entries: readonly LayerEntry[]): Digest {
  const h = createHash('sha256');
  hashLayerTar(entries, (chunk) => h.update(chunk));
  return `sha256:${h.digest('hex')}`;
}

/** A layer's entries: the generator's, its stand-ins scaled to the real image's size. */
function layerEntries(step: Step): LayerEntry[] {
  const entries = (step.layer as () => LayerEntry[])();
  return step.real ? fitLayer(entries, step.real.size) : entries;
}

/** A layer of the registry, known by name ("nginx:latest#6"): its DiffID and tar-split from the
 * tables made at build time (scripts/layer-digests.ts), its files made once a process, on first pull. */
function buildLayer(step: Step, name: string): RegistryLayer {
  let entries: LayerEntry[] | undefined;
  let split: Uint8Array | undefined;
  const files = () => {
    entries ??= layerEntries(step);
    return entries;
  };
  const diffId = (LAYER_DIFF_IDS[name] as Digest | undefined) ?? hashLayerDiffId(files());
  // The simulator downloads no blob: the registry's blob digest names the layer and its compressed
  // size (the real image's), which is what `docker pull` counts.
  const size = step.real?.blob ?? 0;
  return {
    blobDigest: sha256(`overlay-tutor blob\n${diffId}\n${size}`),
    size,
    diffId,
    entries: files,
    tarSplit: () => {
      const made = LAYER_TAR_SPLITS[name];
      split ??= made ? new Uint8Array(Buffer.from(made.join(''), 'base64')) : tarSplitGzOf(files());
      return split;
    },
    tar: () => writeLayerTar(files()),
  };
}

/** Seconds after `created` for history entry i, counting back from the last. */
function historyTime(created: string, i: number, n: number): string {
  const base = Date.parse(created);
  const t = new Date(base - (n - 1 - i) * 1000 * (i === 0 ? 3 : 1));
  return t.toISOString().replace(
    /\.\d+Z$/,
    `.${String(100_000_000 + ((i * 7_919_113) % 899_999_999))
      .slice(0, 9)
      .replace(/0+$/, '')}Z`,
  );
}

const built = new Map<string, ResolvedImage>(); // "name:firstTag" → image
const layerCache = new Map<string, RegistryLayer>(); // "name:firstTag#step" → layer

function build(def: ImageDef): ResolvedImage {
  const key = `${def.name}:${def.tags[0]}`;
  const cached = built.get(key);
  if (cached) return cached;
  const layers: RegistryLayer[] = [];
  const history: HistoryEntry[] = [];
  const n = def.steps.length;
  def.steps.forEach((s, i) => {
    let layer: RegistryLayer | undefined;
    if (s.shared) {
      const other = IMAGES.find(
        (d) => `${d.name}:${d.tags[0]}` === s.shared || d.tags.some((t) => `${d.name}:${t}` === s.shared),
      );
      if (!other) throw new Error(`registry: ${s.shared} missing`);
      const img = build(other);
      layer = img.layers[0] as RegistryLayer;
    } else if (s.layer) {
      const lk = `${key}#${i}`;
      layer = layerCache.get(lk) ?? buildLayer(s, lk);
      layerCache.set(lk, layer);
    }
    if (layer) layers.push(layer);
    const by = `/bin/sh -c ${s.by.replace('%FILE%', layer ? layer.diffId.slice(7) : '')}`;
    history.push({
      created: i === n - 1 ? def.created : historyTime(def.created, i, n),
      created_by: by,
      ...(layer ? {} : { empty_layer: true }),
    });
  });
  const config: ContainerConfig = { ...emptyContainerConfig(), Env: [PATH_ENV], ...def.config };
  const last = def.steps[n - 1] as Step;
  const cfg: ImageConfig = {
    architecture: 'amd64',
    config: { ...config, Image: sha256(def.name + def.created) },
    container: sha256(`${def.name}:${def.created}:container`).slice(7),
    container_config: {
      ...config,
      Cmd: ['/bin/sh', '-c', '#(nop) ', last.by.replace(/^#\(nop\)\s+/, '')],
      Image: sha256(def.name + def.created),
      Labels: config.Labels ?? {},
    },
    created: def.created,
    docker_version: def.dockerVersion,
    history,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  };
  const configBytes = imageConfigBytes(cfg);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: configBytes.length,
      digest: sha256(configBytes),
    },
    layers: layers.map((l) => ({
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      size: l.size,
      digest: l.blobDigest,
    })),
  });
  const img: ResolvedImage = {
    name: def.name,
    tag: def.tags[0],
    manifestDigest: sha256(manifest) as Digest,
    config: configBytes,
    layers,
  };
  built.set(key, img);
  return img;
}

/** The offline registry of tutorial images. */
export function createTutorialRegistry(): Registry {
  return {
    resolve(ref: string): ResolvedImage {
      const r = parseReference(ref);
      const defs = IMAGES.filter((d) => d.name === r.name);
      if (defs.length === 0) {
        throw new RegistryError(
          `pull access denied for ${r.name}, repository does not exist ` +
            "or may require 'docker login': denied: requested access to " +
            'the resource is denied',
          'denied',
        );
      }
      let def: ImageDef | undefined;
      if (r.digest) def = defs.find((d) => build(d).manifestDigest === r.digest);
      else def = defs.find((d) => d.tags.includes(r.tag));
      if (!def) {
        const what = r.digest ? `${r.name}@${r.digest}` : `${r.name}:${r.tag}`;
        throw new RegistryError(
          `manifest for ${what} not found: manifest unknown: manifest unknown`,
          'manifest-unknown',
        );
      }
      return { ...build(def), tag: r.digest ? '' : r.tag };
    },
    list(): string[] {
      return IMAGES.flatMap((d) => d.tags.map((t) => `${d.name}:${t}`));
    },
  };
}

/** Every layer the registry serves, once each, with its files (for scripts/layer-digests.ts and
 * the test that makes the DiffID table again). */
export function tutorialLayers(): { name: string; entries: () => LayerEntry[] }[] {
  return IMAGES.flatMap((def) =>
    def.steps.flatMap((s, i) =>
      s.layer ? [{ name: `${def.name}:${def.tags[0]}#${i}`, entries: () => layerEntries(s) }] : [],
    ),
  );
}
