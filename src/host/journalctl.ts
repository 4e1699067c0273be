// journalctl for what the simulated host's journal holds: docker.service's lines (systemd's job
// messages and dockerd's own), in journalctl's short format, with -x's catalog text, -u, -n, -e.
// The simulator tells a learner to run `journalctl -xeu docker.service` when the daemon fails.
import type { CommandContext, CommandSpec } from '../shell/command.js';
import type { DockerService, JournalEntry } from './docker-service.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One entry in journalctl's short format: "Dec 07 16:42:29 host dockerd[1158]: …". */
export function shortLine(e: JournalEntry, hostname: string): string {
  return `${stamp(e.ms)} ${hostname} ${e.ident}[${e.pid}]: ${e.text}`;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}

interface JournalOptions {
  unit?: string;
  catalog: boolean;
  lines?: number;
}

function parse(args: string[]): JournalOptions | string {
  const o: JournalOptions = { catalog: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = (flag: string): string | undefined => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new Error(`option '${flag}' requires an argument`);
      return v;
    };
    if (a.startsWith('--')) {
      const name = a.slice(2).replace(/=.*/s, '');
      if (name === 'unit') o.unit = value('--unit');
      else if (name === 'lines') o.lines = Number(value('--lines'));
      else if (name === 'catalog') o.catalog = true;
      else if (!['no-pager', 'pager-end', 'boot', 'follow', 'no-hostname'].includes(name))
        return `journalctl: unrecognized option '${a}'`;
      continue;
    }
    if (!a.startsWith('-') || a === '-') return `journalctl: "${a}" is not a journal field match the tutor models`;
    for (let k = 1; k < a.length; k++) {
      const f = a.charAt(k);
      if (f === 'x') o.catalog = true;
      else if (f === 'e' || f === 'b' || f === 'f' || f === 'q') continue;
      else if (f === 'u' || f === 'n') {
        const rest = a.slice(k + 1);
        const v = rest !== '' ? rest : args[++i];
        if (v === undefined) return `journalctl: option requires an argument -- '${f}'`;
        if (f === 'u') o.unit = v;
        else o.lines = Number(v);
        break;
      } else return `journalctl: invalid option -- '${f}'`;
    }
  }
  return o;
}

export function createJournalctl(svc: DockerService, hostname: string): CommandSpec {
  return {
    name: 'journalctl',
    summary: "the systemd journal: docker.service's lines (-u, -x, -e, -n)",
    run(ctx: CommandContext): number {
      let o: JournalOptions | string;
      try {
        o = parse(ctx.argv.slice(1));
      } catch (e) {
        o = `journalctl: ${(e as Error).message}`;
      }
      if (typeof o === 'string') {
        ctx.stderr(`${o}\n`);
        return 1;
      }
      const unit = o.unit === undefined ? undefined : o.unit.endsWith('.service') ? o.unit : `${o.unit}.service`;
      // The host's journal keeps docker.service's lines; other units logged nothing here.
      let entries = unit === undefined || unit === 'docker.service' ? svc.journal : [];
      const n = o.lines;
      if (n !== undefined && Number.isInteger(n) && n >= 0) entries = n === 0 ? [] : entries.slice(-n);
      if (entries.length === 0) {
        ctx.stdout('-- No entries --\n');
        return 0;
      }
      let out = '';
      for (const e of entries) {
        out += `${shortLine(e, hostname)}\n`;
        if (o.catalog && e.explain) for (const l of e.explain) out += `\u2591\u2591 ${l}\n`;
      }
      ctx.stdout(out);
      return 0;
    },
  };
}
