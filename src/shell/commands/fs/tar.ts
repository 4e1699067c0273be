// tar (GNU tar 1.34's listing and extraction): -t and -x of a file on the simulated disk, with
// -v, -f FILE (standard input by default), -C DIR, -O (to standard output) and -z, so a learner can
// open what `docker save` wrote and see .wh. files where the disk has whiteout devices. -c makes
// an archive of the named paths in GNU tar's own format byte for byte (tar-write.ts; with
// --numeric-owner, --sort=name, --mtime=@N, --xattrs), -z gzipped, to -f FILE or standard output.
// Inside a busybox container -c writes busybox's archive, -tv lists in busybox's format (seconds,
// `-> target` for hard links too) and the messages are busybox's.
import { gunzipSync, gzipSync } from 'node:zlib';
import { memberContent, type TarHeader as Headers, tarMembers } from '../../../docker/tar-reader.js';
import { contentBytes, type FileContent, readRange } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { writeContentTo } from '../../content-output.js';
import { isBusybox } from '../busybox/formats.js';
import { errText } from '../options.js';
import { stdinContent } from '../text/operands.js';
import { writeTarArchive } from './tar-write.js';

interface TarOptions {
  mode?: 't' | 'x' | 'c';
  verbose: boolean;
  file?: string;
  dir?: string;
  gzip: boolean;
  /** -O: extract files to standard output (tar -xO manifest.json). */
  toStdout: boolean;
  /** --numeric-owner: ids, not names (in the archive with -c, in the listing with -tv). */
  numericOwner: boolean;
  sort: 'none' | 'name';
  xattrs: boolean;
  /** --mtime=@N (or a date): every member's time with -c, and the date as typed. */
  mtime?: { seconds: number; typed: string };
  members: string[];
}

const TRY = "Try 'tar --help' or 'tar --usage' for more information.\n";

function parseArgs(argv: string[]): TarOptions | string {
  const o: TarOptions = {
    verbose: false,
    gzip: false,
    toStdout: false,
    numericOwner: false,
    sort: 'none',
    xattrs: false,
    members: [],
  };
  const setMode = (m: 't' | 'x' | 'c'): string | undefined => {
    if (o.mode && o.mode !== m)
      return "tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option\n";
    o.mode = m;
    return undefined;
  };
  const args = [...argv];
  // Old style: the first word without a dash is a cluster of option letters.
  if (args[0] && !args[0].startsWith('-') && /^[txcvfzCO]+$/.test(args[0])) args[0] = `-${args[0]}`;
  for (let a = args.shift(); a !== undefined; a = args.shift()) {
    if (a === '--list') {
      const e = setMode('t');
      if (e) return e;
      continue;
    }
    if (a === '--extract' || a === '--get') {
      const e = setMode('x');
      if (e) return e;
      continue;
    }
    if (a === '--create') {
      const e = setMode('c');
      if (e) return e;
      continue;
    }
    if (a === '--verbose') {
      o.verbose = true;
      continue;
    }
    if (a === '--to-stdout') {
      o.toStdout = true;
      continue;
    }
    if (a === '--gzip' || a === '--gunzip') {
      o.gzip = true;
      continue;
    }
    if (a === '--numeric-owner') {
      o.numericOwner = true;
      continue;
    }
    if (a === '--xattrs' || a === '--no-xattrs') {
      o.xattrs = a === '--xattrs';
      continue;
    }
    if (a.startsWith('--sort=')) {
      const v = a.slice(7);
      if (v !== 'none' && v !== 'name' && v !== 'inode')
        return (
          `tar: invalid argument \u2018${v}\u2019 for \u2018--sort\u2019\nValid arguments are:\n` +
          '  - \u2018none\u2019\n  - \u2018name\u2019\n  - \u2018inode\u2019\n'
        );
      o.sort = v === 'name' ? 'name' : 'none';
      continue;
    }
    if (a.startsWith('--mtime=')) {
      const v = a.slice(8);
      const epoch = /^@(-?\d+)$/.exec(v);
      const t = epoch ? Number(epoch[1]) * 1000 : Date.parse(`${v}${/\d:\d/.test(v) ? '' : ' 00:00'} UTC`);
      if (Number.isNaN(t))
        return (
          `tar: Substituting -9223372036854775807 for unknown date format \u2018${v}\u2019\n` +
          'tar: --mtime with a date tar cannot read: not simulated here\n'
        );
      o.mtime = { seconds: Math.floor(t / 1000), typed: v };
      continue;
    }
    if (a.startsWith('--file=')) {
      o.file = a.slice(7);
      continue;
    }
    if (a.startsWith('--directory=')) {
      o.dir = a.slice(12);
      continue;
    }
    if (a === '--file' || a === '--directory') {
      const v = args.shift();
      if (v === undefined) return `tar: option '${a}' requires an argument\n${TRY}`;
      if (a === '--file') o.file = v;
      else o.dir = v;
      continue;
    }
    if (a.startsWith('--')) return `tar: unrecognized option '${a}'\n${TRY}`;
    if (a.startsWith('-') && a.length > 1) {
      const letters = a.slice(1);
      for (let i = 0; i < letters.length; i++) {
        const c = letters.charAt(i);
        if (c === 't' || c === 'x' || c === 'c') {
          const e = setMode(c);
          if (e) return e;
        } else if (c === 'v') o.verbose = true;
        else if (c === 'z') o.gzip = true;
        else if (c === 'O') o.toStdout = true;
        else if (c === 'f' || c === 'C') {
          const rest = letters.slice(i + 1);
          const v = rest !== '' ? rest : args.shift();
          if (v === undefined) return `tar: option requires an argument -- '${c}'\n${TRY}`;
          if (c === 'f') o.file = v;
          else o.dir = v;
          break;
        } else return `tar: invalid option -- '${c}'\n${TRY}`;
      }
      continue;
    }
    o.members.push(a);
  }
  return o;
}

const TYPE_CHAR: Record<string, string> = {
  file: '-',
  directory: 'd',
  symlink: 'l',
  link: 'h',
  'character-device': 'c',
  'block-device': 'b',
  fifo: 'p',
};

function modeString(h: Headers): string {
  const m = h.mode ?? 0;
  const rwx = (bits: number, special: boolean, ch: string) =>
    `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}` +
    `${special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-'}`;
  return (
    (TYPE_CHAR[h.type ?? 'file'] ?? '-') +
    rwx(m >> 6, (m & 0o4000) !== 0, 's') +
    rwx(m >> 3, (m & 0o2000) !== 0, 's') +
    rwx(m, (m & 0o1000) !== 0, 't')
  );
}

/** One line of `tar -tv`: mode, owner/group and size padded to GNU tar's 19 columns, time, name. */
function verboseLine(h: Headers, numericOwner: boolean): string {
  const owner = numericOwner ? `${h.uid}/${h.gid}` : `${h.uname || h.uid}/${h.gname || h.gid}`;
  const size =
    h.type === 'character-device' || h.type === 'block-device'
      ? `${h.devmajor ?? 0},${h.devminor ?? 0}`
      : String(h.size ?? 0);
  const pad = Math.max(1, 19 - owner.length - size.length);
  const t = h.mtime ?? new Date(0);
  const two = (n: number) => String(n).padStart(2, '0');
  const when =
    `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-` +
    `${two(t.getUTCDate())} ${two(t.getUTCHours())}:` +
    `${two(t.getUTCMinutes())}`;
  const tail = h.type === 'symlink' ? ` -> ${h.linkname}` : h.type === 'link' ? ` link to ${h.linkname}` : '';
  return `${modeString(h)} ${owner}${' '.repeat(pad)}${size} ${when} ${h.name}${tail}`;
}

/** busybox tar -tv's line: `%s %s/%s %9llu %4u-%02u-%02u %02u:%02u:%02u %s`, a hard link as `-> target`. */
function busyboxVerboseLine(h: Headers): string {
  const owner = `${h.uname || h.uid}/${h.gname || h.gid}`;
  const t = h.mtime ?? new Date(0);
  const when = t.toISOString().slice(0, 19).replace('T', ' ');
  const link = h.type === 'symlink' || h.type === 'link' ? ` -> ${h.linkname}` : '';
  const mode = modeString(h.type === 'link' ? { ...h, type: 'file' } : h);
  return `${mode} ${owner} ${String(h.type === 'link' ? 0 : (h.size ?? 0)).padStart(9)} ${when} ${h.name}${link}`;
}

/** tar -c: the named paths as one archive (gzipped with -z) to -f FILE or standard output. */
async function create(ctx: CommandContext, o: TarOptions): Promise<number> {
  const bb = isBusybox(ctx);
  if (o.members.length === 0) {
    ctx.stderr(bb ? 'tar: empty archive\n' : `tar: Cowardly refusing to create an empty archive\n${TRY}`);
    return bb ? 1 : 2;
  }
  const toStdout = o.file === undefined || o.file === '-';
  if (toStdout && ctx.stdoutIsTerminal) {
    ctx.stderr(
      bb
        ? "tar: can't write to terminal\n"
        : 'tar: Refusing to write archive contents to terminal (missing -f option?)\n' +
            'tar: Error is not recoverable: exiting now\n',
    );
    return bb ? 1 : 2;
  }
  if (o.mtime !== undefined && o.verbose && !bb) {
    const when = new Date(o.mtime.seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
    ctx.stderr(`tar: Option --mtime: Treating date '${o.mtime.typed}' as ${when}\n`);
  }
  let failed = false;
  let stripped = false;
  const sources = [];
  for (const m of o.members) {
    const name = m.replace(/^\/+/, '').replace(/\/+$/, '');
    if (name !== m.replace(/\/+$/, '') && !stripped) {
      stripped = true;
      ctx.stderr(
        bb ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n",
      );
    }
    const path = o.dir && !m.startsWith('/') ? `${o.dir}/${m}` : m;
    sources.push({ path, name: name === '' ? '.' : name, shown: m });
  }
  // The owners' names as the machine's (or the container's) passwd and group have them.
  const names = (file: string): Map<number, string> => {
    let text = '';
    try {
      text = new TextDecoder().decode(ctx.proc.readFile(file));
    } catch {
      // no such file: the ids stay bare
    }
    const map = new Map<number, string>();
    for (const f of text.split('\n').map((l) => l.split(':'))) {
      const id = Number(f[2]);
      if (f.length > 2 && f[2] !== '' && !map.has(id)) map.set(id, f[0] ?? '');
    }
    return map;
  };
  const users = names('/etc/passwd');
  const groups = names('/etc/group');
  const say = toStdout ? ctx.stderr : ctx.stdout;
  const { content, errors, absoluteLinks } = writeTarArchive(
    ctx.proc,
    sources,
    {
      flavour: bb ? 'busybox' : 'gnu',
      numericOwner: o.numericOwner,
      sort: o.sort,
      xattrs: o.xattrs && !bb,
      ...(o.mtime !== undefined ? { mtime: o.mtime.seconds } : {}),
      userName: (id) => users.get(id),
      groupName: (id) => groups.get(id),
    },
    (name) => {
      if (o.verbose) say(`${name}\n`);
    },
  );
  if (absoluteLinks && !bb) ctx.stderr("tar: Removing leading `/' from hard link targets\n");
  for (const { name, error } of errors) {
    ctx.stderr(bb ? `tar: ${name}: ${errText(error)}\n` : `tar: ${name}: Cannot stat: ${errText(error)}\n`);
    failed = true;
  }
  if (bb && o.gzip && !['/bin', '/usr/bin', '/sbin', '/usr/sbin'].some((d) => ctx.proc.exists(`${d}/gzip`))) {
    // busybox's tar runs a gzip program for -z, not its own applet: an image without one has none.
    if (!toStdout) ctx.proc.writeFile(o.file as string, '');
    ctx.stderr("tar: can't execute 'gzip': No such file or directory\n");
    return 1;
  }
  // A synthetic file stays described in an archive written to the disk (tar -cf of a big layer).
  const archive: FileContent = o.gzip ? new Uint8Array(gzipSync(contentBytes(content))) : content;
  // Described to a pipe or a file (tar -cf - /var/lib/docker | wc -c makes no 187 MB), as docker save.
  if (toStdout) await writeContentTo(ctx.stdout, archive);
  else {
    try {
      ctx.proc.writeContent(o.file as string, archive);
    } catch (err) {
      ctx.stderr(`tar: ${o.file}: Cannot open: ${errText(err)}\ntar: Error is not recoverable: exiting now\n`);
      return 2;
    }
  }
  if (!failed) return 0;
  ctx.stderr(
    bb ? 'tar: error exit delayed from previous errors\n' : 'tar: Exiting with failure status due to previous errors\n',
  );
  return bb ? 1 : 2;
}

/** mkdir -p: tar creates missing parents 0755. */
function mkdirs(p: CommandContext['proc'], dir: string): void {
  const parent = dir.slice(0, dir.lastIndexOf('/'));
  if (parent && !p.exists(parent)) mkdirs(p, parent);
  p.mkdir(dir, 0o755);
}

async function tar(ctx: CommandContext): Promise<number> {
  const o = parseArgs(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr(o);
    return 2;
  }
  if (!o.mode) {
    ctx.stderr(`tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n${TRY}`);
    return 2;
  }
  if (o.mode === 'c') return create(ctx, o);
  let bytes: FileContent;
  if (o.file === undefined || o.file === '-') {
    // GNU tar's default archive is standard input (docker export c | tar -t); a pipe's content
    // stays described (docker save nginx | tar -t lists 187 MB from its headers).
    if (ctx.input === undefined && ctx.stdin.length === 0 && ctx.stdinIsTerminal) {
      ctx.stderr(
        [
          'tar: Refusing to read archive contents from terminal (missing -f option?)',
          'tar: Error is not recoverable: exiting now',
          '',
        ].join('\n'),
      );
      return 2;
    }
    bytes = await stdinContent(ctx, { used: false });
  } else {
    try {
      // The archive as the disk keeps it: a saved image's tar is listed from its headers and
      // unpacked as slices of it, without making its synthetic files' bytes.
      bytes = ctx.proc.readContent(o.file);
    } catch (err) {
      ctx.stderr(`tar: ${o.file}: Cannot open: ${errText(err)}\ntar: Error is not recoverable: exiting now\n`);
      return 2;
    }
  }
  const magic = readRange(bytes, 0, 2);
  if (magic.length === 0) {
    // An empty archive (docker cp of a missing path piped in) is no archive to either tar; GNU
    // tar still names each member it was asked for.
    if (isBusybox(ctx)) ctx.stderr('tar: short read\n');
    else
      ctx.stderr(
        `tar: This does not look like a tar archive\n${notFound(o.members, new Set())}` +
          'tar: Exiting with failure status due to previous errors\n',
      );
    return isBusybox(ctx) ? 1 : 2;
  }
  if (o.gzip || (magic[0] === 0x1f && magic[1] === 0x8b)) {
    try {
      bytes = new Uint8Array(gunzipSync(contentBytes(bytes)));
    } catch {
      ctx.stderr(
        '\ngzip: stdin: not in gzip format\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n',
      );
      return 2;
    }
  }
  const base = o.dir ?? '.';
  const p = ctx.proc;
  let status = 0;
  // The members asked for that the archive held: any other is `Not found in archive` at the end.
  const found = new Set<string>();
  const wanted = (name: string) => {
    if (o.members.length === 0) return true;
    let hit = false;
    for (const m of o.members)
      if (name === m.replace(/\/+$/, '') || name.startsWith(`${m.replace(/\/+$/, '')}/`)) {
        found.add(m);
        hit = true;
      }
    return hit;
  };
  try {
    for (const m of tarMembers(bytes)) {
      const h = m.header;
      if (!wanted(h.name.replace(/\/$/, ''))) continue;
      if (o.mode === 't') {
        ctx.stdout(
          `${o.verbose ? (isBusybox(ctx) ? busyboxVerboseLine(h) : verboseLine(h, o.numericOwner)) : h.name}\n`,
        );
        continue;
      }
      if (o.toStdout) {
        // GNU tar writes the regular files' bytes; the listing -v asks for goes to standard error.
        if (o.verbose) ctx.stderr(`${h.name}\n`);
        if (h.type === 'file' || h.type === 'contiguous-file') ctx.stdout(contentBytes(memberContent(bytes, m)));
        continue;
      }
      if (o.verbose) ctx.stdout(`${h.name}\n`);
      const name = h.name.replace(/^\/+/, '').replace(/\/$/, '');
      if (name === '' || name === '.') continue;
      const target = `${base}/${name}`;
      try {
        const parent = target.slice(0, target.lastIndexOf('/'));
        if (parent && !p.exists(parent)) mkdirs(p, parent);
        const mode = (h.mode ?? 0o644) & 0o7777;
        const existing = p.exists(target) ? p.lstat(target) : undefined;
        if (existing && !(existing.type === 'dir' && h.type === 'directory')) p.unlink(target);
        switch (h.type) {
          case 'directory':
            if (!existing) p.mkdir(target, mode);
            break;
          case 'symlink':
            p.symlink(h.linkname ?? '', target);
            break;
          case 'link':
            p.link(`${base}/${(h.linkname ?? '').replace(/^\/+/, '')}`, target);
            break;
          default:
            // A member that is a whole synthetic file is made one again (same generator).
            p.writeContent(target, memberContent(bytes, m), mode);
        }
        if (h.type !== 'symlink' && h.type !== 'link') {
          // The owner first, then the mode, as GNU tar does: chown(2) drops set-user-ID.
          if ((h.uid ?? 0) !== 0 || (h.gid ?? 0) !== 0) p.chown(target, h.uid ?? 0, h.gid ?? 0, false);
          p.chmod(target, mode);
        }
        if (h.type !== 'symlink' && h.type !== 'link' && h.mtime)
          p.utimes(target, h.mtime.getTime(), h.mtime.getTime(), false);
      } catch (err) {
        ctx.stderr(`tar: ${name}: Cannot open: ${errText(err)}\n`);
        status = 2;
      }
    }
  } catch {
    ctx.stderr('tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n');
    return 2;
  }
  const missing = notFound(o.members, found);
  if (missing !== '') {
    ctx.stderr(isBusybox(ctx) ? missing.split('\n')[0]?.replace('Not found', 'not found') + '\n' : missing);
    if (isBusybox(ctx)) return 1;
    status = 2;
  }
  if (status) ctx.stderr('tar: Exiting with failure status due to previous errors\n');
  return status;
}

/** GNU tar's line for each member asked for that the archive did not hold. */
function notFound(members: readonly string[], found: ReadonlySet<string>): string {
  return members
    .filter((m) => !found.has(m))
    .map((m) => `tar: ${m}: Not found in archive\n`)
    .join('');
}

export const tarCommand: CommandSpec = {
  name: 'tar',
  summary: 'list, extract and create tar archives (-t -x -c, -v -f -z -C)',
  run: tar,
  streaming: true, // (to take a pipe's content described, not to read it as it comes)
};
