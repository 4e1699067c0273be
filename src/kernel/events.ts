// What the kernel did, reported for the screen (panes highlight from these) and for lessons.
// Paths are host paths; `merged` is the path as seen through the overlay mount.
import type { FileType } from './types.js';

export type KernelEvent =
  | { kind: 'create'; path: string; type: FileType }
  | { kind: 'write'; path: string }
  | { kind: 'delete'; path: string; type: FileType }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'attr'; path: string; what: 'chmod' | 'chown' | 'utimes' | 'truncate' | 'xattr' | 'chattr' }
  | {
      kind: 'copy-up';
      merged: string;
      type: FileType;
      /** The lower file or directory that was copied. */
      lower: string;
      /** Where it was staged in workdir before being moved into upper. */
      staged: string;
      /** O_TMPFILE for regular files (no name in work/ until linked), a #<hex> name otherwise. */
      via: 'tmpfile' | 'workdir';
      upper: string;
    }
  | { kind: 'whiteout'; merged: string; upper: string; staged: string }
  | { kind: 'opaque'; merged: string; upper: string }
  | { kind: 'mount'; target: string; options: string }
  | { kind: 'umount'; target: string };

export type KernelListener = (event: KernelEvent) => void;
