// When bash asks for another line (its PS2 prompt) before it runs what was typed: the simulated
// shell decides as real bash's parser does (the conformance harness's check, bashNeedsMore, asks it).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scriptLines } from '../../../src/io/script-mode.js';
import { bashNeedsMore, scriptCommands } from '../script-conformance/run-real.js';
import { makeShell } from '../shell-harness.js';

const hasBash = spawnSync('bash', ['-c', ':']).status === 0;

// [text typed so far, whether bash waits for more]
const CASES: Array<[string, boolean]> = [
  ['echo done', false],
  ['cat > f <<EOF', true],
  ['cat > f <<EOF\nhello $name', true],
  ['cat > f <<EOF\nhello $name\nEOF', false],
  ["cat <<'EOF'\nx \\", true],
  ["cat <<'EOF'\nx \\\nEOF", false],
  ['cat <<EOF\nx \\\nEOF', true],
  ['cat <<-EOF\n\tx\n\tEOF', false],
  ['cat <<A <<B\na\nA', true],
  ['cat <<A <<B\na\nA\nb\nB', false],
  ['x=$(cat <<EOF\nin\nEOF', true],
  ['x=$(cat <<EOF\nin\nEOF\n)', false],
  ['echo a \\', true],
  ['echo a \\\\', false],
  ["echo 'a \\", true],
  ["echo 'a \\\nb'", false],
  ['echo "x', true],
  ['echo "x\n\ny"', false],
  ['echo $(echo a', true],
  ['echo $(\necho a\n)', false],
  ['echo `echo a', true],
  ['if true; then', true],
  ['if true; then\n  echo in\nfi', false],
  ['for i in 1 2; do', true],
  ['for i in 1 2; do echo $i; done', false],
  ['{', true],
  ['{ echo a; }', false],
  ['f() {', true],
  ['echo a |', true],
  ['echo a &&', true],
  ['echo a # a comment \\', false],
  ['echo )', false],
  ['fi', false],
];

describe.runIf(hasBash)('whether a line is unfinished, as bash decides', () => {
  it.each(CASES)('%j: real bash', (text, more) => {
    expect(bashNeedsMore(text)).toBe(more);
  });
  it.each(CASES)('%j: the simulated bash', async (text, more) => {
    const { host } = await makeShell();
    expect(host.session.needsMore(text)).toBe(more);
  });
});

describe.runIf(hasBash)('a script split into commands', () => {
  // Blank and comment lines count only inside a command (a heredoc's body, a quote).
  const SCRIPT = '# top\n\necho a\ncat <<EOF\n# kept\n\nEOF\n  # indented\necho "x\n\ny" \\\n  z\r\nif :\nthen :; fi';
  const COMMANDS = ['echo a', 'cat <<EOF\n# kept\n\nEOF', 'echo "x\n\ny" \\\n  z', 'if :\nthen :; fi'];
  it('by real bash', () => {
    expect(scriptCommands(SCRIPT)).toEqual(COMMANDS);
  });
  it('by the simulated bash, as script mode splits it', async () => {
    const { host } = await makeShell();
    expect(scriptLines(SCRIPT, (s) => host.session.needsMore(s))).toEqual(COMMANDS);
  });
});
