// gzip, gunzip and zcat (GNU gzip 1.10/1.12): what a learner does with layerdb's tar-split.json.gz —
// zcat it, gunzip -c, gzip -l (sizes and ratio as gzip prints them), gzip -t — and gzip/gunzip of a
// file in place (FILE becomes FILE.gz, its name and mtime in the header, as GNU writes them; the
// deflate bytes are zlib's, which GNU's own deflate does not always match). Errors in gzip's words.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';

interface Opts {
  stdout: boolean;
  decompress: boolean;
  list: boolean;
  test: boolean;
  keep: boolean;
  force: boolean;
  noName: boolean;
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** The header's FNAME and its length (10 bytes, plus FEXTRA, FNAME, FCOMMENT and FHCRC when set). */
function header(b: Uint8Array): { name?: string; length: number } {
  const flags = b[3] ?? 0;
  let at = 10;
  if (flags & 0x04) at += 2 + ((b[10] ?? 0) | ((b[11] ?? 0) << 8));
  let name: string | undefined;
  for (const bit of [0x08, 0x10]) {
    if (!(flags & bit)) continue;
    const end = b.indexOf(0, at);
    if (bit === 0x08) name = new TextDecoder('latin1').decode(b.subarray(at, end));
    at = end + 1;
  }
  if (flags & 0x02) at += 2;
  return { ...(name !== undefined ? { name } : {}), length: at };
}

/** gzip's member: FNAME (unless -n or stdin) and the file's mtime, then zlib's deflate and trailer. */
function compress(data: Uint8Array, name: string | undefined, mtimeMs: number): Uint8Array {
  const body = gzipSync(data).subarray(10);
  const nameBytes = name !== undefined ? new TextEncoder().encode(`${name}\0`) : new Uint8Array();
  const head = new Uint8Array(10 + nameBytes.length);
  const mtime = Math.floor(mtimeMs / 1000);
  head.set([0x1f, 0x8b, 8, name !== undefined ? 0x08 : 0, mtime & 0xff, (mtime >>> 8) & 0xff]);
  head.set([(mtime >>> 16) & 0xff, (mtime >>> 24) & 0xff, 0, 3], 6);
  head.set(nameBytes, 10);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** gzip -l's line: sizes in 19 columns, the ratio of the deflate stream to the input. */
function listLine(gz: Uint8Array, plain: Uint8Array, shownName: string): string {
  const deflated = gz.length - header(gz).length - 8;
  const ratio = plain.length === 0 ? 0 : ((plain.length - deflated) / plain.length) * 100;
  const pct = (Math.round(ratio * 10) / 10).toFixed(1);
  return `${String(gz.length).padStart(19)} ${String(plain.length).padStart(19)} ${pct.padStart(5)}% ${shownName}\n`;
}

function gzip(ctx: CommandContext): number {
  const name = ctx.argv[0]?.slice(ctx.argv[0].lastIndexOf('/') + 1) ?? 'gzip';
  let p;
  try {
    p = parseOptions('gzip', ctx.argv.slice(1), {
      short: 'cdltkfnqv123456789',
      long: {
        stdout: 'c',
        'to-stdout': 'c',
        decompress: 'd',
        uncompress: 'd',
        list: 'l',
        test: 't',
        keep: 'k',
        force: 'f',
        'no-name': 'n',
        quiet: 'q',
        verbose: 'v',
      },
    });
  } catch (err) {
    return usage(ctx, 'gzip', err);
  }
  const f = p.flags;
  const o: Opts = {
    stdout: f.has('c') || name === 'zcat',
    decompress: f.has('d') || name === 'gunzip' || name === 'zcat',
    list: f.has('l'),
    test: f.has('t'),
    keep: f.has('k'),
    force: f.has('f'),
    noName: f.has('n'),
  };
  let status = 0;
  let listed = false;
  const fail = (msg: string, code = 1): void => {
    ctx.stderr(`gzip: ${msg}\n`);
    status = Math.max(status, code);
  };
  for (const op of p.operands.length ? p.operands : ['-']) {
    const fromStdin = op === '-';
    let file = op;
    let data: Uint8Array;
    if (fromStdin) data = ctx.stdin;
    else {
      const unpacking = o.decompress || o.list || o.test;
      // gunzip FILE finds FILE.gz when FILE has no .gz of its own.
      if (unpacking && !/\.(gz|tgz|z)$/i.test(op) && !ctx.proc.exists(op)) file = `${op}.gz`;
      try {
        data = ctx.proc.readFile(file);
      } catch (err) {
        fail(`${file}: ${errText(err)}`);
        continue;
      }
    }
    const shown = fromStdin ? 'stdin' : file;
    if (o.list || o.test || o.decompress) {
      if (!isGzip(data)) {
        if (o.stdout && o.force) ctx.stdout(data);
        else {
          ctx.stderr('\n');
          fail(`${shown}: not in gzip format`);
        }
        continue;
      }
      let plain: Uint8Array;
      try {
        plain = gunzipSync(data);
      } catch {
        fail(`${shown}: invalid compressed data--format violated`);
        continue;
      }
      if (o.list) {
        if (!listed) ctx.stdout('         compressed        uncompressed  ratio uncompressed_name\n');
        listed = true;
        const stored = fromStdin ? 'stdout' : file.replace(/\.(gz|z)$/i, '');
        ctx.stdout(listLine(data, plain, fromStdin ? stored : stored));
        continue;
      }
      if (o.test) continue;
      if (o.stdout || fromStdin) {
        ctx.stdout(plain);
        continue;
      }
      const out = file.replace(/\.(gz|z)$/i, '') || file;
      if (!writeNew(ctx, out, plain, o, fail)) continue;
      if (!o.keep) ctx.proc.unlink(file);
      continue;
    }
    if (!fromStdin && /\.gz$/.test(file) && !o.stdout) {
      fail(`${file} already has .gz suffix -- unchanged`, 2);
      continue;
    }
    const mtime = fromStdin ? 0 : ctx.proc.stat(file).mtimeMs;
    const gz = compress(data, fromStdin || o.noName ? undefined : base(file), o.noName ? 0 : mtime);
    if (o.stdout || fromStdin) {
      ctx.stdout(gz);
      continue;
    }
    if (!writeNew(ctx, `${file}.gz`, gz, o, fail)) continue;
    if (!o.keep) ctx.proc.unlink(file);
  }
  return status;
}

/** Writes gzip's output file: one already there is kept (status 2) unless -f. */
function writeNew(
  ctx: CommandContext,
  path: string,
  data: Uint8Array,
  o: Opts,
  fail: (msg: string, code?: number) => void,
): boolean {
  if (ctx.proc.exists(path) && !o.force) {
    fail(`${path} already exists;\tnot overwritten`, 2);
    return false;
  }
  try {
    ctx.proc.writeFile(path, data);
  } catch (err) {
    fail(`${path}: ${errText(err)}`);
    return false;
  }
  return true;
}

function base(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

const summary = 'compress or expand files (-c -d -l -t -k -f -n); zcat FILE.gz prints it expanded';
export const gzipCommands: CommandSpec[] = ['gzip', 'gunzip', 'zcat'].map((n) => ({
  name: n,
  run: gzip,
  summary,
  flags: ['-c', '-d', '-l', '-t', '-k', '-f', '-n'],
}));
