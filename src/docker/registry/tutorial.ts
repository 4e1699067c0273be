// The tutorial's offline registry: ubuntu, debian, nginx (on debian's layer, so pulling both
// shows "Already exists"), alpine, busybox and hello-world. Images are built on first resolve and
// cached for the process: they never depend on a session's seed or clock.
import { gzipSync } from 'node:zlib';
import { sha256, type Digest } from '../digest.js';
import {
  emptyContainerConfig,
  imageConfigBytes,
  type ContainerConfig,
  type HistoryEntry,
  type ImageConfig,
} from '../image-config.js';
import { writeLayerTar, type LayerEntry } from '../layer-tar.js';
import { debianFamilyRoot } from './rootfs.js';
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
  { by: '#(nop) ADD file:%FILE% in / ', layer: () => debianFamilyRoot(info) },
  { by: '#(nop)  CMD ["/bin/bash"]' },
];

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
      { by: '#(nop) ADD file:%FILE% in / ', layer: () => debianFamilyRoot(DEBIAN_INFO) },
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
      },
      { by: '#(nop) COPY file:%FILE% in / ', layer: () => nginxLayers()[1] as LayerEntry[] },
      { by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ', layer: () => nginxLayers()[2] as LayerEntry[] },
      { by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ', layer: () => nginxLayers()[3] as LayerEntry[] },
      { by: '#(nop) COPY file:%FILE% in /docker-entrypoint.d ', layer: () => nginxLayers()[4] as LayerEntry[] },
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
    steps: [{ by: '#(nop) ADD file:%FILE% in / ', layer: alpineRoot }, { by: '#(nop)  CMD ["/bin/sh"]' }],
  },
  {
    name: 'busybox',
    tags: ['latest', '1.36', '1.36.1'],
    created: '2023-07-18T23:19:33.655005962Z',
    dockerVersion: '20.10.23',
    config: { Cmd: ['sh'] },
    steps: [{ by: '#(nop) ADD file:%FILE% in / ', layer: busyboxRoot }, { by: '#(nop)  CMD ["sh"]' }],
  },
  {
    name: 'hello-world',
    tags: ['latest', 'linux'],
    created: '2023-05-02T16:49:27.171843399Z',
    dockerVersion: '20.10.23',
    config: { Cmd: ['/hello'] },
    steps: [{ by: '#(nop) COPY file:%FILE% in / ', layer: helloRoot }, { by: '#(nop)  CMD ["/hello"]' }],
  },
];

interface BuiltLayer extends RegistryLayer {
  bytes: Uint8Array;
}

function buildLayer(entries: LayerEntry[]): BuiltLayer {
  const bytes = writeLayerTar(entries);
  // mtime 0 in the gzip header and a fixed level: the blob digest is as stable as the DiffID.
  const blob = gzipSync(bytes, { level: 6 });
  return { bytes, tar: () => bytes, blobDigest: sha256(blob), size: blob.length, diffId: sha256(bytes) };
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
const layerCache = new Map<string, BuiltLayer>(); // "name:firstTag#step" → layer

function build(def: ImageDef): ResolvedImage {
  const key = `${def.name}:${def.tags[0]}`;
  const cached = built.get(key);
  if (cached) return cached;
  const layers: BuiltLayer[] = [];
  const history: HistoryEntry[] = [];
  const n = def.steps.length;
  def.steps.forEach((s, i) => {
    let layer: BuiltLayer | undefined;
    if (s.shared) {
      const other = IMAGES.find(
        (d) => `${d.name}:${d.tags[0]}` === s.shared || d.tags.some((t) => `${d.name}:${t}` === s.shared),
      );
      if (!other) throw new Error(`registry: ${s.shared} missing`);
      const img = build(other);
      layer = img.layers[0] as BuiltLayer;
    } else if (s.layer) {
      const lk = `${key}#${i}`;
      layer = layerCache.get(lk) ?? buildLayer(s.layer());
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
