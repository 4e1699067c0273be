// getfattr and setfattr (attr 2.5): "# file: path" headers with the leading '/' removed (unless
// --absolute-names), values quoted as text when printable, else 0s base64, or 0x hex with -e hex.
import { isKernelError } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';
import { tryStat } from './lookup.js';

const enc = new TextEncoder();

/** Bytes as a string of one char per byte (latin1), so values are written out byte for byte. */
const bytesText = (v: Uint8Array): string => String.fromCharCode(...v);
const utf8Bytes = (s: string): string => bytesText(enc.encode(s));

/** attr's well_enough_printable: text when at most an eighth of the bytes (a trailing NUL not
 * counted) fail isprint() — which, for a signed char, every byte from 0x80 does. */
function wellEnoughPrintable(body: Uint8Array): boolean {
  let nonPrintable = 0;
  for (const b of body) if (b < 0x20 || b > 0x7e) nonPrintable++;
  return body.length >= nonPrintable * 8;
}

/** attr's encode(): as a byte string (see bytesText). In text, only NUL, \n and \r become octal
 * escapes and \ and " are escaped; every other byte is written as it is. */
function encodeValue(v: Uint8Array, encoding: string | undefined): string {
  const hex = (): string => `0x${[...v].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const b64 = (): string => `0s${btoa(bytesText(v))}`;
  if (encoding === 'hex') return hex();
  if (encoding === 'base64') return b64();
  const body = v.length > 0 && v[v.length - 1] === 0 ? v.subarray(0, v.length - 1) : v;
  if (encoding !== 'text' && !wellEnoughPrintable(body)) return b64();
  let s = '"';
  for (const b of body) {
    if (b === 0x22 || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b === 0 || b === 10 || b === 13) s += `\\${b.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(b);
  }
  return `${s}"`;
}

function getfattr(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('getfattr', ctx.argv.slice(1), {
      short: 'dhRL',
      shortArg: 'nme',
      long: {
        dump: 'd',
        'name=': 'n',
        'match=': 'm',
        'encoding=': 'e',
        'no-dereference': 'h',
        'absolute-names': 'abs',
        'only-values': 'only',
        recursive: 'R',
      },
    });
  } catch (err) {
    return usage(ctx, 'getfattr', err);
  }
  const f = p.flags;
  if (p.operands.length === 0) {
    ctx.stderr(
      [
        'Usage: getfattr [-hRLP] [-n name|-d] [-e en] [-m pattern] path...',
        "Try `getfattr --help' for more information.",
        '',
      ].join('\n'),
    );
    return 1;
  }
  const follow = !f.has('h');
  const name = f.get('n');
  const pattern = f.get('m') ?? (name === undefined ? '^user\\.' : undefined);
  let re: RegExp;
  try {
    re = new RegExp(pattern === '-' || pattern === undefined ? '' : pattern);
  } catch {
    re = /^user\./;
  }
  let status = 0;
  let warned = false;
  let out = '';
  // -R walks each directory operand, entries after their directory (sorted here; attr takes them
  // in the order the filesystem lists them), into symlinked directories only with -L.
  const walk = (path: string, top: boolean): string[] => {
    const st = tryStat(ctx.proc, path, top ? follow : f.has('L'));
    if (!f.has('R') || st?.type !== 'dir') return [path];
    const below = ctx.proc
      .readdir(path)
      .map((e) => e.name)
      .sort()
      .flatMap((n) => walk(`${path.replace(/\/+$/, '')}/${n}`, false));
    return [path, ...below];
  };
  for (const path of p.operands.flatMap((o) => (tryStat(ctx.proc, o, follow) ? walk(o, true) : [o]))) {
    if (!tryStat(ctx.proc, path, follow)) {
      ctx.stderr(`getfattr: ${path}: No such file or directory\n`);
      status = 1;
      continue;
    }
    let shown = path;
    const strip = path.startsWith('/') && !f.has('abs');
    if (strip) shown = path.replace(/^\/+/, '') || '.';
    const lines: string[] = [];
    if (name !== undefined) {
      try {
        const v = ctx.proc.getxattr(path, name, follow);
        lines.push(f.has('only') ? bytesText(v) : `${utf8Bytes(name)}=${encodeValue(v, f.get('e'))}`);
      } catch (err) {
        if (isKernelError(err, 'ENODATA')) ctx.stderr(`${path}: ${name}: No such attribute\n`);
        else ctx.stderr(`${path}: ${name}: ${errText(err)}\n`);
        status = 1;
      }
    } else {
      let names: string[] = [];
      try {
        names = ctx.proc.listxattr(path, follow);
      } catch (err) {
        ctx.stderr(`getfattr: ${path}: ${errText(err)}\n`);
        status = 1;
      }
      for (const n of [...names].sort()) {
        if (!re.test(n)) continue;
        const shownName = utf8Bytes(n);
        if (f.has('d')) lines.push(`${shownName}=${encodeValue(ctx.proc.getxattr(path, n, follow), f.get('e'))}`);
        else lines.push(shownName);
      }
    }
    if (lines.length === 0) continue;
    if (strip && !warned) {
      // attr warns once, just before the first absolute name it prints.
      ctx.stderr("getfattr: Removing leading '/' from absolute path names\n");
      warned = true;
    }
    out += f.has('only') ? lines.join('') : `# file: ${utf8Bytes(shown)}\n${lines.join('\n')}\n\n`;
  }
  ctx.stdout(Uint8Array.from(out, (c) => c.charCodeAt(0)));
  return status;
}

function decodeValue(v: string): Uint8Array {
  if (/^0x/i.test(v)) {
    const hex = v.slice(2);
    return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  }
  if (/^0s/i.test(v)) return Uint8Array.from(atob(v.slice(2)), (c) => c.charCodeAt(0));
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
  return enc.encode(v);
}

function setfattr(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('setfattr', ctx.argv.slice(1), {
      short: 'h',
      shortArg: 'nvx',
      long: { 'name=': 'n', 'value=': 'v', 'remove=': 'x', 'no-dereference': 'h' },
    });
  } catch (err) {
    return usage(ctx, 'setfattr', err);
  }
  const f = p.flags;
  const name = f.get('n');
  const remove = f.get('x');
  if ((name === undefined && remove === undefined) || p.operands.length === 0) {
    ctx.stderr(
      [
        'Usage: setfattr {-n name} [-v value] [-h] file...',
        '       setfattr {-x name} [-h] file...',
        "Try `setfattr --help' for more information.",
        '',
      ].join('\n'),
    );
    return 1;
  }
  const follow = !f.has('h');
  let status = 0;
  for (const path of p.operands) {
    try {
      if (remove !== undefined) ctx.proc.removexattr(path, remove, follow);
      else if (name !== undefined) ctx.proc.setxattr(path, name, decodeValue(f.get('v') ?? ''), follow);
    } catch (err) {
      if (isKernelError(err, 'ENODATA')) ctx.stderr(`setfattr: ${path}: No such attribute\n`);
      else ctx.stderr(`setfattr: ${path}: ${errText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

export const xattrCommands: CommandSpec[] = [
  {
    name: 'getfattr',
    run: getfattr,
    summary: 'show extended attributes (-d -m - -n NAME -e hex -h --absolute-names)',
    flags: ['-d', '-m', '-n', '-e', '-h', '--absolute-names'],
  },
  {
    name: 'setfattr',
    run: setfattr,
    summary: 'set or remove an extended attribute (-n NAME -v VALUE, -x NAME)',
    flags: ['-n', '-v', '-x', '-h'],
  },
];
