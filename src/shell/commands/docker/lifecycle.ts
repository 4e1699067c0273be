// docker rename, pause, unpause, restart, kill, wait and port, with the 20.10 CLI's texts.
import { portMappings } from '../../../docker/engine/index.js';
import { operand } from './flags.js';
import { daemonMessage, forEachRef, type SubCommand } from './util.js';

export const renameCommand: SubCommand = {
  def: {
    path: 'rename',
    usage: 'docker rename CONTAINER NEW_NAME',
    summary: 'Rename a container',
    flags: [],
    args: { exact: 2 },
  },
  run(ctx, d, p) {
    // The CLI trims both names and refuses an empty one before asking the daemon.
    const ref = operand(p, 0).trim();
    const name = operand(p, 1).trim();
    if (ref === '' || name === '') {
      ctx.stderr('Error: Neither old nor new names may be empty\n');
      return 1;
    }
    try {
      d.rename(ref, name);
      return 0;
    } catch (e) {
      ctx.stderr(`${daemonMessage(e)}\nError: failed to rename container named ${ref}\n`);
      return 1;
    }
  },
};

const pauseDef = (path: 'pause' | 'unpause') => ({
  path,
  usage: `docker ${path} CONTAINER [CONTAINER...]`,
  summary: `${path === 'pause' ? 'Pause' : 'Unpause'} all processes within one or more containers`,
  flags: [],
  args: { min: 1 },
});

export const pauseCommand: SubCommand = {
  def: pauseDef('pause'),
  run: (ctx, d, p) => forEachRef(ctx, p.operands, (r) => d.setPaused(r, true)),
};

export const unpauseCommand: SubCommand = {
  def: pauseDef('unpause'),
  run: (ctx, d, p) => forEachRef(ctx, p.operands, (r) => d.setPaused(r, false)),
};

export const killCommand: SubCommand = {
  def: {
    path: 'kill',
    usage: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Kill one or more running containers',
    flags: [{ long: 'signal', short: 's', type: 'string' }],
    args: { min: 1 },
  },
  run: (ctx, d, p) => forEachRef(ctx, p.operands, (r) => d.kill(r, p.strings.get('signal') ?? 'KILL')),
};

export const restartCommand: SubCommand = {
  def: {
    path: 'restart',
    usage: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Restart one or more containers',
    flags: [{ long: 'time', short: 't', type: 'int' }],
    args: { min: 1 },
  },
  run: (ctx, d, p) =>
    forEachRef(ctx, p.operands, async (ref) => {
      // Stop (-t: the grace before SIGKILL) and start again: the same container layer, mounted anew.
      const t = p.strings.get('time');
      const c = d.stop(ref, t === undefined ? undefined : Number(t));
      await d.runMain(c.id, ctx, true);
    }),
};

export const waitCommand: SubCommand = {
  def: {
    path: 'wait',
    usage: 'docker wait CONTAINER [CONTAINER...]',
    summary: 'Block until one or more containers stop, then print their exit codes',
    flags: [],
    args: { min: 1 },
  },
  async run(ctx, d, p) {
    // Errors are gathered and printed after the codes, as the CLI returns them.
    const errs: string[] = [];
    let code = 0;
    for (const ref of p.operands) {
      const c = d.findContainer(ref);
      // A restarting container, or one whose restarted process sleeps: its next exit ends the wait.
      const ends = c && (c.state.status === 'restarting' || c.pendingExit) ? await d.untilNextExit(c.id) : false;
      if (!c) errs.push(`Error response from daemon: No such container: ${ref}\n`);
      else if (c.state.status === 'running' && !ends) {
        // Docker would block until it stops; nothing can stop it while this prompt waits.
        ctx.stderr(
          `docker wait: ${ref} is still running and nothing would stop it while the prompt waits; ` +
            'waiting on a running container is not simulated here (stop or kill it first)\n',
        );
        code = 1;
      } else ctx.stdout(`${c.state.status === 'created' ? 0 : c.state.exitCode}\n`);
    }
    ctx.stderr(errs.join(''));
    return errs.length ? 1 : code;
  },
};

export const portCommand: SubCommand = {
  def: {
    path: 'port',
    usage: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
    summary: 'List port mappings or a specific mapping for the container',
    flags: [],
    args: { min: 1, max: 2 },
  },
  run(ctx, d, p) {
    const ref = operand(p, 0);
    const wanted = p.operands[1];
    const c = d.findContainer(ref);
    if (!c) {
      ctx.stderr(`Error: No such container: ${ref}\n`);
      return 1;
    }
    // Published ports exist while the container runs, on both address families.
    const maps = portMappings(c).map((m) => ({
      port: m.port,
      addrs: [m.hostIp === '::' ? `:::${m.hostPort}` : `${m.hostIp}:${m.hostPort}`],
    }));
    if (wanted === undefined) {
      for (const m of maps) for (const a of m.addrs) ctx.stdout(`${m.port} -> ${a}\n`);
      return 0;
    }
    const port = wanted.includes('/') ? wanted : `${wanted}/tcp`;
    const hit = maps.filter((m) => m.port === port);
    if (!hit.length) {
      ctx.stderr(`Error: No public port '${port}' published for ${ref}\n`);
      return 1;
    }
    for (const m of hit) for (const a of m.addrs) ctx.stdout(`${a}\n`);
    return 0;
  },
};
