// -u/--user as the daemon and runc read it (libcontainer/user GetExecUser): USER[:GROUP], each a
// name in the container's /etc/passwd or /etc/group, or a number that needs no entry. A named
// user brings its primary group, its home and the groups that list it as a member; an explicit
// GROUP replaces all of those. The kernel keeps supplementary groups sorted (groups_sort), with
// the primary group among them as runc sets it.
import { type Credentials, isKernelError, type Proc } from '../../kernel/index.js';
import { DaemonError } from './types.js';

export interface ExecUser extends Credentials {
  groups: number[];
  home: string;
}

interface Entry {
  name: string;
  id: number;
  gid: number;
  home: string;
  members: string[];
}

/** A passwd or group file that is there but cannot be read (a directory): Go's read error. */
class TableUnreadable extends Error {}

function readTable(proc: Proc, path: string, kind: 'passwd' | 'group'): Entry[] {
  let text: string;
  try {
    text = new TextDecoder().decode(proc.readFile(path));
  } catch (e) {
    // A missing file is no file (GetExecUserPath opens nothing); one that opens but cannot be read fails.
    if (isKernelError(e) && e.code === 'EISDIR') throw new TableUnreadable('is a directory');
    return [];
  }
  const out: Entry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split(':');
    const id = Number(f[2]);
    if (!Number.isInteger(id)) continue;
    if (kind === 'passwd') out.push({ name: f[0] ?? '', id, gid: Number(f[3]) || 0, home: f[5] ?? '', members: [] });
    else out.push({ name: f[0] ?? '', id, gid: id, home: '', members: (f[3] ?? '').split(',').filter(Boolean) });
  }
  return out;
}

const numeric = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : undefined);

/** The process's credentials for a user spec, or the daemon's error (a name the image lacks). */
export function resolveUser(proc: Proc, spec: string, rootPath = ''): ExecUser {
  const at = spec.indexOf(':');
  const userArg = at < 0 ? spec : spec.slice(0, at);
  const groupArg = at < 0 ? '' : spec.slice(at + 1);
  let users: Entry[];
  try {
    users = readTable(proc, '/etc/passwd', 'passwd');
  } catch (e) {
    if (!(e instanceof TableUnreadable)) throw e;
    // libcontainer's GetExecUser names the default uid when no user was asked for.
    const who = userArg === '' ? '0' : userArg;
    throw new DaemonError(`unable to find user ${who}: read ${rootPath}/etc/passwd: ${e.message}`, 500, 125);
  }
  const match = users.find((u) => (userArg === '' ? u.id === 0 : u.name === userArg || String(u.id) === userArg));
  const user: ExecUser = { uid: 0, gid: 0, groups: [], home: '/' };
  if (match) {
    user.uid = match.id;
    user.gid = match.gid;
    user.home = match.home || '/';
  } else if (userArg !== '') {
    const n = numeric(userArg);
    if (n === undefined)
      throw new DaemonError(`unable to find user ${userArg}: no matching entries in passwd file`, 500, 125);
    user.uid = n;
  }
  const sgids: number[] = [];
  if (groupArg !== '' || match) {
    const groups = readTable(proc, '/etc/group', 'group');
    if (groupArg !== '') {
      const g = groups.find((x) => x.name === groupArg || String(x.id) === groupArg);
      const n = g?.id ?? numeric(groupArg);
      if (n === undefined)
        throw new DaemonError(`unable to find group ${groupArg}: no matching entries in group file`, 500, 125);
      user.gid = n;
    } else if (match && userArg !== '') {
      for (const g of groups) if (g.members.includes(match.name)) sgids.push(g.id);
    }
  }
  user.groups = [...new Set([...sgids, user.gid])].sort((a, b) => a - b);
  return user;
}
