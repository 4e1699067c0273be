// The simulated host as the Host interface (src/host/host.ts) shows it: files through a process
// of the simulated kernel, the daemon through its engine's stores.
import type { DockerEngine, StoredImage } from '../docker/engine/index.js';
import { graphDataDir } from '../docker/engine/graphdriver.js';
import type { RoLayer } from '../docker/engine/layerstore.js';
import type { Container } from '../docker/engine/types.js';
import { isKernelError, OVL_OPAQUE, OverlayFs, type Proc } from '../kernel/index.js';
import type { Host, HostContainer, HostDocker, HostImage, HostOverlayMount, HostStat } from './host.js';

function quiet<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

function imageOf(engine: DockerEngine, img: StoredImage): HostImage {
  const layers: RoLayer[] = [];
  for (let l = img.layer; l; l = l.parent) layers.unshift(l);
  return {
    id: img.id,
    diffIds: [...(img.config.rootfs?.diff_ids ?? [])],
    // A layer's dir is read from the driver only when asked (the panes never ask).
    layers: layers.map((l) => ({
      cacheId: l.cacheId,
      size: l.size,
      diffId: l.diffId,
      chainId: l.chainId,
      get dir() {
        return graphDataDir(engine.driver.imageGraphData(l.cacheId), 'UpperDir', 'RootDir');
      },
    })),
    history: (img.config.history ?? []).map((h) => ({
      createdBy: h.created_by ?? '',
      emptyLayer: Boolean(h.empty_layer),
    })),
  };
}

/** A container as the Host shows it. Its overlay dirs are read from the graph driver only when
 * asked: the panes list every container to pick the one in focus, and the driver's answer (the
 * lower chain read from each layer's link and lower files) is most of a listing's cost. */
function containerOf(engine: DockerEngine, c: Container): HostContainer {
  let data: Record<string, string> | undefined;
  const graph = () => (data ??= engine.driver.graphData(c.rw.mountId));
  const running = c.state.status === 'running' && c.state.pid > 0;
  const pid = c.state.pid;
  return {
    id: c.id,
    mountId: c.rw.mountId,
    name: c.name.replace(/^\//, ''),
    state: c.state.status,
    createdMs: c.createdMs,
    imageRef: c.imageRef,
    imageId: c.image.id,
    // Absent (undefined) when the driver names no lower dirs: an image of no layers.
    get lowerDir() {
      return graph().LowerDir || undefined;
    },
    get upperDir() {
      return graphDataDir(graph(), 'UpperDir');
    },
    get workDir() {
      return graphDataDir(graph(), 'WorkDir');
    },
    get mergedDir() {
      return graphDataDir(graph(), 'MergedDir');
    },
    // As on a real host: the container's binds live in its mount namespace, which the host reaches
    // through its process's /proc/<pid>/root, not through merged/.
    get rootPath() {
      return running ? `/proc/${pid}/root` : graphDataDir(graph(), 'MergedDir');
    },
  };
}

function dockerView(engine: DockerEngine): HostDocker {
  return {
    driver: engine.driver.name,
    dataRoot: engine.dataRoot,
    driverHome: engine.driver.home,
    layerdb: `${engine.layers.root}/sha256`,
    containers: () => [...engine.containers.values()].map((c) => containerOf(engine, c)),
    imageRefs: () => [...engine.imageStore.refs.keys()].filter((r) => !r.includes('@')),
    image: (ref) => {
      const img = engine.findImage(ref);
      return img ? imageOf(engine, img) : undefined;
    },
    container: (ref) => {
      const c = engine.findContainer(ref);
      return c ? containerOf(engine, c) : undefined;
    },
  };
}

/** The simulated host seen through `p` (a root process) and its daemon, if one runs. */
export function simHostView(engine: DockerEngine | undefined, p: Proc): Host {
  return {
    kind: 'simulated',
    lstat: (path) =>
      quiet((): HostStat => {
        const st = p.lstat(path);
        return { type: st.type === 'sock' ? 'socket' : st.type, rdev: st.rdev, ino: st.ino, size: st.size };
      }),
    readText: (path) => quiet(() => new TextDecoder().decode(p.readFile(path))),
    readBytes: (path) => quiet(() => p.readFile(path)),
    readdir: (path) => quiet(() => p.readdir(path).map((e) => e.name)),
    isOpaque: (path) => quiet(() => new TextDecoder().decode(p.getxattr(path, OVL_OPAQUE, false)) === 'y') ?? false,
    // Any mount, Docker's or one made by hand with mount -t overlay (the kernel's, not the daemon's).
    isMountpoint: (path) => p.kernel.isMountpoint(path),
    overlayMounts: () =>
      p.kernel.hostMounts().flatMap((m) => (m.fs instanceof OverlayFs ? [overlayMountOf(m.target, m.fs)] : [])),
    docker: engine ? dockerView(engine) : undefined,
  };
}

/** A mount's layers, which the model keeps relative to the disk's root, as host paths. */
export function overlayMountOf(target: string, fs: OverlayFs): HostOverlayMount {
  const layers = fs.layers;
  const abs = (rel: string) => fs.host(rel);
  return {
    target,
    lowerdir: layers.lower.map(abs),
    ...(layers.upper !== undefined ? { upperdir: abs(layers.upper) } : {}),
    ...(layers.work !== undefined ? { workdir: abs(layers.work) } : {}),
  };
}
