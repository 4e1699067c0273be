// The GNU bash each distribution ships (the host's Ubuntu 22.04, the images' Ubuntu 20.04 and
// Debian 12) and the variables bash sets at start-up from it: what `echo $BASH_VERSION` and
// `bash --version` show depend on which root the shell runs in.
import type { Proc } from '../../kernel/index.js';
import { toText } from '../command.js';
import type { Interpreter } from './interpreter.js';

/** bash as a distribution ships it: the version its packages hold. */
export interface BashBuild {
  /** $BASH_VERSION: `5.1.16(1)-release`. */
  version: string;
  /** The copyright year `bash --version` prints (version.c's bash_copyright). */
  year: number;
}

export const MACHTYPE = 'x86_64-pc-linux-gnu';

/** The bash each distribution the tutor's hosts and images are: Ubuntu 22.04 (the host), Ubuntu
 * 20.04, Debian 11 and 12 (nginx). Its `set` options letters changed in 5.2 (E and T added). */
const BASH_BY_RELEASE: Record<string, BashBuild> = {
  'ubuntu 20.04': { version: '5.0.17(1)-release', year: 2019 },
  'ubuntu 22.04': { version: '5.1.16(1)-release', year: 2020 },
  'debian 11': { version: '5.1.4(1)-release', year: 2020 },
  'debian 12': { version: '5.2.15(1)-release', year: 2022 },
};
export const HOST_BASH = BASH_BY_RELEASE['ubuntu 22.04'] as BashBuild;

/** The bash of the root `ctx` runs in, from its /etc/os-release. */
export function bashBuildOf(proc: Proc): BashBuild {
  let release = '';
  try {
    release = toText(proc.readFile('/etc/os-release'));
  } catch {
    return HOST_BASH;
  }
  const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(release)?.[1] ?? '';
  return BASH_BY_RELEASE[`${field('ID')} ${field('VERSION_ID')}`] ?? HOST_BASH;
}

/** The shell variables bash sets at start-up (not exported): what `echo $BASH_VERSION` shows.
 * `runBy` is the name bash was run by: $BASH is that path, or where PATH finds it. */
export function setBashVariables(shell: Interpreter, runBy: string): void {
  const build = bashBuildOf(shell.proc);
  const uid = shell.proc.cred.uid;
  const vars: Record<string, string> = {
    BASH: runBy.includes('/') ? runBy : (pathOf(shell, runBy) ?? `/bin/${runBy}`),
    BASH_VERSION: build.version,
    HOSTTYPE: 'x86_64',
    MACHTYPE,
    OSTYPE: 'linux-gnu',
    UID: String(uid),
    EUID: String(uid),
  };
  for (const [k, v] of Object.entries(vars)) shell.state.vars.set(k, v);
}

/** Where the shell's PATH finds `name` in its root. */
function pathOf(shell: Interpreter, name: string): string | undefined {
  for (const dir of (shell.getVar('PATH') ?? '/usr/bin:/bin').split(':')) {
    try {
      if (shell.proc.stat(`${dir}/${name}`).type === 'file') return `${dir}/${name}`;
    } catch {
      // not there
    }
  }
  return undefined;
}
