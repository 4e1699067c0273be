// Devices whose reads never end (/dev/zero, /dev/urandom, /dev/random). A whole-file read gives
// the first 64 KiB, as before; a command that reads on (cat, head, wc) asks for the next chunk
// with moreOf(), so `head -c 1M /dev/zero` has its megabyte and `cat /dev/zero` runs until Ctrl-C
// or the line's budget stops it, as the real devices do.
import { KernelError } from './errors.js';
import { makedev } from './types.js';

const CHUNK = 64 * 1024;
const more = new WeakMap<Uint8Array, () => Uint8Array>();

/** The next chunk of the endless read `data` began, or undefined when data is a finite read. */
export function moreOf(data: Uint8Array): (() => Uint8Array) | undefined {
  return more.get(data);
}

/** A write of `data` to character device rdev: /dev/full has no room for a byte (ENOSPC); the
 * others take everything. */
export function writeCharDevice(rdev: number, data: Uint8Array, rel: string): void {
  if (rdev === makedev(1, 7) && data.length > 0) throw new KernelError('ENOSPC', 'write', rel);
}

/** A read of character device rdev: zeros, random bytes (from `random`), or nothing (null, tty…). */
export function readCharDevice(rdev: number, random: { fill(b: Uint8Array): Uint8Array }): Uint8Array {
  let next: (() => Uint8Array) | undefined;
  // /dev/full reads as /dev/zero does; only its writes differ (ENOSPC).
  if (rdev === makedev(1, 5) || rdev === makedev(1, 7)) next = () => new Uint8Array(CHUNK);
  else if (rdev === makedev(1, 8) || rdev === makedev(1, 9)) next = () => random.fill(new Uint8Array(CHUNK));
  if (!next) return new Uint8Array(0);
  const first = next();
  more.set(first, next);
  return first;
}
