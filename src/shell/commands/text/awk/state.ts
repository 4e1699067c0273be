// awk's state beneath the interpreter: global variables and function frames, arrays, $0 and its
// fields (split lazily by FS, rebuilt with OFS when a field or NF is assigned), and regexes.
import { compileRegex, splitAt } from '../posix-regex.js';
import { type Cell, input, newCell, toNum, toStr, UNINIT, type Val } from './value.js';

export class AwkFatal extends Error {}

export class AwkState {
  readonly globals = new Map<string, Cell>();
  protected frames: Map<string, Cell>[] = [];
  protected record = '';
  private fields: string[] | null = [];
  private nf = 0;
  private reCache = new Map<string, RegExp>();

  constructor() {
    for (const [k, v] of Object.entries({
      FS: ' ',
      OFS: ' ',
      ORS: '\n',
      RS: '\n',
      SUBSEP: '\x1c',
      CONVFMT: '%.6g',
      OFMT: '%.6g',
      NR: 0,
      FNR: 0,
      RSTART: 0,
      RLENGTH: -1,
      FILENAME: '',
    })) {
      this.globals.set(k, { v });
    }
  }

  // ---- variables ---------------------------------------------------------------------------

  cell(name: string): Cell {
    const f = this.frames[this.frames.length - 1];
    const local = f?.get(name);
    if (local) return local;
    let c = this.globals.get(name);
    if (!c) {
      c = newCell();
      this.globals.set(name, c);
    }
    return c;
  }

  get(name: string): Val {
    if (name === 'NF') {
      this.split();
      return this.nf;
    }
    const c = this.cell(name);
    if (c.arr) throw new AwkFatal(`attempt to use array \`${name}' in a scalar context`);
    return c.v;
  }

  set(name: string, v: Val): void {
    if (name === 'NF') {
      this.setNF(Math.trunc(toNum(v)));
      return;
    }
    const c = this.cell(name);
    if (c.arr) throw new AwkFatal(`attempt to use array \`${name}' in a scalar context`);
    c.v = v;
  }

  array(name: string): Map<string, Val> {
    return this.arrayOf(this.cell(name), name);
  }

  arrayOf(c: Cell, name: string): Map<string, Val> {
    if (!c.arr) {
      if (c.v !== UNINIT) throw new AwkFatal(`attempt to use scalar \`${name}' as an array`);
      c.arr = c.parent?.arr ?? new Map();
      if (c.parent && !c.parent.arr && c.parent.v === UNINIT) c.parent.arr = c.arr;
    }
    return c.arr;
  }

  str(v: Val): string {
    return toStr(v, toStr(this.cell('CONVFMT').v, '%.6g'));
  }

  outStr(v: Val): string {
    return typeof v === 'number' ? toStr(v, toStr(this.cell('OFMT').v, '%.6g')) : this.str(v);
  }

  // ---- record and fields -------------------------------------------------------------------

  setRecord(s: string): void {
    this.record = s;
    this.fields = null;
  }

  getRecord(): string {
    return this.record;
  }

  /** Splits $0 by FS the first time a field or NF is wanted. */
  split(): void {
    if (this.fields) return;
    this.fields = this.splitBy(this.record, toStr(this.cell('FS').v, ' '), toStr(this.cell('RS').v, '\n') === '');
    this.nf = this.fields.length;
  }

  splitBy(s: string, fs: string, paragraph = false): string[] {
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (s === '') return [];
    if (fs === '') return [...s];
    const parts = (ss: string): string[] => {
      if (fs.length === 1 && fs !== '\\') return ss.split(fs);
      const re = this.regex(fs);
      return splitAt(re, ss);
    };
    if (paragraph) return s.split('\n').flatMap(parts);
    return parts(s);
  }

  getField(i: number): Val {
    if (i < 0) throw new AwkFatal(`attempt to access field ${i}`);
    if (i === 0) return input(this.record);
    this.split();
    return i <= this.nf ? input(this.fields?.[i - 1] ?? '') : UNINIT;
  }

  setField(i: number, v: Val): void {
    if (i < 0) throw new AwkFatal(`attempt to access field ${i}`);
    if (i === 0) {
      this.setRecord(this.str(v));
      return;
    }
    this.split();
    while (this.fields!.length < i) this.fields!.push('');
    this.fields![i - 1] = this.str(v);
    this.nf = this.fields!.length;
    this.rebuild();
  }

  private setNF(n: number): void {
    this.split();
    if (n < 0) throw new AwkFatal('NF set to negative value');
    while (this.fields!.length < n) this.fields!.push('');
    this.fields!.length = n;
    this.nf = n;
    this.rebuild();
  }

  private rebuild(): void {
    this.record = this.fields!.join(this.str(this.cell('OFS').v));
  }

  // ---- regexes

  regex(src: string): RegExp {
    let re = this.reCache.get(src);
    if (!re) {
      re = compileRegex(src, { extended: true, awk: true });
      this.reCache.set(src, re);
    }
    return re;
  }
}
