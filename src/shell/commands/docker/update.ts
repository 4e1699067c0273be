// docker update (docker container update): the flags parsed as the 20.10 CLI parses them, each
// container updated in turn (its name printed), the errors gathered. The flags the daemon model
// has no field for (blkio, CFS period/quota, realtime, kernel memory, cpuset-mems) are said to be
// not simulated, as for any flag the help lists and the tutor does not model.
import type { ResourceUpdate } from '../../../docker/engine/index.js';
import { flagError, type CommandDef, type Parsed } from './flags.js';
import { nanoCpus, ramInBytes, restartPolicy, RunOptionError } from './run-options.js';
import { forEachRef, type SubCommand } from './util.js';

/** A bytes flag (opts.MemBytes; --memory-swap's MemSwapBytes also takes -1). */
function bytesFlag(def: CommandDef, p: Parsed, long: string, label: string): number | undefined {
  const v = p.strings.get(long);
  if (v === undefined) return undefined;
  if (long === 'memory-swap' && v === '-1') return -1;
  const n = ramInBytes(v);
  if (n === undefined) throw flagError(def, `invalid argument "${v}" for "${label}" flag: invalid size: '${v}'`);
  return n;
}

export const updateCommand: SubCommand = {
  def: {
    path: 'update',
    usage: 'docker update [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Update configuration of one or more containers',
    flags: [
      { long: 'cpu-shares', short: 'c', type: 'int' },
      { long: 'cpus', type: 'string' },
      { long: 'cpuset-cpus', type: 'string' },
      { long: 'memory', short: 'm', type: 'string' },
      { long: 'memory-reservation', type: 'string' },
      { long: 'memory-swap', type: 'string' },
      { long: 'pids-limit', type: 'int' },
      { long: 'restart', type: 'string' },
    ],
    args: { min: 1 },
  },
  run(ctx, d, p) {
    const def = this.def;
    // The CLI counts the flags set; --help aside, none is an error before any container is asked.
    if (p.strings.size === 0) {
      ctx.stderr('you must provide one or more flags when using this command\n');
      return 1;
    }
    const cpus = p.strings.get('cpus');
    const restart = p.strings.get('restart');
    let u: ResourceUpdate;
    try {
      u = {
        ...(cpus !== undefined ? { nanoCpus: nanoCpus(def, cpus) } : {}),
        ...(p.strings.has('cpu-shares') ? { cpuShares: Number(p.strings.get('cpu-shares')) } : {}),
        ...(p.strings.has('cpuset-cpus') ? { cpusetCpus: p.strings.get('cpuset-cpus') } : {}),
        ...(p.strings.has('memory') ? { memory: bytesFlag(def, p, 'memory', '-m, --memory') } : {}),
        ...(p.strings.has('memory-reservation')
          ? { memoryReservation: bytesFlag(def, p, 'memory-reservation', '--memory-reservation') }
          : {}),
        ...(p.strings.has('memory-swap') ? { memorySwap: bytesFlag(def, p, 'memory-swap', '--memory-swap') } : {}),
        ...(p.strings.has('pids-limit') ? { pidsLimit: Number(p.strings.get('pids-limit')) } : {}),
        ...(restart !== undefined ? { restartPolicy: restartPolicy(restart) } : {}),
      };
    } catch (e) {
      if (!(e instanceof RunOptionError)) throw e;
      ctx.stderr(`${e.message}\n`);
      return 1;
    }
    return forEachRef(ctx, p.operands, (ref) => d.update(ref, u));
  },
};
