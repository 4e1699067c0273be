// The guard between a learner's docker commands and the user's own daemon (`--real=system`). In
// the learner's bash, `docker` is a stand-in (a small Node script) that sends its argv, as bash
// expanded it, to the tutor over a unix socket and does what the answer says: run the real CLI
// with the argv given back (the session's label added), or print why not and exit 1. The tutor
// plans the command (src/real/docker-argv.ts), checks every resource it would change against the
// session's record, shows it and asks before it runs (unless --yes; with --dry-run it only shows
// it), writes the tags it will set into the record first, and records what it made afterwards.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { type DockerPlan, planDocker, type ResourceType } from './docker-argv.js';
import {
  type DaemonCli,
  type Inventory,
  inventory,
  ownership,
  recordNew,
  resolve,
  type SessionRecord,
  writeRecord,
} from './system-session.js';
import { shellQuote } from '../posix/shell-quote.js';

export interface GuardOptions {
  daemon: DaemonCli;
  record: SessionRecord;
  /** Where the record is written. */
  dir: string;
  /** Asks the user whether to run this (a line shown); true to run. */
  confirm: (shown: string) => Promise<boolean>;
  /** Writes to the tutor's own output (the plan, `+ docker …` under --yes). */
  say: (s: string) => void;
  yes: boolean;
  dryRun: boolean;
}

/** What the stand-in is told to do. */
export type GuardAnswer = { run: string[] } | { refuse: string } | { skip: string };

export const showArgv = (argv: readonly string[]) => `docker ${argv.map(shellQuote).join(' ')}`;

/** The decision for one command (before it runs), with what to do once it has run. */
export async function decide(
  o: GuardOptions,
  argv: string[],
): Promise<{ answer: GuardAnswer; after?: () => Promise<void>; plan: DockerPlan }> {
  const plan = planDocker(argv, o.record.id);
  const typed = showArgv(argv);
  if (plan.kind === 'read') return { answer: { run: plan.argv }, plan };
  if (plan.kind === 'refuse')
    return { answer: { refuse: `${typed}: not run on your own daemon: ${plan.reason}` }, plan };
  for (const t of plan.changes) {
    const found = await resolve(o.daemon, t.type, t.ref);
    // Not there: the daemon itself says so, as it would.
    const why = found && ownership(o.record, t.type, t.ref, found);
    if (why) return { answer: { refuse: `${typed}: not run: ${why}` }, plan };
  }
  const newTags = [...plan.tags];
  if (plan.pullsIfMissing && !(await resolve(o.daemon, 'image', plan.pullsIfMissing)))
    newTags.push(plan.pullsIfMissing);
  for (const tag of plan.tags) {
    if ((await resolve(o.daemon, 'image', tag)) && !o.record.created.tags.includes(tag))
      return {
        answer: { refuse: `${typed}: not run: the tag ${tag} is yours; the tutor never moves or replaces your tags` },
        plan,
      };
  }
  for (const n of plan.names) {
    const found = await resolve(o.daemon, n.type, n.ref);
    const why = found && ownership(o.record, n.type, n.ref, found);
    if (why) return { answer: { refuse: `${typed}: not run: ${why}` }, plan };
  }
  const shown = showArgv(plan.argv);
  if (o.dryRun) {
    o.say(`  (dry run) would run: ${shown}\n`);
    return { answer: { skip: '' }, plan };
  }
  if (o.yes) o.say(`  + ${shown}\n`);
  else if (!(await o.confirm(shown))) return { answer: { refuse: `${typed}: not run (you said no)` }, plan };
  // Written before it runs: a crash while it runs still leaves the tags in the record.
  const fresh = newTags.filter((t) => !o.record.created.tags.includes(t) && !o.record.preexisting.tags.includes(t));
  if (fresh.length) {
    o.record.created.tags.push(...fresh);
    writeRecord(o.dir, o.record);
  }
  const kinds: ResourceType[] = [...new Set<ResourceType>(['image', ...plan.creates])];
  const before: Inventory = await inventory(o.daemon, kinds);
  const after = async () => {
    const now = await inventory(o.daemon, kinds);
    let changed = recordNew(o.record, before, now, plan.creates);
    // A tag of the session's that is gone (removed, or its pull failed) is no longer the session's:
    // the same name made later by someone else is theirs.
    const tags = o.record.created.tags.filter((t) => now.tags.includes(t));
    if (tags.length !== o.record.created.tags.length) {
      o.record.created.tags = tags;
      changed = true;
    }
    if (changed) writeRecord(o.dir, o.record);
  };
  return { answer: { run: plan.argv }, after, plan };
}

/** The stand-in's source (CommonJS, run by the tutor's own Node, so it needs nothing the machine
 * may lack). */
export function standInSource(socket: string, realCli: string): string {
  return `// overlay-tutor --real=system: docker as the tutor lets it run on your daemon.
const { connect } = require('node:net');
const { spawn } = require('node:child_process');
const c = connect(${JSON.stringify(socket)});
let buf = '';
c.on('error', (e) => {
  process.stderr.write('docker: the tutor is not answering (' + e.code + '); nothing was run\\n');
  process.exit(1);
});
c.write(JSON.stringify({ argv: process.argv.slice(2) }) + '\\n');
c.on('data', (d) => {
  buf += d;
  const nl = buf.indexOf('\\n');
  if (nl < 0) return;
  const a = JSON.parse(buf.slice(0, nl));
  buf = buf.slice(nl + 1);
  if (a.done) process.exit(a.code);
  if (a.refuse !== undefined) {
    process.stderr.write(a.refuse + '\\n');
    process.exit(1);
  }
  if (a.skip !== undefined) process.exit(0);
  const child = spawn(${JSON.stringify(realCli)}, a.run, { stdio: 'inherit' });
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => child.kill(s));
  child.on('exit', (code, signal) => {
    const status = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
    c.on('close', () => process.exit(status));
    c.write(JSON.stringify({ done: true, code: status }) + '\\n');
  });
});
`;
}

export interface Guard {
  server: Server;
  socket: string;
  /** The stand-in's path (named docker, in a bin dir of its own). */
  standIn: string;
  close(): Promise<void>;
}

/** Starts the guard on a socket in `runtime`, and writes the stand-in beside it. */
export async function startGuard(o: GuardOptions, runtime: string, realCli: string): Promise<Guard> {
  mkdirSync(join(runtime, 'bin'), { recursive: true, mode: 0o700 });
  const socket = join(runtime, 'guard.sock');
  const standIn = join(runtime, 'bin', 'docker');
  const script = join(runtime, 'docker-stand-in.cjs');
  writeFileSync(script, standInSource(socket, realCli));
  writeFileSync(standIn, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(script)} "$@"\n`);
  chmodSync(standIn, 0o755);
  // One decision at a time: questions are asked one after another, and the record is written in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serve = (conn: Socket) => {
    let buf = '';
    let after: (() => Promise<void>) | undefined;
    conn.on('error', () => undefined);
    conn.on('data', (d) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buf.slice(0, nl)) as { argv?: string[]; done?: boolean; code?: number };
        buf = buf.slice(nl + 1);
        if (msg.done) {
          queue = queue.then(async () => {
            await after?.().catch(() => undefined);
            conn.end(`${JSON.stringify({ done: true, code: msg.code ?? 0 })}\n`);
          });
        } else if (Array.isArray(msg.argv)) {
          const argv = msg.argv.map(String);
          queue = queue.then(async () => {
            try {
              const d = await decide(o, argv);
              after = d.after;
              conn.write(`${JSON.stringify(d.answer)}\n`);
              if (!('run' in d.answer)) conn.end();
            } catch (e) {
              conn.end(`${JSON.stringify({ refuse: `${showArgv(argv)}: not run: ${(e as Error).message}` })}\n`);
            }
          });
        }
      }
    });
  };
  const server = createServer(serve);
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(socket, () => res());
  });
  chmodSync(socket, 0o600);
  return {
    server,
    socket,
    standIn,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}
