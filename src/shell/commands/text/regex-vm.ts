// A Pike VM (Thompson's construction run breadth-first, with captures) for the regular
// expressions grep, sed and awk translate from POSIX. Why not JavaScript's engine: it backtracks,
// so `^(a+)+$` against 35 a's and a `!` takes minutes, where GNU's matcher answers at once; this one
// keeps one thread per program instruction and reads each character once, so a match costs
// O(text × pattern), whatever the pattern. It also finds what POSIX asks for: the leftmost-LONGEST
// match (`echo ab | grep -o -E 'a|ab'` prints ab), where JS stops at the first alternative that
// fits. Between equally long matches the captures follow the pattern's order of preference
// (greedy repeats, the earlier alternative), which is what glibc's matcher prints too:
// `echo abc | sed -E 's/(a|ab)(bc|c)/[\1,\2]/'` gives [a,bc] from both.
//
// PosixRegExp is a RegExp whose exec runs the VM: test, String#replace, #match and #split
// all go through exec (or the split below), so callers keep using the RegExp interface.

import { compileProgram, Op, type Program, Unsupported } from './regex-program.js';

/**
 * Capture positions: the match's start and end, then each group's start and end (-1: unset).
 * A thread that keeps no captures (a test for any match at all) carries NO_CAPS instead.
 */
export type Captures = [start: number, end: number, ...groups: number[]];
const NO_CAPS: Captures = [-1, -1];

/** Threads in order of preference: the instruction each is at and its capture positions. */
class ThreadList {
  n = 0;
  readonly pcs: Int32Array;
  readonly caps: Captures[];
  constructor(size: number) {
    this.pcs = new Int32Array(size);
    this.caps = new Array(size);
  }
}

/** Instructions the VM has stepped through, ever: a test measures the cost of a match with it. */
let work = 0;
export const vmWork = (): number => work;

const isWord = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The code point ending just before i, or -1 at the start. */
function before(s: string, i: number): number {
  if (i <= 0) return -1;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(i - 2)!;
  }
  return lo;
}

class Runner {
  private readonly mark: Int32Array;
  private gen = 0;
  private readonly stackPc: Int32Array;
  private readonly stackCaps: Captures[];

  constructor(
    readonly prog: Program,
    readonly s: string,
  ) {
    const n = prog.insts.length;
    this.mark = new Int32Array(n).fill(-1);
    // Each instruction is taken once per step and pushes at most two more.
    this.stackPc = new Int32Array(2 * n + 2);
    this.stackCaps = new Array(2 * n + 2);
  }

  /** Follows every empty path from pc at position pos, in order of preference, into list. */
  private add(list: ThreadList, gen: number, pc0: number, caps0: Captures, pos: number): void {
    const { insts, multiline } = this.prog;
    const { s, mark, stackPc, stackCaps } = this;
    let sp = 0;
    stackPc[sp] = pc0;
    stackCaps[sp++] = caps0;
    while (sp > 0) {
      // Below sp every slot was written just before; a pc is always an instruction of the program
      // (jumps are built from its own indices, and Match, the last, is never stepped past).
      const pc = stackPc[--sp]!;
      const caps = stackCaps[sp]!;
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      work++;
      const inst = insts[pc]!;
      let go = -1;
      let capsNext = caps;
      switch (inst.op) {
        case Op.Char:
        case Op.Match:
          list.pcs[list.n] = pc;
          list.caps[list.n++] = caps;
          break;
        case Op.Jmp:
          go = inst.x;
          break;
        case Op.Split:
          stackPc[sp] = inst.y;
          stackCaps[sp++] = caps;
          go = inst.x;
          break;
        case Op.Save:
          if (caps !== NO_CAPS && inst.x < caps.length) {
            // A copy of a Captures is one as long.
            capsNext = caps.slice() as Captures;
            capsNext[inst.x] = pos;
          }
          go = pc + 1;
          break;
        case Op.Bol:
          if (pos === 0 || (multiline && s.charCodeAt(pos - 1) === 10)) go = pc + 1;
          break;
        case Op.Eol:
          if (pos === s.length || (multiline && s.charCodeAt(pos) === 10)) go = pc + 1;
          break;
        case Op.WordB:
        case Op.NotWordB: {
          const a = isWord(before(s, pos));
          const b = pos < s.length && isWord(s.charCodeAt(pos));
          if ((a !== b) === (inst.op === Op.WordB)) go = pc + 1;
          break;
        }
        case Op.Look: {
          const c = inst.behind ? before(s, pos) : pos < s.length ? s.codePointAt(pos)! : -1;
          if ((c >= 0 && inst.set!.has(c)) !== inst.negate) go = pc + 1;
          break;
        }
      }
      if (go >= 0) {
        stackPc[sp] = go;
        stackCaps[sp++] = capsNext;
      }
    }
  }

  /**
   * The leftmost-longest match at or after `from` (only at `from` when sticky): its capture
   * positions (start, end per group; -1 unset), or null. `any` stops at the first match found
   * (and keeps no captures).
   */
  run(from: number, sticky: boolean, ncap: number, any: boolean): Captures | null {
    const { insts, first, needle } = this.prog;
    const s = this.s;
    // Most lines a grep reads do not hold the pattern's literal part: the JS string search says so
    // at native speed, and the VM never starts.
    if (needle !== '' && s.indexOf(needle, from) < 0) return null;
    const len = s.length;
    const size = insts.length;
    let cur = new ThreadList(size);
    let next = new ThreadList(size);
    let curGen = ++this.gen;
    let best: Captures | null = null;
    let pos = from;
    const fresh = any ? NO_CAPS : unset(ncap);
    for (;;) {
      if (best === null && (!sticky || pos === from)) {
        if (cur.n === 0 && first && !sticky) {
          // Nothing under way: skip to a character a match can start with.
          while (pos < len) {
            const c = s.codePointAt(pos)!;
            if (first.has(c)) break;
            pos += c > 0xffff ? 2 : 1;
          }
          if (pos >= len) return null;
        }
        // Each start gets its own copy (a copy of a Captures is one as long); NO_CAPS is never written.
        this.add(cur, curGen, 0, any ? NO_CAPS : (fresh.slice() as Captures), pos);
      }
      const c = pos < len ? s.codePointAt(pos)! : -1;
      const w = c > 0xffff ? 2 : 1;
      if (cur.n === 0) {
        // No thread left: done, unless a match may still start further on.
        if (best !== null || sticky || pos >= len) break;
        pos += w;
        curGen = ++this.gen;
        continue;
      }
      const nextGen = ++this.gen;
      next.n = 0;
      for (let k = 0; k < cur.n; k++) {
        // add() filled the first cur.n slots of both lists, with instructions of the program.
        const caps = cur.caps[k]!;
        // A match already found starts further left than this thread: it can never win.
        if (best !== null && caps[0] > best[0]) continue;
        const pc = cur.pcs[k]!;
        const inst = insts[pc]!;
        if (inst.op === Op.Match) {
          if (any) return caps;
          if (best === null || caps[0] < best[0] || (caps[0] === best[0] && caps[1] > best[1])) best = caps;
          continue;
        }
        if (c >= 0 && inst.set!.has(c)) this.add(next, nextGen, pc + 1, caps, pos + w);
      }
      const t = cur;
      cur = next;
      next = t;
      curGen = nextGen;
      if (pos >= len) break;
      pos += w;
    }
    return best;
  }
}

/** Captures with every position unset, ncap (at least 2) long. */
function unset(ncap: number): Captures {
  const caps: Captures = [-1, -1];
  for (let k = 2; k < ncap; k++) caps.push(-1);
  return caps;
}

const programs = new Map<string, Program | null>();

function programFor(source: string, flags: string): Program | null {
  const key = `${flags.replace(/[gyd]/g, '')}/${source}`;
  let p = programs.get(key);
  if (p === undefined) {
    try {
      p = compileProgram(source, flags);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      p = null;
    }
    if (programs.size > 500) programs.clear();
    programs.set(key, p);
  }
  return p;
}

/** Whether translated source can run on the VM (no back-reference, no look-around of more than a character). */
export function vmCanRun(source: string, flags: string): boolean {
  return programFor(source, flags) !== null;
}

/** The longest text a tame pattern is left to JS's engine for (backtracking may cost its square). */
const TAME_TEXT = 4096;
const nativeExec = RegExp.prototype.exec;

export class PosixRegExp extends RegExp {
  readonly program: Program;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    const p = programFor(this.source, this.flags);
    if (p === null) throw new Unsupported(this.source);
    this.program = p;
  }

  /** The leftmost-longest match's positions from `from`, or null. */
  positions(s: string, from: number, sticky: boolean, any = false): Captures | null {
    return new Runner(this.program, s).run(from, sticky, 2 * (this.program.groups + 1), any);
  }

  override exec(input: string): RegExpExecArray | null {
    const s = String(input);
    const keep = this.global || this.sticky;
    const from = keep ? this.lastIndex : 0;
    if (from > s.length) {
      this.lastIndex = 0;
      return null;
    }
    const caps = this.positions(s, from, this.sticky);
    if (caps === null) {
      if (keep) this.lastIndex = 0;
      return null;
    }
    if (keep) this.lastIndex = caps[1];
    const arr: (string | undefined)[] = [];
    for (let g = 0; g <= this.program.groups; g++) {
      const a = caps[2 * g] ?? -1;
      const b = caps[2 * g + 1] ?? -1;
      arr.push(a >= 0 && b >= 0 ? s.slice(a, b) : undefined);
    }
    return Object.assign(arr, { index: caps[0], input: s, groups: undefined }) as RegExpExecArray;
  }

  override test(input: string): boolean {
    if (this.global || this.sticky) return this.exec(input) !== null;
    const s = String(input);
    // Whether there is a match at all does not depend on which match POSIX would pick: for a
    // tame pattern on a short line, JS's own engine answers, ten to a hundred times faster.
    if (this.program.tame && s.length <= TAME_TEXT) return nativeExec.call(this, s) !== null;
    return this.positions(s, 0, false, true) !== null;
  }

  // String#split's own algorithm tries a sticky match at every position (quadratic here); this
  // searches forward instead and gives the same pieces.
  override [Symbol.split](input: string, limit?: number): string[] {
    const s = String(input);
    const lim = limit === undefined ? 2 ** 32 - 1 : limit >>> 0;
    // A group that took no part in a match gives undefined, as the spec's split does; the lib's
    // type for Symbol.split says string[], so the result is cast to it once, at the end.
    const out: (string | undefined)[] = [];
    const result = out as string[];
    if (lim === 0) return result;
    if (s === '') return this.positions(s, 0, true) === null ? [s] : [];
    let p = 0;
    let q = 0;
    while (q < s.length) {
      const caps = this.positions(s, q, false);
      if (caps === null || caps[0] >= s.length) break;
      const e = Math.min(caps[1], s.length);
      if (e === p) {
        q = caps[0] + 1;
        continue;
      }
      out.push(s.slice(p, caps[0]));
      if (out.length === lim) return result;
      for (let g = 1; g <= this.program.groups; g++) {
        const a = caps[2 * g] ?? -1;
        const b = caps[2 * g + 1] ?? -1;
        out.push(a >= 0 && b >= 0 ? s.slice(a, b) : undefined);
        if (out.length === lim) return result;
      }
      p = e;
      q = p;
    }
    out.push(s.slice(p));
    return result;
  }
}
