// The files of ubuntu:20.04 (focal) that learners open first, as a real container shows them: sizes,
// modes, owners and dates that `ls -l`, `wc -c` and `stat` print, and the text where it is data.
// Sources: the dotfiles come from focal's base-files 11ubuntu4 (/usr/share/base-files/dot.bashrc
// and dot.profile, copied to /root: 3106 and 161 bytes, Dec 5 2019) and bash 5.0-6ubuntu1
// (/etc/skel: .bashrc 3771, .profile 807, .bash_logout 220 bytes, Feb 25 2020), as `ls -la` of
// /root and of a new user's home on focal hosts and containers shows them in many public
// transcripts; their text, byte for byte, is in texts/ubuntu-shell-files.ts. /etc/apt/sources.list is
// the focal cloud and docker rootfs's own (2743 bytes), reproduced whole as it is configuration.
import type { TreeBuilder } from './rootfs.js';

/** Noon UTC of a day: the packages' files carry the day their package was built (times of day unknown). */
const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`) / 1000;
const BASE_FILES_DAY = day('2019-12-05');
const BASH_DAY = day('2020-02-25');

const SOURCES_LIST_SECTIONS: [comment: string[], lines: string[]][] = [
  [
    [
      '# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to',
      '# newer versions of the distribution.',
    ],
    ['focal main restricted'],
  ],
  [
    ['## Major bug fix updates produced after the final release of the', '## distribution.'],
    ['focal-updates main restricted'],
  ],
  [
    [
      '## N.B. software from this repository is ENTIRELY UNSUPPORTED by the Ubuntu',
      '## team. Also, please note that software in universe WILL NOT receive any',
      '## review or updates from the Ubuntu security team.',
    ],
    ['focal universe', 'focal-updates universe'],
  ],
  [
    [
      '## N.B. software from this repository is ENTIRELY UNSUPPORTED by the Ubuntu',
      '## team, and may not be under a free licence. Please satisfy yourself as to',
      '## your rights to use the software. Also, please note that software in',
      '## multiverse WILL NOT receive any review or updates from the Ubuntu',
      '## security team.',
    ],
    ['focal multiverse', 'focal-updates multiverse'],
  ],
  [
    [
      '## N.B. software from this repository may not have been tested as',
      '## extensively as that contained in the main release, although it includes',
      '## newer versions of some applications which may provide useful features.',
      '## Also, please note that software in backports WILL NOT receive any review',
      '## or updates from the Ubuntu security team.',
    ],
    ['focal-backports main restricted universe multiverse'],
  ],
];

/** /etc/apt/sources.list of the focal rootfs: each suite's deb line and its commented deb-src. */
export function focalSourcesList(): string {
  const archive = 'http://archive.ubuntu.com/ubuntu/';
  const security = 'http://security.ubuntu.com/ubuntu/';
  const pair = (url: string, suite: string) => [`deb ${url} ${suite}`, `# deb-src ${url} ${suite}`];
  const blocks = SOURCES_LIST_SECTIONS.map(([comment, suites]) =>
    [...comment, ...suites.flatMap((s) => pair(archive, s))].join('\n'),
  );
  blocks.push(
    [
      "## Uncomment the following two lines to add software from Canonical's",
      "## 'partner' repository.",
      '## This software is not part of Ubuntu, but is offered by Canonical and the',
      '## respective vendors as a service to Ubuntu users.',
      '# deb http://archive.canonical.com/ubuntu focal partner',
      '# deb-src http://archive.canonical.com/ubuntu focal partner',
    ].join('\n'),
  );
  blocks.push(
    ['main restricted', 'universe', 'multiverse'].flatMap((c) => pair(security, `focal-security ${c}`)).join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/** Puts focal's well-known files into the tree (after the generic Debian-family ones, replacing them). */
export function focalWellKnownFiles(t: TreeBuilder): void {
  // Their text is put in by shellStartupFiles() (shell-files.ts); here, their packages' dates.
  t.touch('root/.bashrc', BASE_FILES_DAY).touch('root/.profile', BASE_FILES_DAY);
  for (const f of ['.bashrc', '.profile', '.bash_logout']) t.touch(`etc/skel/${f}`, BASH_DAY);
  t.file('etc/apt/sources.list', focalSourcesList());
}
