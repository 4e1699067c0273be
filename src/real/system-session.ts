// A session on the user's own daemon (`--real=system`): what the daemon held when it began, and
// what the session made, kept in a record file that is written before each change runs (the
// tags it will set, the images it will load) and after (what it made). Containers, volumes and
// networks the session creates also carry the label org.overlay-tutor.session=<id>; images
// cannot (a label is part of the image's config, so of its ID: the tutorial images would no
// longer have the simulator's IDs), so they and their tags are known by the record alone.
//
// Only what is the session's is ever removed, and never anything the daemon had before it began.
// After a crash (kill -9) the record is still there: the next start finds it, sees that its
// tutor is gone, and removes what that session made.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ResourceType, SESSION_LABEL } from './docker-argv.js';
import { parseEndpoint } from './probe.js';

export interface Inventory {
  containers: string[];
  images: string[];
  /** repository:tag */
  tags: string[];
  volumes: string[];
  networks: string[];
}

export interface SessionRecord {
  version: 1;
  id: string;
  /** The tutor's pid and its start time in /proc/<pid>/stat (a reused pid is not the tutor). */
  pid: number;
  pidStart: string;
  endpoint: string;
  /** `docker info`'s ID: a record belongs to one daemon. */
  daemonId: string;
  startedAt: string;
  /** What the daemon held when the session began: never changed, never removed. */
  preexisting: Inventory;
  /** What the session made, or is about to make (tags are written before the command runs). */
  created: Inventory;
}

/** The user's daemon: its API endpoint (read through the Engine API: a CLI per question costs a
 * process each) and the docker CLI pointed at it (changes run through it, as shown). */
export interface DaemonCli {
  endpoint: string;
  cli: string;
  env: NodeJS.ProcessEnv;
}

export function defaultSystemDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OVERLAY_TUTOR_SYSTEM_DIR || '/var/lib/overlay-tutor/system';
}

const emptyInventory = (): Inventory => ({ containers: [], images: [], tags: [], volumes: [], networks: [] });

export function dockerOut(d: DaemonCli, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync(d.cli, args, { env: d.env, encoding: 'utf8', timeout: 120_000 });
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '').trim() || (r.error?.message ?? '') };
}

/** GET `path` from the daemon's API: the status and the JSON body. */
export function api(d: DaemonCli, path: string): Promise<{ status: number; body: unknown }> {
  const target = parseEndpoint(d.endpoint);
  if (!target) return Promise.reject(new Error(`cannot reach ${d.endpoint} (unix:// and tcp:// without TLS only)`));
  return new Promise((res, rej) => {
    const req = request({ ...target, path, method: 'GET', timeout: 60_000 }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => {
        try {
          res({ status: r.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch {
          rej(new Error(`GET ${path}: not a Docker API answer (HTTP ${r.statusCode})`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer in time`)));
    req.on('error', (e: NodeJS.ErrnoException) => rej(new Error(`GET ${path}: ${e.code ?? e.message}`)));
    req.end();
  });
}

async function apiOk<T>(d: DaemonCli, path: string): Promise<T> {
  const r = await api(d, path);
  if (r.status !== 200) throw new Error(`GET ${path}: ${(r.body as { message?: string }).message ?? r.status}`);
  return r.body as T;
}

const labelFilter = (id: string) =>
  `filters=${encodeURIComponent(JSON.stringify({ label: [`${SESSION_LABEL}=${id}`] }))}`;

/** What the daemon holds now (or only the kinds asked for); `session` keeps only what carries its label. */
export async function inventory(d: DaemonCli, kinds?: readonly ResourceType[], session?: string): Promise<Inventory> {
  const want = (k: ResourceType) => !kinds || kinds.includes(k);
  const q = session ? `&${labelFilter(session)}` : '';
  const [containers, images, volumes, networks] = await Promise.all([
    want('container') ? apiOk<Array<{ Id: string }>>(d, `/containers/json?all=1${q}`) : [],
    want('image') && !session ? apiOk<Array<{ Id: string; RepoTags: string[] | null }>>(d, '/images/json?all=1') : [],
    want('volume') ? apiOk<{ Volumes: Array<{ Name: string }> | null }>(d, `/volumes?${q.slice(1)}`) : { Volumes: [] },
    want('network') ? apiOk<Array<{ Id: string }>>(d, `/networks?${q.slice(1)}`) : [],
  ]);
  return {
    containers: containers.map((c) => c.Id),
    images: images.map((i) => i.Id),
    tags: images.flatMap((i) => (i.RepoTags ?? []).filter((t) => !t.includes('<none>'))),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name),
    networks: networks.map((n) => n.Id),
  };
}

/** The 22nd field of /proc/<pid>/stat: when the process started (in clock ticks since boot). */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

const recordsDir = (dir: string) => join(dir, 'sessions');
export const recordPath = (dir: string, id: string) => join(recordsDir(dir), `${id}.json`);
/** The session's own files while it runs: the guard's socket, the docker stand-in. */
export const runtimeDir = (dir: string, id: string) => join(recordsDir(dir), id);

export function writeRecord(dir: string, r: SessionRecord): void {
  mkdirSync(recordsDir(dir), { recursive: true, mode: 0o700 });
  const file = recordPath(dir, r.id);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(r, null, 1)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function readRecords(dir: string): SessionRecord[] {
  if (!existsSync(recordsDir(dir))) return [];
  return readdirSync(recordsDir(dir))
    .filter((f) => /^[0-9a-f]+\.json$/.test(f))
    .flatMap((f) => {
      try {
        const r = JSON.parse(readFileSync(join(recordsDir(dir), f), 'utf8')) as SessionRecord;
        return r.version === 1 && r.preexisting && r.created ? [r] : [];
      } catch {
        return [];
      }
    });
}

/** A record whose tutor is still running (the same pid, started at the same time). */
export function isLive(r: SessionRecord): boolean {
  return processStart(r.pid) === r.pidStart;
}

export async function daemonId(d: DaemonCli): Promise<string> {
  return String((await apiOk<{ ID?: string }>(d, '/info')).ID ?? '');
}

/** A new session's record: the daemon's inventory now is what the user had. */
export async function newRecord(d: DaemonCli, endpoint: string): Promise<SessionRecord> {
  return {
    version: 1,
    id: randomBytes(6).toString('hex'),
    pid: process.pid,
    pidStart: processStart(process.pid) ?? '',
    endpoint,
    daemonId: await daemonId(d),
    startedAt: new Date().toISOString(),
    preexisting: await inventory(d),
    created: emptyInventory(),
  };
}

/** Adds to the record's `created` what is in `now` and was neither there before nor the user's. */
export function recordNew(
  r: SessionRecord,
  before: Inventory,
  now: Inventory,
  kinds: readonly ResourceType[] = ['container', 'image', 'volume', 'network'],
): boolean {
  let added = false;
  for (const k of kinds.map((kind) => KEY[kind])) {
    for (const x of now[k]) {
      if (before[k].includes(x) || r.preexisting[k].includes(x) || r.created[k].includes(x)) continue;
      r.created[k].push(x);
      added = true;
    }
  }
  return added;
}

type Labels = Record<string, string> | null;

/** A resource as the daemon knows it by the name or id typed: its id, labels and (images) tags. */
export interface Resolved {
  id: string;
  labels: Labels;
  tags: string[];
}

const INSPECT: Record<ResourceType, (ref: string) => string> = {
  container: (ref) => `/containers/${ref}/json`,
  image: (ref) => `/images/${ref}/json`,
  volume: (ref) => `/volumes/${ref}`,
  network: (ref) => `/networks/${ref}`,
};

export async function resolve(d: DaemonCli, type: ResourceType, ref: string): Promise<Resolved | undefined> {
  if (ref === '') return undefined;
  const r = await api(d, INSPECT[type](encodeURIComponent(ref)));
  if (r.status !== 200) return undefined;
  const b = r.body as {
    Id?: string;
    Name?: string;
    Labels?: Labels;
    Config?: { Labels?: Labels };
    RepoTags?: string[] | null;
  };
  return {
    id: type === 'volume' ? String(b.Name) : String(b.Id),
    labels: (type === 'container' ? b.Config?.Labels : b.Labels) ?? null,
    tags: b.RepoTags ?? [],
  };
}

const KEY: Record<ResourceType, keyof Inventory> = {
  container: 'containers',
  image: 'images',
  volume: 'volumes',
  network: 'networks',
};

/** Whether the session may change this resource; else why not, in words for the learner. */
export function ownership(r: SessionRecord, type: ResourceType, ref: string, found: Resolved): string | undefined {
  const key = KEY[type];
  const short = found.id.replace(/^sha256:/, '').slice(0, 12);
  const what = `${type} ${ref}${short && short !== ref ? ` (${short})` : ''}`;
  const yours =
    `${what} is yours: it was on your daemon before this session began, ` + 'and the tutor never changes what you had';
  if (r.preexisting[key].includes(found.id)) {
    // Untagging one of several tags of your image leaves the image as it was… but the tag is yours too.
    if (type === 'image' && r.created.tags.includes(normalizeRef(ref)) && found.tags.length > 1) return undefined;
    return yours;
  }
  if (type === 'image') {
    const tag = normalizeRef(ref);
    if (found.tags.includes(tag))
      return r.created.tags.includes(tag) ? undefined : `${what}: the tag is not the tutor's`;
    // By id: the image and every tag it has must be the session's.
    const foreign = found.tags.filter((t) => !r.created.tags.includes(t));
    if (!r.created.images.includes(found.id)) return `${what} is not the tutor's`;
    return foreign.length ? `${what} also has your tag ${foreign.join(', ')}` : undefined;
  }
  if (found.labels?.[SESSION_LABEL] === r.id || r.created[key].includes(found.id)) return undefined;
  return found.labels?.[SESSION_LABEL]
    ? `${what} belongs to another tutor session (${found.labels[SESSION_LABEL]})`
    : `${what} is not the tutor's (it carries no ${SESSION_LABEL}=${r.id} label)`;
}

/** repository:tag as `docker images` lists it. */
function normalizeRef(ref: string): string {
  if (/^(sha256:)?[0-9a-f]{6,64}$/.test(ref)) return ref;
  let t = ref.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  if (!t.slice(t.lastIndexOf('/') + 1).includes(':') && !t.includes('@')) t = `${t}:latest`;
  return t;
}

export interface CleanupStep {
  /** The docker arguments, as shown. */
  args: string[];
  ok?: boolean;
  err?: string;
}

export interface CleanupReport {
  steps: CleanupStep[];
  /** What was left and why (a tag of yours on the same image, a command that failed). */
  left: string[];
}

/** What the session made that is still on the daemon, minus anything the user had. */
async function leftovers(d: DaemonCli, r: SessionRecord): Promise<Inventory> {
  const now = await inventory(d);
  const labelled = await inventory(d, ['container', 'volume', 'network'], r.id);
  const mine = (k: keyof Inventory, labelled: string[] = []) =>
    [...new Set([...labelled, ...r.created[k]])].filter((x) => now[k].includes(x) && !r.preexisting[k].includes(x));
  return {
    containers: mine('containers', labelled.containers),
    images: mine('images'),
    tags: r.created.tags.filter((t) => now.tags.includes(t) && !r.preexisting.tags.includes(t)),
    volumes: mine('volumes', labelled.volumes),
    networks: mine('networks', labelled.networks),
  };
}

/** Removes what the session made, in an order the daemon accepts (containers before their images
 * and volumes, an image's children before it); with `dryRun` only lists the commands. */
export async function cleanupSession(d: DaemonCli, r: SessionRecord, dryRun = false): Promise<CleanupReport> {
  const report: CleanupReport = { steps: [], left: [] };
  const run = (args: string[]) => {
    const step: CleanupStep = { args };
    if (!dryRun) {
      const res = dockerOut(d, args);
      step.ok = res.ok;
      if (!res.ok) step.err = res.err;
    }
    report.steps.push(step);
    return dryRun || step.ok === true;
  };
  const left = await leftovers(d, r);
  if (left.containers.length) run(['rm', '-f', '-v', ...left.containers]);
  // Tags, then the images no tag keeps, in rounds: an image with children goes after them.
  let tags: string[] = [];
  for (const tag of left.tags) {
    const img = await resolve(d, 'image', tag);
    if (!img) continue;
    // Deleting the last tag of an image deletes it: never for an image the user had.
    if (r.preexisting.images.includes(img.id) && img.tags.filter((t) => t !== tag).length === 0)
      report.left.push(`tag ${tag}: the only tag of your image ${img.id.slice(7, 19)}; removing it would delete it`);
    else tags.push(tag);
  }
  let images: string[] = [];
  for (const id of left.images) {
    const foreign = ((await resolve(d, 'image', id))?.tags ?? []).filter(
      (t) => !r.created.tags.includes(t) || r.preexisting.tags.includes(t),
    );
    if (foreign.length) report.left.push(`image ${id.slice(7, 19)}: you tagged it ${foreign.join(', ')}`);
    else images.push(id);
  }
  const failed = new Map<string, string>();
  const attempt = (args: string[], key: string): boolean => {
    if (dryRun) {
      report.steps.push({ args });
      return true;
    }
    const res = dockerOut(d, args);
    if (res.ok) report.steps.push({ args, ok: true });
    else failed.set(key, res.err);
    return res.ok;
  };
  for (let round = 0; round < 10 && tags.length + images.length > 0; round++) {
    const before = tags.length + images.length;
    tags = tags.filter((t) => !attempt(['rmi', '--no-prune', t], t));
    const still: string[] = [];
    for (const id of images)
      if ((await resolve(d, 'image', id)) && !attempt(['rmi', '--no-prune', id], id)) still.push(id);
    images = still;
    if (tags.length + images.length === before) break;
  }
  for (const x of [...tags, ...images]) report.left.push(`docker rmi ${x}: ${failed.get(x) ?? 'not removed'}`);
  if (left.volumes.length) run(['volume', 'rm', ...left.volumes]);
  if (left.networks.length) run(['network', 'rm', ...left.networks]);
  for (const s of report.steps)
    if (s.ok === false) report.left.push(`docker ${s.args.join(' ')}: ${s.err ?? 'failed'}`);
  return report;
}

/** Keeps in the record only what is still there: a name the session made and removed is free
 * again, and whoever makes it next owns it. */
export async function forgetRemoved(d: DaemonCli, r: SessionRecord): Promise<void> {
  const now = await inventory(d);
  for (const k of ['containers', 'images', 'tags', 'volumes', 'networks'] as const)
    r.created[k] = r.created[k].filter((x) => now[k].includes(x));
}

/** Removes a record and the session's own files. */
export function forgetSession(dir: string, id: string): void {
  rmSync(recordPath(dir, id), { force: true });
  rmSync(runtimeDir(dir, id), { recursive: true, force: true });
}

export interface StaleReport {
  /** Sessions on this daemon whose tutor is gone: cleaned up (or, in a dry run, what would be). */
  cleaned: Array<{ id: string; startedAt: string; report: CleanupReport }>;
  /** Sessions whose tutor still runs, or on another daemon: left alone. */
  skipped: string[];
}

/** Finds the records of sessions that did not end (a crash, a kill -9) and cleans up after them. */
export async function cleanStaleSessions(dir: string, d: DaemonCli, id: string, dryRun = false): Promise<StaleReport> {
  const out: StaleReport = { cleaned: [], skipped: [] };
  for (const r of readRecords(dir)) {
    if (isLive(r)) {
      out.skipped.push(`session ${r.id} (pid ${r.pid}) is still running`);
      continue;
    }
    if (r.daemonId !== id) {
      out.skipped.push(`session ${r.id} ran on another daemon (${r.endpoint}); start the tutor there to clean it up`);
      continue;
    }
    const report = await cleanupSession(d, r, dryRun);
    if (!dryRun && report.left.every((l) => !l.startsWith('docker '))) forgetSession(dir, r.id);
    out.cleaned.push({ id: r.id, startedAt: r.startedAt, report });
  }
  return out;
}
