// busybox's applets, as a busybox-based container (or `busybox APPLET`) runs them. Each applet is
// the host's command run with ctx.variant set (the few that format differently look at it: ls -l,
// stat, df, du -h, wc, id), its error lines turned into busybox's words, and a bad command line
// answered with the banner and the applet's usage, as busybox 1.35 prints them (checked against
// Debian's busybox-static in a real container; scripts/record-busybox-usage.ts keeps the texts).
import type { Proc } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec, CommandVariant, Output } from '../../command.js';
import { BUSYBOX_RULES, type Rewrite } from './messages.js';
import { BUSYBOX_USAGE } from './usage-texts.js';

/** What a busybox binary without a banner of its own says (the tutorial images' synthetic one). */
const FALLBACK_BANNER = 'BusyBox v1.36.1 (2023-06-05 00:00:00 UTC) multi-call binary.';
/** The host's busybox-static (Ubuntu 22.04's package). */
const HOST_BANNER = 'BusyBox v1.30.1 (Ubuntu 1:1.30.1-7ubuntu3) multi-call binary.';

const banners = new Map<string, string>();

/** The banner line the binary carries, as `busybox --help` prints it. */
export function busyboxBanner(proc: Proc, binary: string): string {
  if (proc.root === '/') return HOST_BANNER;
  let key = binary;
  let bytes: Uint8Array;
  try {
    const st = proc.stat(binary);
    key = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
    const known = banners.get(key);
    if (known) return known;
    bytes = proc.readFile(binary);
  } catch {
    return FALLBACK_BANNER;
  }
  const banner = findBanner(bytes) ?? FALLBACK_BANNER;
  banners.set(key, banner);
  return banner;
}

/** The binary holds "BusyBox v1.35.0 (Debian …)" and " multi-call binary." apart, as bb_banner and
 * the string appletlib.c prints after it. */
function findBanner(bytes: Uint8Array): string | undefined {
  const needle = [0x42, 0x75, 0x73, 0x79, 0x42, 0x6f, 0x78, 0x20, 0x76]; // "BusyBox v"
  outer: for (let i = 0; i + needle.length < bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    let end = i;
    while (end < bytes.length && end - i < 120 && bytes[end] !== 0) end++;
    const text = new TextDecoder().decode(bytes.subarray(i, end));
    if (/^BusyBox v\S+( \([^)]*\))?$/.test(text)) return `${text} multi-call binary.`;
  }
  return undefined;
}

/** The usage block busybox prints on a bad command line (and for --help): banner and usage. */
export function busyboxUsage(ctx: CommandContext, applet: string, binary: string): string | undefined {
  const u = BUSYBOX_USAGE[applet];
  return u && `${busyboxBanner(ctx.proc, binary)}\n${u.usage}`;
}

/** Passes whole lines through `map`; a partial line waits for its end (or the end of the run). */
function lineFilter(out: Output, map: (line: string) => string | undefined): { write: Output; flush(): void } {
  const dec = new TextDecoder();
  let pending = '';
  const emit = (line: string): void => {
    const m = map(line);
    if (m !== undefined) out(`${m}\n`);
  };
  return {
    write: (d) => {
      pending += typeof d === 'string' ? d : dec.decode(d, { stream: true });
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        emit(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    },
    flush: () => {
      if (pending) out(pending);
      pending = '';
    },
  };
}

function applyRules(line: string, rules: readonly Rewrite[]): string | null | { usage: true; line?: string } {
  for (const [re, to] of rules) {
    const m = re.exec(line);
    if (!m) continue;
    return typeof to === 'function' ? to(m) : line.replace(re, to);
  }
  return line;
}

/** The applet `gnu` as busybox runs it. */
export function busyboxApplet(gnu: CommandSpec): CommandSpec {
  const name = gnu.name;
  const info = BUSYBOX_USAGE[name];
  const rules = [...(BUSYBOX_RULES[name] ?? []), ...genericRules(name, info?.long ?? true)];
  return {
    ...gnu,
    async run(ctx) {
      const variant: CommandVariant =
        ctx.variant ??
        ({ kind: 'busybox', binary: ctx.proc.root === '/' ? '/usr/bin/busybox' : '/bin/busybox' } as const);
      const args = ctx.argv.slice(1);
      if (info && args.length === 1 && args[0] === '--help') {
        ctx.stderr(busyboxUsage(ctx, name, variant.binary) as string);
        return 0;
      }
      let usageShown = false;
      const filter = lineFilter(ctx.stderr, (line) => {
        const r = applyRules(line, rules);
        if (r === null) return undefined;
        if (typeof r === 'string') return r;
        const block = usageShown ? undefined : busyboxUsage(ctx, name, variant.binary);
        usageShown = true;
        const text = [r.line, block?.replace(/\n$/, '')].filter((t) => t !== undefined).join('\n');
        return text === '' ? undefined : text;
      });
      try {
        const code = await gnu.run({ ...ctx, stderr: filter.write, variant });
        return usageShown ? 1 : code;
      } finally {
        filter.flush();
      }
    },
  };
}

/** What every applet answers differently from coreutils: the usage instead of "Try …", an
 * applet without long options reading `--x` as the option '-', no "missing operand" line. */
function genericRules(name: string, long: boolean): Rewrite[] {
  const rules: Rewrite[] = [
    [new RegExp(`^Try '${name} --help' for more information\\.$`), () => ({ usage: true })],
    [new RegExp(`^${name}: missing (file )?operand.*$`), () => ({ usage: true })],
  ];
  if (!long)
    rules.unshift([
      new RegExp(`^${name}: (unrecognized|invalid) option '--.*'$`),
      () => ({ usage: true, line: `${name}: invalid option -- '-'` }),
    ]);
  return rules;
}

/** The applets busybox runs its own way, made from the host's commands of the same names. */
export function busyboxApplets(commands: readonly CommandSpec[]): CommandSpec[] {
  return commands.filter((c) => BUSYBOX_USAGE[c.name] !== undefined).map(busyboxApplet);
}
