// The line-mode sandbox (no TTY, a dumb terminal): an unfinished command goes on at bash's PS2.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runLineRepl } from '../../src/repl/line-repl.js';

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const done = runLineRepl({ input, output, errorOutput: output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return text;
}

describe('the line-mode sandbox', () => {
  it("reads a here-document, an open $( and a trailing backslash at `> `, as bash's PS2", async () => {
    const out = await session(['cat > f <<EOF', 'FROM busybox', 'EOF', 'cat f', 'echo $(echo a', ')', 'echo b\\', 'c']);
    expect(out).toContain('root@host:~# > > root@host:~# FROM busybox\nroot@host:~# > a\nroot@host:~# > bc\n');
    expect(out).not.toContain('command not found');
  });

  it('ends an unclosed here-document at end of input with bash’s warning', async () => {
    const out = await session(['cat <<EOF', 'text']);
    expect(out).toContain("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')");
  });
});
