// Deterministic root filesystems for the tutorial images. Contents are generated from names (no
// randomness, no clock), so every learner's ubuntu:20.04 has the same DiffID. Binaries are
// stand-ins made on read; the text files learners read (passwd, os-release, nginx.conf, the
// dotfiles and nginx's scripts …) carry their text, the real files' own where texts/ holds it.
import { contentSize, isSynthetic, type SyntheticContent, syntheticContent } from '../../kernel/index.js';
import type { LayerEntry } from '../layer-tar.js';
import { focalWellKnownFiles } from './focal-files.js';
import { shellStartupFiles } from './shell-files.js';
import { FOCAL_PASSWD, JAMMY_PASSWD, UBUNTU_GROUP } from './texts/ubuntu-accounts.js';

/** Collects layer entries; parents are added automatically as 0755 dirs. */
export class TreeBuilder {
  private readonly entries = new Map<string, LayerEntry>();
  constructor(private readonly mtime: number) {}

  private parents(path: string): void {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!this.entries.has(p)) this.entries.set(p, { path: p, type: 'dir', mode: 0o755, mtime: this.mtime });
    }
  }

  dir(path: string, mode = 0o755): this {
    this.parents(path);
    this.entries.set(path, { path, type: 'dir', mode, mtime: this.mtime });
    return this;
  }

  file(path: string, content: string | Uint8Array | SyntheticContent, mode = 0o644, gid = 0): this {
    this.parents(path);
    this.entries.set(path, {
      path,
      type: 'file',
      mode,
      content,
      mtime: this.mtime,
      gid,
      ...(gid === 0 ? {} : { gname: gid === 42 ? 'shadow' : '' }),
    });
    return this;
  }

  /** A binary stand-in: an ELF magic and the program's name, then bytes made on read, its size
   * derived from the name; fitLayer() scales it with the others to the real image's size. */
  binary(path: string, min = 200, spread = 3000): this {
    return this.file(path, fakeBinary(path, min, spread), 0o755);
  }

  /** A binary stand-in of the real file's own size, which fitLayer() leaves as it is. */
  sized(path: string, size: number, mode = 0o755): this {
    const c = fakeBinary(path, size, 1);
    FIXED.add(c);
    return this.file(path, c, mode);
  }

  symlink(path: string, target: string): this {
    this.parents(path);
    this.entries.set(path, { path, type: 'symlink', linkTarget: target, mode: 0o777, mtime: this.mtime });
    return this;
  }

  /** Gives an entry added before its own mtime (a file a package shipped, older than the image). */
  touch(path: string, mtime: number): this {
    const e = this.entries.get(path);
    if (e) this.entries.set(path, { ...e, mtime });
    return this;
  }

  hardlink(path: string, target: string): this {
    this.parents(path);
    this.entries.set(path, { path, type: 'hardlink', linkTarget: target, mtime: this.mtime });
    return this;
  }

  list(): LayerEntry[] {
    return [...this.entries.values()];
  }
}

/** FNV-1a: a stable number from a name. */
export function hashName(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Stand-ins whose size is the real file's (TreeBuilder.sized): fitLayer() does not scale them. */
const FIXED = new WeakSet<SyntheticContent>();

function fakeBinary(path: string, min: number, spread: number): SyntheticContent {
  const size = min + (hashName(path) % spread);
  const name = new TextEncoder().encode(`\0${path}\0`);
  const head = new Uint8Array(8 + name.length);
  head.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  head.set(name, 8);
  return syntheticContent(size, hashName(path), head);
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** What an entry adds to the layer's size as Docker counts it (lstat sizes, a hard link once). */
function entrySize(e: LayerEntry): number {
  if (e.type === 'symlink') return utf8Length(e.linkTarget ?? '');
  if (e.type !== 'file') return 0;
  const c = e.content;
  return c === undefined ? 0 : typeof c === 'string' ? utf8Length(c) : contentSize(c);
}

/**
 * The layer with its binary stand-ins scaled so that its size is `target` bytes exactly: the
 * real image's figure, which `docker images`, `system df`, `du` and the panes then show. Text
 * files keep their text; stand-ins of a real file's own size (sized()) keep theirs.
 */
export function fitLayer(entries: LayerEntry[], target: number): LayerEntry[] {
  let fixed = 0;
  const scalable: LayerEntry[] = [];
  for (const e of entries) {
    if (e.type === 'file' && isSynthetic(e.content) && !FIXED.has(e.content)) scalable.push(e);
    else fixed += entrySize(e);
  }
  const weight = scalable.reduce((n, e) => n + entrySize(e), 0);
  const room = target - fixed;
  if (room === 0 && scalable.length === 0) return entries; // already the real size (real text files)
  if (room < scalable.length || weight === 0)
    throw new Error(`fitLayer: ${fixed} bytes of text leave no room in ${target}`);
  let given = 0;
  const sized = scalable.map((e) => {
    const size = Math.max(1, Math.floor((entrySize(e) * room) / weight));
    given += size;
    return size;
  });
  // The rounding's remainder goes to the largest stand-in.
  const largest = sized.indexOf(Math.max(...sized));
  sized[largest] = (sized[largest] as number) + room - given;
  const scaled = new Map(scalable.map((e, i) => [e, sized[i] as number]));
  return entries.map((e) => {
    const size = scaled.get(e);
    if (size === undefined || !isSynthetic(e.content)) return e;
    return { ...e, content: syntheticContent(size, e.content.seed, e.content.head) };
  });
}

const COMMON_BIN = (
  'bash cat chgrp chmod chown cp dash date dd df dir dmesg echo egrep false fgrep findmnt grep gunzip gzip ' +
  'hostname kill ln login ls lsblk mkdir mknod mktemp more mount mountpoint mv pidof ps pwd readlink rm rmdir ' +
  'run-parts sed sh sleep stty su sync tar tempfile touch true umount uname uncompress vdir wdctl zcat zcmp zdiff ' +
  'zegrep zfgrep zforce zgrep zless zmore znew [ apt apt-cache apt-config apt-get apt-key apt-mark arch awk b2sum ' +
  'base32 base64 basename captoinfo chage chattr chcon chfn choom chrt chsh cksum clear cmp comm csplit cut ' +
  'debconf deb-systemd-helper diff diff3 dircolors dirname dpkg dpkg-deb dpkg-query du env expand expiry expr ' +
  'factor faillog fallocate find flock fmt fold getconf getent getopt gpasswd gpgv groups head hostid iconv id ' +
  'infocmp install ionice ipcmk ipcs join last lastlog ldd link locale localedef logger logname look lsattr lscpu ' +
  'lsipc lslocks lslogins lsns mawk mcookie md5sum mesg mkfifo namei nawk newgrp nice nl nohup nproc nsenter numfmt ' +
  'od passwd paste pathchk perl pinky pldd pr printenv printf prlimit ptx realpath rename.ul renice reset rev ' +
  'runcon savelog script scriptreplay sdiff seq setarch setsid setterm sg sha1sum sha224sum sha256sum sha384sum ' +
  'sha512sum shred shuf sort split stat stdbuf sum tabs tac tail taskset tee test tic timeout toe tput tr truncate ' +
  'tset tsort tty tzselect unexpand uniq unlink unshare users utmpdump wall wc whereis which who whoami xargs yes'
).split(' ');

const COMMON_SBIN = (
  'addgroup adduser agetty badblocks blkid blockdev chpasswd chroot ctrlaltdel debugfs delgroup deluser dumpe2fs ' +
  'e2fsck fsck fstrim getty groupadd groupdel groupmod grpck halt init installkernel invoke-rc.d ldconfig losetup ' +
  'mke2fs mkfs mkhomedir_helper mkswap newusers nologin pam-auth-update pivot_root poweroff pwck pwconv reboot ' +
  'runlevel service shadowconfig shutdown start-stop-daemon sulogin swapoff swapon switch_root telinit tune2fs ' +
  'update-passwd useradd userdel usermod wipefs zic zramctl'
).split(' ');

const PACKAGES = (
  'adduser apt base-files base-passwd bash bsdutils bzip2 coreutils dash debconf debianutils diffutils dpkg ' +
  'e2fsprogs fdisk findutils gcc-10-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0 ' +
  'libattr1 libaudit-common libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcom-err2 libcrypt1 ' +
  'libdb5.3 libdebconfclient0 libext2fs2 libfdisk1 libffi7 libgcc-s1 libgcrypt20 libgmp10 libgnutls30 ' +
  'libgpg-error0 libgssapi-krb5-2 libhogweed5 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 ' +
  'liblz4-1 liblzma5 libmount1 libncurses6 libncursesw6 libnettle7 libnsl2 libp11-kit0 libpam-modules ' +
  'libpam-modules-bin libpam-runtime libpam0g libpcre2-8-0 libpcre3 libprocps8 libseccomp2 libselinux1 ' +
  'libsemanage-common libsemanage1 libsepol1 libsmartcols1 libss2 libstdc++6 libsystemd0 libtasn1-6 ' +
  'libtinfo6 libtirpc-common libtirpc3 libudev1 libunistring2 libuuid1 libzstd1 login logsave lsb-base mawk ' +
  'mount ncurses-base ncurses-bin passwd perl-base procps sed sensible-utils sysvinit-utils tar ubuntu-keyring ' +
  'util-linux zlib1g'
).split(' ');

/** /etc/passwd's and /etc/group's lines, as the images hold them (texts/ubuntu-accounts.ts). */
const lines = (text: string): string[] => text.trimEnd().split('\n');
const UBUNTU_PASSWD = lines(FOCAL_PASSWD);

/** Debian 12's: base-passwd 3.6.1's passwd.master as update-passwd installs it (no gnats, irc in
 * /run, _apt a static uid 42 before nobody), which a Debian 12 system's /etc/passwd begins with. */
export const BOOKWORM_PASSWD = [
  ...UBUNTU_PASSWD.slice(0, 15),
  'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
];

/** `name:gid` of each of Ubuntu's groups (focal's and jammy's are the same). */
const UBUNTU_GROUPS = lines(UBUNTU_GROUP).map((l) =>
  l
    .split(':')
    .filter((_, i) => i !== 1 && i !== 3)
    .join(':'),
);

/** Debian 12's: base-passwd 3.6.1's group.master (no gnats). */
export const BOOKWORM_GROUPS = UBUNTU_GROUPS.filter((g) => g !== 'gnats:41');

/** /etc/group's lines: name:x:gid: for each `name:gid`. */
export const groupLines = (groups: readonly string[]): string[] => groups.map((g) => `${g.replace(':', ':x:')}:`);

export interface DistroInfo {
  id: 'ubuntu' | 'debian';
  version: string;
  versionId: string;
  codename: string;
  prettyName: string;
  mtime: number;
}

/** A Debian-family root (ubuntu:20.04, the base of nginx): usrmerge symlinks, dpkg database, docs. */
/** dpkg's status file names each distribution's own maintainers. */
const MAINTAINERS: Record<DistroInfo['id'], string> = {
  ubuntu: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>',
  debian: 'Debian Developers <debian-devel@lists.debian.org>',
};
const DEBCONF_FRONTENDS = ['Dialog', 'Editor', 'Gnome', 'Kde', 'Noninteractive', 'Teletype', 'Web'];
const DEBCONF_ELEMENTS = [
  'Boolean',
  'Error',
  'Multiselect',
  'Note',
  'Password',
  'Progress',
  'Select',
  'String',
  'Text',
  'Title',
];

export function debianFamilyRoot(d: DistroInfo): LayerEntry[] {
  const t = new TreeBuilder(d.mtime);
  // Both are merged-/usr: Ubuntu since 20.04's images, Debian since bookworm (bin -> usr/bin).
  const usrmerge = true;
  if (usrmerge) {
    t.symlink('bin', 'usr/bin').symlink('sbin', 'usr/sbin').symlink('lib', 'usr/lib');
    t.symlink('lib32', 'usr/lib32').symlink('lib64', 'usr/lib64').symlink('libx32', 'usr/libx32');
  } else {
    t.dir('bin').dir('sbin').dir('lib').dir('lib64');
  }
  for (const d2 of [
    'boot',
    'dev',
    'home',
    'media',
    'mnt',
    'opt',
    'proc',
    'run',
    'srv',
    'sys',
    'usr/games',
    'usr/include',
    'usr/local/bin',
    'usr/local/etc',
    'usr/local/games',
    'usr/local/include',
    'usr/local/lib',
    'usr/local/man',
    'usr/local/sbin',
    'usr/local/share',
    'usr/local/src',
    'usr/src',
    'var/backups',
    'var/cache/apt/archives/partial',
    'var/cache/debconf',
    'var/lib/apt/lists/partial',
    'var/lib/dpkg/updates',
    'var/lib/misc',
    'var/local',
    'var/log/apt',
    'var/mail',
    'var/opt',
    'var/spool',
  ])
    t.dir(d2);
  t.dir('root', 0o700).dir('tmp', 0o1777).dir('var/tmp', 0o1777).dir('var/lock', 0o1777);
  t.symlink('var/run', '/run');
  const binDir = usrmerge ? 'usr/bin' : 'bin';
  for (const b of COMMON_BIN) {
    const path = COMMON_BIN.indexOf(b) < 60 ? `${binDir}/${b}` : `usr/bin/${b}`;
    if (b === 'bash') t.sized(path, 1_183_448);
    else t.binary(path);
  }
  for (const s of COMMON_SBIN) t.binary(`${usrmerge ? 'usr/sbin' : 'sbin'}/${s}`);
  t.symlink(`${binDir}/rbash`, 'bash');
  t.symlink('usr/bin/pager', '/etc/alternatives/pager');
  t.symlink('etc/alternatives/pager', '/bin/more');
  // Shared libraries: a real-looking set of sonames with their symlinks.
  const libDir = usrmerge ? 'usr/lib/x86_64-linux-gnu' : 'lib/x86_64-linux-gnu';
  for (const p of PACKAGES.filter((p) => p.startsWith('lib'))) {
    const base = p.replace(/[0-9.-]+$/, '').replace(/-(common|bin|modules|runtime)$/, '');
    const so = `${base}.so.${1 + (hashName(p) % 6)}`;
    t.binary(`${libDir}/${so}.0.${hashName(p) % 9}`, 2000, 6000);
    t.symlink(`${libDir}/${so}`, `${so}.0.${hashName(p) % 9}`);
  }
  t.sized(`${libDir}/libc-2.31.so`, 2_029_592).symlink(`${libDir}/libc.so.6`, 'libc-2.31.so');
  t.binary(`${usrmerge ? 'usr/lib' : 'lib'}/x86_64-linux-gnu/ld-2.31.so`, 3000, 500);
  t.symlink(
    usrmerge ? 'usr/lib64/ld-linux-x86-64.so.2' : 'lib64/ld-linux-x86-64.so.2',
    '/lib/x86_64-linux-gnu/ld-2.31.so',
  );
  // dpkg's database and the per-package docs: most of a real image's entries.
  let status = '';
  for (const p of PACKAGES) {
    const version = `${1 + (hashName(p) % 9)}.${hashName(p + 'v') % 20}-${1 + (hashName(p + 'r') % 5)}`;
    status += [
      `Package: ${p}`,
      'Status: install ok installed',
      'Priority: required',
      'Section: admin',
      `Maintainer: ${MAINTAINERS[d.id]}`,
      'Architecture: amd64',
      `Version: ${version}`,
      `Description: ${p} package`,
      '',
      '',
    ].join('\n');
    const files = [`/usr/share/doc/${p}/copyright`, `/usr/share/doc/${p}/changelog.Debian.gz`];
    t.file(
      `var/lib/dpkg/info/${p}.list`,
      `/.\n/usr\n/usr/share\n/usr/share/doc\n/usr/share/doc/${p}\n${files.join('\n')}\n`,
    );
    t.file(
      `var/lib/dpkg/info/${p}.md5sums`,
      files.map((f) => `${hashName(f).toString(16).padStart(8, '0').repeat(4)}  ${f.slice(1)}\n`).join(''),
    );
    t.file(
      `usr/share/doc/${p}/copyright`,
      [
        'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
        `Upstream-Name: ${p}`,
        '',
        'Files: *',
        `Copyright: ${1990 + (hashName(p) % 30)} The ${p} authors`,
        'License: GPL-2+',
        '',
      ].join('\n'),
    );
    t.file(`usr/share/doc/${p}/changelog.Debian.gz`, fakeBinary(`changelog-${p}`, 300, 1500));
  }
  t.file('var/lib/dpkg/status', status).file('var/lib/dpkg/available', '').file('var/lib/dpkg/lock', '', 0o640);
  t.file('var/lib/dpkg/diversions', '').file('var/lib/dpkg/statoverride', '');
  t.file('var/log/dpkg.log', '').file('var/log/lastlog', '', 0o664).file('var/log/faillog', '');
  for (const loc of ['C.UTF-8/LC_CTYPE', 'C.UTF-8/LC_COLLATE', 'C.UTF-8/LC_TIME', 'C.UTF-8/LC_NUMERIC'])
    t.binary(`usr/lib/locale/${loc}`, 1000, 4000);
  for (const zone of ['UTC', 'Etc/UTC', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'Asia/Tokyo'])
    t.binary(`usr/share/zoneinfo/${zone}`, 100, 2000);
  for (let i = 0; i < 120; i++)
    t.file(
      `usr/share/perl5/Debconf/Element/${DEBCONF_FRONTENDS[i % 7]}/` +
        `${DEBCONF_ELEMENTS[i % 10]}${Math.floor(i / 70) || ''}.pm`,
      `# This file was preprocessed, do not edit!\npackage Debconf::Element;\nuse strict;\n1\n`,
    );
  etcFiles(t, d);
  return t.list();
}

function etcFiles(t: TreeBuilder, d: DistroInfo): void {
  const passwd =
    d.codename === 'bookworm' ? BOOKWORM_PASSWD : lines(d.codename === 'jammy' ? JAMMY_PASSWD : FOCAL_PASSWD);
  t.file('etc/passwd', passwd.join('\n') + '\n');
  const groups = d.codename === 'bookworm' ? BOOKWORM_GROUPS : UBUNTU_GROUPS;
  t.file('etc/group', groupLines(groups).join('\n') + '\n');
  t.file(
    'etc/shadow',
    // The date field: the day the rootfs was made (days since 1970), every account locked ('*').
    passwd.map((l) => `${l.split(':')[0]}:*:${Math.floor(d.mtime / 86_400)}:0:99999:7:::`).join('\n') + '\n',
    0o640,
    42,
  );
  t.file('etc/gshadow', groups.map((g) => `${g.split(':')[0]}:*::`).join('\n') + '\n', 0o640, 42);
  t.file(
    'etc/shells',
    [
      '# /etc/shells: valid login shells',
      '/bin/sh',
      '/bin/bash',
      '/usr/bin/bash',
      '/bin/rbash',
      '/usr/bin/rbash',
      '/bin/dash',
      '/usr/bin/dash',
      '',
    ].join('\n'),
  );
  const osRelease =
    d.id === 'ubuntu'
      ? [
          'NAME="Ubuntu"',
          `VERSION="${d.version}"`,
          'ID=ubuntu',
          'ID_LIKE=debian',
          `PRETTY_NAME="${d.prettyName}"`,
          `VERSION_ID="${d.versionId}"`,
          'HOME_URL="https://www.ubuntu.com/"',
          'SUPPORT_URL="https://help.ubuntu.com/"',
          'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
          'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
          `VERSION_CODENAME=${d.codename}`,
          `UBUNTU_CODENAME=${d.codename}`,
          '',
        ].join('\n')
      : [
          `PRETTY_NAME="${d.prettyName}"`,
          'NAME="Debian GNU/Linux"',
          `VERSION_ID="${d.versionId}"`,
          `VERSION="${d.version}"`,
          `VERSION_CODENAME=${d.codename}`,
          'ID=debian',
          'HOME_URL="https://www.debian.org/"',
          'SUPPORT_URL="https://www.debian.org/support"',
          'BUG_REPORT_URL="https://bugs.debian.org/"',
          '',
        ].join('\n');
  t.file('usr/lib/os-release', osRelease).symlink('etc/os-release', '../usr/lib/os-release');
  if (d.id === 'ubuntu')
    t.file(
      'etc/lsb-release',
      [
        'DISTRIB_ID=Ubuntu',
        `DISTRIB_RELEASE=${d.versionId}`,
        `DISTRIB_CODENAME=${d.codename}`,
        `DISTRIB_DESCRIPTION="${d.prettyName}"`,
        '',
      ].join('\n'),
    );
  t.file('etc/debian_version', d.id === 'ubuntu' ? 'bullseye/sid\n' : `${d.versionId}.5\n`);
  t.file('etc/issue', `${d.prettyName} \\n \\l\n\n`).file('etc/issue.net', `${d.prettyName}\n`);
  t.file('etc/fstab', '# UNCONFIGURED FSTAB FOR BASE SYSTEM\n');
  t.file('etc/host.conf', 'multi on\n').file('etc/ld.so.conf', 'include /etc/ld.so.conf.d/*.conf\n\n');
  t.file(
    'etc/ld.so.conf.d/x86_64-linux-gnu.conf',
    '# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n',
  );
  t.binary('etc/ld.so.cache', 4000, 3000);
  t.file(
    'etc/nsswitch.conf',
    [
      '# /etc/nsswitch.conf',
      '',
      'passwd:         files',
      'group:          files',
      'shadow:         files',
      'gshadow:        files',
      '',
      'hosts:          files dns',
      'networks:       files',
      '',
      'protocols:      db files',
      'services:       db files',
      'ethers:         db files',
      'rpc:            db files',
      '',
      'netgroup:       nis',
      '',
    ].join('\n'),
  );
  t.file('etc/environment', '').file(
    'etc/legal',
    d.id === 'ubuntu' ? '\nThe programs included with the Ubuntu system are free software;\n' : '',
  );
  shellStartupFiles(t, d);
  t.file(
    'etc/login.defs',
    [
      '# /etc/login.defs - Configuration control definitions for the login package.',
      'MAIL_DIR        /var/mail',
      'UID_MIN                  1000',
      'UID_MAX                 60000',
      '',
    ].join('\n'),
  );
  t.file(
    'etc/apt/sources.list',
    d.id === 'ubuntu'
      ? [
          `deb http://archive.ubuntu.com/ubuntu/ ${d.codename} main restricted`,
          `deb http://archive.ubuntu.com/ubuntu/ ${d.codename}-updates main restricted`,
          `deb http://security.ubuntu.com/ubuntu/ ${d.codename}-security main restricted`,
          '',
        ].join('\n')
      : [
          `deb http://deb.debian.org/debian ${d.codename} main`,
          `deb http://deb.debian.org/debian-security ${d.codename}-security main`,
          '',
        ].join('\n'),
  );
  t.dir('etc/apt/apt.conf.d').file(
    'etc/apt/apt.conf.d/docker-clean',
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };\n',
  );
  t.dir('etc/apt/preferences.d').dir('etc/apt/sources.list.d').dir('etc/apt/trusted.gpg.d');
  for (const rc of [
    'rc0.d',
    'rc1.d',
    'rc2.d',
    'rc3.d',
    'rc4.d',
    'rc5.d',
    'rc6.d',
    'rcS.d',
    'init.d',
    'cron.daily',
    'logrotate.d',
    'security',
    'pam.d',
    'profile.d',
    'update-motd.d',
    'opt',
    'selinux',
    'systemd/system',
    'terminfo',
    'dpkg/dpkg.cfg.d',
    'default',
  ])
    t.dir(`etc/${rc}`);
  for (const p of [
    'common-account',
    'common-auth',
    'common-password',
    'common-session',
    'login',
    'other',
    'su',
    'chfn',
    'chsh',
    'passwd',
  ])
    t.file(`etc/pam.d/${p}`, `#\n# /etc/pam.d/${p}\n#\n@include common-auth\n`);
  for (const s of ['limits.conf', 'namespace.conf', 'pam_env.conf', 'time.conf', 'access.conf', 'group.conf'])
    t.file(`etc/security/${s}`, `# /etc/security/${s}\n#\n`);
  t.file(
    'etc/init.d/procps',
    '#! /bin/sh\n### BEGIN INIT INFO\n# Provides:          procps\n### END INIT INFO\n',
    0o755,
  );
  t.file(
    'etc/mke2fs.conf',
    '[defaults]\n\tbase_features = sparse_super,large_file,filetype,resize_inode,dir_index,ext_attr\n',
  );
  t.file('etc/gai.conf', '# Configuration for getaddrinfo(3).\n').file('etc/xattr.conf', '# /etc/xattr.conf\n');
  t.file('etc/debconf.conf', '# This is the main config file for debconf.\n')
    .file('etc/deluser.conf', '# /etc/deluser.conf\n')
    .file('etc/adduser.conf', '# /etc/adduser.conf\nDSHELL=/bin/bash\nDHOME=/home\n');
  t.file('etc/subuid', '').file('etc/subgid', '').file('etc/timezone', 'Etc/UTC\n');
  t.symlink('etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  t.file('etc/terminfo/README', 'This directory is for system-local terminfo descriptions.\n');
  t.file('etc/dpkg/dpkg.cfg', '# dpkg configuration file\n').file(
    'etc/dpkg/dpkg.cfg.d/excludes',
    '# Drop all man pages\npath-exclude=/usr/share/man/*\n',
  );
  t.file('etc/default/useradd', '# Default values for useradd(8)\nSHELL=/bin/sh\n').file(
    'etc/default/nss',
    '# /etc/default/nss\n',
  );
  t.file('etc/profile.d/01-locale-fix.sh', '# Make sure the locale variables are set to valid values.\n');
  t.file('etc/update-motd.d/00-header', '#!/bin/sh\nprintf "Welcome to %s\\n" "$DISTRIB_DESCRIPTION"\n', 0o755);
  t.file('etc/hosts.allow', '# /etc/hosts.allow\n')
    .file('etc/hosts.deny', '# /etc/hosts.deny\n')
    .file('etc/networks', 'default\t\t0.0.0.0\nloopback\t127.0.0.0\nlink-local\t169.254.0.0\n');
  t.file('etc/bindresvport.blacklist', '623\n631\n636\n664\n774\n921\n');
  if (d.codename === 'focal') focalWellKnownFiles(t);
}
