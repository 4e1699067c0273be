// Runs lines on a fresh simulated host and collects what they print, for the shell tests.
import { createSimHost, type SimHostOptions } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

export interface Ran {
  out: string;
  err: string;
  code: number;
}

export async function makeShell(options: SimHostOptions = {}) {
  const host = createSimHost({ seed: 1, ...options });
  const dec = new TextDecoder();
  const run = async (line: string, opts: { terminal?: boolean; stdin?: string } = {}): Promise<Ran> => {
    let out = '';
    let err = '';
    const io: CommandIO = {
      stdin: new TextEncoder().encode(opts.stdin ?? ''),
      stdout: (d) => {
        out += typeof d === 'string' ? d : dec.decode(d);
      },
      stderr: (d) => {
        err += typeof d === 'string' ? d : dec.decode(d);
      },
      stdinIsTerminal: opts.stdin === undefined,
      stdoutIsTerminal: opts.terminal ?? false,
    };
    const r = await host.session.run(line, io);
    return { out, err, code: r.exitCode };
  };
  return { host, run };
}
