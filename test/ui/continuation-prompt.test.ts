// The continuation prompt (`> `) as real bash 5.2 keeps it at a terminal (checked with `bash -i` in
// tmux): Ctrl-D there ends bash's input, so a heredoc ends with bash's warning, numbered by the
// lines the shell has read, and runs; Ctrl-C drops the command, which stays in the history, and $?
// is 130.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import type { ScreenIO } from '../../src/ui/screen-host.js';
import { screenHostFor } from '../../src/ui/screen-host-sim.js';

function screen() {
  const host = screenHostFor(createSimHost({ seed: 0 }));
  let out = '';
  const io: ScreenIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
    stderr: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
    stdinIsTerminal: true,
    stdoutIsTerminal: true,
  };
  const type = async (line: string) => {
    out = '';
    await host.run(line, io);
    return out;
  };
  const ctrlD = async () => {
    out = '';
    await host.run('', io, { endOfInput: true });
    return out;
  };
  return { host, type, ctrlD };
}

describe('the continuation prompt', () => {
  it('Ctrl-D ends a heredoc with bash’s warning, at the line the shell has read it on', async () => {
    const { host, type, ctrlD } = screen();
    await type('echo one');
    expect(await type('cat <<EOF')).toBe('');
    expect(host.prompt()).toBe('> ');
    await type('body $HOME');
    expect(await ctrlD()).toBe(
      "bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\nbody /root\n",
    );
    expect(host.continuing?.()).toBe(false);
    await type('cat <<A');
    expect(await ctrlD()).toBe("bash: warning: here-document at line 4 delimited by end-of-file (wanted `A')\n");
  });

  it('Ctrl-D after a trailing backslash runs the line; in an open quote it is bash’s error', async () => {
    const { type, ctrlD } = screen();
    await type('echo a \\');
    expect(await ctrlD()).toBe('a\n');
    await type('echo "open');
    expect(await ctrlD()).toBe('bash: unexpected EOF while looking for matching `"\'\n');
  });

  it('Ctrl-C drops the command: nothing runs, the lines are in the history, $? is 130', async () => {
    const { host, type } = screen();
    await type('cat > /tmp/f <<EOF');
    await type('abc');
    expect(host.cancelPending?.()).toBe(true);
    expect(host.prompt()).toBe('root@host:~# ');
    expect(await type('echo $?; ls /tmp/f')).toBe("130\nls: cannot access '/tmp/f': No such file or directory\n");
    expect(await type('history')).toBe('    1  cat > /tmp/f <<EOF\nabc\n    2  echo $?; ls /tmp/f\n    3  history\n');
    expect(host.cancelPending?.()).toBe(false);
  });
});
