// fallocate (util-linux 2.38; busybox's applet in a container): allocate a file's blocks, punch
// holes in it (-p), zero a range (-z) or dig holes where its blocks hold only zeros (-d). The disk
// keeps which blocks hold data (src/kernel/allocation.ts): what fallocate allocates is unwritten,
// zeros that SEEK_DATA passes as a hole, so -d digs nothing there (ext4 and tmpfs alike). Not
// modelled: -c and -i.
import {
  BLOCK_SIZE,
  type BlockRanges,
  blocksOfBytes,
  contentSize,
  composeContent,
  denseBlocks,
  minusBlocks,
  isKernelError,
  KernelError,
  nonZeroBlocks,
  type Proc,
  sliceContent,
  syntheticContent,
  unionBlocks,
  withoutBlocks,
} from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { busyboxUsage } from '../busybox/index.js';
import { errText, parseOptions, usage } from '../options.js';
import { tryStat } from './lookup.js';

import { busybox, busyboxSize, gnuSize } from './truncate.js';

/** util-linux's size_to_human_string: "3 MiB", "1.5 GiB", "0 B". */
function humanSize(bytes: number): string {
  let exp = 0;
  while (exp < 60 && bytes >= 2 ** (exp + 10)) exp += 10;
  if (exp === 0) return `${bytes} B`;
  const whole = Math.floor(bytes / 2 ** exp);
  let frac = Math.round(((bytes - whole * 2 ** exp) / 2 ** exp) * 10);
  let dec = whole;
  if (frac === 10) {
    dec++;
    frac = 0;
  }
  return `${dec}${frac ? `.${frac}` : ''} ${'KMGTPE'[exp / 10 - 1]}iB`;
}

/** Bytes [offset, offset + length) of the file zeroed (a punched or zeroed range reads as zeros). */
function zeroRange(proc: Proc, path: string, offset: number, length: number): void {
  const before = proc.readContent(path);
  const size = contentSize(before);
  const end = Math.min(size, offset + length);
  if (end <= offset) return;
  const blocks = proc.allocation(path) ?? denseBlocks(size);
  const unwritten = proc.unwrittenBlocks(path);
  proc.writeContent(
    path,
    composeContent([
      sliceContent(before, 0, offset),
      syntheticContent(end - offset, 0),
      sliceContent(before, end, size),
    ]),
  );
  proc.setAllocation(path, blocks, unwritten);
}

/** The file made at least `end` bytes long, its new bytes zeros (fallocate without -n). */
function extendTo(proc: Proc, path: string, end: number): void {
  if (proc.stat(path).size < end) proc.truncate(path, end);
}

/** Mode 0 (and -z's allocation): the blocks of the range that were holes are allocated unwritten;
 * those that held data keep it. */
function allocate(proc: Proc, path: string, offset: number, length: number, keepSize: boolean): void {
  const before = proc.allocation(path) ?? denseBlocks(proc.stat(path).size);
  const unwritten = proc.unwrittenBlocks(path);
  if (!keepSize) extendTo(proc, path, offset + length);
  const range = [blocksOfBytes(offset, offset + length)];
  proc.setAllocation(path, unionBlocks(before, range), unionBlocks(unwritten, minusBlocks(range, before)));
}

async function fallocate(ctx: CommandContext): Promise<number> {
  const bb = busybox(ctx);
  let p;
  try {
    p = parseOptions('fallocate', ctx.argv.slice(1), {
      short: bb ? '' : 'cdinpxzvh',
      shortArg: 'lo',
      long: bb
        ? {}
        : {
            'collapse-range': 'c',
            'dig-holes': 'd',
            'insert-range': 'i',
            'keep-size': 'n',
            'punch-hole': 'p',
            posix: 'x',
            'zero-range': 'z',
            verbose: 'v',
            'length=': 'l',
            'offset=': 'o',
          },
    });
  } catch (err) {
    return usage(ctx, 'fallocate', err);
  }
  const f = p.flags;
  const say = (text: string): number => {
    ctx.stderr(`fallocate: ${text}\n`);
    return 1;
  };
  const parse = (text: string | undefined): number | undefined =>
    text === undefined ? undefined : bb ? busyboxSize(text) : gnuSize(text);
  if (bb) {
    const length = parse(f.get('l'));
    const offset = parse(f.get('o') ?? '0');
    const file = p.operands[0];
    if (f.get('l') === undefined || file === undefined || p.operands.length > 1) {
      ctx.stderr(busyboxUsage(ctx, 'fallocate', ctx.variant?.binary ?? '/bin/busybox') ?? '');
      return 1;
    }
    if (length === undefined || offset === undefined)
      return say(`invalid number '${length === undefined ? f.get('l') : f.get('o')}'`);
    try {
      if (!tryStat(ctx.proc, file)) ctx.proc.writeFile(file, new Uint8Array(0), { create: true }, 0o666);
      allocate(ctx.proc, file, offset, length, false);
    } catch (err) {
      return say(`can't open '${file}': ${errText(err)}`);
    }
    return 0;
  }
  const file = p.operands[0];
  if (file === undefined) return say('no filename specified');
  if (p.operands.length > 1) {
    ctx.stderr(`fallocate: unexpected number of arguments\nTry 'fallocate --help' for more information.\n`);
    return 1;
  }
  const dig = f.has('d');
  if (f.has('c') || f.has('i'))
    return say(`-${f.has('c') ? 'c' : 'i'}: not simulated here (allocation, -d, -p, -z and -n are)`);
  const lengthText = f.get('l');
  const length = parse(lengthText);
  const offset = parse(f.get('o') ?? '0');
  if (!dig) {
    if (lengthText === undefined) return say('no length argument specified');
    if (length === undefined || length <= 0) return say('invalid length value specified');
  }
  if (offset === undefined) return say('invalid offset value specified');
  // Only a plain allocation creates the file (util-linux opens with O_CREAT for no mode but that).
  const plain = !dig && !f.has('p') && !f.has('z') && !f.has('n');
  try {
    const st = tryStat(ctx.proc, file);
    if (st?.type === 'dir') ctx.proc.writeFile(file, new Uint8Array(0), { create: false }, 0o644);
    if (!st) {
      if (!plain) ctx.proc.readContent(file);
      ctx.proc.writeFile(file, new Uint8Array(0), { create: true }, 0o644);
    }
  } catch (err) {
    return say(`cannot open ${file}: ${errText(err)}`);
  }
  // Opened for writing: through an overlay that copies the file up first.
  ctx.proc.open(file, { write: true });
  if (dig) {
    const dug = digHoles(ctx.proc, file, offset, length ?? 0);
    if (f.has('v')) ctx.stdout(`${file}: ${humanSize(dug)} (${dug} bytes) converted to sparse holes.\n`);
    return 0;
  }
  const len = length as number;
  try {
    if (f.has('p')) punchHole(ctx.proc, file, offset, len);
    else if (f.has('z')) {
      // shmem_fallocate knows no FALLOC_FL_ZERO_RANGE.
      if (ctx.proc.mountOf(file).fstype === 'tmpfs') throw new KernelError('EOPNOTSUPP', 'fallocate', file);
      zeroRange(ctx.proc, file, offset, len);
      allocate(ctx.proc, file, offset, len, f.has('n'));
    } else allocate(ctx.proc, file, offset, len, f.has('n'));
    const what = f.has('p') ? 'hole created' : f.has('z') ? 'zeroed' : 'allocated';
    if (f.has('v')) ctx.stdout(`${file}: ${humanSize(len)} (${len} bytes) ${what}.\n`);
  } catch (err) {
    if (isKernelError(err)) return say(`fallocate failed: ${err.text}`);
    throw err;
  }
  return 0;
}

/** FALLOC_FL_PUNCH_HOLE: the range reads as zeros and the whole blocks in it are freed (ext4
 * takes a range past the end to the end of the file's last block). */
function punchHole(proc: Proc, path: string, offset: number, length: number): void {
  const size = proc.stat(path).size;
  const blocks = proc.allocation(path) ?? denseBlocks(size);
  zeroRange(proc, path, offset, length);
  const end = offset + length > size ? Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE : offset + length;
  proc.setAllocation(path, withoutBlocks(blocks, Math.ceil(offset / BLOCK_SIZE), Math.floor(end / BLOCK_SIZE)));
}

/** lseek(SEEK_DATA) and lseek(SEEK_HOLE) over a file's blocks (a file's end is a hole). */
function seekData(blocks: BlockRanges, pos: number): number | undefined {
  for (const [s, e] of blocks) if (e * BLOCK_SIZE > pos) return Math.max(s * BLOCK_SIZE, pos);
  return undefined;
}
function seekHole(blocks: BlockRanges, pos: number, size: number): number {
  for (const [s, e] of blocks) if (s * BLOCK_SIZE <= pos && e * BLOCK_SIZE > pos) return Math.min(size, e * BLOCK_SIZE);
  return Math.min(size, pos);
}

/**
 * fallocate -d as util-linux 2.38 digs: each run of data (SEEK_DATA to SEEK_HOLE) is read a block
 * at a time, and a run of zero blocks is punched when data follows it or its run ends — a block
 * more at a run's end, and the count of zeros carried into the next run, as that version does (a
 * zero block before a hole, zeros after it, and the file's last block is left). Returns the count.
 */
function digHoles(proc: Proc, path: string, offset: number, length: number): number {
  const size = proc.stat(path).size;
  const content = proc.readContent(path);
  const nonZero = nonZeroBlocks(content);
  const zeros = (from: number, to: number): boolean =>
    !nonZero.some(([s, e]) => s * BLOCK_SIZE < to && e * BLOCK_SIZE > from);
  let blocks = proc.allocation(path) ?? denseBlocks(size);
  // SEEK_DATA's view: the unwritten blocks are holes, so they are never read nor dug.
  const unwritten = proc.unwrittenBlocks(path);
  const punch = (from: number, len: number): void => {
    const end = from + len > size ? Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE : from + len;
    blocks = withoutBlocks(blocks, Math.ceil(from / BLOCK_SIZE), Math.floor(end / BLOCK_SIZE));
  };
  const fileEnd = length ? offset + length : 0;
  let fileOff = offset;
  let count = 0;
  let holeStart = 0;
  let holeSize = 0;
  while (fileEnd === 0 || fileOff < fileEnd) {
    const data = minusBlocks(blocks, unwritten);
    let off = seekData(data, fileOff);
    if (off === undefined || off >= size || (fileEnd && off >= fileEnd)) break;
    let end = seekHole(data, off, size);
    if (fileEnd && end > fileEnd) end = fileEnd;
    while (off < end) {
      let n = Math.min(BLOCK_SIZE, size - off);
      if (off > end - n) n = end - off;
      if (n <= 0) break;
      if (zeros(off, off + n)) {
        if (!holeSize) holeStart = off;
        holeSize += n;
      } else if (holeSize) {
        punch(holeStart, holeSize);
        count += holeSize;
        holeSize = holeStart = 0;
      }
      off += n;
    }
    if (holeSize) {
      punch(holeStart, holeSize + (off >= end ? BLOCK_SIZE : 0));
      count += holeSize;
    }
    fileOff = off;
  }
  proc.setAllocation(path, blocks);
  return count;
}

export const fallocateCommand: CommandSpec = {
  name: 'fallocate',
  run: fallocate,
  summary: 'allocate blocks of a file, punch holes (-p) or dig them where zeros are (-d)',
  flags: ['-l', '-o', '-n', '-p', '-d', '-z', '-v'],
};
