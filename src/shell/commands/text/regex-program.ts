// The JavaScript RegExp source the POSIX translator (posix-regex.ts) emits, compiled into a
// program for the Pike VM in regex-vm.ts. Only the subset the translator and grep's wrappers write
// is understood: literals, classes, `.`, `^`, `$`, greedy `* + ? {m,n}`, groups, `|`, `\b`, `\B`
// and one-character look-arounds (`\<`, `\>`, `` \` ``, `\'`, grep -w). A back-reference (not a
// regular language) or anything else throws Unsupported, and the caller keeps the JS engine.

export class Unsupported extends Error {}

/** A set of code points: sorted, disjoint [lo, hi] pairs, and an ASCII table for speed. */
export class CharSet {
  readonly ascii = new Uint8Array(128);
  constructor(readonly ranges: number[]) {
    for (const [lo, hi] of pairsOf(ranges)) {
      for (let c = lo; c <= Math.min(hi, 127); c++) this.ascii[c] = 1;
    }
  }
  has(c: number): boolean {
    if (c < 128) return c >= 0 && this.ascii[c] === 1;
    const r = this.ranges;
    let lo = 0;
    let hi = (r.length >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      // 0 <= mid < r.length / 2, and pairsOf has checked that r holds whole pairs.
      if (c < r[2 * mid]!) hi = mid - 1;
      else if (c > r[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

/** [lo, hi, lo, hi, …] as [lo, hi] pairs. */
function pairsOf(flat: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) {
    const lo = flat[k];
    const hi = flat[k + 1];
    if (lo === undefined || hi === undefined) throw new Error(`a range list of odd length: ${flat.join(',')}`);
    out.push([lo, hi]);
  }
  return out;
}

const MAX_CP = 0x10ffff;

function normalize(pairs: number[]): number[] {
  const rs = pairsOf(pairs).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of rs) {
    const last = merged.at(-1);
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged.flat();
}

function complement(pairs: number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (const [lo, hi] of pairsOf(normalize(pairs))) {
    if (lo > next) out.push(next, lo - 1);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push(next, MAX_CP);
  return out;
}

/** Adds the other case of every letter in small ranges (as JS's `i` flag folds them). */
function caseFold(pairs: number[]): number[] {
  const out = [...pairs];
  for (const [lo, hi] of pairsOf(pairs)) {
    if (hi - lo > 2000) continue;
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCodePoint(c);
      for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
        const cp = v.codePointAt(0)!;
        if (v.length === String.fromCodePoint(cp).length && cp !== c) out.push(cp, cp);
      }
    }
  }
  return out;
}

const DIGIT = [0x30, 0x39];
const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
// JS's \s: WhiteSpace and LineTerminator.
const SPACE = [
  9, 13, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000,
  0x3000, 0xfeff, 0xfeff,
];
const LINE_TERMINATORS = [10, 10, 13, 13, 0x2028, 0x2029];

export const Op = {
  Char: 0,
  Split: 1,
  Jmp: 2,
  Save: 3,
  Bol: 4,
  Eol: 5,
  WordB: 6,
  NotWordB: 7,
  /** One character after (or before) the position is (or is not) in a set. */
  Look: 8,
  Match: 9,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

export interface Inst {
  op: Op;
  /** Char, Look: the set. */
  set?: CharSet | undefined;
  /** Jmp, Split (preferred), Save (slot). */
  x: number;
  /** Split: the other branch. */
  y: number;
  /** Look: behind rather than ahead; whether the character must be outside the set. */
  behind?: boolean;
  negate?: boolean;
}

type Node =
  | { t: 'set'; ranges: number[] }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; e: Node; min: number; max: number }
  | { t: 'group'; e: Node; index: number }
  | { t: 'assert'; op: typeof Op.Bol | typeof Op.Eol | typeof Op.WordB | typeof Op.NotWordB }
  | { t: 'look'; ranges: number[]; behind: boolean; negate: boolean };

export interface Program {
  insts: Inst[];
  /** Capture groups, not counting the whole match. */
  groups: number;
  multiline: boolean;
  /** The characters a match can start with, or undefined when it may start with anything or be empty. */
  first?: CharSet;
  /** A string every match contains (the longest known), or '': a text without it cannot match. */
  needle: string;
  /** No repeat holds a repeat or an alternative, at most one repeat has a range of counts, and
   * few alternatives: JS's backtracking engine decides whether a short text matches in about
   * linear time, and at its native speed. */
  tame: boolean;
}

/** Past this many instructions (`x{1000}{1000}`) the program is not built; the JS engine runs it. */
const MAX_INSTS = 100_000;

class Parser {
  i = 0;
  groups = 0;
  constructor(
    readonly src: string,
    readonly icase: boolean,
    readonly dotAll: boolean,
  ) {}

  fail(): never {
    throw new Unsupported(this.src);
  }

  set(ranges: number[]): Node {
    return { t: 'set', ranges: normalize(this.icase ? caseFold(ranges) : ranges) };
  }

  alt(): Node {
    const first = this.seq();
    const items = [first];
    while (this.src[this.i] === '|') {
      this.i++;
      items.push(this.seq());
    }
    return items.length === 1 ? first : { t: 'alt', items };
  }

  seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      let atom = this.atom();
      for (;;) {
        const q = this.quantifier();
        if (!q) break;
        if (atom.t === 'assert' || atom.t === 'look') this.fail();
        atom = { t: 'rep', e: atom, min: q[0], max: q[1] };
      }
      items.push(atom);
    }
    const [only] = items;
    return only !== undefined && items.length === 1 ? only : { t: 'cat', items };
  }

  quantifier(): [number, number] | undefined {
    const c = this.src[this.i];
    let q: [number, number] | undefined;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      q = [lo, hi];
    }
    if (!q) return undefined;
    this.i++;
    // A lazy quantifier (grep -P only) asks for leftmost-first, which this engine does not do.
    if (this.src[this.i] === '?') this.fail();
    return q;
  }

  atom(): Node {
    const src = this.src;
    const c = src[this.i];
    if (c === '(') {
      this.i++;
      let node: Node;
      if (src.startsWith('?:', this.i)) {
        this.i += 2;
        node = this.alt();
      } else if (/^\?<?[=!]/.test(src.slice(this.i, this.i + 3))) {
        const behind = src[this.i + 1] === '<';
        this.i += behind ? 3 : 2;
        const negate = src[this.i - 1] === '!';
        const body = this.alt();
        if (body.t !== 'set') this.fail();
        node = { t: 'look', ranges: body.ranges, behind, negate };
      } else if (src[this.i] === '?') this.fail();
      else {
        const index = ++this.groups;
        node = { t: 'group', e: this.alt(), index };
      }
      if (src[this.i] !== ')') this.fail();
      this.i++;
      return node;
    }
    if (c === '[') return this.bracket();
    if (c === '.') {
      this.i++;
      return this.set(this.dotAll ? [0, MAX_CP] : complement(LINE_TERMINATORS));
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert', op: c === '^' ? Op.Bol : Op.Eol };
    }
    if (c === '\\') {
      const e = src[this.i + 1];
      if (e === 'b' || e === 'B') {
        this.i += 2;
        return { t: 'assert', op: e === 'b' ? Op.WordB : Op.NotWordB };
      }
      return this.set(this.escape(false));
    }
    if (c === ')' || c === '*' || c === '+' || c === '?') this.fail();
    const cp = src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return this.set([cp, cp]);
  }

  /** An escape at i (the backslash): its code points. */
  escape(inClass: boolean): number[] {
    const src = this.src;
    const e = src[this.i + 1];
    if (e === undefined) this.fail();
    this.i += 2;
    switch (e) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'n':
        return [10, 10];
      case 't':
        return [9, 9];
      case 'r':
        return [13, 13];
      case 'f':
        return [12, 12];
      case 'v':
        return [11, 11];
      case '0':
        return [0, 0];
      case 'b':
        if (inClass) return [8, 8];
        break;
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(src.slice(this.i));
        if (!m) this.fail();
        this.i += 2;
        const v = Number.parseInt(m[0], 16);
        return [v, v];
      }
      case 'u': {
        const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(src.slice(this.i));
        if (!m) this.fail();
        this.i += m[0].length;
        const v = Number.parseInt(m[1] ?? m[2] ?? this.fail(), 16);
        return [v, v];
      }
    }
    // A back-reference, \c, \p … : not what the translator writes.
    if (/[0-9a-zA-Z]/.test(e)) this.fail();
    const cp = e.codePointAt(0)!;
    return [cp, cp];
  }

  bracket(): Node {
    const src = this.src;
    this.i++;
    const neg = src[this.i] === '^';
    if (neg) this.i++;
    const pairs: number[] = [];
    for (;;) {
      if (this.i >= src.length) this.fail();
      if (src[this.i] === ']') {
        this.i++;
        break;
      }
      const lo = this.classAtom();
      if (src[this.i] === '-' && src[this.i + 1] !== ']' && this.i + 1 < src.length) {
        this.i++;
        const hi = this.classAtom();
        // Both ends are single characters, not classes like \d.
        const [from, fromEnd] = lo;
        const [to, toEnd] = hi;
        if (lo.length !== 2 || hi.length !== 2 || from === undefined || to === undefined) this.fail();
        if (from !== fromEnd || to !== toEnd) this.fail();
        pairs.push(from, to);
      } else pairs.push(...lo);
    }
    let ranges = normalize(this.icase ? caseFold(pairs) : pairs);
    if (neg) ranges = complement(ranges);
    return { t: 'set', ranges };
  }

  classAtom(): number[] {
    if (this.src[this.i] === '\\') return this.escape(true);
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return [cp, cp];
  }
}

class Emitter {
  insts: Inst[] = [];

  emit(inst: Inst): number {
    if (this.insts.length >= MAX_INSTS) throw new Unsupported('too large');
    // One shape for every instruction, so the VM's reads of them stay monomorphic.
    this.insts.push({ set: undefined, behind: false, negate: false, ...inst });
    return this.insts.length - 1;
  }

  /** Points the Jmp or Split emitted at pc (its field x or y) at the next instruction to be emitted. */
  patch(pc: number, field: 'x' | 'y'): void {
    const inst = this.insts[pc];
    if (inst === undefined) throw new Error(`no instruction ${pc} to patch`);
    inst[field] = this.insts.length;
  }

  node(n: Node): void {
    switch (n.t) {
      case 'set':
        this.emit({ op: Op.Char, set: new CharSet(n.ranges), x: 0, y: 0 });
        return;
      case 'cat':
        for (const item of n.items) this.node(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        const last = n.items.length - 1;
        for (const [k, item] of n.items.entries()) {
          if (k < last) {
            const split = this.emit({ op: Op.Split, x: 0, y: 0 });
            this.patch(split, 'x');
            this.node(item);
            jumps.push(this.emit({ op: Op.Jmp, x: 0, y: 0 }));
            this.patch(split, 'y');
          } else this.node(item);
        }
        for (const j of jumps) this.patch(j, 'x');
        return;
      }
      case 'group':
        this.emit({ op: Op.Save, x: 2 * n.index, y: 0 });
        this.node(n.e);
        this.emit({ op: Op.Save, x: 2 * n.index + 1, y: 0 });
        return;
      case 'assert':
        this.emit({ op: n.op, x: 0, y: 0 });
        return;
      case 'look':
        this.emit({ op: Op.Look, set: new CharSet(n.ranges), behind: n.behind, negate: n.negate, x: 0, y: 0 });
        return;
      case 'rep':
        this.repeat(n.e, n.min, n.max);
        return;
    }
  }

  repeat(e: Node, min: number, max: number): void {
    for (let k = 0; k < min; k++) this.node(e);
    if (max === Infinity) {
      // L: split body, out; body; jmp L (greedy: the body first).
      const split = this.emit({ op: Op.Split, x: 0, y: 0 });
      this.patch(split, 'x');
      this.node(e);
      this.emit({ op: Op.Jmp, x: split, y: 0 });
      this.patch(split, 'y');
      return;
    }
    // e?e?…: each optional copy jumps past all the rest when skipped.
    const splits: number[] = [];
    for (let k = min; k < max; k++) {
      const split = this.emit({ op: Op.Split, x: 0, y: 0 });
      this.patch(split, 'x');
      splits.push(split);
      this.node(e);
    }
    for (const s of splits) this.patch(s, 'y');
  }
}

/** What a node matches exactly (null: more than one string), and strings every match of it contains. */
function literals(n: Node): { exact: string | null; musts: string[] } {
  switch (n.t) {
    case 'set': {
      const [lo, hi] = n.ranges;
      return n.ranges.length === 2 && lo !== undefined && lo === hi
        ? { exact: String.fromCodePoint(lo), musts: [] }
        : { exact: null, musts: [] };
    }
    case 'assert':
    case 'look':
      return { exact: '', musts: [] };
    case 'group':
      return literals(n.e);
    case 'rep': {
      if (n.min === 0) return { exact: null, musts: [] };
      const r = literals(n.e);
      const musts = r.exact ? [...r.musts, r.exact.repeat(n.min)] : r.musts;
      return { exact: n.min === n.max && r.exact !== null ? r.exact.repeat(n.min) : null, musts };
    }
    case 'alt':
      return { exact: null, musts: [] };
    case 'cat': {
      const musts: string[] = [];
      let run = '';
      let exact = true;
      for (const item of n.items) {
        const r = literals(item);
        musts.push(...r.musts);
        if (r.exact !== null) run += r.exact;
        else {
          exact = false;
          musts.push(run);
          run = '';
        }
      }
      if (!exact) musts.push(run);
      return { exact: exact ? run : null, musts };
    }
  }
}

function tameness(tree: Node): boolean {
  let ranged = 0;
  let alts = 0;
  let nested = false;
  const walk = (n: Node, inRep: boolean): void => {
    switch (n.t) {
      case 'cat':
        for (const item of n.items) walk(item, inRep);
        return;
      case 'alt':
        alts++;
        if (inRep) nested = true;
        for (const item of n.items) walk(item, inRep);
        return;
      case 'group':
        walk(n.e, inRep);
        return;
      case 'rep':
        if (inRep) nested = true;
        if (n.min !== n.max) ranged++;
        walk(n.e, true);
        return;
      default:
        return;
    }
  };
  walk(tree, false);
  return !nested && ranged <= 1 && alts <= 2;
}

function needleOf(tree: Node): string {
  const r = literals(tree);
  return [r.exact ?? '', ...r.musts].reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** The characters a match may start with, following every empty path from the start. */
function firstChars(insts: Inst[]): CharSet | undefined {
  const seen = new Set<number>();
  const stack = [0];
  const pairs: number[] = [];
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    const inst = insts[pc];
    if (inst === undefined) throw new Error(`a jump out of the program, to ${pc}`);
    switch (inst.op) {
      case Op.Char:
        pairs.push(...inst.set!.ranges);
        break;
      case Op.Match:
        return undefined;
      case Op.Split:
        stack.push(inst.x, inst.y);
        break;
      case Op.Jmp:
        stack.push(inst.x);
        break;
      default:
        stack.push(pc + 1);
    }
  }
  return new CharSet(normalize(pairs));
}

/** Compiles translated RegExp source; throws Unsupported for what only the JS engine can run. */
export function compileProgram(source: string, flags: string): Program {
  const p = new Parser(source, flags.includes('i'), flags.includes('s'));
  const tree = p.alt();
  if (p.i !== source.length) p.fail();
  const em = new Emitter();
  em.emit({ op: Op.Save, x: 0, y: 0 });
  em.node(tree);
  em.emit({ op: Op.Save, x: 1, y: 0 });
  em.emit({ op: Op.Match, x: 0, y: 0 });
  return {
    insts: em.insts,
    groups: p.groups,
    multiline: flags.includes('m'),
    first: firstChars(em.insts),
    needle: needleOf(tree),
    tame: tameness(tree),
  };
}
