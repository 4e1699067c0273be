// The `docker` command of the simulated host: the CLI front end of the simulated daemon
// (src/docker/engine). Subcommands, management-command aliases (docker image ls, docker
// container rm …), flag parsing and error texts follow the 20.10 CLI.
import { DOCKER_CLI_COMMIT, DOCKER_VERSION, type DockerEngine } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { DOCKER_COMMANDS, findCommand, type DockerCommand } from './command-table.js';
import { HELP_SHORTHAND_DEPRECATED } from './flags.js';
import { dockerHelp } from './help.js';
import { checkpointRefusal } from './swarm.js';
import { runSub, unmodelledFlag } from './util.js';

const ROOT: DockerCommand = { name: 'docker', summary: '', subcommands: DOCKER_COMMANDS };
const isHelp = (a: string | undefined): boolean => a === '--help' || a === '-h';

async function dispatch(ctx: CommandContext, d: DockerEngine): Promise<number> {
  let args = ctx.argv.slice(1);
  if (args[0] === 'help') args = [...args.slice(1), '--help'];
  const first = args[0];
  if (first === undefined || isHelp(first)) {
    // The root's flag set writes to stderr (a command's, to stdout: a real 20.10.24 CLI's `| head`).
    if (first === '-h') ctx.stderr(HELP_SHORTHAND_DEPRECATED);
    ctx.stdout(dockerHelp([], ROOT) as string);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout(`Docker version ${DOCKER_VERSION}, build ${DOCKER_CLI_COMMIT}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    // cobra's flag error, then the root's usage (the CLI's FlagErrorFunc), exit 125; a global option
    // the 20.10 CLI has (-H, --context, -D …) is said to be not simulated.
    const unknown = first.startsWith('--')
      ? `unknown flag: ${first.replace(/=.*/, '')}\n`
      : `unknown shorthand flag: '${first[1] ?? ''}' in ${first}\n`;
    const help = dockerHelp([], ROOT) as string;
    const unmodelled = unmodelledFlag(unknown, '', help)?.replace(/^docker : /, 'docker: ');
    ctx.stderr(unmodelled ?? `${unknown}See 'docker --help'.\n${help}`);
    return 125;
  }
  if (first === 'checkpoint') {
    ctx.stderr(checkpointRefusal(args));
    return 1;
  }
  const { entry, depth, path } = findCommand(args);
  if (!entry) {
    ctx.stderr(`docker: '${first}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  }
  const rest = args.slice(depth);
  const help = dockerHelp(path, entry) as string;
  if (entry.subcommands) {
    // cobra on a command group: its help for nothing or --help, to stderr for anything else.
    const next = rest[0];
    if (next === undefined || isHelp(next)) {
      if (next === '-h') ctx.stdout(HELP_SHORTHAND_DEPRECATED);
      ctx.stdout(help);
      return 0;
    }
    if (next.startsWith('-')) {
      const name = next.replace(/=.*/, '');
      const unknown = `unknown flag: ${name}\nSee 'docker ${path.join(' ')} --help'.\n`;
      ctx.stderr(unmodelledFlag(unknown, path.join(' '), help) ?? `${unknown}${help}`);
      return 125;
    }
    ctx.stderr(help);
    return 1;
  }
  if (rest.some(isHelp) && !entry.run) {
    ctx.stdout(help);
    return 0;
  }
  if (!entry.run) {
    ctx.stderr(
      `docker ${path.join(' ')}: not simulated here (Docker 20.10 ` +
        "has this command; this tutor's daemon does not model it).\n",
    );
    return 1;
  }
  // The usage line and summary cobra prints with an argument-count error are the help's own.
  const usage = /^Usage: {2}([\s\S]*?)\n\n/m.exec(help)?.[1] ?? entry.run.def.usage;
  // The restarts that fell due since the last command happen first (the real daemon's timers).
  await d.settle();
  const def = { ...entry.run.def, path: path.join(' '), usage, summary: entry.summary };
  return runSub(ctx, d, { ...entry.run, def }, rest, help);
}

/**
 * The `docker` command. Pass a function when the daemon can be stopped and started again
 * (systemctl): it answers undefined while dockerd is down.
 */
export function createDockerCommand(daemon: DockerEngine | (() => DockerEngine | undefined)): CommandSpec {
  const current = typeof daemon === 'function' ? daemon : () => daemon;
  return {
    name: 'docker',
    summary: 'Docker CLI (simulated daemon, overlay2)',
    run: (ctx) => {
      const d = current();
      const first = ctx.argv[1];
      if (!d && first !== undefined && !['--help', '-h', 'help', '--version', '-v'].includes(first)) {
        ctx.stderr(
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
        );
        return 1;
      }
      return dispatch(ctx, d as DockerEngine);
    },
  };
}

export { humanDuration, humanSize, ellipsis } from './util.js';
export { parseFlags, CliError, type CommandDef } from './flags.js';
