// Word expansion in bash's order: tilde, parameters, command substitution and arithmetic (left to
// right), then field splitting of the unquoted results, then pathname expansion, then quote
// removal. Words arrive as parts (ast.ts) that already say what was quoted.
import type { CommandList, ParameterPart, Word, WordPart } from './ast.js';
import { evalArith, ArithError } from './expand-arith.js';
import { expandBraces } from './expand-brace.js';
import { expandPathname, matchPattern, patternSource, quotePattern } from './glob.js';
import type { Proc } from '../../kernel/index.js';

/** What expansion needs from the shell that runs it. */
export interface ExpandHost {
  proc: Proc;
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional(): string[];
  special(name: string): string | undefined;
  /** Runs $(…) in a subshell and returns its stdout. */
  substitute(body: CommandList): Promise<string>;
  /** An array's elements (or keys), one field each in "${a[@]}" (arrays.ts). */
  arrayElements?(name: string, keys: boolean): string[];
  isAssoc?(name: string): boolean;
}

/** An expansion error bash reports as `bash: …` and that stops the command (exit 1). */
export class ExpansionError extends Error {}

interface Chunk {
  text: string;
  /** Came from quotes: an empty quoted chunk still makes an argument (""). */
  quoted?: boolean;
  /** Came from an unquoted expansion: subject to field splitting. */
  split: boolean;
  /** Glob characters in it are active. */
  glob: boolean;
}

interface Field {
  chunks: Chunk[];
}

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** Full expansion of command arguments: split and globbed fields. */
  async words(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    // No push(...fields): a $(seq 200000) has more fields than a call can take arguments.
    for (const w of words) for (const b of expandBraces(w)) for (const f of await this.word(b)) out.push(f);
    return out;
  }

  async word(word: Word): Promise<string[]> {
    const fields = await this.fields(word.parts, false);
    const out: string[] = [];
    // set -f (noglob): patterns stay as they are.
    const noglob = this.host.special('-')?.includes('f') ?? false;
    for (const f of splitFields(fields, this.host.getVar('IFS') ?? ' \t\n')) {
      const hasGlob = !noglob && f.chunks.some((c) => c.glob && /[*?[]/.test(c.text));
      const plain = f.chunks.map((c) => c.text).join('');
      if (hasGlob) {
        const pattern = f.chunks.map((c) => (c.glob ? c.text : quotePattern(c.text))).join('');
        const matches = expandPathname(pattern, this.host.proc);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      if (plain !== '' || f.chunks.some((c) => c.quoted)) out.push(plain);
    }
    return out;
  }

  /** Expansion without splitting or globbing: assignments, redirect targets, case subjects. */
  async string(word: Word | null): Promise<string> {
    if (!word) return '';
    const fields = await this.fields(word.parts, true);
    return fields.map((f) => f.chunks.map((c) => c.text).join('')).join(' ');
  }

  /** A word as a pattern (case arms, ${x#pat}, [[ == ]]): quoted parts match literally. */
  async pattern(word: Word | null): Promise<string> {
    if (!word) return '';
    const fields = await this.fields(word.parts, true);
    return fields
      .map((f) => f.chunks.map((c) => (c.glob || (c.split && !c.glob) ? c.text : quotePattern(c.text))).join(''))
      .join(' ');
  }

  private async fields(parts: readonly WordPart[], noSplit: boolean): Promise<Field[]> {
    const fields: Field[] = [{ chunks: [] }];
    const cur = (): Field => fields[fields.length - 1] as Field;
    const push = (text: string, split: boolean, glob: boolean): void => {
      cur().chunks.push({ text, split: split && !noSplit, glob });
    };
    for (const part of parts) {
      switch (part.type) {
        case 'Literal':
          push(part.value, false, false);
          break;
        case 'SingleQuoted':
          cur().chunks.push({ text: part.value, split: false, glob: false, quoted: true });
          break;
        case 'Glob':
          push(part.pattern, false, true);
          break;
        case 'Tilde':
          push(this.tilde(part.user), false, false);
          break;
        case 'DoubleQuoted': {
          const onlyAt = part.parts.length === 1 && part.parts[0]?.type === 'Parameter' && part.parts[0].name === '@';
          if (!onlyAt) cur().chunks.push({ text: '', split: false, glob: false, quoted: true });
          for (const inner of part.parts) {
            const all =
              inner.type === 'Parameter' && !inner.op && !inner.length
                ? this.elements(inner.name, inner.keys ?? false)
                : undefined;
            if (all) {
              // "$@" and "${PIPESTATUS[@]}": one field per element, joined to the text around it.
              all.forEach((p, idx) => {
                if (idx > 0) fields.push({ chunks: [] });
                cur().chunks.push({ text: p, split: false, glob: false, quoted: true });
              });
              continue;
            }
            push(await this.simple(inner, true), false, false);
          }
          break;
        }
        default:
          push(await this.simple(part, false), true, true);
      }
    }
    return fields;
  }

  /** The elements "$@" and "${PIPESTATUS[@]}" expand to, one field each; undefined for any other name. */
  private elements(name: string, keys: boolean): string[] | undefined {
    if (name === '@') return this.host.positional();
    // Statuses are numbers: the joined value splits back at its spaces.
    if (name === 'PIPESTATUS[@]') return (this.host.getVar(name) ?? '').split(' ').filter((s) => s !== '');
    const array = /^([A-Za-z_][A-Za-z0-9_]*)\[@\]$/.exec(name)?.[1];
    if (array !== undefined) return this.host.arrayElements?.(array, keys);
    return undefined;
  }

  private async simple(part: WordPart, quoted: boolean): Promise<string> {
    switch (part.type) {
      case 'Literal':
        return part.value;
      case 'Parameter':
        return this.parameter(part, quoted);
      case 'CommandSubstitution':
        if (part.syntaxError)
          throw new ExpansionError(`command substitution: line ${part.syntaxError.line}: ${part.syntaxError.message}`);
        if (!part.body) return '';
        return (await this.host.substitute(part.body)).replace(/\n+$/, '');
      case 'Arithmetic':
        return String(this.arith(await this.arithText(part.expression)));
      case 'BadSubstitution':
        throw new ExpansionError(`${part.text}: bad substitution`);
      case 'ProcessSubstitution':
        throw new ExpansionError('process substitution is not supported in this tutor');
      case 'SingleQuoted':
        return part.value;
      case 'Tilde':
        return this.tilde(part.user);
      case 'Glob':
        return part.pattern;
      case 'DoubleQuoted': {
        let s = '';
        for (const p of part.parts) s += await this.simple(p, true);
        return s;
      }
    }
  }

  /** $((…)) bodies may hold $x, ${x…} and $(…): expand those first, as bash does, by reading the
   * text the way a here-document body is read (expansions, no splitting). */
  async arithText(expr: string): Promise<string> {
    if (!expr.includes('$') && !expr.includes('`')) return expr;
    const { parseCommandLine } = await import('./parser.js');
    const parsed = parseCommandLine(`:<<__ARITH__\n${expr}\n__ARITH__`, { endOfInput: true });
    const body = parsed.status === 'ok' ? parsed.script.items[0]?.command.head.commands[0] : undefined;
    const doc = body?.type === 'SimpleCommand' ? body.redirects[0]?.heredoc : undefined;
    if (!doc) return expr;
    return (await this.string(doc.body)).replace(/\n$/, '');
  }

  /** EXPR's value; an error names COMMAND first when one evaluates it (`((: 1 +: …`, `let: …`). */
  arith(expr: string, command?: string): number {
    try {
      return evalArith(expr, { get: (n) => this.host.getVar(n), set: (n, v) => this.host.setVar(n, v) });
    } catch (err) {
      if (err instanceof ArithError) throw new ExpansionError(command ? `${command}: ${err.message}` : err.message);
      throw err;
    }
  }

  private tilde(user: string): string {
    if (user === '') return this.host.getVar('HOME') ?? '/root';
    if (user === '+') return this.host.getVar('PWD') ?? '~+';
    if (user === '-') return this.host.getVar('OLDPWD') ?? '~-';
    if (user === 'root') return '/root';
    return `~${user}`;
  }

  private lookup(name: string): string | undefined {
    if (/^[0-9]+$/.test(name)) {
      if (name === '0') return this.host.special('0');
      return this.host.positional()[Number(name) - 1];
    }
    if (/^[@*#?$!-]$/.test(name)) {
      if (name === '@' || name === '*') {
        const p = this.host.positional();
        return p.length ? p.join(name === '*' ? (this.host.getVar('IFS') ?? ' ').slice(0, 1) : ' ') : undefined;
      }
      return this.host.special(name);
    }
    return this.host.getVar(name);
  }

  private async parameter(p: ParameterPart, _quoted: boolean, evaluated = false): Promise<string> {
    const sub = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(p.name);
    const [base = '', index] = sub ? [sub[1], sub[2]] : [];
    if (!evaluated && index !== undefined && !/^(\d+|[@*])$/.test(index)) {
      // ${a[expr]}: an indexed array's index is an arithmetic expression; an associative
      // array's key is expanded as a word.
      const text = await this.arithText(index);
      const key = this.host.isAssoc?.(base) ? text : String(this.arith(text));
      return this.parameter({ ...p, name: `${base}[${key}]` }, _quoted, true);
    }
    if (p.keys && index !== undefined) return (this.host.arrayElements?.(base, true) ?? []).join(' ');
    const value = this.lookup(p.name);
    // ${#a[@]}: how many elements.
    if (p.length && /\[[@*]\]$/.test(p.name)) {
      if (base === 'PIPESTATUS') return String(value === undefined ? 0 : value.split(' ').length);
      return String(this.host.arrayElements?.(base, false).length ?? 0);
    }
    if (p.length) return String([...(value ?? '')].length);
    if (!p.op) {
      if (value === undefined && this.host.special('-')?.includes('u') && !/^[@*]$/.test(p.name)) {
        throw new ExpansionError(`${/^\d+$/.test(p.name) ? '$' : ''}${p.name}: unbound variable`);
      }
      return value ?? '';
    }
    const op = p.op;
    const unsetOrNull = value === undefined || (op.startsWith(':') && value === '');
    switch (op) {
      case ':-':
      case '-':
        return unsetOrNull ? this.string(p.argument) : (value ?? '');
      case ':=':
      case '=': {
        if (!unsetOrNull) return value ?? '';
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
        const v = await this.string(p.argument);
        this.host.setVar(p.name, v);
        return v;
      }
      case ':?':
      case '?': {
        if (!unsetOrNull) return value ?? '';
        const given = p.argument ? await this.string(p.argument) : '';
        const msg = given !== '' ? given : op === '?' ? 'parameter not set' : 'parameter null or not set';
        throw new ExpansionError(`${p.name}: ${msg}`);
      }
      case ':+':
      case '+':
        return unsetOrNull ? '' : this.string(p.argument);
      case ':': {
        const v = value ?? '';
        const arg = await this.string(p.argument);
        const [offText, lenText] = splitTopColon(arg);
        let off = this.arith(offText);
        if (off < 0) off = Math.max(0, v.length + off);
        if (lenText === undefined) return v.slice(off);
        const len = this.arith(lenText);
        if (len < 0) {
          const end = v.length + len;
          if (end < off) throw new ExpansionError(`${lenText.trim()}: substring expression < 0`);
          return v.slice(off, end);
        }
        return v.slice(off, off + len);
      }
    }
    const v = value ?? '';
    const pat = await this.pattern(p.argument);
    switch (op) {
      case '#':
      case '##':
        return removeAffix(v, pat, true, op === '##');
      case '%':
      case '%%':
        return removeAffix(v, pat, false, op === '%%');
      case '/':
      case '//':
      case '/#':
      case '/%':
        return replace(v, pat, await this.string(p.replacement), op);
      case '^':
      case '^^':
        return op === '^^' ? v.toUpperCase() : v.slice(0, 1).toUpperCase() + v.slice(1);
      case ',':
      case ',,':
        return op === ',,' ? v.toLowerCase() : v.slice(0, 1).toLowerCase() + v.slice(1);
    }
    return v;
  }
}

function splitTopColon(arg: string): [string, string | undefined] {
  const i = arg.indexOf(':');
  return i < 0 ? [arg, undefined] : [arg.slice(0, i), arg.slice(i + 1)];
}

function removeAffix(v: string, pat: string, prefix: boolean, longest: boolean): string {
  const lens = [...Array(v.length + 1).keys()];
  const order = longest ? lens.reverse() : lens;
  for (const n of order) {
    const piece = prefix ? v.slice(0, n) : v.slice(v.length - n);
    if (matchPattern(pat, piece)) return prefix ? v.slice(n) : v.slice(0, v.length - n);
  }
  return v;
}

function replace(v: string, pat: string, rep: string, op: string): string {
  if (pat === '') return v;
  const src = patternSource(pat);
  // Shell patterns are greedy-longest at each position, which JS's greedy quantifiers give.
  if (op === '/#') return v.replace(new RegExp(`^${src}`, 'u'), () => rep);
  if (op === '/%') return v.replace(new RegExp(`${src}$`, 'u'), () => rep);
  return v.replace(new RegExp(src, op === '//' ? 'gu' : 'u'), () => rep);
}

/** IFS field splitting of the chunks marked splittable. */
export function splitOnIfs(text: string, ifs: string): string[] {
  if (ifs === '') return [text];
  const ws: string[] = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n');
  const out: string[] = [];
  let cur = '';
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (ifs.includes(c)) {
      if (ws.includes(c)) {
        if (started) out.push(cur);
        cur = '';
        started = false;
      } else {
        out.push(cur);
        cur = '';
        started = false;
      }
    } else {
      cur += c;
      started = true;
    }
  }
  if (started) out.push(cur);
  return out;
}

function splitFields(fields: Field[], ifs: string): Field[] {
  const out: Field[] = [];
  for (const f of fields) {
    let cur: Field = { chunks: [] };
    const flush = (force: boolean): void => {
      if (force || cur.chunks.some((c) => c.text !== '' || c.quoted)) out.push(cur);
      cur = { chunks: [] };
    };
    for (const c of f.chunks) {
      if (!c.split || ifs === '') {
        cur.chunks.push(c);
        continue;
      }
      let text = '';
      for (const ch of c.text) {
        if (!ifs.includes(ch)) {
          text += ch;
          continue;
        }
        if (text !== '') cur.chunks.push({ ...c, text });
        text = '';
        const white = ch === ' ' || ch === '\t' || ch === '\n';
        if (white) flush(false);
        else flush(true);
      }
      if (text !== '') cur.chunks.push({ ...c, text });
    }
    flush(false);
  }
  return out;
}
