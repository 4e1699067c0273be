// cut (GNU coreutils): -b/-c byte or character positions, -f fields split on -d (TAB by
// default), -s, --complement, --output-delimiter. GNU's -c counts bytes, as here.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, UsageError, withUsage } from '../options.js';
import { readOperand, text } from './operands.js';

type Range = [number, number];

function parseList(v: string): Range[] {
  const ranges: Range[] = [];
  for (const part of v.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === ''))
      throw new UsageError(
        m && m[2] === '-' ? 'cut: invalid range with no endpoint: -' : `cut: invalid field value ‘${part}’`,
      );
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0)
      throw new UsageError(
        m[2] === '' || m[1] === '0' ? 'cut: fields are numbered from 1' : 'cut: fields are numbered from 1',
      );
    if (hi < lo) throw new UsageError('cut: invalid decreasing range');
    ranges.push([lo, hi]);
  }
  return ranges;
}

function selected(ranges: Range[], i: number, complement: boolean): boolean {
  const hit = ranges.some(([lo, hi]) => i >= lo && i <= hi);
  return hit !== complement;
}

async function run(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, () => {
    const { opts, operands } = parseOptions('cut', ctx.argv.slice(1), {
      short: 'snz',
      shortArg: 'bcfd',
      long: {
        'bytes=': 'b',
        'characters=': 'c',
        'fields=': 'f',
        'delimiter=': 'd',
        'only-delimited': 's',
        complement: 'C',
        'output-delimiter=': 'O',
      },
    });
    let mode: 'b' | 'f' | undefined;
    let list: Range[] = [];
    let delim = '\t';
    let onlyDelimited = false;
    let complement = false;
    let outDelim: string | undefined;
    for (const [o, v] of opts) {
      if (o === 'b' || o === 'c' || o === 'f') {
        if (mode !== undefined) throw new UsageError('cut: only one type of list may be specified');
        mode = o === 'f' ? 'f' : 'b';
        list = parseList(v);
      } else if (o === 'd') {
        if ([...v].length !== 1) throw new UsageError('cut: the delimiter must be a single character');
        delim = v;
      } else if (o === 's') onlyDelimited = true;
      else if (o === 'C') complement = true;
      else if (o === 'O') outDelim = v;
    }
    if (mode === undefined) throw new UsageError('cut: you must specify a list of bytes, characters, or fields');
    const files = operands.length > 0 ? operands : ['-'];
    const stdin = { used: false };
    let status = 0;
    let out = '';
    for (const f of files) {
      const r = readOperand(ctx, f, stdin);
      if (!r.ok) {
        ctx.stderr(`cut: ${f}: ${errText(r.error)}\n`);
        status = 1;
        continue;
      }
      const s = text(r.data);
      if (s === '') continue;
      const lines = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
      for (const line of lines) {
        if (mode === 'f') {
          if (!line.includes(delim)) {
            if (!onlyDelimited) out += `${line}\n`;
            continue;
          }
          const fields = line.split(delim).filter((_, i) => selected(list, i + 1, complement));
          out += `${fields.join(outDelim ?? delim)}\n`;
        } else {
          const bytes = new TextEncoder().encode(line);
          const parts: number[][] = [];
          let part: number[] | undefined;
          let prev = -2;
          bytes.forEach((b, i) => {
            if (!selected(list, i + 1, complement)) return;
            if (part === undefined || (outDelim !== undefined && i !== prev + 1)) {
              part = [];
              parts.push(part);
            }
            part.push(b);
            prev = i;
          });
          out += `${parts.map((p) => new TextDecoder().decode(new Uint8Array(p))).join(outDelim ?? '')}\n`;
        }
      }
      if (out.length > 0) {
        ctx.stdout(out);
        out = '';
      }
    }
    return status;
  });
}

export const cut: CommandSpec = {
  name: 'cut',
  summary: 'remove sections from each line of files',
  flags: ['-b', '-c', '-f', '-d', '-s', '--complement', '--output-delimiter='],
  run,
};
