// The small text rules of the classic builder: how instructions are read (exec or shell form,
// KEY=VALUE pairs) and how their commit messages are written, which is what `docker history`
// shows as CREATED BY (moby builder/dockerfile/dispatchers.go, internals.go).
import { humanSize } from '../go-units.js';

/** ["a","b"] (exec form) or a shell string. */
export function parseExecOrShell(raw: string): { exec?: string[]; shell?: string } {
  const t = raw.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { exec: v as string[] };
    } catch {
      // Not valid JSON: Docker then treats the text as shell form.
    }
  }
  return { shell: t };
}

/** ENV and LABEL arguments: KEY=VALUE pairs (quotes removed), or the old `ENV KEY value` form. */
export function parseEnvArgs(raw: string): Array<[string, string]> {
  const t = raw.trim();
  if (!/^[^\s=]+=/.test(t)) {
    const sp = t.search(/\s/);
    return sp < 0 ? [[t, '']] : [[t.slice(0, sp), t.slice(sp).trim()]];
  }
  const out: Array<[string, string]> = [];
  const re = /([^\s=]+)=("((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g;
  for (const [, key = '', , quoted, single, bare = ''] of t.matchAll(re)) {
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (single ?? bare);
    out.push([key, value]);
  }
  return out;
}

/** Go's %q of a []string: ["nginx" "-g" "daemon off;"] (no commas), as history prints CMD. */
export function cmdText(args: string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(' ')}]`;
}

/**
 * The Cmd a no-op step's container gets. Most instructions use a two-argument comment (so the
 * history line has two spaces after "#(nop)"); WORKDIR, COPY and ADD keep the older one-argument
 * form (one space).
 */
export function nopCommand(comment: string, singleArg = false): string[] {
  return singleArg ? ['/bin/sh', '-c', `#(nop) ${comment}`] : ['/bin/sh', '-c', '#(nop) ', comment];
}

/** Docker's units.HumanSize: decimal units, four significant digits ("2.048kB"). */
export function formatContextSize(bytes: number): string {
  return humanSize(bytes);
}
