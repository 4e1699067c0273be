// dd: GNU coreutils 8.32 on the host (Ubuntu 22.04's), busybox's applet in a busybox-based
// container. if= of= bs= ibs= obs= count= skip= seek=, conv=notrunc,fsync,fdatasync,sync,noerror,
// excl,nocreat,ucase,lcase,swab, iflag=fullblock,count_bytes,skip_bytes, oflag=append,seek_bytes
// (direct, dsync, sync, nonblock, noatime, nocache accepted: they change nothing here), status=
// none|noxfer|progress, and the summary on stderr as each prints it ("10+0 records in" …; GNU's
// "10485760 bytes (10 MB, 10 MiB) copied, 0.01 s, 1.0 GB/s", timed by the simulated clock).
// `dd if=/dev/zero of=big bs=1M count=100` writes a file whose bytes are made on read
// (src/kernel/synthetic.ts: seed 0 is zeros, /dev/urandom a seeded stream): 100 MB on the
// simulated disk, not in memory.
import {
  type BlockRanges,
  blocksOfBytes,
  clipBlocks,
  composeContent,
  denseBlocks,
  intersectBlocks,
  minusBlocks,
  unionBlocks,
  concatBytes,
  contentSize,
  type FileContent,
  isKernelError,
  KernelError,
  makedev,
  readRange,
  type Stat,
  sliceContent,
  syntheticContent,
} from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { busyboxUsage } from '../busybox/index.js';
import { parseDd, type DdArgs, DdUsage } from './dd-args.js';
import { busyboxSummary, gnuSummary } from './dd-summary.js';

/** Where the bytes come from: an endless device, a file's bytes, or stdin. */
type Source =
  | { kind: 'zero' | 'random' }
  | { kind: 'bytes'; bytes: FileContent }
  | { kind: 'stream'; read: (max: number) => Promise<Uint8Array | null> };

export interface Tally {
  inFull: number;
  inPartial: number;
  outFull: number;
  outPartial: number;
  bytes: number;
  truncated: number;
}

const busybox = (ctx: CommandContext): boolean => ctx.variant?.kind === 'busybox';

function errno(err: unknown): string {
  if (isKernelError(err)) return err.text;
  throw err;
}

function deviceKind(st: Stat | undefined): 'zero' | 'random' | 'null' | undefined {
  if (st?.type !== 'chr') return undefined;
  if (st.rdev === makedev(1, 5)) return 'zero';
  if (st.rdev === makedev(1, 8) || st.rdev === makedev(1, 9)) return 'random';
  if (st.rdev === makedev(1, 3)) return 'null';
  return undefined;
}

function openSource(ctx: CommandContext, a: DdArgs): Source {
  if (a.if === undefined) {
    const input = ctx.input;
    if (input) return { kind: 'stream', read: (max) => input.read(max) };
    return { kind: 'bytes', bytes: ctx.stdin };
  }
  const path = a.if;
  const st = ctx.proc.stat(path);
  const device = deviceKind(st);
  if (device === 'zero' || device === 'random') return { kind: device };
  if (device === 'null') return { kind: 'bytes', bytes: new Uint8Array(0) };
  // A directory opens; reading it fails (EISDIR), as read(2) of one does.
  if (st.type === 'dir') return { kind: 'stream', read: () => Promise.reject(new KernelError('EISDIR', 'read', path)) };
  // A file whose bytes are made on read stays a description: read a block at a time.
  return { kind: 'bytes', bytes: ctx.proc.readContent(path) };
}

/** Reads the source block by block: each read gives at most ibs bytes (a short one is a partial
 * record); fullblock gathers short reads of a pipe into whole blocks. */
async function* blocks(ctx: CommandContext, src: Source, a: DdArgs, skipBytes: number): AsyncGenerator<Uint8Array> {
  let pos = 0;
  let skip = skipBytes;
  const take = async (max: number): Promise<Uint8Array | null> => {
    if (src.kind === 'zero') return new Uint8Array(max);
    if (src.kind === 'random') return ctx.proc.kernel.random.fill(new Uint8Array(max));
    if (src.kind === 'bytes') {
      if (pos >= contentSize(src.bytes)) return null;
      const out = readRange(src.bytes, pos, max);
      pos += out.length;
      return out;
    }
    return src.kind === 'stream' ? src.read(max) : null;
  };
  while (skip > 0) {
    const got = await take(Math.min(skip, 1 << 20));
    if (!got) break;
    skip -= got.length;
  }
  let left = a.countBytes ?? Number.POSITIVE_INFINITY;
  while (left > 0) {
    ctx.budget.tick();
    const want = Math.min(a.ibs, left);
    let block = await take(want);
    if (!block) return;
    if (a.iflag.has('fullblock') && block.length < want) {
      const parts = [block];
      let n = block.length;
      while (n < want) {
        const more = await take(want - n);
        if (!more) break;
        parts.push(more);
        n += more.length;
      }
      block = concatBytes(parts);
    }
    left -= block.length;
    yield block;
  }
}

function convert(block: Uint8Array, a: DdArgs): Uint8Array {
  let b = block;
  if (a.conv.has('sync') && b.length < a.ibs) {
    const padded = new Uint8Array(a.ibs);
    padded.set(b);
    b = padded;
  }
  if (a.conv.has('swab')) {
    b = b.slice();
    for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1] as number, b[i] as number];
  }
  if (a.conv.has('ucase') || a.conv.has('lcase')) {
    b = b.map((c) => {
      if (a.conv.has('ucase') && c >= 0x61 && c <= 0x7a) return c - 32;
      if (a.conv.has('lcase') && c >= 0x41 && c <= 0x5a) return c + 32;
      return c;
    });
  }
  return b;
}

async function dd(ctx: CommandContext): Promise<number> {
  const bb = busybox(ctx);
  let a: DdArgs;
  try {
    a = parseDd(ctx.argv.slice(1), bb);
  } catch (err) {
    if (!(err instanceof DdUsage)) throw err;
    if (err.usage && bb && ctx.variant) ctx.stderr(busyboxUsage(ctx, 'dd', ctx.variant.binary) ?? '');
    else ctx.stderr(err.message);
    return 1;
  }
  if (a.help) {
    ctx.stdout(a.help);
    return 0;
  }
  const clock = ctx.proc.kernel.clock;
  const started = clock.now();
  const t: Tally = { inFull: 0, inPartial: 0, outFull: 0, outPartial: 0, bytes: 0, truncated: 0 };
  const summary = (): void => {
    if (a.status === 'none') return;
    const seconds = Math.max(0, clock.now() - started) / 1000;
    ctx.stderr(bb ? busyboxSummary(ctx, t, seconds, a.status) : gnuSummary(t, seconds, a.status));
  };
  const name = (p: string): string => `'${p}'`;
  let src: Source;
  try {
    src = openSource(ctx, a);
  } catch (err) {
    ctx.stderr(
      bb
        ? `dd: can't open ${name(a.if ?? '')}: ${errno(err)}\n`
        : `dd: failed to open ${name(a.if ?? '')}: ${errno(err)}\n`,
    );
    return 1;
  }
  const skipBytes = a.iflag.has('skip_bytes') ? a.skip : a.skip * a.ibs;
  const seekBytes = a.oflag.has('seek_bytes') ? a.seek : a.seek * a.obs;
  // The output file: opened (created, truncated at the seek unless notrunc) before any read.
  let existing: FileContent | undefined;
  /** The output's blocks before dd wrote (a seek leaves what lies before it as it was: holes stay holes). */
  let existingBlocks: BlockRanges = [];
  /** Those of them fallocate left unwritten: what dd writes over is written. */
  let existingUnwritten: BlockRanges = [];
  if (a.of !== undefined) {
    try {
      const st = tryStat(ctx, a.of);
      if (st?.type === 'dir') throw new KernelError('EISDIR', 'open', a.of);
      if (a.conv.has('excl') && st) throw new KernelError('EEXIST', 'open', a.of);
      if (a.conv.has('nocreat') && !st) throw new KernelError('ENOENT', 'open', a.of);
      if (st === undefined || st.type === 'file') {
        const notrunc = a.conv.has('notrunc') || a.oflag.has('append');
        if (notrunc || seekBytes > 0) {
          // Kept as its description and written back whole with the blocks put in (the simulated
          // disk writes at 0 or appends): a described file stays described.
          // Opened for writing first: through an overlay that copies the file up, holes and all.
          if (st) ctx.proc.open(a.of, { write: true });
          const before = st ? ctx.proc.readContent(a.of) : new Uint8Array(0);
          existing = notrunc ? before : sliceContent(before, 0, seekBytes);
          const blocks = st ? (ctx.proc.allocation(a.of) ?? denseBlocks(st.size)) : [];
          existingBlocks = notrunc ? blocks : clipBlocks(blocks, seekBytes);
          if (st) existingUnwritten = intersectBlocks(ctx.proc.unwrittenBlocks(a.of), existingBlocks);
        }
        ctx.proc.writeContent(a.of, existing ?? new Uint8Array(0));
      }
    } catch (err) {
      const why = errno(err);
      ctx.stderr(bb ? `dd: can't open ${name(a.of)}: ${why}\n` : `dd: failed to open ${name(a.of)}: ${why}\n`);
      return 1;
    }
  }
  // A whole new file from an endless device: kept as a file whose bytes are made on read.
  const plain = a.conv.size === 0 || [...a.conv].every((c) => c === 'fsync' || c === 'fdatasync' || c === 'notrunc');
  const regular = a.of !== undefined && tryStat(ctx, a.of)?.type === 'file';
  const fileSlice = src.kind === 'bytes' && !(src.bytes instanceof Uint8Array) && a.ibs === a.obs;
  if (
    a.of !== undefined &&
    regular &&
    existing === undefined &&
    (((src.kind === 'zero' || src.kind === 'random') && a.countBytes !== undefined) || fileSlice) &&
    plain
  ) {
    let content: FileContent;
    if (src.kind === 'bytes') {
      // A described file (a stand-in binary, a dd'd file): the copy is a slice of the description.
      content = sliceContent(src.bytes, skipBytes, skipBytes + (a.countBytes ?? contentSize(src.bytes)));
    } else {
      const [a0 = 1, a1 = 0, a2 = 0, a3 = 0] = ctx.proc.kernel.random.fill(new Uint8Array(4));
      const seed = src.kind === 'zero' ? 0 : (a0 | (a1 << 8) | (a2 << 16) | (a3 << 24)) >>> 0 || 1;
      content = syntheticContent(a.countBytes ?? 0, seed);
    }
    const total = contentSize(content);
    let written = total;
    let failed: unknown;
    try {
      ctx.proc.writeContent(a.of, content);
    } catch (err) {
      if (!isKernelError(err, 'ENOSPC')) {
        ctx.stderr(`dd: error writing ${name(a.of)}: ${errno(err)}\n`);
        return 1;
      }
      // A full filesystem took the first bytes: the block that did not fit was read, not written.
      written = err.written;
      failed = err;
    }
    // On a failed write the block that did not fit (wholly) was read; of what went out, only whole
    // blocks count (GNU's and busybox's dd leave a short write out of the records).
    const read = failed === undefined ? written : Math.min(total, (Math.floor(written / a.ibs) + 1) * a.ibs);
    t.inFull = Math.floor(read / a.ibs);
    t.inPartial = read % a.ibs > 0 ? 1 : 0;
    t.outFull = Math.floor(written / a.obs);
    t.outPartial = failed === undefined && written % a.obs > 0 ? 1 : 0;
    t.bytes = written;
    if (failed !== undefined) ctx.stderr(`dd: error writing ${name(a.of)}: ${errno(failed)}\n`);
    summary();
    return failed === undefined ? 0 : 1;
  }
  const out: Uint8Array[] = [];
  let status = 0;
  try {
    for await (const raw of blocks(ctx, src, a, skipBytes)) {
      if (raw.length === a.ibs) t.inFull++;
      else t.inPartial++;
      const block = convert(raw, a);
      if (a.ibs === a.obs) {
        if (block.length === a.obs) t.outFull++;
        else t.outPartial++;
      }
      t.bytes += block.length;
      if (a.of === undefined) await ctx.stdout(block);
      else if (existing === undefined) {
        const written = writeBlock(ctx, a.of, block);
        if (written !== undefined) {
          // write(2) took part of the block (or none) and the next write failed: dd says so after
          // counting what went out (GNU and busybox alike).
          if (a.ibs === a.obs) {
            if (block.length === a.obs) t.outFull--;
            else t.outPartial--;
          }
          t.bytes -= block.length - written.bytes;
          if (a.ibs !== a.obs) t.outFull = Math.floor(t.bytes / a.obs);
          ctx.stderr(`dd: error writing ${name(a.of)}: ${written.why}\n`);
          summary();
          return 1;
        }
      } else out.push(block);
    }
  } catch (err) {
    if (!isKernelError(err)) throw err;
    if (bb) {
      // busybox stops at once, without its summary.
      ctx.stderr(`dd: ${a.if ?? 'standard input'}: ${err.text}\n`);
      return 1;
    }
    ctx.stderr(`dd: error reading ${name(a.if ?? '')}: ${err.text}\n`);
    status = 1;
  }
  if (a.ibs !== a.obs) {
    t.outFull = Math.floor(t.bytes / a.obs);
    t.outPartial = t.bytes % a.obs > 0 ? 1 : 0;
  }
  if (a.of !== undefined && existing !== undefined && regular) {
    const data = concatBytes(out);
    const size = contentSize(existing);
    const whole = a.oflag.has('append')
      ? composeContent([existing, data])
      : composeContent([
          sliceContent(existing, 0, seekBytes),
          syntheticContent(Math.max(0, seekBytes - size), 0), // a seek past the end leaves a hole
          data,
          sliceContent(existing, seekBytes + data.length, size),
        ]);
    ctx.proc.writeContent(a.of, whole);
    const at = a.oflag.has('append') ? size : seekBytes;
    const written: BlockRanges = data.length ? [blocksOfBytes(at, at + data.length)] : [];
    ctx.proc.setAllocation(a.of, unionBlocks(existingBlocks, written), minusBlocks(existingUnwritten, written));
  }
  summary();
  return status;
}

/** Appends a block to the output file: undefined when it all went in, else how much did and why
 * the rest did not (ENOSPC on a full tmpfs, /dev/full). A short write is in no record's count. */
function writeBlock(ctx: CommandContext, path: string, block: Uint8Array): { bytes: number; why: string } | undefined {
  try {
    ctx.proc.writeFile(path, block, { append: true });
    return undefined;
  } catch (err) {
    if (!isKernelError(err)) throw err;
    return { bytes: err.written, why: err.text };
  }
}

function tryStat(ctx: CommandContext, path: string): Stat | undefined {
  try {
    return ctx.proc.stat(path);
  } catch (err) {
    if (isKernelError(err, 'ENOENT')) return undefined;
    throw err;
  }
}

export const ddCommand: CommandSpec = {
  name: 'dd',
  summary: 'copy and convert a file block by block (if= of= bs= count= skip= seek= conv= status=)',
  run: dd,
  streaming: true,
};
