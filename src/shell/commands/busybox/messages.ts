// The error lines busybox 1.35's applets print where coreutils, grep and findutils print others:
// each rule turns the host command's line into the applet's (texts seen from Debian's
// busybox-static in a real container). A rule may ask for the usage block after its line.

/** A replacement line; or a function giving one, null to drop the line, or the usage block (after
 * `line` when given). */
export type Rewrite = [RegExp, string | ((m: RegExpExecArray) => string | null | { usage: true; line?: string })];

/** A name as coreutils quotes it in a message ('x', "x'y" or ‘x’), back to the bare name. */
const QUOTED = `(?:'([^']*)'|"([^"]*)"|‘([^’]*)’)`;
const bare = (m: RegExpExecArray, from: number): string => m[from] ?? m[from + 1] ?? m[from + 2] ?? '';

/** `<applet>: <coreutils words> 'NAME': WHY` becomes what `to` makes of NAME and WHY. */
function named(applet: string, words: string, to: (name: string, why: string) => string): Rewrite {
  return [new RegExp(`^${applet}: ${words ? `${words} ` : ''}${QUOTED}: (.*)$`), (m) => to(bare(m, 1), m[4] ?? '')];
}

export const BUSYBOX_RULES: Readonly<Record<string, readonly Rewrite[]>> = {
  cat: [
    [/^cat: .*: Is a directory$/, 'cat: read error: Is a directory'],
    [
      /^cat: (.*): (No such file or directory|Permission denied|Not a directory|No such device or address)$/,
      "cat: can't open '$1': $2",
    ],
  ],
  head: [
    named('head', 'cannot open', (n, why) => `head: ${n}: ${why}`),
    [new RegExp(`^head: cannot open ${QUOTED} for reading: (.*)$`), (m) => `head: ${bare(m, 1)}: ${m[4] ?? ''}`],
    [/^head: error reading .*: Is a directory$/, 'head: read error: Is a directory'],
  ],
  tail: [named('tail', 'cannot open', (n, why) => `tail: can't open '${n}': ${why}`)],
  stat: [named('stat', 'cannot statx', (n, why) => `stat: can't stat '${n}': ${why}`)],
  ls: [
    named('ls', 'cannot access', (n, why) => `ls: ${n}: ${why}`),
    named('ls', 'cannot open directory', (n, why) => `ls: can't open '${n}': ${why}`),
  ],
  mkdir: [named('mkdir', 'cannot create directory', (n, why) => `mkdir: can't create directory '${n}': ${why}`)],
  rm: [
    named('rm', 'cannot remove', (n, why) =>
      why === 'Is a directory' ? `rm: '${n}' is a directory` : `rm: can't remove '${n}': ${why}`,
    ),
  ],
  rmdir: [named('rmdir', 'failed to remove', (n, why) => `rmdir: '${n}': ${why}`)],
  touch: [named('touch', 'cannot touch', (n, why) => `touch: ${n}: ${why}`)],
  cp: [named('cp', 'cannot stat', (n, why) => `cp: can't stat '${n}': ${why}`)],
  mv: [
    named('mv', 'cannot stat', (n, why) => `mv: can't rename '${n}': ${why}`),
    // Its copy across filesystems (EXDEV) failing to remove what it copied: a bind-mounted file.
    named('mv', 'cannot remove', (n, why) => `mv: can't remove '${n}': ${why}`),
  ],
  ln: [
    named('ln', 'failed to create symbolic link', (n, why) => `ln: ${n}: ${why}`),
    named('ln', 'failed to create hard link', (n, why) => `ln: ${n}: ${why}`),
  ],
  chmod: [
    [new RegExp(`^chmod: invalid mode: ${QUOTED}$`), (m) => `chmod: invalid mode '${bare(m, 1)}'`],
    [/^Try 'chmod --help' for more information\.$/, () => null],
    named('chmod', 'cannot access', (n, why) => `chmod: ${n}: ${why}`),
    named('chmod', 'changing permissions of', (n, why) => `chmod: ${n}: ${why}`),
  ],
  chown: [
    named('chown', 'cannot access', (n, why) => `chown: ${n}: ${why}`),
    named('chown', 'changing ownership of', (n, why) => `chown: ${n}: ${why}`),
  ],
  find: [
    named('find', '', (n, why) => `find: ${n}: ${why}`),
    [/^find: unknown predicate [`'‘](.*)['’]$/, (m) => ({ usage: true, line: `find: unrecognized: ${m[1]}` })],
  ],
  du: [named('du', 'cannot access', (n, why) => `du: ${n}: ${why}`)],
  sort: [[/^sort: cannot read: (.*): (.*)$/, 'sort: $1: $2']],
  grep: [
    [/^grep: (.*): binary file matches$/, 'Binary file $1 matches'],
    [/^Usage: grep \[OPTION\]\.\.\. PATTERNS \[FILE\]\.\.\.$/, () => null],
  ],
  id: [
    [/^id: cannot find name for (?:user|group) ID (\d+)$/, 'id: unknown ID $1'],
    named('id', '', (n) => `id: unknown user ${n}`),
  ],
  date: [named('date', 'invalid date', (n) => `date: invalid date '${n}'`)],
};
