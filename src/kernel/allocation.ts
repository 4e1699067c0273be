// Which 4 KiB blocks of a regular file hold data on the disk: a sparse file's holes take none.
// `truncate -s 1G f`, dd's seek past the end and fallocate's punched holes leave blocks out;
// reading them gives zeros all the same (the content keeps zeros there as a described range, not
// bytes). A file the disk keeps no map for has every block of its size (a dense file), which is
// what any plain write gives. Blocks fallocate(2) allocated and nothing has written since are
// unwritten (ext4's unwritten extents, tmpfs' falloc'd pages): they count in st_blocks and read as
// zeros, but lseek(SEEK_DATA) passes over them as holes, so what copies by SEEK_DATA (overlayfs'
// copy-up, fallocate -d) skips them. (On ext4 a read that brings them into the page cache makes
// them data to SEEK_DATA until the cache drops them; that passing state is not modelled.) st_blocks
// counts what is allocated, as ext4 counts it: 8 sectors a block, and one more block for the extent
// tree once the extents outgrow the four the inode holds.
import { type FileContent, isComposed } from './content.js';
import { isSynthetic, readSynthetic, type SyntheticContent } from './synthetic.js';

export const BLOCK_SIZE = 4096;

/** Allocated blocks: sorted, disjoint, non-adjacent [first, end) ranges of block numbers. */
export type BlockRanges = readonly (readonly [number, number])[];

/** The blocks a dense file of `size` bytes takes. */
export function denseBlocks(size: number): BlockRanges {
  const n = Math.ceil(size / BLOCK_SIZE);
  return n > 0 ? [[0, n]] : [];
}

/** The blocks bytes [start, end) touch: a write there allocates them. */
export function blocksOfBytes(start: number, end: number): [number, number] {
  return [Math.floor(start / BLOCK_SIZE), Math.ceil(end / BLOCK_SIZE)];
}

/** The union of two sets of ranges. */
export function unionBlocks(a: BlockRanges, b: BlockRanges): BlockRanges {
  const all = [...a, ...b].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The ranges without blocks [start, end). */
export function withoutBlocks(a: BlockRanges, start: number, end: number): BlockRanges {
  if (end <= start) return a;
  const out: [number, number][] = [];
  for (const [s, e] of a) {
    if (e <= start || s >= end) out.push([s, e]);
    else {
      if (s < start) out.push([s, start]);
      if (e > end) out.push([end, e]);
    }
  }
  return out;
}

/** The blocks of a that are also in b. */
export function intersectBlocks(a: BlockRanges, b: BlockRanges): BlockRanges {
  const out: [number, number][] = [];
  for (const [s, e] of a)
    for (const [t, f] of b) {
      const from = Math.max(s, t);
      const to = Math.min(e, f);
      if (to > from) out.push([from, to]);
    }
  return unionBlocks(out, []);
}

/** The blocks of a that are not in b. */
export function minusBlocks(a: BlockRanges, b: BlockRanges): BlockRanges {
  return b.reduce((left, [s, e]) => withoutBlocks(left, s, e), a);
}

/** The ranges cut to a file of `size` bytes (truncate(2) frees the blocks past its new end). */
export function clipBlocks(a: BlockRanges, size: number): BlockRanges {
  return withoutBlocks(a, Math.ceil(size / BLOCK_SIZE), Number.POSITIVE_INFINITY);
}

/** How many blocks the ranges hold. */
export function blockCount(a: BlockRanges): number {
  let n = 0;
  for (const [s, e] of a) n += e - s;
  return n;
}

/** The extents ext4 maps the blocks with: one per run, split where unwritten blocks begin or end
 * and every 32768 blocks (32767 for an unwritten extent). */
export function extentCount(a: BlockRanges, unwritten: BlockRanges = []): number {
  let n = 0;
  const count = (runs: BlockRanges, max: number): void => {
    for (const [s, e] of runs) n += Math.ceil((e - s) / max);
  };
  count(minusBlocks(a, unwritten), 32_768);
  count(intersectBlocks(a, unwritten), 32_767);
  return n;
}

/**
 * st_blocks (512-byte sectors) of an ext4 file with these blocks: 8 a block, and a block of the
 * extent tree for a file of more than the four extents its inode holds (separate runs of data, or
 * over 512 MiB) — once writeback has allocated the blocks (`sync`): delayed allocation counts the
 * data alone until then (measured: five 4 KiB writes with holes between, 40 sectors, 48 after sync).
 */
export function ext4Sectors(a: BlockRanges, unwritten: BlockRanges = [], writtenBack = false): number {
  const tree = writtenBack && extentCount(a, unwritten) > 4 ? 1 : 0;
  return (blockCount(a) + tree) * (BLOCK_SIZE / 512);
}

/** overlayfs copies up this much at a time (OVL_COPY_UP_CHUNK_SIZE). */
const COPY_UP_CHUNK = 1 << 20;

/**
 * The blocks a file copied up by overlayfs takes in the upper layer (ovl_copy_up_file on this
 * kernel: holes are skipped with SEEK_DATA, but from each place data starts it copies a whole
 * megabyte, the zeros of a hole inside that megabyte written as data). A lower file with one byte
 * at its start and a 1 GiB hole after it copies up to 1 MiB of blocks (measured: 2048 sectors).
 */
export function copyUpBlocks(lower: BlockRanges, size: number): BlockRanges {
  const out: [number, number][] = [];
  let pos = 0;
  for (;;) {
    const data = seekData(lower, pos);
    if (data === undefined || data >= size) break;
    const end = Math.min(size, data + COPY_UP_CHUNK);
    out.push(blocksOfBytes(data, end));
    pos = end;
  }
  return unionBlocks(out, []);
}

/** lseek(SEEK_DATA): the first byte at or after pos in an allocated block. */
function seekData(a: BlockRanges, pos: number): number | undefined {
  for (const [s, e] of a) {
    if (e * BLOCK_SIZE <= pos) continue;
    return Math.max(pos, s * BLOCK_SIZE);
  }
  return undefined;
}

/**
 * The blocks of the content that hold a byte other than zero (a block past the content's end
 * counts as zeros): what `cp --sparse=always` writes and `fallocate -d` keeps. A described range
 * of zeros is known to be zeros without making its bytes; a generated stream is taken as holding
 * no whole block of zeros (its 4096 bytes would all have to come out zero).
 */
export function nonZeroBlocks(c: FileContent): BlockRanges {
  const out: [number, number][] = [];
  const bytes = (b: Uint8Array, at: number): void => {
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0) continue;
      // one byte other than zero makes its whole block data: go on from the block's end
      const block = Math.floor((at + i) / BLOCK_SIZE);
      out.push([block, block + 1]);
      i = (block + 1) * BLOCK_SIZE - at - 1;
    }
  };
  const synthetic = (s: SyntheticContent, offset: number, length: number, at: number): void => {
    if (s.seed !== 0) {
      if (length > 0) out.push(blocksOfBytes(at, at + length));
      return;
    }
    const head = s.head.length;
    if (offset < head) {
      const part = new Uint8Array(Math.min(length, head - offset));
      readSynthetic(s, offset, part);
      bytes(part, at);
    }
  };
  if (c instanceof Uint8Array) bytes(c, 0);
  else if (isSynthetic(c)) synthetic(c, 0, c.size, 0);
  else if (isComposed(c))
    c.pieces.forEach((p, i) => {
      const at = c.starts[i] as number;
      if (p instanceof Uint8Array) bytes(p, at);
      else synthetic(p.source, p.offset, p.length, at);
    });
  return unionBlocks(out, []);
}
