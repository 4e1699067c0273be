// A session's transcript: what the learner typed in lessons (or an exam), what it printed, when,
// the hints and solutions used, each lesson's id, version and seed. One JSON object a line; each
// entry carries the sha256 of the entry before it chained with its own content, so an edit, an
// entry taken out or put in anywhere but at the end breaks the chain. A teacher's key (HMAC-SHA256)
// may sign each entry's hash: without the key a learner can recompute the chain, not the signatures.
// The format and its checks live here; src/io/transcript-file.ts writes and reads the real file.
import { createHash, createHmac } from 'node:crypto';

export const TRANSCRIPT_FORMAT = 'overlay-tutor-transcript/1';
/** The `prev` of the first entry. */
export const CHAIN_START = '0'.repeat(64);
/** What one line's output keeps (the rest is cut, with `cut: true`): a transcript stays readable. */
export const OUTPUT_KEPT = 4000;

/** The session: written first. */
export interface StartEntry {
  kind: 'start';
  format: typeof TRANSCRIPT_FORMAT;
  tool: string;
  lang: string;
  /** The seed every lesson's host was built from, when the session overrode the lessons' own. */
  seed?: number;
  learner?: string;
  /** The exercise set taken (an exam), by id and version. */
  set?: { id: string; version: string };
  /** A time limit in minutes, when the set has one. */
  limit?: number;
}

/** A lesson (or one item of a set) begins: its host is the seed, the setup, and the reference
 * solutions of the steps before `startAt`. */
export interface LessonEntry {
  kind: 'lesson';
  lesson: string;
  /** lessonVersion(): a lesson changed since the transcript was made is not graded against it. */
  version: string;
  seed: number;
  startAt: number;
  /** The set's item (0-based) this lesson is, in an exam. */
  item?: number;
}

/** A line the learner typed in a lesson: a shell line or a tutor word (hint, answer, undo …). */
export interface LineEntry {
  kind: 'line';
  /** The step it was typed in. */
  step: string;
  line: string;
  exit: number;
  output: string;
  /** The output was longer than OUTPUT_KEPT and was cut. */
  cut?: boolean;
  /** It showed hint number N (1-based) of the step. */
  hint?: number;
  /** It ran the reference solution. */
  solution?: boolean;
  /** The step it completed, if it did. */
  done?: string;
}

/** The learner left the item as it stood (exam: `skip`), or the session ended. */
export interface SkipEntry {
  kind: 'skip';
  step: string;
}

export interface EndEntry {
  kind: 'end';
  /** quit: the learner left; finished: every item was reached; time: the time limit passed. */
  reason: 'quit' | 'finished' | 'time';
}

export type TranscriptBody = StartEntry | LessonEntry | LineEntry | SkipEntry | EndEntry;

/** An entry as written: its number, ms since the session started, the chain and the signature. */
export type TranscriptEntry = TranscriptBody & { n: number; ms: number; prev: string; hash: string; sig?: string };

/** JSON with object keys sorted, so a hash does not depend on the order keys were written in. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** The entry's hash: sha256 of the previous hash, a newline and the entry without hash and sig. */
export function entryHash(e: Omit<TranscriptEntry, 'hash' | 'sig'> & { hash?: string; sig?: string }): string {
  const { hash: _h, sig: _s, ...body } = e;
  return createHash('sha256')
    .update(`${body.prev}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** HMAC-SHA256 of the entry's hash under the teacher's key, as hex. */
export function signHash(key: Uint8Array, hash: string): string {
  return createHmac('sha256', key).update(hash).digest('hex');
}

/** A lesson's version: the sha256 of its structure (lesson.yaml's data; its texts may change). */
export function lessonVersion(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex').slice(0, 16);
}

/** Builds the chain as a session goes: each add() gives the entry's line, for the writer to keep. */
export class TranscriptWriter {
  private prev = CHAIN_START;
  private n = 0;
  private readonly t0: number;
  readonly entries: TranscriptEntry[] = [];

  constructor(
    private readonly o: {
      /** Handed each entry's line (with its newline) as it is made: src/io appends it to the file. */
      write: (line: string) => void;
      /** Milliseconds, for the entries' timings (Date.now on the real machine). */
      now: () => number;
      key?: Uint8Array | undefined;
    },
  ) {
    this.t0 = o.now();
  }

  /** Milliseconds since the session started. */
  elapsed(): number {
    return this.o.now() - this.t0;
  }

  add(body: TranscriptBody): TranscriptEntry {
    let b = body;
    if (b.kind === 'line' && b.output.length > OUTPUT_KEPT)
      b = { ...b, output: b.output.slice(0, OUTPUT_KEPT), cut: true };
    const e = { ...b, n: this.n++, ms: this.elapsed(), prev: this.prev } as TranscriptEntry;
    e.hash = entryHash(e);
    if (this.o.key) e.sig = signHash(this.o.key, e.hash);
    this.prev = e.hash;
    this.entries.push(e);
    this.o.write(`${JSON.stringify(e)}\n`);
    return e;
  }

  /** The whole transcript so far, as a file holds it. */
  text(): string {
    return this.entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  }
}

export class TranscriptError extends Error {}

/** Why a transcript is not what it claims to be, or its entries when it is. With a key, every
 * entry must carry a signature made with it. The line numbers are the file's. */
export function verifyTranscript(
  text: string,
  key?: Uint8Array,
): { ok: true; entries: TranscriptEntry[]; signed: boolean } | { ok: false; problem: string } {
  const entries: TranscriptEntry[] = [];
  let prev = CHAIN_START;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (!lines.length) return { ok: false, problem: 'the transcript is empty' };
  for (const [i, line] of lines.entries()) {
    const at = `line ${i + 1}`;
    let e: TranscriptEntry;
    try {
      e = JSON.parse(line) as TranscriptEntry;
    } catch {
      return { ok: false, problem: `${at}: not a JSON object` };
    }
    if (e === null || typeof e !== 'object' || typeof e.hash !== 'string' || typeof e.prev !== 'string')
      return { ok: false, problem: `${at}: not a transcript entry (no hash chain)` };
    if (e.n !== i) return { ok: false, problem: `${at}: entry number ${String(e.n)}, expected ${i}` };
    if (e.prev !== prev)
      return { ok: false, problem: `${at}: does not follow the entry before it (an entry was taken out or put in)` };
    if (entryHash(e) !== e.hash)
      return { ok: false, problem: `${at}: its content does not match its hash (it was edited)` };
    if (key) {
      if (typeof e.sig !== 'string') return { ok: false, problem: `${at}: not signed (a key was given to check it)` };
      if (e.sig !== signHash(key, e.hash)) return { ok: false, problem: `${at}: its signature is not the key's` };
    }
    if (i === 0 && (e.kind !== 'start' || (e as StartEntry).format !== TRANSCRIPT_FORMAT))
      return { ok: false, problem: `${at}: not an ${TRANSCRIPT_FORMAT} transcript` };
    prev = e.hash;
    entries.push(e);
  }
  return { ok: true, entries, signed: entries.every((e) => typeof e.sig === 'string') };
}
