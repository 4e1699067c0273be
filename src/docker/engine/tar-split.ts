// tar-split.json.gz: what lets the daemon rebuild a layer's original tar byte for byte from
// diff/ (vbatts/tar-split). JSON lines: type 2 segments carry raw header bytes (base64), type 1
// entries name the file whose data comes from disk, with the CRC-64/ISO of that data as their
// payload (base64; null for an entry without data), as tar-split's disassembler writes them.
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ContentBuilder,
  contentChunks,
  contentSize,
  type FileContent,
  isSynthetic,
  readRange,
  sliceContent,
} from '../../kernel/index.js';
import { crc64Iso } from '../crc64.js';
import { DaemonError } from './types.js';
import { emitLayerTar, type LayerEntry } from '../layer-tar.js';

/** Standard base64 with padding, as Go's encoding/json writes a []byte. */
function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}

const utf8 = new TextDecoder();

function cstr(b: Uint8Array, from: number, len: number): string {
  let end = from;
  while (end < from + len && b[end] !== 0) end++;
  return utf8.decode(b.subarray(from, end));
}

function octal(b: Uint8Array, from: number, len: number): number {
  const s = cstr(b, from, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

/** A file entry's line: the CRC-64 of its data as payload when it has data (tar-split checks
 * hdr.Size > 0), null otherwise. */
function fileLine(name: string, data: FileContent | undefined, position: number): string {
  const size = data ? contentSize(data) : 0;
  const payload = data && size > 0 ? b64(crc64Iso(contentChunks(data))) : null;
  return JSON.stringify({ type: 1, name, ...(size > 0 ? { size } : {}), payload, position });
}

/** tar-split of a layer tar, held or described (kernel/content.ts): only its headers are read. */
export function tarSplitLines(tar: FileContent): string {
  const lines: string[] = [];
  let pos = 0;
  let off = 0;
  let rawStart = 0;
  let paxPath: string | undefined;
  const total = contentSize(tar);
  const raw = (from: number, to: number) => readRange(tar, from, to - from);
  while (off + 512 <= total) {
    const h = readRange(tar, off, 512);
    if (isZero(h)) break;
    const size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156] as number);
    const dataLen = Math.ceil(size / 512) * 512;
    if (type === 'x' || type === 'g' || type === 'L') {
      const data = utf8.decode(raw(off + 512, off + 512 + size));
      const m = /\d+ path=([^\n]*)\n/.exec(data);
      if (m) paxPath = m[1];
      off += 512 + dataLen; // extended headers stay in the same raw segment as their header
      continue;
    }
    const prefix = cstr(h, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100));
    paxPath = undefined;
    off += 512;
    lines.push(JSON.stringify({ type: 2, payload: b64(raw(rawStart, off)), position: pos++ }));
    const hasData = type === '0' || type === '\0';
    lines.push(fileLine(name, hasData ? sliceContent(tar, off, off + size) : undefined, pos++));
    // The file's data is not stored; its padding goes with the next header's segment.
    rawStart = off + size;
    off += dataLen;
  }
  lines.push(JSON.stringify({ type: 2, payload: b64(raw(rawStart, total)), position: pos++ }));
  // tar-split closes with an empty segment (payload "", not null: the Entry field has no omitempty),
  // as a real layerdb shows.
  lines.push(JSON.stringify({ type: 2, payload: '', position: pos++ }));
  return lines.join('\n') + '\n';
}

/** gzip as Go's compress/gzip writes it: its header names no OS (255, "unknown"), where zlib
 * names Unix (3) — file(1) prints "gzip compressed data, original size …" for a real layerdb's. */
function goGzip(text: string): Uint8Array {
  const gz = gzipSync(new TextEncoder().encode(text));
  gz[9] = 255;
  return gz;
}

export function tarSplitGz(tar: FileContent): Uint8Array {
  return goGzip(tarSplitLines(tar));
}

/**
 * tarSplitLines of the tar writeLayerTar(entries) would write, made from the entries without
 * the tar: a pulled layer's files are never a tar in memory (a test holds the two equal).
 */
export function tarSplitLinesOf(entries: readonly LayerEntry[]): string {
  const lines: string[] = [];
  let pos = 0;
  let raw: Uint8Array[] = [];
  let pending: { name: string; data?: FileContent } | undefined;
  const flushEntry = () => {
    if (!pending) return;
    lines.push(fileLine(pending.name, pending.data, pos++));
    pending = undefined;
  };
  emitLayerTar(
    entries,
    {},
    {
      header: (bytes, name) => {
        flushEntry();
        raw.push(bytes);
        lines.push(JSON.stringify({ type: 2, payload: b64(Buffer.concat(raw)), position: pos++ }));
        raw = [];
        pending = { name };
      },
      data: (c) => {
        if (pending) pending.data = c;
      },
      pad: (bytes) => void raw.push(bytes),
    },
  );
  flushEntry();
  lines.push(JSON.stringify({ type: 2, payload: b64(Buffer.concat(raw)), position: pos++ }));
  lines.push(JSON.stringify({ type: 2, payload: '', position: pos++ }));
  return lines.join('\n') + '\n';
}

export function tarSplitGzOf(entries: readonly LayerEntry[]): Uint8Array {
  return goGzip(tarSplitLinesOf(entries));
}

/**
 * Whether a file in diff/ still holds what the layer tar held: tar-split's assembler copies it and
 * compares its CRC-64 with the entry's payload. A stand-in file that is still one range of its
 * generator is trusted without reading it (its bytes follow from its seed; a write makes bytes), so
 * that `docker save nginx` does not make 100 MB of bytes to check them.
 */
function holdsRecordedData(content: FileContent, size: number, payload: string | null): boolean {
  if (contentSize(content) !== size) return false;
  if (isSynthetic(content) || payload === null) return true;
  return b64(crc64Iso(contentChunks(content))) === payload;
}

/**
 * The layer tar back from tar-split.json.gz and diff/, as the daemon does for `docker save`:
 * raw segments (headers, padding, the end blocks) from the file, file contents from disk — as
 * content (kernel/content.ts): a synthetic file in diff/ is a range of itself, not its bytes. A file
 * changed in diff/ since the layer was made fails as tar-split's assembler fails it.
 */
export function assembleLayerTar(gz: Uint8Array, readFile: (name: string) => FileContent): FileContent {
  const parts = new ContentBuilder();
  for (const line of gunzipSync(gz).toString().split('\n')) {
    if (line.trim() === '') continue;
    const e = JSON.parse(line) as { type: number; name?: string; size?: number; payload: string | null };
    if (e.type === 2 && e.payload) parts.add(Buffer.from(e.payload, 'base64'));
    else if (e.type === 1 && e.size && e.name) {
      const content = readFile(e.name);
      if (!holdsRecordedData(content, e.size, e.payload))
        throw new DaemonError(`file integrity checksum failed for "${e.name}"`, 500);
      parts.add(content);
    }
  }
  return parts.build();
}
