// Lesson checks, evaluated against a host's state (the disk and the daemon the learner works on:
// the simulated host, or a real one through the Host interface) and what the learner did in the
// current step: the lines run, what they
// printed, each command with its own output (so a check can ask that a ChainID was printed by
// sha256sum, not by a listing that happens to contain it), and the answers given.
import type { Host } from '../host/host.js';
import type { SimHost } from '../host/sim-host.js';
import type { CommandTrace } from '../shell/command.js';
import type { Check } from './schema.js';
import { compareShapes, stateShape } from './goal-state.js';
import { type CheckHost, computeValue, container, dockerOf, hostOf, spotPath, ValueError } from './values.js';

export { type CheckHost, computeValue, ValueError } from './values.js';

export interface StepRecord {
  /** Command lines run in this step, with their exit status. */
  ran: { line: string; exit: number }[];
  /** Everything the learner's commands printed in this step. */
  output: string;
  /** Every command that ran in this step (in pipelines, $(…), docker exec …), in order. */
  commands: CommandTrace[];
  /** The values given with `answer` in this step, expanded. */
  answers: string[];
  /** The feedback rules already told in this step (each is said once). */
  told: Set<string>;
  /** The host the reference solution leaves from where the step starts, for `matches_solution`
   * (built by the lesson runner when the step has such a check). */
  goal?: SimHost;
}

export function emptyRecord(): StepRecord {
  return { ran: [], output: '', commands: [], answers: [], told: new Set() };
}

/** Starts recording the commands the host's session runs into the record; returns the stop. */
export function traceInto(host: SimHost, record: StepRecord): () => void {
  host.session.onCommand = (c) => record.commands.push(c);
  return () => {
    host.session.onCommand = undefined;
  };
}

/** Whether `value` occurs in `text` as a whole token: not glued to more letters or digits (an
 * inode number 1234 is not found in 51234, a 12-hex short id not inside a longer hex run). */
export function hasToken(text: string, value: string): boolean {
  if (value === '') return false;
  const word = /[A-Za-z0-9]/;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1];
    const after = text[at + value.length];
    const edge = (c: string | undefined, inner: string | undefined) =>
      c === undefined || inner === undefined || !word.test(inner) || !word.test(c);
    if (edge(before, value[0]) && edge(after, value[value.length - 1])) return true;
  }
  return false;
}

/** The command's name as a check sees it: /usr/bin/sha256sum is sha256sum. */
export function commandName(c: CommandTrace): string {
  const n = c.argv[0] ?? '';
  return n.slice(n.lastIndexOf('/') + 1);
}

/** Answers compare as digests do: case, surrounding space, quotes and a sha256: prefix do not
 * matter. */
export function normalizeAnswer(s: string): string {
  return s
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '');
}

export function sameAnswer(given: string, expected: string): boolean {
  return normalizeAnswer(given) !== '' && normalizeAnswer(given) === normalizeAnswer(expected);
}

function entryIs(host: Host, path: string, is: string, contains: string | undefined): boolean {
  const st = host.lstat(path);
  if (is === 'absent') return st === undefined;
  if (!st) return false;
  let ok: boolean;
  if (is === 'whiteout') ok = st.type === 'chr' && st.rdev === 0;
  else if (is === 'opaque') ok = st.type === 'dir' && host.isOpaque(path);
  else ok = st.type === is;
  if (ok && contains !== undefined) ok = st.type === 'file' && (host.readText(path) ?? '').includes(contains);
  return ok;
}

export function evaluate(on: CheckHost, check: Check, step: StepRecord): boolean {
  // matches_solution compares the simulated daemon's own structures (goal-state.ts).
  const sim = 'rootProc' in on ? on : undefined;
  return evaluateOn(hostOf(on), sim, check, step);
}

function evaluateOn(host: Host, sim: SimHost | undefined, check: Check, step: StepRecord): boolean {
  try {
    if ('all' in check) return check.all.every((c) => evaluateOn(host, sim, c, step));
    if ('any' in check) return check.any.some((c) => evaluateOn(host, sim, c, step));
    if ('not' in check) return !evaluateOn(host, sim, check.not, step);
    if ('ran' in check) {
      const re = new RegExp(check.ran.pattern);
      return step.ran.some(
        (r) => re.test(r.line.trim()) && (check.ran.exit === undefined || r.exit === check.ran.exit),
      );
    }
    if ('output' in check) return step.output.includes(computeValue(host, check.output.contains));
    if ('printed' in check) {
      const { value, by, arg } = check.printed;
      const want = computeValue(host, value);
      const argWant = arg === undefined ? undefined : computeValue(host, arg);
      const name = new RegExp(by);
      return step.commands.some(
        (c) =>
          name.test(commandName(c)) &&
          hasToken(c.stdout, want) &&
          (argWant === undefined || c.argv.slice(1).some((a) => a.includes(argWant))),
      );
    }
    if ('command' in check) {
      const { name, args, exit } = check.command;
      const [n, a] = [new RegExp(name), args === undefined ? undefined : new RegExp(args)];
      return step.commands.some(
        (c) =>
          n.test(commandName(c)) &&
          (a === undefined || a.test(c.argv.slice(1).join(' '))) &&
          (exit === undefined || c.exitCode === exit),
      );
    }
    if ('answered' in check) {
      const want = computeValue(host, check.answered);
      return step.answers.some((given) => sameAnswer(given, want));
    }
    if ('matches_solution' in check) {
      if (!step.goal || !sim) return false;
      const only = check.matches_solution;
      return compareShapes(stateShape(step.goal, only), stateShape(sim, only)).length === 0;
    }
    if ('json' in check) {
      let doc: unknown;
      try {
        doc = JSON.parse(host.readText(check.json.path) ?? '');
      } catch {
        return false;
      }
      for (const key of check.json.key.split('.'))
        doc = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)[key] : undefined;
      return doc !== undefined && String(doc) === check.json.equals;
    }
    if ('driver' in check) return host.docker?.driver === check.driver;
    if ('image' in check) {
      const spec = typeof check.image === 'string' ? { ref: check.image } : check.image;
      const img = dockerOf(host).image(spec.ref);
      if (!img) return false;
      return spec.layers === undefined || img.layers.length === spec.layers;
    }
    if ('no_image' in check) return dockerOf(host).image(check.no_image) === undefined;
    if ('layers' in check) {
      const img = dockerOf(host).image(check.layers.image);
      return img !== undefined && img.layers.length === check.layers.count;
    }
    if ('container' in check) {
      const c = dockerOf(host).container(check.container.name);
      if (!c) return false;
      return check.container.state === undefined || c.state === check.container.state;
    }
    if ('no_container' in check) return dockerOf(host).container(check.no_container) === undefined;
    if ('upper' in check) {
      const c = container(host, check.upper.container);
      return entryIs(host, `${c.upperDir}${check.upper.path}`, check.upper.is, check.upper.contains);
    }
    if ('merged' in check) {
      const c = container(host, check.merged.container);
      if (c.state !== 'running') return false;
      return entryIs(host, `${c.rootPath}${check.merged.path}`, check.merged.is, check.merged.contains);
    }
    if ('host' in check) return entryIs(host, check.host.path, check.host.is, check.host.contains);
    if ('mountpoint' in check) return host.isMountpoint(check.mountpoint);
    if ('same_inode' in check) {
      const a = host.lstat(spotPath(host, check.same_inode.a));
      const b = host.lstat(spotPath(host, check.same_inode.b));
      return a !== undefined && b !== undefined && (a.ino === b.ino) === check.same_inode.equal;
    }
    return false;
  } catch (e) {
    // A check about something that is not there (yet) does not pass.
    if (e instanceof ValueError) return false;
    throw e;
  }
}

/** A short line describing a check, for the step's checklist. */
export function describeCheck(check: Check): string {
  if ('all' in check) return check.all.map(describeCheck).join(' and ');
  if ('any' in check) return check.any.map(describeCheck).join(' or ');
  if ('not' in check) return `not (${describeCheck(check.not)})`;
  if ('ran' in check) return `run a command matching /${check.ran.pattern}/`;
  if ('output' in check) return 'show the value asked for';
  if ('printed' in check) return `show the value asked for, with ${check.printed.by.replace(/[\^$()]/g, '')}`;
  if ('command' in check) return `run ${check.command.name.replace(/[\^$()]/g, '')}`;
  if ('answered' in check) return 'answer the value asked for';
  if ('matches_solution' in check) return 'the images and containers as the solution leaves them';
  if ('json' in check) return `${check.json.path} sets "${check.json.key}" to ${check.json.equals}`;
  if ('driver' in check) return `docker runs the ${check.driver} driver`;
  if ('image' in check) return `image ${typeof check.image === 'string' ? check.image : check.image.ref}`;
  if ('no_image' in check) return `no image ${check.no_image}`;
  if ('layers' in check) return `${check.layers.image} has ${check.layers.count} layers`;
  if ('container' in check)
    return `container ${check.container.name}${check.container.state ? ` ${check.container.state}` : ''}`;
  if ('no_container' in check) return `no container ${check.no_container}`;
  if ('upper' in check) return `${check.upper.is} ${check.upper.path} in ${check.upper.container}'s upper`;
  if ('merged' in check) return `${check.merged.path} ${check.merged.is} in ${check.merged.container}'s merged view`;
  if ('host' in check) return `${check.host.path} ${check.host.is}`;
  if ('mountpoint' in check) return `something mounted on ${check.mountpoint}`;
  return `inodes ${check.same_inode.equal ? 'equal' : 'different'}`;
}
