// tr (GNU coreutils): translate, -d, -s, -c/-C, -t; sets with ranges (a-z), classes
// ([:upper:]), escapes (\n, \\, \NNN) and [c*n] repeats. Works on characters of the text.
import type { CommandContext, CommandSpec } from '../../command.js';
import { parseOptions, UsageError, withUsage } from '../options.js';
import { text } from './operands.js';

const CLASS: Record<string, () => string[]> = {
  upper: () => range('A', 'Z'),
  lower: () => range('a', 'z'),
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  digit: () => range('0', '9'),
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  space: () => [' ', '\t', '\n', '\v', '\f', '\r'].sort(),
  blank: () => ['\t', ' '],
  punct: () => range('!', '~').filter((c) => !/[0-9A-Za-z]/.test(c)),
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
  cntrl: () => [...range('\x00', '\x1f'), '\x7f'],
  print: () => range(' ', '~'),
  graph: () => range('!', '~'),
};

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let c = a.codePointAt(0)!; c <= b.codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
  return out;
}

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' };

interface Item {
  chars: string[];
  cls?: string;
  repeat?: { ch: string; n: number };
}

function parseSet(s: string): Item[] {
  const items: Item[] = [];
  const chars = [...s];
  let i = 0;
  const one = (): string => {
    const c = chars[i++] ?? '';
    if (c !== '\\' || i >= chars.length) return c;
    const e = chars[i++] ?? '';
    if (/[0-7]/.test(e)) {
      let oct = e;
      while (oct.length < 3 && /[0-7]/.test(chars[i] ?? '')) oct += chars[i++];
      return String.fromCharCode(parseInt(oct, 8));
    }
    return ESC[e] ?? e;
  };
  while (i < chars.length) {
    const rest = chars.slice(i).join('');
    const cls = /^\[:([a-z]+):\]/.exec(rest);
    if (cls) {
      const [whole, name = ''] = cls;
      const f = Object.hasOwn(CLASS, name) ? CLASS[name] : undefined;
      if (!f) throw new UsageError(`tr: invalid character class ‘${name}’`, false);
      items.push({ chars: f(), cls: name });
      i += [...whole].length;
      continue;
    }
    const rep = /^\[(\\?.)\*(\d*)\]/u.exec(rest);
    if (rep) {
      const [whole, spec = '', count = ''] = rep;
      const escaped = spec.charAt(1);
      const ch = spec.length === 2 ? (ESC[escaped] ?? escaped) : spec;
      items.push({
        chars: [],
        repeat: { ch, n: count === '' ? 0 : parseInt(count, count.startsWith('0') ? 8 : 10) },
      });
      i += [...whole].length;
      continue;
    }
    const c = one();
    if (chars[i] === '-' && i + 1 < chars.length) {
      i++;
      const hi = one();
      if (hi < c)
        throw new UsageError(`tr: range-endpoints of '${c}-${hi}' are in reverse collating sequence order`, false);
      items.push({ chars: range(c, hi) });
      continue;
    }
    items.push({ chars: [c] });
  }
  return items;
}

function expand(items: Item[], fillTo = 0): string[] {
  const fixed = items.reduce(
    (n, it) => n + (it.repeat && it.repeat.n === 0 ? 0 : it.repeat ? it.repeat.n : it.chars.length),
    0,
  );
  const out: string[] = [];
  for (const it of items) {
    if (it.repeat)
      out.push(...Array<string>(it.repeat.n === 0 ? Math.max(0, fillTo - fixed) : it.repeat.n).fill(it.repeat.ch));
    else out.push(...it.chars);
  }
  return out;
}

/** The characters tr writes for each it reads; state (the last one written, for -s) runs on
 * from one chunk of input to the next. */
type Filter = (chars: string[]) => string[];

function makeFilter(opts: [string, string][], operands: string[]): Filter {
  const o = new Set(opts.map(([k]) => k));
  const complement = o.has('c') || o.has('C');
  const del = o.has('d');
  const squeeze = o.has('s');
  const need = del && squeeze ? 2 : del ? 1 : squeeze ? 1 : 2;
  if (operands.length === 0) throw new UsageError('tr: missing operand');
  if (operands.length < need) {
    const why = del
      ? 'Two strings must be given when both deleting and squeezing repeats.'
      : 'Two strings must be given when translating.';
    throw new UsageError(`tr: missing operand after ‘${operands[operands.length - 1]}’\n${why}`);
  }
  if (operands.length > (del && !squeeze ? 1 : 2))
    throw new UsageError(`tr: extra operand ‘${operands[del && !squeeze ? 1 : 2]}’`);
  const [set1Text = '', set2Text = ''] = operands;
  const set1Items = parseSet(set1Text);
  let set1 = expand(set1Items);
  if (complement) {
    const inSet = new Set(set1);
    // The complement, in byte order; characters beyond ASCII stand for themselves.
    set1 = range('\x00', '\xff').filter((c) => !inSet.has(c));
  }
  const orig = new Set(expand(set1Items));
  let last: string | undefined;
  const squeezeBy = (chars: string[], set: { has(c: string): boolean }): string[] => {
    const out: string[] = [];
    for (const c of chars) {
      if (set.has(c) && last === c) continue;
      out.push(c);
      last = c;
    }
    return out;
  };
  if (del) {
    const s1 = new Set(expand(set1Items));
    const s2 = new Set(expand(parseSet(set2Text)));
    return (input) => {
      const out = input.filter((c) => s1.has(c) === complement);
      return squeeze ? squeezeBy(out, s2) : out;
    };
  }
  if (operands.length >= 2) {
    let set2 = expand(parseSet(set2Text), set1.length);
    if (set2.length === 0) throw new UsageError('tr: when not truncating set1, string2 must be non-empty', false);
    if (o.has('t')) set1 = set1.slice(0, set2.length);
    else if (set2.length < set1.length) {
      set2 = set2.concat(Array<string>(set1.length - set2.length).fill(set2.at(-1) ?? ''));
    }
    const map = new Map<string, string>();
    for (const [i, c] of set1.entries()) {
      const to = set2[i];
      if (to !== undefined) map.set(c, to);
    }
    const squeezed = new Set(set2);
    return (input) => {
      const out = input.map((c) => {
        const m = map.get(c);
        if (m !== undefined) return m;
        // With -c every character outside SET1 maps to SET2's last character, non-ASCII included.
        return complement && !orig.has(c) ? (set2.at(-1) ?? c) : c;
      });
      return squeeze ? squeezeBy(out, squeezed) : out;
    };
  }
  const s1 = new Set(expand(set1Items));
  return (input) => squeezeBy(input, { has: (c: string) => s1.has(c) !== complement });
}

async function run(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, async () => {
    const { opts, operands } = parseOptions('tr', ctx.argv.slice(1), {
      short: 'cCdst',
      long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' },
    });
    const filter = makeFilter(opts, operands);
    if (!ctx.input) {
      ctx.stdout(filter([...text(ctx.stdin)]).join(''));
      return 0;
    }
    // A pipe: each chunk as it comes (`cat /dev/urandom | tr -dc a-z | head -c 8` ends).
    const dec = new TextDecoder();
    for (let chunk = await ctx.input.read(); chunk; chunk = await ctx.input.read()) {
      const out = filter([...dec.decode(chunk, { stream: true })]);
      if (out.length > 0) await ctx.stdout(out.join(''));
      ctx.budget.check(false);
    }
    const tail = filter([...dec.decode()]);
    if (tail.length > 0) ctx.stdout(tail.join(''));
    return 0;
  });
}

export const tr: CommandSpec = {
  name: 'tr',
  summary: 'translate or delete characters',
  flags: ['-d', '-s', '-c', '-t'],
  run,
  streaming: true,
};
