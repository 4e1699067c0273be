// Every command the docker 20.10 CLI has, management commands with their subcommands: the one
// list the dispatcher, `docker --help`'s and `docker GROUP --help`'s lists, and Tab completion
// are made from. A command without `run` is one the simulator does not model: it says so.
import { buildCommand } from './build.js';
import { CONTEXT_RUNS } from './contexts.js';
import { cpCommand } from './copy.js';
import { PLUGIN_RUNS, SWARM_RUNS } from './swarm.js';
import { updateCommand } from './update.js';
import { exportCommand, importCommand } from './export-import.js';
import { statsCommand, topCommand } from './top-stats.js';
import {
  networkConnectCommand,
  networkCreateCommand,
  networkDisconnectCommand,
  networkInspectCommand,
  networkLsCommand,
  networkPruneCommand,
  networkRmCommand,
} from './networks.js';
import { containerPruneCommand, imagePruneCommand, systemPruneCommand } from './prune.js';
import {
  killCommand,
  pauseCommand,
  portCommand,
  renameCommand,
  restartCommand,
  unpauseCommand,
  waitCommand,
} from './lifecycle.js';
import {
  volumeCreateCommand,
  volumeInspectCommand,
  volumeLsCommand,
  volumePruneCommand,
  volumeRmCommand,
} from './volumes.js';
import {
  commitCommand,
  createCommand,
  diffCommand,
  execCommand,
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
import { containerInspectCommand, imageInspectCommand, infoCommand, inspectCommand, versionCommand } from './system.js';
import { systemDfCommand } from './system-df.js';
import type { SubCommand } from './util.js';

export interface DockerCommand {
  name: string;
  /** The line `docker --help` shows for it. */
  summary: string;
  /** Other names for it (docker container ps = docker container ls). */
  aliases?: readonly string[];
  /** A management command's own commands. */
  subcommands?: readonly DockerCommand[];
  /** Undefined: Docker has it, the simulator does not model it. */
  run?: SubCommand;
  /** What Tab completes as its operand. */
  operand?: 'image' | 'container' | 'any';
}

const TABLE: readonly DockerCommand[] = [
  {
    name: 'attach',
    summary: 'Attach local standard input, output, and error streams to a running container',
    operand: 'container',
  },
  { name: 'build', summary: 'Build an image from a Dockerfile', run: buildCommand },
  {
    name: 'builder',
    summary: 'Manage builds',
    subcommands: [
      { name: 'build', summary: 'Build an image from a Dockerfile', run: buildCommand },
      { name: 'prune', summary: 'Remove build cache' },
    ],
  },
  {
    name: 'commit',
    summary: "Create a new image from a container's changes",
    run: commitCommand,
    operand: 'container',
  },
  {
    name: 'completion',
    summary: 'Generate the autocompletion script for the specified shell',
    subcommands: [
      { name: 'bash', summary: 'Generate the autocompletion script for bash' },
      { name: 'fish', summary: 'Generate the autocompletion script for fish' },
      { name: 'powershell', summary: 'Generate the autocompletion script for powershell' },
      { name: 'zsh', summary: 'Generate the autocompletion script for zsh' },
    ],
  },
  {
    name: 'config',
    summary: 'Manage Docker configs',
    subcommands: [
      { name: 'create', summary: 'Create a config from a file or STDIN' },
      { name: 'inspect', summary: 'Display detailed information on one or more configs' },
      { name: 'ls', summary: 'List configs', aliases: ['list'] },
      { name: 'rm', summary: 'Remove one or more configs', aliases: ['remove'] },
    ],
  },
  {
    name: 'container',
    summary: 'Manage containers',
    subcommands: [
      {
        name: 'attach',
        summary: 'Attach local standard input, output, and error streams to a running container',
        operand: 'container',
      },
      {
        name: 'commit',
        summary: "Create a new image from a container's changes",
        run: commitCommand,
        operand: 'container',
      },
      {
        name: 'cp',
        summary: 'Copy files/folders between a container and the local filesystem',
        run: cpCommand,
        operand: 'container',
      },
      { name: 'create', summary: 'Create a new container', run: createCommand, operand: 'image' },
      {
        name: 'diff',
        summary: "Inspect changes to files or directories on a container's filesystem",
        run: diffCommand,
        operand: 'container',
      },
      { name: 'exec', summary: 'Run a command in a running container', run: execCommand, operand: 'container' },
      {
        name: 'export',
        summary: "Export a container's filesystem as a tar archive",
        run: exportCommand,
        operand: 'container',
      },
      {
        name: 'inspect',
        summary: 'Display detailed information on one or more containers',
        run: containerInspectCommand,
        operand: 'container',
      },
      { name: 'kill', summary: 'Kill one or more running containers', run: killCommand, operand: 'container' },
      { name: 'logs', summary: 'Fetch the logs of a container', run: logsCommand, operand: 'container' },
      { name: 'ls', summary: 'List containers', aliases: ['ps', 'list'], run: psCommand },
      {
        name: 'pause',
        summary: 'Pause all processes within one or more containers',
        run: pauseCommand,
        operand: 'container',
      },
      {
        name: 'port',
        summary: 'List port mappings or a specific mapping for the container',
        run: portCommand,
        operand: 'container',
      },
      { name: 'prune', summary: 'Remove all stopped containers', run: containerPruneCommand },
      { name: 'rename', summary: 'Rename a container', run: renameCommand, operand: 'container' },
      { name: 'restart', summary: 'Restart one or more containers', run: restartCommand, operand: 'container' },
      { name: 'rm', summary: 'Remove one or more containers', run: rmCommand, operand: 'container' },
      { name: 'run', summary: 'Run a command in a new container', run: runCommand, operand: 'image' },
      { name: 'start', summary: 'Start one or more stopped containers', run: startCommand, operand: 'container' },
      {
        name: 'stats',
        summary: 'Display a live stream of container(s) resource usage statistics',
        run: statsCommand,
        operand: 'container',
      },
      { name: 'stop', summary: 'Stop one or more running containers', run: stopCommand, operand: 'container' },
      { name: 'top', summary: 'Display the running processes of a container', run: topCommand, operand: 'container' },
      {
        name: 'unpause',
        summary: 'Unpause all processes within one or more containers',
        run: unpauseCommand,
        operand: 'container',
      },
      {
        name: 'update',
        summary: 'Update configuration of one or more containers',
        run: updateCommand,
        operand: 'container',
      },
      {
        name: 'wait',
        summary: 'Block until one or more containers stop, then print their exit codes',
        run: waitCommand,
        operand: 'container',
      },
    ],
  },
  {
    name: 'context',
    summary: 'Manage contexts',
    subcommands: [
      { name: 'create', summary: 'Create a context' },
      { name: 'export', summary: 'Export a context to a tar or kubeconfig file' },
      { name: 'import', summary: 'Import a context from a tar or zip file' },
      { name: 'inspect', summary: 'Display detailed information on one or more contexts' },
      { name: 'ls', summary: 'List contexts', aliases: ['list'] },
      { name: 'rm', summary: 'Remove one or more contexts', aliases: ['remove'] },
      { name: 'update', summary: 'Update a context' },
      { name: 'use', summary: 'Set the current docker context' },
    ],
  },
  {
    name: 'cp',
    summary: 'Copy files/folders between a container and the local filesystem',
    run: cpCommand,
    operand: 'container',
  },
  { name: 'create', summary: 'Create a new container', run: createCommand, operand: 'image' },
  {
    name: 'diff',
    summary: "Inspect changes to files or directories on a container's filesystem",
    run: diffCommand,
    operand: 'container',
  },
  { name: 'events', summary: 'Get real time events from the server' },
  { name: 'exec', summary: 'Run a command in a running container', run: execCommand, operand: 'container' },
  {
    name: 'export',
    summary: "Export a container's filesystem as a tar archive",
    run: exportCommand,
    operand: 'container',
  },
  { name: 'history', summary: 'Show the history of an image', run: historyCommand, operand: 'image' },
  {
    name: 'image',
    summary: 'Manage images',
    subcommands: [
      { name: 'build', summary: 'Build an image from a Dockerfile', run: buildCommand },
      { name: 'history', summary: 'Show the history of an image', run: historyCommand, operand: 'image' },
      {
        name: 'import',
        summary: 'Import the contents from a tarball to create a filesystem image',
        run: importCommand,
      },
      {
        name: 'inspect',
        summary: 'Display detailed information on one or more images',
        run: imageInspectCommand,
        operand: 'image',
      },
      { name: 'load', summary: 'Load an image from a tar archive or STDIN', run: loadCommand },
      { name: 'ls', summary: 'List images', aliases: ['list'], run: imagesCommand },
      { name: 'prune', summary: 'Remove unused images', run: imagePruneCommand },
      { name: 'pull', summary: 'Pull an image or a repository from a registry', run: pullCommand, operand: 'image' },
      { name: 'push', summary: 'Push an image or a repository to a registry', operand: 'image' },
      {
        name: 'rm',
        summary: 'Remove one or more images',
        aliases: ['rmi', 'remove'],
        run: rmiCommand,
        operand: 'image',
      },
      {
        name: 'save',
        summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
        run: saveCommand,
        operand: 'image',
      },
      {
        name: 'tag',
        summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
        run: tagCommand,
        operand: 'image',
      },
    ],
  },
  { name: 'images', summary: 'List images', run: imagesCommand },
  { name: 'import', summary: 'Import the contents from a tarball to create a filesystem image', run: importCommand },
  { name: 'info', summary: 'Display system-wide information', run: infoCommand },
  { name: 'inspect', summary: 'Return low-level information on Docker objects', run: inspectCommand, operand: 'any' },
  { name: 'kill', summary: 'Kill one or more running containers', run: killCommand, operand: 'container' },
  { name: 'load', summary: 'Load an image from a tar archive or STDIN', run: loadCommand },
  { name: 'login', summary: 'Log in to a Docker registry' },
  { name: 'logout', summary: 'Log out from a Docker registry' },
  { name: 'logs', summary: 'Fetch the logs of a container', run: logsCommand, operand: 'container' },
  {
    name: 'manifest',
    summary: 'Manage Docker image manifests and manifest lists',
    subcommands: [
      { name: 'annotate', summary: 'Add additional information to a local image manifest' },
      { name: 'create', summary: 'Create a local manifest list for annotating and pushing to a registry' },
      { name: 'inspect', summary: 'Display an image manifest, or manifest list' },
      { name: 'push', summary: 'Push a manifest list to a repository' },
      { name: 'rm', summary: 'Delete one or more manifest lists from local storage' },
    ],
  },
  {
    name: 'network',
    summary: 'Manage networks',
    subcommands: [
      { name: 'connect', summary: 'Connect a container to a network', run: networkConnectCommand },
      { name: 'create', summary: 'Create a network', run: networkCreateCommand },
      { name: 'disconnect', summary: 'Disconnect a container from a network', run: networkDisconnectCommand },
      {
        name: 'inspect',
        summary: 'Display detailed information on one or more networks',
        run: networkInspectCommand,
      },
      { name: 'ls', summary: 'List networks', aliases: ['list'], run: networkLsCommand },
      { name: 'prune', summary: 'Remove all unused networks', run: networkPruneCommand },
      { name: 'rm', summary: 'Remove one or more networks', aliases: ['remove'], run: networkRmCommand },
    ],
  },
  {
    name: 'node',
    summary: 'Manage Swarm nodes',
    subcommands: [
      { name: 'demote', summary: 'Demote one or more nodes from manager in the swarm' },
      { name: 'inspect', summary: 'Display detailed information on one or more nodes' },
      { name: 'ls', summary: 'List nodes in the swarm', aliases: ['list'] },
      { name: 'promote', summary: 'Promote one or more nodes to manager in the swarm' },
      { name: 'ps', summary: 'List tasks running on one or more nodes, defaults to current node' },
      { name: 'rm', summary: 'Remove one or more nodes from the swarm', aliases: ['remove'] },
      { name: 'update', summary: 'Update a node' },
    ],
  },
  {
    name: 'pause',
    summary: 'Pause all processes within one or more containers',
    run: pauseCommand,
    operand: 'container',
  },
  {
    name: 'plugin',
    summary: 'Manage plugins',
    subcommands: [
      {
        name: 'create',
        summary:
          'Create a plugin from a rootfs and configuration. Plugin ' +
          'data directory must contain config.json and rootfs ' +
          'directory.',
      },
      { name: 'disable', summary: 'Disable a plugin' },
      { name: 'enable', summary: 'Enable a plugin' },
      { name: 'inspect', summary: 'Display detailed information on one or more plugins' },
      { name: 'install', summary: 'Install a plugin' },
      { name: 'ls', summary: 'List plugins', aliases: ['list'] },
      { name: 'push', summary: 'Push a plugin to a registry' },
      { name: 'rm', summary: 'Remove one or more plugins', aliases: ['remove'] },
      { name: 'set', summary: 'Change settings for a plugin' },
      { name: 'upgrade', summary: 'Upgrade an existing plugin' },
    ],
  },
  {
    name: 'port',
    summary: 'List port mappings or a specific mapping for the container',
    run: portCommand,
    operand: 'container',
  },
  { name: 'ps', summary: 'List containers', run: psCommand },
  { name: 'pull', summary: 'Pull an image or a repository from a registry', run: pullCommand, operand: 'image' },
  { name: 'push', summary: 'Push an image or a repository to a registry', operand: 'image' },
  { name: 'rename', summary: 'Rename a container', run: renameCommand, operand: 'container' },
  { name: 'restart', summary: 'Restart one or more containers', run: restartCommand, operand: 'container' },
  { name: 'rm', summary: 'Remove one or more containers', run: rmCommand, operand: 'container' },
  { name: 'rmi', summary: 'Remove one or more images', run: rmiCommand, operand: 'image' },
  { name: 'run', summary: 'Run a command in a new container', run: runCommand, operand: 'image' },
  {
    name: 'save',
    summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    run: saveCommand,
    operand: 'image',
  },
  { name: 'search', summary: 'Search the Docker Hub for images' },
  {
    name: 'secret',
    summary: 'Manage Docker secrets',
    subcommands: [
      { name: 'create', summary: 'Create a secret from a file or STDIN as content' },
      { name: 'inspect', summary: 'Display detailed information on one or more secrets' },
      { name: 'ls', summary: 'List secrets', aliases: ['list'] },
      { name: 'rm', summary: 'Remove one or more secrets', aliases: ['remove'] },
    ],
  },
  {
    name: 'service',
    summary: 'Manage services',
    subcommands: [
      { name: 'create', summary: 'Create a new service' },
      { name: 'inspect', summary: 'Display detailed information on one or more services' },
      { name: 'logs', summary: 'Fetch the logs of a service or task' },
      { name: 'ls', summary: 'List services', aliases: ['list'] },
      { name: 'ps', summary: 'List the tasks of one or more services' },
      { name: 'rm', summary: 'Remove one or more services', aliases: ['remove'] },
      { name: 'rollback', summary: "Revert changes to a service's configuration" },
      { name: 'scale', summary: 'Scale one or multiple replicated services' },
      { name: 'update', summary: 'Update a service' },
    ],
  },
  {
    name: 'stack',
    summary: 'Manage Docker stacks',
    subcommands: [
      { name: 'deploy', summary: 'Deploy a new stack or update an existing stack', aliases: ['up'] },
      { name: 'ls', summary: 'List stacks', aliases: ['list'] },
      { name: 'ps', summary: 'List the tasks in the stack' },
      { name: 'rm', summary: 'Remove one or more stacks', aliases: ['remove', 'down'] },
      { name: 'services', summary: 'List the services in the stack' },
    ],
  },
  { name: 'start', summary: 'Start one or more stopped containers', run: startCommand, operand: 'container' },
  {
    name: 'stats',
    summary: 'Display a live stream of container(s) resource usage statistics',
    run: statsCommand,
    operand: 'container',
  },
  { name: 'stop', summary: 'Stop one or more running containers', run: stopCommand, operand: 'container' },
  {
    name: 'swarm',
    summary: 'Manage Swarm',
    subcommands: [
      { name: 'ca', summary: 'Display and rotate the root CA' },
      { name: 'init', summary: 'Initialize a swarm' },
      { name: 'join', summary: 'Join a swarm as a node and/or manager' },
      { name: 'join-token', summary: 'Manage join tokens' },
      { name: 'leave', summary: 'Leave the swarm' },
      { name: 'unlock', summary: 'Unlock swarm' },
      { name: 'unlock-key', summary: 'Manage the unlock key' },
      { name: 'update', summary: 'Update the swarm' },
    ],
  },
  {
    name: 'system',
    summary: 'Manage Docker',
    subcommands: [
      { name: 'df', summary: 'Show docker disk usage', run: systemDfCommand },
      { name: 'events', summary: 'Get real time events from the server' },
      { name: 'info', summary: 'Display system-wide information', run: infoCommand },
      { name: 'prune', summary: 'Remove unused data', run: systemPruneCommand },
    ],
  },
  { name: 'tag', summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', run: tagCommand, operand: 'image' },
  { name: 'top', summary: 'Display the running processes of a container', run: topCommand, operand: 'container' },
  {
    name: 'trust',
    summary: 'Manage trust on Docker images',
    subcommands: [
      { name: 'inspect', summary: 'Return low-level information about keys and signatures' },
      {
        name: 'key',
        summary: 'Manage keys for signing Docker images',
        subcommands: [
          { name: 'generate', summary: 'Generate and load a signing key-pair' },
          { name: 'load', summary: 'Load a private key file for signing' },
        ],
      },
      { name: 'revoke', summary: 'Remove trust for an image' },
      { name: 'sign', summary: 'Sign an image' },
      {
        name: 'signer',
        summary: 'Manage entities who can sign Docker images',
        subcommands: [
          { name: 'add', summary: 'Add a signer' },
          { name: 'remove', summary: 'Remove a signer' },
        ],
      },
    ],
  },
  {
    name: 'unpause',
    summary: 'Unpause all processes within one or more containers',
    run: unpauseCommand,
    operand: 'container',
  },
  {
    name: 'update',
    summary: 'Update configuration of one or more containers',
    run: updateCommand,
    operand: 'container',
  },
  { name: 'version', summary: 'Show the Docker version information', run: versionCommand },
  {
    name: 'volume',
    summary: 'Manage volumes',
    subcommands: [
      { name: 'create', summary: 'Create a volume', run: volumeCreateCommand },
      { name: 'inspect', summary: 'Display detailed information on one or more volumes', run: volumeInspectCommand },
      { name: 'ls', summary: 'List volumes', run: volumeLsCommand, aliases: ['list'] },
      { name: 'prune', summary: 'Remove all unused local volumes', run: volumePruneCommand },
      { name: 'rm', summary: 'Remove one or more volumes', aliases: ['remove'], run: volumeRmCommand },
    ],
  },
  {
    name: 'wait',
    summary: 'Block until one or more containers stop, then print their exit codes',
    run: waitCommand,
    operand: 'container',
  },
];

/** Commands whose run lives in a table of its own module, by path ("node ls"). */
const RUNS_BY_PATH: Readonly<Record<string, SubCommand>> = { ...SWARM_RUNS, ...PLUGIN_RUNS, ...CONTEXT_RUNS };

function withRuns(list: readonly DockerCommand[], prefix: string): readonly DockerCommand[] {
  return list.map((c) => {
    const path = `${prefix}${c.name}`;
    if (c.subcommands) return { ...c, subcommands: withRuns(c.subcommands, `${path} `) };
    const run = c.run ?? RUNS_BY_PATH[path];
    return run ? { ...c, run } : c;
  });
}

export const DOCKER_COMMANDS: readonly DockerCommand[] = withRuns(TABLE, '');

/** The command at a path (names or aliases): the entry, how many words named it, its canonical path. */
export function findCommand(args: readonly string[]): { entry?: DockerCommand; depth: number; path: string[] } {
  let list: readonly DockerCommand[] | undefined = DOCKER_COMMANDS;
  let entry: DockerCommand | undefined;
  const path: string[] = [];
  for (const word of args) {
    if (!list) break;
    const next: DockerCommand | undefined = list.find((c) => c.name === word || c.aliases?.includes(word));
    if (!next) break;
    entry = next;
    path.push(next.name);
    list = next.subcommands;
  }
  return entry ? { entry, depth: path.length, path } : { depth: 0, path: [] };
}
