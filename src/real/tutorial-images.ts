// The tutorial images on a real daemon without a registry: the simulator pulls them from its
// offline registry and `docker save`s them; the real daemon `docker load`s that archive. The
// image IDs, DiffIDs and ChainIDs must then be the same on both sides (the lessons' values are),
// and the real layerdb must hold each ChainID with its DiffID: verifyLoaded() checks all three.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimHost, type SimHost } from '../host/sim-host.js';
import type { CommandIO } from '../shell/command.js';
import type { PrivateDaemon } from './private-daemon.js';

/** Every image the lessons name, by the tags they use. */
export const TUTORIAL_REFS: readonly string[] = [
  'ubuntu:20.04',
  'ubuntu:22.04',
  'ubuntu:latest',
  'debian:bookworm-slim',
  'nginx:latest',
  'alpine:latest',
  'busybox:latest',
  'hello-world:latest',
];

/** Runs one line on a simulated host and gives what it wrote (stdout and stderr together). */
export async function simRun(host: SimHost, line: string): Promise<{ out: string; code: number }> {
  let out = '';
  const dec = new TextDecoder();
  const write = (s: string | Uint8Array) => {
    out += typeof s === 'string' ? s : dec.decode(s, { stream: true });
  };
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: write,
    stderr: write,
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  const r = await host.session.run(line, io);
  return { out, code: r.exitCode };
}

export interface ImageIdentity {
  ref: string;
  id: string;
  diffIds: string[];
}

// `join .RootFS.Layers` is refused by a real CLI (it is []interface{} there): JSON it is.
const FORMAT = '{{.Id}} {{json .RootFS.Layers}}';
const INSPECT = `--format '${FORMAT}'`;

function parseIdentity(ref: string, line: string): ImageIdentity {
  const [id = '', layers = '[]'] = line.trim().split(' ');
  return { ref, id, diffIds: JSON.parse(layers) as string[] };
}

/** The simulator's `docker save` of `refs`, and what the simulator says each image is. */
export async function simulatorArchive(refs: readonly string[] = TUTORIAL_REFS): Promise<{
  archive: Uint8Array;
  images: ImageIdentity[];
}> {
  const host = createSimHost({ seed: 0, interactive: false });
  const images: ImageIdentity[] = [];
  for (const ref of refs) {
    const pull = await simRun(host, `docker pull -q ${ref}`);
    if (pull.code !== 0) throw new Error(`the simulator cannot pull ${ref}: ${pull.out.trim()}`);
    images.push(parseIdentity(ref, (await simRun(host, `docker image inspect ${INSPECT} ${ref}`)).out));
  }
  const save = await simRun(host, `docker save -o /tmp/tutorial-images.tar ${refs.join(' ')}`);
  if (save.code !== 0) throw new Error(`the simulator's docker save failed: ${save.out.trim()}`);
  return { archive: host.rootProc.readFile('/tmp/tutorial-images.tar'), images };
}

/** Loads a `docker save` archive into a simulated host (the twin a real host is compared with, a
 * replay's simulated side): the same images, from the same archive, as the real daemon gets. */
export async function loadIntoSim(host: SimHost, archive: Uint8Array): Promise<void> {
  host.rootProc.writeFile('/tmp/.tutorial-images.tar', archive, { create: true, truncate: true }, 0o600);
  await simRun(host, 'docker load -q -i /tmp/.tutorial-images.tar >/dev/null && rm /tmp/.tutorial-images.tar');
}

/** The simulator's `docker save` of each reference on its own (what a lesson's `docker pull` of it
 * loads on a daemon without a registry). */
export async function simulatorArchives(refs: readonly string[] = TUTORIAL_REFS): Promise<Map<string, Uint8Array>> {
  const host = createSimHost({ seed: 0, interactive: false });
  const out = new Map<string, Uint8Array>();
  for (const ref of refs) {
    const pull = await simRun(host, `docker pull -q ${ref}`);
    if (pull.code !== 0) throw new Error(`the simulator cannot pull ${ref}: ${pull.out.trim()}`);
    const save = await simRun(host, `docker save -o /tmp/one.tar ${ref}`);
    if (save.code !== 0) throw new Error(`the simulator's docker save ${ref} failed: ${save.out.trim()}`);
    out.set(ref, host.rootProc.readFile('/tmp/one.tar'));
  }
  return out;
}

/** ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). */
export function chainIdsOf(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? d : `sha256:${createHash('sha256').update(`${prev} ${d}`).digest('hex')}`);
  }
  return out;
}

export interface LoadReport {
  images: Array<{ ref: string; sim: ImageIdentity; real?: ImageIdentity; chainIds: string[]; problems: string[] }>;
  /** True when every image has the same ID and DiffIDs on both sides and layerdb agrees. */
  identical: boolean;
}

/** Compares the images as the simulator has them with the real daemon's, and reads its layerdb. */
export function verifyLoaded(d: PrivateDaemon, sim: readonly ImageIdentity[]): LoadReport {
  const images = sim.map((s) => {
    const r = spawnSync(d.cli, ['image', 'inspect', '--format', FORMAT, s.ref], {
      env: d.env,
      encoding: 'utf8',
    });
    const problems: string[] = [];
    const real = r.status === 0 ? parseIdentity(s.ref, r.stdout) : undefined;
    if (!real) problems.push(`not on the real daemon: ${r.stderr.trim()}`);
    else {
      if (real.id !== s.id) problems.push(`image ID ${real.id} on the real daemon, ${s.id} in the simulator`);
      if (real.diffIds.join() !== s.diffIds.join()) problems.push('DiffIDs differ');
    }
    const chainIds = chainIdsOf(s.diffIds);
    chainIds.forEach((chain, i) => {
      const diffFile = join(d.dataRoot, 'image/overlay2/layerdb/sha256', chain.slice('sha256:'.length), 'diff');
      if (!existsSync(diffFile)) problems.push(`layerdb has no ${chain}`);
      else if (readFileSync(diffFile, 'utf8') !== s.diffIds[i])
        problems.push(`layerdb ${chain}/diff is not its DiffID`);
    });
    return { ref: s.ref, sim: s, ...(real ? { real } : {}), chainIds, problems };
  });
  return { images, identical: images.every((i) => i.problems.length === 0) };
}

/** Loads the simulator's archive into the daemon and verifies it. */
export async function loadTutorialImages(
  d: PrivateDaemon,
  refs: readonly string[] = TUTORIAL_REFS,
  /** The simulator's archive when the caller has made it already (it loads it into a twin too). */
  made?: { archive: Uint8Array; images: ImageIdentity[] },
): Promise<LoadReport> {
  const { archive, images } = made ?? (await simulatorArchive(refs));
  const file = join(d.dir, 'tutorial-images.tar');
  writeFileSync(file, archive);
  const r = spawnSync(d.cli, ['load', '-q', '-i', file], { env: d.env, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`docker load of the simulator's archive failed: ${r.stderr.trim()}`);
  return verifyLoaded(d, images);
}
