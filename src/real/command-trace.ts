// What a lesson's checks need from a real bash: each command that ran in a line, with its argv,
// what it printed on stdout and its exit status (the simulator's shell records the same as a
// CommandTrace). A real bash does not say which command of a line printed what, so the commands
// the checks name run through a small bash wrapper first on PATH: it records argv, tees stdout
// into the trace and passes the exit status on. Commands in pipelines, in $(…) and under xargs go
// through it too, as they find their program on PATH; builtins (echo, printf) are not recorded.
//
// Two more stand-ins serve a lesson on the tutor's private daemon: `docker pull` of a tutorial
// image becomes a `docker load` of that image's archive from the simulator (there is no registry;
// the line says so), and `systemctl restart docker` asks the tutor to restart its private dockerd
// with the storage driver /etc/docker/daemon.json names.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandTrace } from '../shell/command.js';
import { shellQuote } from '../posix/shell-quote.js';

/** The commands recorded: every program a lesson check names (test/real/command-trace.test.ts
 * keeps the list covering them). */
export const TRACED_COMMANDS = [
  'docker',
  'ls',
  'cat',
  'sha256sum',
  'jq',
  'find',
  'stat',
  'du',
  'tree',
  'grep',
  'head',
  'tail',
  'tac',
  'more',
  'less',
  'tr',
  'awk',
  'sed',
  'cut',
  'xargs',
  'od',
  'strings',
  'uname',
  'mount',
  'findmnt',
  'getfattr',
  'systemctl',
  'tar',
];

/** A request to the tutor, in bash (the tutor serves it while the line runs: serveRequests): `ask
 * WORDS…` writes them to $__OT_CTL/request and waits for the reply, whose first line is the status
 * (in $code) and the rest its words (in $said). */
const ASK = `ask() {
  rm -f "$__OT_CTL/reply"
  printf '%s\\n' "$*" > "$__OT_CTL/request.new" && mv "$__OT_CTL/request.new" "$__OT_CTL/request"
  while [ ! -e "$__OT_CTL/reply" ]; do sleep 0.1; done
  code=$(head -n 1 "$__OT_CTL/reply"); said=$(tail -n +2 "$__OT_CTL/reply"); rm -f "$__OT_CTL/reply"
}`;

// `docker pull` of a tutorial image: nothing when the daemon holds that image under that tag (the
// same image ID as the simulator's), a tag when it holds it under another, else a load of the
// simulator's archive (src/real/image-archives.ts), asked of the tutor when the cache has none.
const WRAPPER = `#!/bin/bash
# overlay-tutor: records this command (argv, stdout, exit status) for the lesson's checks
n=\${0##*/}
real=$(PATH=$__OT_PATH type -P -- "$n") || { echo "$n: command not found" >&2; exit 127; }
f=$__OT_TRACE/\${EPOCHREALTIME/[.,]/}.$BASHPID.$RANDOM
printf '%s\\0' "$n" "$@" > "$f.argv"
${ASK}
if [ "$n" = docker ] && [ "$1" = pull ] && [ -n "$__OT_IMAGES" ]; then
  ref=\${!#}
  case $ref in *:*) ;; *) ref=$ref:latest ;; esac
  ref=\${ref#docker.io/}; ref=\${ref#library/}
  stem=\${ref//[\\/:]/_}
  if [ -f "$__OT_IMAGES/$stem.id" ]; then
    id=$(<"$__OT_IMAGES/$stem.id")
    if [ "$("$real" image inspect -f '{{.Id}}' "$ref" 2>/dev/null)" = "$id" ]; then
      echo "(no registry here: $ref is on the daemon already, the simulator's image: nothing to load)" >&2
      : > "$f.out"; printf 0 > "$f.exit"; exit 0
    fi
    if "$real" image inspect "$id" >/dev/null 2>&1; then
      echo "(no registry here: $ref is the image the daemon holds under another tag: tagged)" >&2
      set -- tag "$id" "$ref"
    else
      file=$(<"$__OT_IMAGES/$stem.archive")
      if [ ! -f "$file" ] && [ -n "$__OT_CTL" ]; then
        echo "(no registry here: the simulator writes $ref's archive first, once: it is kept for the next time)" >&2
        ask archive "$ref"
        [ -n "$said" ] && printf '%s\\n' "$said" >&2
        [ "$code" = 0 ] || { printf '%s' "$code" > "$f.exit"; exit "$code"; }
      fi
      if [ -f "$file" ]; then
        echo "(no registry here: $ref is loaded from the simulator's archive of it)" >&2
        set -- load -i "$file"
      fi
    fi
  fi
fi
# Its argv[0] as typed, so its messages name it as they would without the wrapper ("cat: …").
(exec -a "$n" "$real" "$@") | tee "$f.out"
rc=\${PIPESTATUS[0]}
printf '%d' "$rc" > "$f.exit"
exit "$rc"
`;

/** What systemctl says on the real host where the tutor does not restart its dockerd for it. */
export const SYSTEMCTL_NOT_RUN =
  "systemctl: not run on the real host: the tutor's private dockerd is not a systemd service";

/** A note the pull stand-in writes (an image already there, an archive being made or loaded). */
export const PULL_NOTE = /^\(no registry here[^\n]*\n?/gm;

/** The stand-in for systemctl: restart/start of docker go to the tutor (through files under
 * `ctl`, answered by serveSystemctl), anything else is not run. */
export function systemctlShim(ctl: string | undefined): string {
  const notRun = `echo ${shellQuote(SYSTEMCTL_NOT_RUN)} >&2\nexit 1\n`;
  if (!ctl) return `#!/bin/sh\n${notRun}`;
  const c = shellQuote(ctl);
  return `#!/bin/bash
__OT_CTL=${c}
${ASK}
case "$1 \${2%.service}" in
"restart docker" | "start docker")
  ask "$@"
  [ -n "$said" ] && printf '%s\\n' "$said" >&2
  exit "$code" ;;
esac
${notRun}`;
}

export interface TraceDirs {
  /** Put first on PATH: the wrappers. */
  bin: string;
  /** Where each command's record goes. */
  records: string;
}

export function installTrace(dir: string): TraceDirs {
  const bin = join(dir, 'trace-bin');
  const records = join(dir, 'trace');
  mkdirSync(bin, { recursive: true });
  mkdirSync(records, { recursive: true });
  for (const name of TRACED_COMMANDS) writeFileSync(join(bin, name), WRAPPER, { mode: 0o755 });
  return { bin, records };
}

/** The commands recorded since the last call, in the order they started; the records go. */
export function takeTrace(records: string): CommandTrace[] {
  let names: string[];
  try {
    names = readdirSync(records).filter((n) => n.endsWith('.argv'));
  } catch {
    return [];
  }
  const stamp = (n: string) => BigInt(n.split('.')[0] ?? '0');
  names.sort((a, b) => (stamp(a) < stamp(b) ? -1 : stamp(a) > stamp(b) ? 1 : 0));
  const out: CommandTrace[] = [];
  for (const n of names) {
    const base = join(records, n.slice(0, -'.argv'.length));
    const read = (ext: string) => (existsSync(`${base}${ext}`) ? readFileSync(`${base}${ext}`, 'utf8') : '');
    const argv = read('.argv').split('\0').slice(0, -1);
    const exit = read('.exit');
    out.push({ argv, stdin: '', stdout: read('.out'), exitCode: exit === '' ? -1 : Number(exit) });
    for (const ext of ['.argv', '.out', '.exit']) rmSync(`${base}${ext}`, { force: true });
  }
  return out;
}

/** Answers one request under `ctl` (systemctl's, or a pull's for an archive), if one waits: the
 * handler's exit status and words. */
export async function serveRequests(
  ctl: string,
  handle: (args: string[]) => Promise<{ code: number; message: string }>,
): Promise<boolean> {
  const request = join(ctl, 'request');
  if (!existsSync(request)) return false;
  const args = readFileSync(request, 'utf8').trim().split(/\s+/);
  rmSync(request, { force: true });
  const r = await handle(args);
  writeFileSync(join(ctl, 'reply.new'), `${r.code}\n${r.message}${r.message && !r.message.endsWith('\n') ? '\n' : ''}`);
  renameSync(join(ctl, 'reply.new'), join(ctl, 'reply'));
  return true;
}
