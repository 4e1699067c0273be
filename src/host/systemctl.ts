// systemctl for the one service the tutorial needs: docker. start, stop, restart, status,
// is-active — with systemd's wording and exit codes (3 for an inactive unit in status and
// is-active, 5 for a unit that does not exist, 1 when a job fails).
import type { CommandContext, CommandSpec } from '../shell/command.js';
import type { DockerService } from './docker-service.js';
import { shortLine } from './journalctl.js';

const UNITS = new Set(['docker', 'docker.service']);

function since(ms: number, now: number): string {
  const d = new Date(ms);
  const day = d.toUTCString().slice(0, 3);
  const date = d.toISOString().slice(0, 19).replace('T', ' ');
  const secs = Math.max(0, Math.round((now - ms) / 1000));
  const ago =
    secs < 60 ? `${secs}s ago` : secs < 3600 ? `${Math.floor(secs / 60)}min ago` : `${Math.floor(secs / 3600)}h ago`;
  return `${day} ${date} UTC; ${ago}`;
}

const EXEC_START = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';

function statusText(svc: DockerService, now: number, hostname: string): string {
  const s = svc.status;
  const active =
    s.state === 'active'
      ? `active (running) since ${since(s.sinceMs, now)}`
      : s.state === 'failed'
        ? `failed (Result: exit-code) since ${since(s.sinceMs, now)}`
        : `inactive (dead) since ${since(s.sinceMs, now)}`;
  const lines = [
    `${s.state === 'active' ? '●' : s.state === 'failed' ? '×' : '○'}` +
      ' docker.service - Docker Application Container Engine',
    '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; vendor preset: enabled)',
    `     Active: ${active}`,
    'TriggeredBy: ● docker.socket',
    '       Docs: https://docs.docker.com',
  ];
  if (s.state === 'active') {
    lines.push(
      `   Main PID: ${s.pid} (dockerd)`,
      '      Tasks: 9',
      '     Memory: 31.2M',
      '        CPU: 412ms',
      '     CGroup: /system.slice/docker.service',
      `             └─${s.pid} ${EXEC_START}`,
    );
  }
  if (s.state === 'failed')
    lines.push(
      `    Process: ${s.pid} ExecStart=${EXEC_START} (code=exited, status=1/FAILURE)`,
      `   Main PID: ${s.pid} (code=exited, status=1/FAILURE)`,
      '        CPU: 61ms',
    );
  // The unit's last ten journal lines, as journalctl's short format prints them.
  const tail = svc.journal.slice(-10);
  if (tail.length > 0) lines.push('', ...tail.map((e) => shortLine(e, hostname)));
  return `${lines.join('\n')}\n`;
}

export function createSystemctl(svc: DockerService, now: () => number, hostname: string): CommandSpec {
  const run = (ctx: CommandContext): number => {
    const [verb, ...units] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!verb) {
      ctx.stderr('systemctl: the simulated host lists no units; try `systemctl status docker`\n');
      return 1;
    }
    const unit = units[0];
    if (!unit) {
      ctx.stderr(`Too few arguments.\n`);
      return 1;
    }
    const name = unit.endsWith('.service') ? unit : `${unit}.service`;
    if (!UNITS.has(unit)) {
      if (verb === 'status') {
        ctx.stderr(`Unit ${name} could not be found.\n`);
        return 4;
      }
      ctx.stderr(`Failed to ${verb} ${name}: Unit ${name} not found.\n`);
      return 5;
    }
    const failed = (): number => {
      ctx.stderr(
        [
          'Job for docker.service failed because the control process exited with error code.',
          'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.',
          '',
        ].join('\n'),
      );
      return 1;
    };
    switch (verb) {
      case 'start':
        return svc.start() ? 0 : failed();
      case 'stop':
        svc.stop();
        ctx.stderr('Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n');
        return 0;
      case 'restart':
        svc.stop();
        return svc.start() ? 0 : failed();
      case 'status':
        ctx.stdout(statusText(svc, now(), hostname));
        return svc.status.state === 'active' ? 0 : 3;
      case 'is-active':
        ctx.stdout(`${svc.status.state}\n`);
        return svc.status.state === 'active' ? 0 : 3;
      default:
        ctx.stderr(`Unknown command verb ${verb}.\n`);
        return 1;
    }
  };
  return {
    name: 'systemctl',
    run,
    summary: 'control the docker service (start, stop, restart, status, is-active)',
    flags: ['start', 'stop', 'restart', 'status', 'is-active'],
  };
}
