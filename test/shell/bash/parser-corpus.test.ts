// Every command line in the shell code blocks of the seed articles (shared/seeds/*.txt),
// with its prompt (`$ `, `# `, `[root@host dir]$ `, `root@host:/path# `) removed. A learner
// copies these; each must parse as bash parses it. `where` is seed file prefix:line.
import { spawnSync } from 'node:child_process';
import { assert, describe, expect, it } from 'vitest';
import { formatSyntaxError, parseCommandLine } from '../../../src/shell/bash/parser.js';
import { SEED_COMMAND_LINES } from './seed-corpus.js';

/** Comment lines inside the same code blocks: pasted with their `# `, they are comments. */
const SEED_COMMENT_LINES = [
  '# ...',
  '#...',
  '# 看下里面有哪些文件',
  '# 和 docker inspect 命令显示的内容差不多',
  '# 查看 diffID，',
  '# 根据这个大小可以知道，就是hello-ubuntu 镜像的最上面层 layer',
  '# 查看 cache-id 找到 文件系统中的具体位置',
  '# 进入刚才生成的目录',
  '# 查看 diff 目录',
];

/** Lines in shell blocks that are not bash: bash rejects them, and so must we, in its words. */
const SEED_NON_COMMANDS = [
  {
    where: '000:232', // pseudo-code for the ChainID formula
    line: 'ChainID(layer1) = SHA256hex(ChainID(layer0) + " " + DiffID(layer1))',
    bash: "bash: syntax error near unexpected token `layer1'",
  },
  {
    where: '001:258', // a placeholder in angle brackets, which bash reads as redirects
    line: 'ls -l /var/lib/docker/overlay/<directory-of-running-container>',
    bash: "bash: syntax error near unexpected token `newline'",
  },
];

describe('seed corpus', () => {
  it.each(SEED_COMMAND_LINES)('$where parses: $line', ({ line }) => {
    const result = parseCommandLine(line);
    expect(result.status).toBe('ok');
  });

  it.each(SEED_COMMENT_LINES)('comment parses to an empty list: %s', (line) => {
    const result = parseCommandLine(line);
    expect(result).toMatchObject({ status: 'ok', script: { items: [] } });
  });

  it.each(SEED_NON_COMMANDS)('$where is rejected as bash rejects it', ({ line, bash }) => {
    const result = parseCommandLine(line);
    if (result.status !== 'error') throw new Error(`expected an error, got ${result.status}`);
    expect(formatSyntaxError(result.error)).toBe(bash);
  });

  it('keeps the quoting the seed pipelines depend on', () => {
    const result = parseCommandLine(SEED_COMMAND_LINES.find((s) => s.where === '003:154')!.line);
    if (result.status !== 'ok') throw new Error(result.status);
    const command = result.script.items[0]?.command.head.commands[0];
    assert(command?.type === 'SimpleCommand', command?.type);
    const [assignment] = command.assignments;
    expect(command.words).toEqual([]);
    expect(assignment?.name).toBe('UPPER_DIR');
    expect(assignment?.value.parts.map((p) => p.type)).toEqual(['CommandSubstitution']);
  });
});

const bash = spawnSync('bash', ['--version'], { encoding: 'utf8' });
describe.skipIf(bash.status !== 0)('seed corpus against the bash on this machine (bash -n: parse only)', () => {
  it.each(SEED_COMMAND_LINES)('$where: bash parses it too', ({ line }) => {
    expect(spawnSync('bash', ['-n', '-c', line]).status).toBe(0);
  });
  it.each(SEED_NON_COMMANDS)('$where: bash rejects it too', ({ line }) => {
    expect(spawnSync('bash', ['-n', '-c', line]).status).toBe(2);
  });
});
