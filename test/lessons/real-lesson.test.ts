// A lesson on a real host, with a stand-in for the real side (src/lessons/real-side.ts): a second
// simulated host with another seed (so its ids differ from the twin's) that can be told to skip
// lines, as a real host that did not do what the simulator predicted. The learner's lines show
// the real side's output, the checks read the real side, each line's prediction is kept for F2,
// reset and undo rebuild the real side from the lesson's start, progress is kept as in the
// simulator, and a lesson that cannot run on the real host says why and runs on the simulator.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostOf } from '../../src/lessons/values.js';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import { readLessons } from '../../src/io/lesson-files.js';
import {
  EMPTY_PROGRESS,
  type Progress,
  type ProgressStore,
  recordAid,
  recordStep,
} from '../../src/lessons/progress.js';
import type { RealSide, SimulatorOnly } from '../../src/lessons/real-side.js';
import { Tutor, type TutorIO } from '../../src/lessons/tutor.js';
import type { CommandIO, CommandTrace } from '../../src/shell/command.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/tutor-lessons');

function memoryStore(): ProgressStore & { saved: Progress } {
  const store = {
    saved: EMPTY_PROGRESS,
    current: () => store.saved,
    recordStep(lessonId: string, stepId: string, next: number, grade?: Progress['lessons'][string]['grade']) {
      store.saved = recordStep(store.saved, lessonId, stepId, next, grade);
      return undefined;
    },
    recordAid(lessonId: string, aid: Aid) {
      store.saved = recordAid(store.saved, lessonId, aid);
      return undefined;
    },
  };
  return store;
}
type Aid = Parameters<ProgressStore['recordAid']>[1];

const QUIET: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

/** A "real" host that is another simulated one; lines matching `skip` do nothing there. */
function fakeReal() {
  let sim: SimHost = createSimHost({ seed: 99, interactive: false });
  const fake = {
    skip: undefined as RegExp | undefined,
    rebuilds: [] as Array<{ setup: string[]; lines: string[] }>,
    get sim() {
      return sim;
    },
    side: {
      on: 'daemon' as const,
      get host() {
        return hostOf(sim);
      },
      async run(line: string, io: CommandIO) {
        const commands: CommandTrace[] = [];
        if (fake.skip?.test(line)) return { exitCode: 0, commands };
        sim.session.onCommand = (c) => commands.push(c);
        const r = await sim.session.run(line, { ...io, stdout: (d) => io.stdout(`[real] ${d}`) });
        sim.session.onCommand = undefined;
        return { exitCode: r.exitCode, commands, ...(r.exited ? { exited: true } : {}) };
      },
      async expand(raw: string) {
        return ((await sim.session.expandWords(raw, QUIET)) ?? []).join(' ');
      },
      async rebuild(setup: readonly string[], lines: readonly string[]) {
        fake.rebuilds.push({ setup: [...setup], lines: [...lines] });
        sim = createSimHost({ seed: 99, interactive: false });
        for (const l of [...setup, ...lines]) await sim.session.run(l, QUIET);
      },
      prompt: () => 'root@real:~# ',
    } satisfies RealSide,
  };
  return fake;
}

function start(real: { open(): Promise<RealSide | SimulatorOnly> }, lang: 'en' | 'zh-CN' = 'en') {
  const { lessons } = readLessons(FIXTURES, 'fixtures');
  const progress = memoryStore();
  const tutor = new Tutor({
    lessons,
    lang,
    makeHost: (seed) => createSimHost({ seed, interactive: false }),
    progress,
    real,
  });
  let out = '';
  const add = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d));
  const io: TutorIO = {
    stdin: new Uint8Array(0),
    stdout: add,
    stderr: add,
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
    say: add,
  };
  const type = async (line: string) => {
    out = '';
    const turn = await tutor.submit(line, io);
    return { ...turn, out };
  };
  return { tutor, type, progress };
}

const containerState = (sim: SimHost, name: string) => hostOf(sim).docker?.container(name)?.state;

describe('a lesson on a real host', () => {
  it('runs the learner’s lines on the real side, judges them there and keeps the prediction', async () => {
    const real = fakeReal();
    const { tutor, type, progress } = start({ open: async () => real.side });
    expect(await tutor.open('tiny')).toBe(true);
    expect(tutor.intro()).toContain('Real host');
    expect(real.rebuilds).toEqual([{ setup: [], lines: [] }]);
    expect(tutor.prompt()).toBe('root@real:~# ');
    await type('');
    expect(tutor.status()).toMatch(/ · 2\/5 · real$/);
    const pulled = await type('docker pull busybox');
    expect(pulled.out).toContain('[real] ');
    expect(pulled.out).toContain('✓ Step done');
    expect(progress.saved.lessons.tiny?.current).toBe(2);
    // The twin ran it too: its output is the prediction beside the real one.
    const pair = tutor.runner?.lastPair;
    expect(pair?.line).toBe('docker pull busybox');
    expect(pair?.real.output).toContain('[real] ');
    expect(pair?.sim.output).toContain('busybox');
    expect(pair?.sim.output).not.toContain('[real]');
    // `answer`'s argument is expanded on the real side.
    const answered = await type(`answer $(docker image inspect -f '{{len .RootFS.Layers}}' busybox)`);
    expect(answered.out).toContain('✓ Right');
  });

  it('reads the checks off the real host, not the twin', async () => {
    const real = fakeReal();
    const { tutor, type } = start({ open: async () => real.side });
    await tutor.open('tiny');
    await type('');
    real.skip = /pull/;
    // The twin pulled busybox; the real host did not: the step is not done.
    expect((await type('docker pull busybox')).out).not.toContain('✓ Step done');
    expect(tutor.runner?.passes()).toBe(false);
    real.skip = undefined;
    expect((await type('docker pull busybox')).out).toContain('✓ Step done');
  });

  it('reset and undo rebuild the real host from the lesson’s start, and say so', async () => {
    const real = fakeReal();
    const { tutor, type } = start({ open: async () => real.side });
    await tutor.open('tiny');
    await type('');
    await type('docker pull busybox');
    await type('answer 1');
    await type('docker create --name web busybox sleep 1000');
    await type('');
    expect(tutor.runner?.view().id).toBe('last');
    await type('docker start web');
    await type('docker ps');
    expect(containerState(real.sim, 'web')).toBe('running');
    const undone = await type('undo');
    expect(undone.out).toMatch(/^Rebuilding the real host from the lesson’s start/);
    expect(undone.out).toContain('Undone: docker start web');
    expect(undone.out).toContain('The real host was rebuilt');
    // The earlier lines replayed, the undone one left out; the one that only looked kept.
    expect(real.rebuilds.at(-1)?.lines).toEqual([
      'docker pull busybox',
      'docker create --name web busybox sleep 1000',
      'docker ps',
    ]);
    expect(containerState(real.sim, 'web')).toBe('created');
    await type('docker start web');
    await type('docker exec web touch /wrong');
    const reset = await type('reset');
    expect(reset.out).toContain('Step reset.');
    expect(reset.out).toContain('The real host was rebuilt');
    expect(containerState(real.sim, 'web')).toBe('created');
    expect(real.side.host.lstat('/hello')).toBeUndefined();
    const all = await type('reset lesson');
    expect(all.out).toContain('Lesson reset.');
    expect(real.rebuilds.at(-1)).toEqual({ setup: [], lines: [] });
    expect(hostOf(real.sim).docker?.container('web')).toBeUndefined();
    // The step is judged on the rebuilt real host: the solution passes again.
    await type('');
    expect((await type('docker pull busybox')).out).toContain('✓ Step done');
  });

  it('exit in the lesson’s shell says what it does, on the real host and in the simulator; $? is exit’s', async () => {
    const real = fakeReal();
    const { tutor, type } = start({ open: async () => real.side });
    await tutor.open('tiny');
    await type('');
    const exited = await type('exit 3');
    expect(exited.out).toContain('`exit` ended the lesson’s real bash; another took up where it left off');
    expect(exited.exitCode).toBe(3);
    expect((await type('echo $?')).out).toContain('3');
    expect(tutor.place).toBe('lesson');
    const sim = start({ open: async () => ({ why: 'no-busybox' }) });
    await sim.tutor.open('tiny');
    await sim.type('');
    await sim.type('cd /tmp');
    const stays = await sim.type('exit 4');
    expect(stays.out).toContain('this is the lesson’s own shell, which stays as it was');
    expect((await sim.type('echo "$? $PWD"')).out).toContain('4 /tmp');
    expect((await sim.type('(exit 5); echo $?')).out).not.toContain('lesson’s own shell');
  });

  it('hint and solution judge the real host first; the solution is asked to run on the real host', async () => {
    const real = fakeReal();
    const { tutor, type } = start({ open: async () => real.side });
    await tutor.open('tiny');
    await type('');
    await type('solution');
    expect(tutor.prompt()).toContain('run it on the real host? [y/N]');
    await type('n');
    // The real host moved on by itself (the twin did not): hint sees the step done there.
    real.skip = /pull/;
    await type('docker pull busybox');
    expect(tutor.runner?.passes()).toBe(false);
    await real.sim.session.run('docker pull busybox', QUIET);
    const hint = await type('hint');
    expect(hint.out).toContain('✓ Step done');
    expect(hint.out).not.toContain('💡');
  });

  it('a lesson with a matches_solution check is simulator-only on a real host, and says why', async () => {
    const { simulatorOnlyReason } = await import('../../src/real/lesson-host.js');
    const graded = readLessons(join(import.meta.dirname, '../fixtures/graded/lessons'), 'fixtures').lessons;
    const goal = graded.find((l) => l.data.steps.some((st) => JSON.stringify(st).includes('matches_solution')));
    const d = { version: '20.10.24', standIns: true };
    expect(goal && simulatorOnlyReason(goal, d)).toEqual({ why: 'goal-state' });
    const { lessons } = readLessons(FIXTURES, 'fixtures');
    expect(lessons.map((l) => simulatorOnlyReason(l, d)).filter(Boolean)).toEqual([]);
    const { tutor } = start({ open: async () => ({ why: 'goal-state' }) });
    await tutor.open('tiny');
    expect(tutor.intro()).toContain('matches_solution');
  });

  it('says why a lesson is simulator-only here, and runs it on the simulator', async () => {
    const { tutor, type } = start({ open: async () => ({ why: 'legacy-overlay', version: '25.0.3' }) });
    expect(tutor.status()).toBe('lesson map · real host');
    await tutor.open('tiny');
    const intro = tutor.intro();
    expect(intro).toContain('Simulated host only');
    expect(intro).toContain('legacy overlay storage driver');
    expect(intro).toContain('25.0.3');
    await type('');
    expect(tutor.status()).toMatch(/ · simulated$/);
    const pulled = await type('docker pull busybox');
    expect(pulled.out).not.toContain('[real]');
    expect(pulled.out).toContain('✓ Step done');
    expect(tutor.runner?.lastPair).toBeUndefined();
  });

  it('says it in Chinese too, and opens from the map with a word on preparing the host', async () => {
    const { tutor, type } = start({ open: async () => ({ why: 'no-busybox' }) }, 'zh-CN');
    expect(tutor.status()).toBe('课程列表 · 真实主机');
    const opened = await type('1');
    expect(opened.out).toContain('正在准备真实主机');
    expect(opened.out).toContain('仅限模拟主机');
    expect(opened.out).toContain('busybox-static');
    expect(tutor.status()).toMatch(/模拟$/);
    await type('lessons');
    expect((await type('sandbox')).out).toContain('overlay-tutor sandbox --real');
  });
});
