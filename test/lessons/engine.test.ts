// The lesson engine on small fixtures: load errors named by file, line and column; texts that
// must exist in both languages; hints one at a time; next refused until a step is done; undo
// rebuilding the host from its seed to exactly the state before the last command.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { expandAnswer } from '../../src/lessons/answers.js';
import { formatProblem, loadLesson } from '../../src/lessons/loader.js';
import { LessonRunner } from '../../src/lessons/session.js';
import type { CommandIO } from '../../src/shell/command.js';

const LESSON = `id: tiny
order: 1
seed: 4
steps:
  - id: pull
    kind: do
    checks:
      - image: busybox
    solution:
      - docker pull busybox
    wrong:
      - docker pull nginx
  - id: last
    kind: exercise
    checks:
      - container: { name: box }
    solution:
      - docker create --name box busybox
    wrong:
      - docker create busybox
      - docker create --name bx busybox
`;
const EN = `title: Tiny
summary: A fixture.
steps:
  pull:
    text: Pull busybox.
    hints: [Use docker pull., docker pull busybox]
  last:
    text: Create a container.
    goal: A container named box.
    hints: [docker create --name box busybox]
`;
const ZH = EN.replace('title: Tiny', 'title: 小课');
const files = (lesson = LESSON, en = EN, zh = ZH) => ({
  lesson: { path: 'lessons/01-tiny/lesson.yaml', text: lesson },
  texts: {
    en: { path: 'lessons/01-tiny/en.yaml', text: en },
    'zh-CN': { path: 'lessons/01-tiny/zh-CN.yaml', text: zh },
  },
});
const quiet: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

describe('loading', () => {
  it('names the file, line and column of a check it does not know', () => {
    const r = loadLesson('01-tiny', files(LESSON.replace('- image: busybox', '- imgae: busybox')));
    expect(r.lesson).toBeUndefined();
    expect(r.problems.map(formatProblem)[0]).toMatch(/^lessons\/01-tiny\/lesson\.yaml:8:9: steps\[0\]\.checks\[0\]: /);
  });

  it('reports broken YAML where it breaks', () => {
    const r = loadLesson('01-tiny', files(LESSON.replace('kind: do', 'kind: [do')));
    expect(formatProblem(r.problems[0] as never)).toMatch(/^lessons\/01-tiny\/lesson\.yaml:\d+:\d+: /);
  });

  it('fails when a text is missing in one language, or the hints differ in number', () => {
    const r = loadLesson('01-tiny', files(LESSON, EN, ZH.replace(/ {2}last:[\s\S]*$/, '')));
    expect(r.problems.map(formatProblem)).toContain(
      'lessons/01-tiny/zh-CN.yaml:1:1: steps.last: missing (the step is in lesson.yaml)',
    );
    const h = loadLesson(
      '01-tiny',
      files(LESSON, EN, ZH.replace('hints: [Use docker pull., docker pull busybox]', 'hints: [docker pull busybox]')),
    );
    expect(h.problems.map(formatProblem)).toContain(
      'lessons/01-tiny/zh-CN.yaml:1:1: steps.pull.hints: 1 hints here, 2 in en.yaml',
    );
  });

  it('wants the last step to be an exercise', () => {
    const r = loadLesson('01-tiny', files(LESSON.replace('kind: exercise', 'kind: do')));
    expect(r.problems.map((p) => p.message)).toContain('steps: a lesson ends with an exercise');
  });
});

describe('a lesson being taken', () => {
  const start = async () =>
    LessonRunner.start(loadLesson('01-tiny', files()).lesson as never, 'en', (seed) =>
      createSimHost({ seed, interactive: false }),
    );

  it('gives hints one at a time and refuses next until the step is done', async () => {
    const r = await start();
    expect((await r.submit('next', quiet)).exitCode).toBe(1);
    expect((await r.submit('hint', quiet)).messages).toEqual(['💡 Use docker pull.']);
    expect((await r.submit('hint', quiet)).messages).toEqual(['💡 docker pull busybox']);
    const none = await r.submit('hint', quiet);
    expect(none).toMatchObject({ exitCode: 1, messages: ['No more hints: `solution` shows the answer.'] });
    expect(r.view().hintsShown).toHaveLength(2);
    await r.submit('docker pull busybox', quiet);
    expect(r.view().id).toBe('last');
    expect((await r.submit('docker create --name box busybox', quiet)).leave).toBe('finished');
    expect(r.grade).toBe('with-hints');
  });

  it('a hint on a step with nothing to do says to read on, not that the solution shows an answer', async () => {
    const withIntro = LESSON.replace('steps:\n', 'steps:\n  - id: intro\n    kind: explain\n');
    const en = EN.replace('steps:\n', 'steps:\n  intro:\n    text: Read this.\n');
    const zh = ZH.replace('steps:\n', 'steps:\n  intro:\n    text: 读一读。\n');
    for (const [lang, said] of [
      ['en', 'Nothing to do in this step but read it: Enter (or `next`) goes on.'],
      ['zh-CN', '这一步只需阅读，不用做什么：按回车（或输入 `next`）继续。'],
    ] as const) {
      const loaded = loadLesson('01-tiny', files(withIntro, en, zh));
      const r = await LessonRunner.start(loaded.lesson as never, lang, (seed) =>
        createSimHost({ seed, interactive: false }),
      );
      expect(r.view().id).toBe('intro');
      expect(await r.submit('hint', quiet)).toMatchObject({ exitCode: 1, messages: [said] });
      expect(r.grade).not.toBe('with-hints');
    }
  });

  it('undoes the last command by rebuilding the host to the same bytes', async () => {
    const r = await start();
    const listing = async () => {
      let out = '';
      await r.host.session.run('find /var/lib/docker | sort | xargs stat -c "%n %s %a"', {
        ...quiet,
        stdout: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
      });
      return out;
    };
    await r.submit('docker pull alpine', quiet);
    const oldHost = r.host;
    await r.submit('docker pull busybox', quiet); // completes the step
    expect(r.view().id).toBe('last');
    expect((await r.submit('undo', quiet)).messages[0]).toBe('Nothing to undo in this step.');
    const before = await listing();
    await r.submit('docker run -d --name other alpine sleep 100', quiet);
    expect(await listing()).not.toBe(before);
    const turn = await r.submit('undo', quiet);
    expect(turn.hostReplaced).toBe(true);
    expect(r.host).not.toBe(oldHost);
    // Same seed, same lines: every path, size and mode under /var/lib/docker is as it was.
    expect(await listing()).toBe(before);
    expect(before.split('\n').length).toBeGreaterThan(50);
  });
});

describe('a lesson that pins the clock', () => {
  const pinned = LESSON.replace('seed: 4\n', "seed: 4\ndate: '2023-09-01T10:00:00Z'\n");

  it('starts its host at its date, whatever the session was given, undo included', async () => {
    const lesson = loadLesson('01-tiny', files(pinned)).lesson;
    expect(lesson?.data.date).toBe('2023-09-01T10:00:00Z');
    const r = await LessonRunner.start(lesson as never, 'en', (seed, start) =>
      createSimHost({ seed, interactive: false, startTime: start ?? Date.UTC(2030, 0, 1) }),
    );
    let out = '';
    const io = { ...quiet, stdout: (d: string | Uint8Array) => void (out += String(d)) };
    await r.submit('date -u +%F', io);
    expect(out).toBe('2023-09-01\n');
    await r.submit('docker pull alpine', quiet);
    await r.submit('undo', quiet);
    out = '';
    await r.host.session.run('date -u +%F', io);
    expect(out).toBe('2023-09-01\n');
  });

  it('refuses a date that is not one, at its line', () => {
    const r = loadLesson('01-tiny', files(pinned.replace('2023-09-01T10:00:00Z', '2023-09-31')));
    expect(r.problems.map(formatProblem)[0]).toMatch(/^lessons\/01-tiny\/lesson\.yaml:4:\d+: date: a date like/);
  });
});

describe('answer $(…)', () => {
  it('expands with a budget of its own, however long ago the last command ran', async () => {
    // A line may take 300 ms here (and any number of steps, so the clock is what stops it); the last
    // command ran longer ago than that.
    const host = createSimHost({ seed: 1, interactive: false, budget: { ms: 300, steps: 1e9 } });
    let err = '';
    const io: CommandIO = {
      stdin: new Uint8Array(0),
      stdout: () => {},
      stderr: (d) => void (err += String(d)),
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    };
    await host.session.run('true', io);
    const ran = Date.now();
    await new Promise((res) => setTimeout(res, 400));
    expect(Date.now() - ran).toBeGreaterThan(300);
    expect(await expandAnswer(host, ' $(echo sha256:abc) "$HOME"', io)).toBe('sha256:abc /root');
    expect(err).toBe('');
    // The line's own limit still holds for the expansion.
    expect(await expandAnswer(host, ' $(while true; do :; done)', io)).toBeUndefined();
    expect(err).toMatch(/^bash: stopped after 0\.3 seconds/);
  });
});
