// The commands a host that is not in a swarm answers with the daemon's refusal (node, service,
// secret, config, stack, most of swarm), plugin's on a host with no plugins, and checkpoint's on a
// daemon without experimental features: each as the 20.10 CLI prints it on such a host. Joining or
// making a swarm (swarm init/join/update, stack deploy) stays "not simulated here".
import { DOCKER_HELP } from './help-texts.js';
import type { CommandDef, FlagSpec } from './flags.js';
import { printList } from './images.js';
import type { SubCommand } from './util.js';

const NOT_MANAGER =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or ' +
  '"docker swarm join" to connect this node to swarm and try again.';

/** A command's flags and argument counts, read from its recorded --help: for commands whose body
 * never gets past the daemon, the flags are parsed (and refused) as the CLI would. */
export function defFromHelp(path: string): CommandDef {
  const help = DOCKER_HELP[path];
  if (help === undefined) throw new Error(`docker ${path} has no recorded help`);
  const [, usage = `docker ${path}`, summary = ''] = /^\nUsage: {2}(.*)\n\n(.*)\n/.exec(help) ?? [];
  const flags: FlagSpec[] = [];
  for (const m of help.matchAll(/^ {2}(?:-(\w), )? *--([\w-]+)(?: (\w[\w-]*))?/gm)) {
    const [, short, long = '', type] = m;
    if (long === 'help') continue;
    const kind = type === undefined ? 'bool' : type === 'list' || type === 'filter' ? 'list' : 'string';
    flags.push({ long, type: kind, ...(short ? { short } : {}) });
  }
  // The operands after [OPTIONS]: the bare ones are required, "..." allows more, [X] is optional.
  const prefix = `docker ${path}`;
  const tail = usage.startsWith(prefix) ? usage.slice(prefix.length) : '';
  const operands = tail.replace('[OPTIONS]', '').trim().split(/\s+/);
  const words = operands.filter((w) => w !== '');
  const required = words.filter((w) => !w.startsWith('[')).length;
  const args: CommandDef['args'] =
    words.length === 0
      ? { none: true }
      : words.some((w) => w.includes('...'))
        ? required > 0
          ? { min: required }
          : {}
        : words.length === required
          ? { exact: required }
          : { min: required || undefined, max: words.length };
  return { path, usage, summary, flags, args };
}

/** A command the daemon refuses; `print` words the refusal for this command. */
function refused(path: string, print: (ops: string[], pretty: boolean) => string): SubCommand {
  return {
    def: defFromHelp(path),
    run(ctx, _d, p) {
      const text = print(p.operands, p.bools.has('pretty'));
      ctx.stderr(text.endsWith('\n') ? text : `${text}\n`);
      return 1;
    },
  };
}

const notManager = (path: string): SubCommand => refused(path, () => NOT_MANAGER);

/** inspect of a swarm object: the CLI prints the (empty) list, then main the status error. */
function inspectRefused(path: string): SubCommand {
  return {
    def: defFromHelp(path),
    run(ctx, _d, p) {
      if (p.bools.has('pretty')) {
        ctx.stderr(`${NOT_MANAGER}\n`);
        return 1;
      }
      ctx.stdout(p.strings.has('format') ? '\n' : '[]\n');
      ctx.stderr(`Status: ${NOT_MANAGER}, Code: 1\n`);
      return 1;
    },
  };
}

const NOT_IN_SWARM = 'This node is not part of a swarm';

export const SWARM_RUNS: Record<string, SubCommand> = {
  ...Object.fromEntries(
    [
      'node demote',
      'node ls',
      'node promote',
      'node ps',
      'node rm',
      'node update',
      'service create',
      'service logs',
      'service ls',
      'service ps',
      'service rm',
      'service rollback',
      'service update',
      'secret create',
      'secret ls',
      'secret rm',
      'config create',
      'config ls',
      'config rm',
      'stack ls',
      'stack ps',
      'stack rm',
      'stack services',
      'swarm ca',
    ].map((path) => [path, notManager(path)]),
  ),
  ...Object.fromEntries(
    ['node inspect', 'service inspect', 'secret inspect', 'config inspect'].map((path) => [path, inspectRefused(path)]),
  ),
  // The CLI gathers each service's error under its name.
  'service scale': refused('service scale', (ops) => ops.map((op) => `${op.split('=')[0]}: ${NOT_MANAGER}`).join('\n')),
  'swarm leave': refused('swarm leave', () => `Error response from daemon: ${NOT_IN_SWARM}`),
  'swarm unlock': refused('swarm unlock', () => `Error: ${NOT_IN_SWARM}`),
  'swarm unlock-key': refused('swarm unlock-key', () => `could not fetch unlock key: ${NOT_MANAGER}`),
  'swarm join-token': refused('swarm join-token', ([role = '']) =>
    role === 'worker' || role === 'manager' ? NOT_MANAGER : `unknown role ${role}`,
  ),
};

const PLUGIN_LIST = {
  rowType: '*formatter.pluginContext',
  defaultTable: 'table {{.ID}}\t{{.Name}}\t{{.Description}}\t{{.Enabled}}',
  header: { ID: 'ID', Name: 'NAME', Description: 'DESCRIPTION', Enabled: 'ENABLED', PluginReference: 'IMAGE' },
};

const noPlugin = (name: string) => `Error: No such plugin: ${name}`;

export const PLUGIN_RUNS: Record<string, SubCommand> = {
  'plugin ls': {
    def: defFromHelp('plugin ls'),
    run(ctx, _d, p) {
      if (p.bools.has('quiet') && !p.strings.has('format')) return 0;
      return printList(ctx, p.strings.get('format') ?? '', [], PLUGIN_LIST);
    },
  },
  'plugin inspect': {
    def: defFromHelp('plugin inspect'),
    run(ctx, _d, p) {
      ctx.stdout(p.strings.has('format') ? '\n' : '[]\n');
      ctx.stderr(`${noPlugin(p.operands[0] ?? '')}\n`);
      return 1;
    },
  },
  'plugin rm': refused('plugin rm', (ops) => ops.map(noPlugin).join('\n')),
  'plugin enable': refused('plugin enable', ([n]) => `Error response from daemon: plugin "${n}" not found`),
  'plugin disable': refused('plugin disable', ([n]) => `Error response from daemon: plugin "${n}" not found`),
};

/** `docker checkpoint …` on a daemon without experimental features: the CLI refuses it before it
 * parses anything (flags, --help, arguments), naming the subcommand it would have run. */
export function checkpointRefusal(args: readonly string[]): string {
  const sub = new Map([
    ['create', 'create'],
    ['ls', 'ls'],
    ['list', 'ls'],
    ['rm', 'rm'],
    ['remove', 'rm'],
  ]).get(args[1] ?? '');
  const what = `docker checkpoint${sub ? ` ${sub}` : ''}`;
  return `${what} is only supported on a Docker daemon with experimental features enabled\n`;
}
