// A command a real host has and the simulator does not model says so; only a name no host has
// gets bash's "command not found".
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { UNSIMULATED_COMMANDS } from '../../src/host/unsimulated-commands.js';
import type { CommandIO } from '../../src/shell/command.js';
import { ALL_BUILTINS } from '../../src/shell/bash/builtins-eval-and-lookup.js';

const host = createSimHost({ seed: 1, interactive: false });

async function sh(line: string): Promise<{ err: string; code: number }> {
  let err = '';
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: () => {},
    stderr: (d) => void (err += String(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  const r = await host.session.run(line, io);
  return { err, code: r.exitCode };
}

describe('commands the simulator does not model', () => {
  it.each(['bzip2 /etc/hostname', 'fdisk -l', 'xz /etc/hostname', 'ctr ns ls'])(
    '%s says it is not simulated here, with status 127',
    async (line) => {
      const { err, code } = await sh(line);
      const name = line.split(' ')[0];
      expect(err).toBe(
        `bash: ${name}: not simulated here (a real host has this command; the tutor's host does not model it)\n`,
      );
      expect(code).toBe(127);
    },
  );

  it('a bash builtin the shell lacks says so', async () => {
    expect(await sh('compgen -c')).toEqual({
      err: 'bash: compgen: this bash builtin is not simulated here\n',
      code: 127,
    });
  });

  it('a name no host has is still "command not found"', async () => {
    expect(await sh('dokcer ps')).toEqual({ err: 'bash: dokcer: command not found\n', code: 127 });
  });

  it('lists no command the host does simulate', () => {
    const simulated = UNSIMULATED_COMMANDS.filter(
      (n) => host.commands.some((c) => c.name === n) || ALL_BUILTINS.has(n),
    );
    expect(simulated).toEqual([]);
  });
});
