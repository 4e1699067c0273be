// busybox's ping (networking/ping.c, FEATURE_FANCY_PING), as it runs in a container: the name
// looked up (net-lookup.ts), an echo request a second (-i), a reply line for each answer, and the
// statistics at the end; no answer: "100% packet loss" after waiting -W seconds (10 by default)
// for the last one. Who answers is the engine's (container-net.ts). The round-trip times are made
// up, small and fixed by the address and the sequence number (the conformance normaliser masks the
// real ones). Without -c or -w it runs until Ctrl-C, as the real one does: one a second on a screen
// that can stop it; with nothing to stop it (a script), after one round it says so and stops.
import { BudgetExceeded } from '../../../kernel/budget.js';
import { type DockerEngine, reach } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { advanceClock, containerOf, resolveHost } from './net-lookup.js';

interface PingOptions {
  count: number;
  size: number;
  intervalMs: number;
  waitS: number;
  deadlineS: number;
  quiet: boolean;
}

const WITH_VALUE = new Set(['c', 's', 't', 'w', 'W', 'I', 'p', 'i']);
const FLAGS = new Set(['q', 'v', 'A', 'n', '4', '6']);
const NUMERIC = new Set(['c', 's', 't', 'w', 'W']);

/** getopt32 over ping's option string; a bad option or number ends the run with its message. */
function parse(argv: string[], ctx: CommandContext): { o: PingOptions; host: string } | number {
  const o: PingOptions = { count: 0, size: 56, intervalMs: 1000, waitS: 10, deadlineS: 0, quiet: false };
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string;
      if (FLAGS.has(f)) {
        if (f === 'q') o.quiet = true;
        continue;
      }
      if (!WITH_VALUE.has(f)) {
        ctx.stderr(`ping: invalid option -- '${f}'\nTry 'ping --help' for more information.\n`);
        return 1;
      }
      const value = a.length > j + 1 ? a.slice(j + 1) : argv[++i];
      if (value === undefined) {
        ctx.stderr(`ping: option requires an argument -- '${f}'\nTry 'ping --help' for more information.\n`);
        return 1;
      }
      if (NUMERIC.has(f) && !/^\d+$/.test(value)) {
        ctx.stderr(`ping: invalid number '${value}'\n`);
        return 1;
      }
      if (f === 'c') o.count = Number(value);
      else if (f === 's') o.size = Number(value);
      else if (f === 'W') o.waitS = Number(value);
      else if (f === 'w') o.deadlineS = Number(value);
      else if (f === 'i') {
        const secs = Number(value);
        if (!/^\d*\.?\d+$/.test(value) || !Number.isFinite(secs)) {
          ctx.stderr(`ping: invalid number '${value}'\n`);
          return 1;
        }
        o.intervalMs = Math.round(secs * 1000);
      }
      break;
    }
  }
  if (operands.length !== 1) {
    ctx.stderr("Try 'ping --help' for more information.\n");
    return 1;
  }
  return { o, host: operands[0] as string };
}

/** A round trip in microseconds: between 0.060 and 0.199 ms, the same for the same packet. */
function roundTrip(ip: string, seq: number): number {
  let h = 2166136261;
  for (const ch of `${ip}#${seq}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return 60 + ((h >>> 0) % 140);
}

const ms = (us: number): string => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

export function busyboxPing(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'ping',
    summary: "send ICMP echo requests (busybox's, in a container)",
    async run(ctx) {
      const parsed = parse(ctx.argv.slice(1), ctx);
      if (typeof parsed === 'number') return parsed;
      const { o, host } = parsed;
      const where = containerOf(ctx, docker);
      const ip = resolveHost(ctx, where, host);
      if (!ip) {
        ctx.stderr(`ping: bad address '${host}'\n`);
        return 1;
      }
      const head = `PING ${host} (${ip}): ${o.size} data bytes\n`;
      const path = where ? reach(where.d, where.c, ip) : { reply: false as const, why: 'drop' as const };
      if (!path.reply && path.why === 'unreachable') {
        // stdout is buffered when it is not a terminal: the error is out first, the PING line at exit.
        if (ctx.stdoutIsTerminal) ctx.stdout(head);
        ctx.stderr('ping: sendto: Network is unreachable\n');
        if (!ctx.stdoutIsTerminal) ctx.stdout(head);
        return 1;
      }
      ctx.stdout(head);
      const times: number[] = [];
      let sent = 0;
      let received = 0;
      const stats = (): void => {
        const lines = [
          '',
          `--- ${host} ping statistics ---`,
          `${sent} packets transmitted, ${received} packets received, ` +
            `${Math.floor(((sent - received) * 100) / Math.max(sent, 1))}% packet loss`,
        ];
        if (times.length) {
          const avg = Math.floor(times.reduce((a, b) => a + b, 0) / times.length);
          lines.push(`round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))} ms`);
        }
        ctx.stdout(`${lines.join('\n')}\n`);
      };
      const endless = o.count === 0 && o.deadlineS === 0;
      // Waits as the real one waits: on a screen (Ctrl-C can end it) in real time, else on the host's clock.
      const wait = async (waitMs: number): Promise<void> => {
        if (ctx.budget.interruptible) await ctx.budget.idle(waitMs);
        else advanceClock(ctx, waitMs);
      };
      try {
        for (let elapsed = 0; ; elapsed += o.intervalMs) {
          sent++;
          if (path.reply) {
            // A payload too small for the send time (under 8 bytes) gives a reply without its time.
            const us = o.size >= 8 ? roundTrip(ip, sent - 1) : undefined;
            received++;
            if (us !== undefined) times.push(us);
            const time = us === undefined ? '' : ` time=${ms(us)} ms`;
            if (!o.quiet) ctx.stdout(`${o.size + 8} bytes from ${ip}: seq=${sent - 1} ttl=${path.ttl}${time}\n`);
          }
          if (o.count && sent >= o.count) break;
          if (o.deadlineS && elapsed + o.intervalMs >= o.deadlineS * 1000) {
            await wait(o.deadlineS * 1000 - elapsed);
            stats();
            return received ? 0 : 1;
          }
          if (endless && !ctx.budget.interruptible) {
            ctx.stderr(
              '(ping sends one every second until Ctrl-C; with no terminal to press it on, the tutor stops here)\n',
            );
            stats();
            return received ? 0 : 1;
          }
          await wait(o.intervalMs);
        }
        // The last reply is in; without one ping waits -W seconds for it (within -w's deadline).
        if (received < sent) await wait((o.deadlineS ? Math.min(o.waitS, o.deadlineS) : o.waitS) * 1000);
      } catch (e) {
        // Ctrl-C: SIGINT makes ping print its statistics as it goes.
        if (e instanceof BudgetExceeded) stats();
        throw e;
      }
      stats();
      return received ? 0 : 1;
    },
  };
}
