// busybox's dmesg (util-linux's is not simulated on the host): its options as getopt32 parses
// "crn:s:", -n's and -s's numbers as xatou parses them, then klogctl(2). A container's process has
// no CAP_SYSLOG (Docker's default capabilities leave it out), so the kernel refuses every action:
// "dmesg: klogctl: Operation not permitted", as a real busybox container prints it. The host's
// own ring buffer is the machine's; busybox dmesg on the host says it is not simulated.
import type { CommandContext, CommandSpec } from '../../command.js';

function parse(args: string[]): { level?: string; size?: string } | string {
  const o: { level?: string; size?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a.startsWith('--')) return `dmesg: unrecognized option '${a}'`;
    if (!a.startsWith('-') || a === '-') continue; // dmesg takes no operands and ignores them
    for (let k = 1; k < a.length; k++) {
      const f = a.charAt(k);
      if (f === 'c' || f === 'r') continue;
      if (f !== 'n' && f !== 's') return `dmesg: invalid option -- '${f}'`;
      const v = a.slice(k + 1) || args[++i];
      if (v === undefined) return `dmesg: option requires an argument -- '${f}'`;
      if (f === 'n') o.level = v;
      else o.size = v;
      break;
    }
  }
  return o;
}

/** xatou's complaint about `v` (xatoi_positive: not a number, or past INT_MAX), if any. The level is not
 * range-checked here: klogctl refuses a bad one (EINVAL), after the capability check. */
function numberError(v: string): string | undefined {
  return /^\d+$/.test(v) && Number(v) <= 2 ** 31 - 1 ? undefined : `dmesg: invalid number '${v}'`;
}

export function busyboxDmesg(): CommandSpec {
  return {
    name: 'dmesg',
    summary: "busybox's dmesg: the kernel's ring buffer (klogctl), which a container may not read",
    run(ctx: CommandContext): number {
      const o = parse(ctx.argv.slice(1));
      if (typeof o === 'string') {
        // busybox's applet wrapper turns the "Try" line into the banner and usage
        ctx.stderr(`${o}\nTry 'dmesg --help' for more information.\n`);
        return 1;
      }
      const bad =
        (o.level !== undefined ? numberError(o.level) : undefined) ??
        (o.size !== undefined ? numberError(o.size) : undefined);
      if (bad) {
        ctx.stderr(`${bad}\n`);
        return 1;
      }
      if (ctx.proc.root === '/') {
        ctx.stderr("dmesg: not simulated here (the host's kernel ring buffer is the machine's own)\n");
        return 1;
      }
      ctx.stderr('dmesg: klogctl: Operation not permitted\n');
      return 1;
    },
  };
}
