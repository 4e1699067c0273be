// sha256sum, sha1sum and md5sum (GNU coreutils): `<hex>  <name>` lines, `-` for stdin, -b/-t
// markers, and -c to check a list, with GNU's OK/FAILED lines and WARNING summary.
import { hashContentHex } from '../../../docker/digest.js';
import { contentBytes, type FileContent } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, withUsage } from '../options.js';
import { readOperand, stdinContent, text } from './operands.js';

/** A file's content hashed in chunks (a 187 MB synthetic layer tar is never held whole). */
function digest(algo: string, data: FileContent): string {
  return hashContentHex(algo, data);
}

/** readOperand, but a file is read as its content's description where the disk keeps one, and so
 * is a pipe's (docker save nginx | sha256sum hashes 187 MB without holding them). */
async function readHashed(
  ctx: CommandContext,
  file: string,
  stdin: { used: boolean },
): Promise<ReturnType<typeof readOperand> | { ok: true; data: FileContent }> {
  if (file === '-') return { ok: true, data: await stdinContent(ctx, stdin) };
  try {
    return { ok: true, data: ctx.proc.readContent(file) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** GNU escapes a name holding a backslash or newline and marks the line with a leading `\`. */
function escapeName(name: string): [string, string] {
  if (!/[\\\n\r]/.test(name)) return ['', name];
  return ['\\', name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')];
}

async function check(ctx: CommandContext, algo: string, files: string[], opts: Set<string>): Promise<number> {
  const name = ctx.argv[0];
  const hexLen = digest(algo, new Uint8Array()).length;
  let failed = 0;
  let unreadable = 0;
  let badLines = 0;
  let good = 0;
  const stdin = { used: false };
  let status = 0;
  for (const list of files.length > 0 ? files : ['-']) {
    const r =
      list === '-'
        ? { ok: true as const, data: contentBytes(await stdinContent(ctx, stdin)) }
        : readOperand(ctx, list, stdin);
    if (!r.ok) {
      ctx.stderr(`${name}: ${list}: ${errText(r.error)}\n`);
      status = 1;
      continue;
    }
    for (const line of text(r.data).split('\n')) {
      if (line === '') continue;
      const m = new RegExp(`^\\\\?([0-9a-fA-F]{${hexLen}}) [ *](.+)$`).exec(line);
      if (!m) {
        badLines++;
        continue;
      }
      const [, sum = '', file = ''] = m;
      const data = await readHashed(ctx, file, stdin);
      if (!data.ok) {
        ctx.stderr(`${name}: ${file}: ${errText(data.error)}\n`);
        ctx.stdout(`${file}: FAILED open or read\n`);
        unreadable++;
        continue;
      }
      const ok = digest(algo, data.data) === sum.toLowerCase();
      if (ok) good++;
      else failed++;
      if (!(ok && (opts.has('quiet') || opts.has('status'))) && !opts.has('status'))
        ctx.stdout(`${file}: ${ok ? 'OK' : 'FAILED'}\n`);
    }
  }
  if (!opts.has('status')) {
    if (badLines > 0)
      ctx.stderr(`${name}: WARNING: ${badLines} line${badLines > 1 ? 's are' : ' is'} improperly formatted\n`);
    if (unreadable > 0)
      ctx.stderr(`${name}: WARNING: ${unreadable} listed file${unreadable > 1 ? 's' : ''} could not be read\n`);
    if (failed > 0) ctx.stderr(`${name}: WARNING: ${failed} computed checksum${failed > 1 ? 's' : ''} did NOT match\n`);
  }
  if (good === 0 && failed === 0 && unreadable === 0) {
    ctx.stderr(`${name}: ${files[0] ?? 'standard input'}: no properly formatted checksum lines found\n`);
    return 1;
  }
  return failed > 0 || unreadable > 0 || status !== 0 ? 1 : 0;
}

function make(cmd: string, algo: string): CommandSpec {
  const run = (ctx: CommandContext): Promise<number> =>
    withUsage(ctx, 1, async () => {
      const { opts, operands } = parseOptions(cmd, ctx.argv.slice(1), {
        short: 'bctwz',
        long: {
          binary: 'b',
          check: 'c',
          text: 't',
          quiet: 'quiet',
          status: 'status',
          warn: 'w',
          tag: 'tag',
          strict: 'strict',
        },
      });
      const o = new Set(opts.map(([k]) => k));
      if (o.has('c')) return check(ctx, algo, operands, o);
      const files = operands.length > 0 ? operands : ['-'];
      const stdin = { used: false };
      let status = 0;
      for (const f of files) {
        const r = await readHashed(ctx, f, stdin);
        if (!r.ok) {
          ctx.stderr(`${cmd}: ${f}: ${errText(r.error)}\n`);
          status = 1;
          continue;
        }
        const [mark, shown] = escapeName(f);
        const hex = digest(algo, r.data);
        if (o.has('tag')) ctx.stdout(`${mark}${algo === 'md5' ? 'MD5' : algo.toUpperCase()} (${shown}) = ${hex}\n`);
        else ctx.stdout(`${mark}${hex} ${o.has('b') ? '*' : ' '}${shown}\n`);
      }
      return status;
    });
  return {
    name: cmd,
    summary: `compute and check ${algo.toUpperCase()} message digest`,
    flags: ['-c', '-b', '-t', '--tag', '--quiet', '--status'],
    run,
    streaming: true, // (to take a pipe's content described, not to read it as it comes)
  };
}

export const sha256sum = make('sha256sum', 'sha256');
export const sha1sum = make('sha1sum', 'sha1');
export const md5sum = make('md5sum', 'md5');
