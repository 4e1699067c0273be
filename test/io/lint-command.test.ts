// `overlay-tutor new lesson` writes a skeleton that `overlay-tutor lint` passes; lint on broken
// lessons lists each problem at its file:line:column and exits 1: a schema error, a missing
// translation, a step that passes before the learner acts, a wrong attempt that passes, a right
// one that fails, a {{value}} that does not resolve.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint, runNew } from '../../src/io/lint-command.js';

function io() {
  const o = { out: '', err: '' };
  return { o, io: { out: (t: string) => void (o.out += t), err: (t: string) => void (o.err += t) } };
}

describe('overlay-tutor new lesson and lint', () => {
  it('writes a skeleton that lints clean, numbered after the lessons there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-'));
    const a = io();
    expect(runNew('lesson', 'first', dir, a.io)).toBe(0);
    expect(runNew('lesson', 'second', dir, a.io)).toBe(0);
    expect(a.o.out).toContain(`${join(dir, '02-second')}/`);
    expect(runNew('lesson', 'first', dir, a.io)).toBe(1);
    expect(runNew('lesson', 'Bad Name', dir, a.io)).toBe(2);
    expect(runNew('course', 'x', dir, a.io)).toBe(2);
    const b = io();
    expect(await runLint(dir, b.io)).toBe(0);
    expect(b.o.out).toBe(`✓ 2 lessons in ${dir}: every step fails where it starts and passes after its solution\n`);
  }, 120_000);

  it('lists every problem of broken lessons at file:line:column, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    runNew('lesson', 'judged', dir, io().io);
    runNew('lesson', 'schema', dir, io().io);
    runNew('lesson', 'untranslated', dir, io().io);
    const edit = (folder: string, file: string, from: string, to: string) => {
      const p = join(dir, folder, file);
      const text = readFileSync(p, 'utf8');
      expect(text).toContain(from);
      writeFileSync(p, text.replace(from, to));
    };
    // A wrong attempt that is right, a right one that is wrong, a check that passes at the start.
    edit('01-judged', 'lesson.yaml', '      - docker images\n', '      - docker pull busybox\n');
    edit('01-judged', 'lesson.yaml', '\'printf "hi\\n" > /hello\'', '\'printf "ho\\n" > /hello\'');
    edit('01-judged', 'lesson.yaml', '      - image: busybox\n', '      - driver: overlay2\n');
    edit('01-judged', 'en.yaml', 'Pull the busybox image.', 'Pull the busybox image ({{cacheid alpine 1}}).');
    edit('02-schema', 'lesson.yaml', '      - image: busybox\n', '      - imgae: busybox\n');
    edit(
      '03-untranslated',
      'zh-CN.yaml',
      '  pull:\n    text: 拉取 busybox 镜像。\n',
      '  pul:\n    text: 拉取 busybox 镜像。\n',
    );
    const r = io();
    expect(await runLint(dir, r.io)).toBe(1);
    expect(r.o.out.split('\n')).toEqual([
      `${dir}/02-schema/lesson.yaml:13:9: steps[1].checks[0]: unknown check "imgae" (did you mean image?)`,
      `${dir}/03-untranslated/zh-CN.yaml:1:1: steps.pull: missing (the step is in lesson.yaml)`,
      `${dir}/03-untranslated/zh-CN.yaml:1:1: steps.pul: no such step in lesson.yaml`,
      `${dir}/01-judged/lesson.yaml:13:7: steps[1].checks: the step passes before the learner does anything`,
      `${dir}/01-judged/en.yaml:1:1: steps.pull: {{cacheid alpine 1}} does not resolve once the step is done`,
      `${dir}/01-judged/lesson.yaml:17:9: steps[1].wrong[0]: this wrong attempt completes the step`,
      `${dir}/01-judged/lesson.yaml:29:9: steps[2].right[0]: this right attempt does not complete the step`,
      `7 problems in ${dir} (1 lesson loaded)`,
      '',
    ]);
  }, 180_000);

  it('says when there is no such folder', async () => {
    const r = io();
    expect(await runLint('/nonexistent/lessons', r.io)).toBe(2);
    expect(r.o.err).toBe('overlay-tutor: /nonexistent/lessons: No such file or directory\n');
  });
});
