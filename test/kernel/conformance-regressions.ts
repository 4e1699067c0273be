// Shrunk counter-examples from the conformance suite, kept as fixed scenarios: each one is a
// place where the model once disagreed with the real kernel.
import type { Scenario } from './conformance/scenario.js';

export const REGRESSIONS: Record<string, Scenario> = {
  // Copy-up puts back the upper parent's times (ovl_copy_up_one's pstat): the upper root and the
  // copied-up d keep their pinned mtimes; only the file written changes.
  "copy-up keeps the lower mtime of a directory and leaves the parent's mtime": {
    lowers: [
      [
        { kind: 'dir', path: 'd', mode: 0o755 },
        { kind: 'dir', path: 'd/e', mode: 0o755 },
        { kind: 'file', path: 'd/e/f', data: 'x', mode: 0o644 },
      ],
    ],
    ops: [
      { op: 'write', path: 'd/e/f', data: 'y', how: 'append' },
      { op: 'chmod', path: 'd', mode: 0o700 },
      { op: 'mkdir', path: 'd/e/g', mode: 0o755 },
    ],
  },
  // A one-layer directory is read as it is on disk, so a stray whiteout in it is listed
  // (and then fails lstat with ENOENT).
  'readdir of an unmerged lower dir lists its whiteouts': {
    lowers: [
      [
        { kind: 'dir', path: 'a', mode: 0o755 },
        { kind: 'whiteout', path: 'a/a' },
      ],
    ],
    ops: [{ op: 'chmod', path: 'c', mode: 0o755 }],
  },
  // ...but the emptiness check for rmdir reads the merged entries and ignores it.
  'rmdir ignores whiteouts in an unmerged dir': {
    lowers: [
      [
        { kind: 'dir', path: 'd', mode: 0o755 },
        { kind: 'dir', path: 'd/c', mode: 0o755 },
        { kind: 'whiteout', path: 'd/c/a' },
      ],
      [],
    ],
    ops: [
      { op: 'rmdir', path: 'd/c' },
      { op: 'rename', from: 'a', to: 'a' },
    ],
  },
  // Copy-up of a hard-linked lower file breaks the link and records no origin.
  'copy-up of a hard-linked lower file sets no origin (open)': {
    lowers: [
      [
        { kind: 'file', path: 'c', data: 'x', mode: 0o644 },
        { kind: 'hardlink', path: 'a', from: 'c' },
      ],
      [],
    ],
    ops: [{ op: 'open', path: 'a' }],
  },
  'copy-up of a hard-linked lower file sets no origin (chown)': {
    lowers: [
      [
        { kind: 'file', path: 'a', data: 'x', mode: 0o644 },
        { kind: 'hardlink', path: 'c', from: 'a' },
      ],
      [],
    ],
    ops: [
      { op: 'chown', path: 'a', uid: 0 },
      { op: 'mknod', path: 'a', node: 'whiteout' },
    ],
  },
  // An absolute symlink target once sent the real runner outside its sandbox: targets are
  // relative now, and this keeps the scenario's shape.
  'mknod through a symlinked lower directory': {
    lowers: [[{ kind: 'symlink', path: 'c', target: 'nowhere' }]],
    ops: [{ op: 'mknod', path: 'c/a', node: 'whiteout' }],
  },
  // Two lower hard links report one st_ino through the overlay but are two inodes (index=off):
  // renaming one onto the other is a real rename, not rename(2)'s same-file no-op.
  'rename between two lower hard links of one file': {
    lowers: [
      [
        { kind: 'file', path: 'a', data: 'x', mode: 0o644 },
        { kind: 'dir', path: 'c', mode: 0o755 },
        { kind: 'hardlink', path: 'c/d', from: 'a' },
      ],
      [],
    ],
    ops: [
      { op: 'rename', from: 'a', to: 'c/d' },
      { op: 'rmdir', path: 'a' },
    ],
  },
  // user.* attributes live only on regular files and directories: on a device the VFS refuses
  // the write (EPERM) before overlayfs sees it.
  'user xattr on a character device': {
    lowers: [[]],
    ops: [
      { op: 'mknod', path: 'c', node: 'null' },
      { op: 'setxattr', path: 'c', value: '1' },
    ],
  },
  // chown drops set-user-ID from anything but a directory, even root's chown to the same owner.
  'chown of a setuid file to its own owner': {
    lowers: [[{ kind: 'file', path: 'a', data: 'x', mode: 0o644 }], []],
    ops: [
      { op: 'chmod', path: 'a', mode: 0o4755 },
      { op: 'chown', path: 'a', uid: 0 },
      { op: 'write', path: 'a', data: 'x', how: 'trunc' },
    ],
  },
  // ...and set-group-ID too where the group may execute; a directory keeps both.
  'chown of setgid files and a directory': {
    lowers: [
      [
        { kind: 'file', path: 'a', data: 'x', mode: 0o644 },
        { kind: 'file', path: 'b', data: 'x', mode: 0o644 },
        { kind: 'dir', path: 'd', mode: 0o755 },
      ],
      [],
    ],
    ops: [
      { op: 'chmod', path: 'a', mode: 0o6755 },
      { op: 'chmod', path: 'b', mode: 0o2745 },
      { op: 'chmod', path: 'd', mode: 0o6755 },
      { op: 'chown', path: 'a', uid: 0 },
      { op: 'chown', path: 'b', uid: 0 },
      { op: 'chown', path: 'd', uid: 0 },
      { op: 'stat', path: 'a', where: 'merged' },
      { op: 'stat', path: 'b', where: 'merged' },
      { op: 'stat', path: 'd', where: 'merged' },
    ],
  },
};
