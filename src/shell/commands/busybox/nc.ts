// busybox's nc (networking/nc.c, the small one) as a client in a container: connect to HOST PORT,
// send what stdin holds, print what the server answers (httpd.ts's response, as bytes) until it
// closes. -w SEC bounds the lookup and the connect (its alarm says "timed out"); listening (-l) and
// -e are not modelled.
import { connectTo, type DockerEngine } from '../../../docker/engine/index.js';
import type { CommandSpec } from '../../command.js';
import { httpdAnswer, responseBytes, serverProc } from './httpd.js';
import { advanceClock, containerOf, resolveHost } from './net-lookup.js';

export function busyboxNc(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'nc',
    summary: 'send stdin to a server in another container and print its answer (busybox nc)',
    async run(ctx) {
      const args = ctx.argv.slice(1);
      let waitS = 0;
      const operands: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as string;
        if (!a.startsWith('-') || a === '-') {
          operands.push(a);
          continue;
        }
        const f = a[1] as string;
        if (!'iwlpfe'.includes(f)) {
          ctx.stderr(`nc: invalid option -- '${f}'\nTry 'nc --help' for more information.\n`);
          return 1;
        }
        const value = a.length > 2 ? a.slice(2) : args[++i];
        if (f === 'w') waitS = Number(value);
        else if (f !== 'i') {
          ctx.stderr(`nc -${f}: not simulated here (nc HOST PORT, with -w, is)\n`);
          return 1;
        }
      }
      if (operands.length !== 2) {
        ctx.stderr("Try 'nc --help' for more information.\n");
        return 1;
      }
      const [host = '', portText = ''] = operands;
      const where = containerOf(ctx, docker);
      if (!where) {
        ctx.stderr('nc: not simulated here outside a container (the tutor models busybox nc in one)\n');
        return 1;
      }
      const timedOut = (): number => {
        advanceClock(ctx, waitS * 1000);
        ctx.stderr('nc: timed out\n');
        return 1;
      };
      const before = ctx.proc.kernel.clock.now();
      const ip = resolveHost(ctx, where, host);
      if (ip === undefined) {
        // The lookup of a name no one answers outlasts a short -w: its alarm ends nc first.
        if (waitS > 0 && ctx.proc.kernel.clock.now() - before >= waitS * 1000) ctx.stderr('nc: timed out\n');
        else ctx.stderr(`nc: bad address '${host}'\n`);
        return 1;
      }
      const port = Number(portText);
      if (!/^\d+$/.test(portText) || port > 65535) {
        ctx.stderr(`nc: bad port '${portText}'\n`);
        return 1;
      }
      const conn = connectTo(where.d, where.c, ip, port);
      if (conn.kind !== 'open') {
        const waitMs = conn.kind === 'timeout' ? 127_000 : conn.waitMs;
        if (waitS > 0 && waitMs >= waitS * 1000) return timedOut();
        advanceClock(ctx, waitMs);
        const why = conn.kind === 'timeout' ? 'Connection timed out' : conn.error;
        ctx.stderr(`nc: can't connect to remote host (${ip}): ${why}\n`);
        return 1;
      }
      const request = new TextDecoder().decode(ctx.stdin);
      const answer = httpdAnswer(
        serverProc(where.d, conn.server),
        conn.listener.home,
        request,
        ctx.proc.kernel.clock.now(),
      );
      ctx.stdout(responseBytes(answer));
      return 0;
    },
  };
}
