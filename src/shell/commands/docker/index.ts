// The `docker` command of the simulated host: the CLI front end of the simulated daemon
// (src/docker/engine). Subcommands, management-command aliases (docker image ls, docker
// container rm …), flag parsing and error texts follow the 20.10 CLI.
import type { DockerEngine } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import {
  commitCommand,
  createCommand,
  diffCommand,
  execCommand,
  killCommand,
  logsCommand,
  psCommand,
  rmCommand,
  runCommand,
  startCommand,
  stopCommand,
} from './containers.js';
import {
  historyCommand,
  imagesCommand,
  loadCommand,
  pullCommand,
  rmiCommand,
  saveCommand,
  tagCommand,
} from './images.js';
import {
  containerInspectCommand,
  imageInspectCommand,
  infoCommand,
  inspectCommand,
  systemDfCommand,
  versionCommand,
} from './system.js';
import { buildCommand } from './build.js';
import { runSub, type SubCommand } from './util.js';

const TOP: Record<string, SubCommand> = {
  build: buildCommand,
  pull: pullCommand,
  images: imagesCommand,
  history: historyCommand,
  load: loadCommand,
  save: saveCommand,
  rmi: rmiCommand,
  tag: tagCommand,
  run: runCommand,
  create: createCommand,
  start: startCommand,
  stop: stopCommand,
  kill: killCommand,
  logs: logsCommand,
  rm: rmCommand,
  exec: execCommand,
  ps: psCommand,
  commit: commitCommand,
  diff: diffCommand,
  inspect: inspectCommand,
  info: infoCommand,
  version: versionCommand,
};

/** Management commands: `docker image ls` = `docker images` and so on. */
const MANAGEMENT: Record<string, Record<string, SubCommand>> = {
  image: {
    build: buildCommand,
    load: loadCommand,
    save: saveCommand,
    ls: imagesCommand,
    list: imagesCommand,
    pull: pullCommand,
    history: historyCommand,
    rm: rmiCommand,
    remove: rmiCommand,
    tag: tagCommand,
    inspect: imageInspectCommand,
  },
  container: {
    ls: psCommand,
    list: psCommand,
    ps: psCommand,
    run: runCommand,
    create: createCommand,
    start: startCommand,
    stop: stopCommand,
    kill: killCommand,
    rm: rmCommand,
    remove: rmCommand,
    exec: execCommand,
    commit: commitCommand,
    diff: diffCommand,
    logs: logsCommand,
    inspect: containerInspectCommand,
  },
  system: { df: systemDfCommand, info: infoCommand },
};

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Management Commands:
  container   Manage containers
  image       Manage images
  system      Manage Docker

Commands:
  build       Build an image from a Dockerfile
  commit      Create a new image from a container's changes
  create      Create a new container
  diff        Inspect changes to files or directories on a container's filesystem
  exec        Run a command in a running container
  history     Show the history of an image
  images      List images
  info        Display system-wide information
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  load        Load an image from a tar archive or STDIN
  logs        Fetch the logs of a container
  ps          List containers
  pull        Pull an image or a repository from a registry
  rm          Remove one or more containers
  rmi         Remove one or more images
  run         Run a command in a new container
  save        Save one or more images to a tar archive (streamed to STDOUT by default)
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  version     Show the Docker version information

Run 'docker COMMAND --help' for more information on a command.
`;

async function dispatch(ctx: CommandContext, d: DockerEngine): Promise<number> {
  const args = ctx.argv.slice(1);
  const first = args[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    ctx.stdout(USAGE);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout('Docker version 20.10.24+dfsg1, build 297e128\n');
    return 0;
  }
  if (first.startsWith('-')) {
    ctx.stderr(`unknown flag: ${first}\nSee 'docker --help'.\n`);
    return 125;
  }
  const group = MANAGEMENT[first];
  if (group) {
    const sub = args[1];
    const cmd = sub === undefined ? undefined : group[sub];
    if (!cmd) {
      if (sub === undefined || sub === '--help') {
        ctx.stdout(
          `\nUsage:  docker ${first} COMMAND\n\nCommands:\n${Object.keys(group)
            .map((k) => `  ${k}`)
            .join('\n')}\n`,
        );
        return 0;
      }
      ctx.stderr(`docker: '${first} ${sub}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
    }
    return runSub(ctx, d, { ...cmd, def: { ...cmd.def, path: `${first} ${sub}` } }, args.slice(2));
  }
  const cmd = TOP[first];
  if (!cmd) {
    ctx.stderr(`docker: '${first}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  }
  return runSub(ctx, d, cmd, args.slice(1));
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
    flags: [...Object.keys(TOP), ...Object.keys(MANAGEMENT)],
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
