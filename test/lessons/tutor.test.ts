// The tutor controller on a small fixture lesson, driven as a front end drives it: the map, a
// lesson, undo that skips commands which only looked, back and next over a done step, `step`,
// a solution that starts from the learner's state, the grade on the map and in the recap, and
// the recap that waits for Enter (and does not pull the learner out of a container's shell).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { readLessons } from '../../src/io/lesson-files.js';
import {
  type Aid,
  EMPTY_PROGRESS,
  type Progress,
  type ProgressStore,
  recordAid,
  recordStep,
} from '../../src/lessons/progress.js';
import { Tutor, type TutorIO } from '../../src/lessons/tutor.js';

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

function start(lang: 'en' | 'zh-CN' = 'en', progress = memoryStore()) {
  const { lessons, problems } = readLessons(FIXTURES, 'fixtures');
  expect(problems).toEqual([]);
  const tutor = new Tutor({ lessons, lang, makeHost: (seed) => createSimHost({ seed, interactive: false }), progress });
  let out = '';
  const add = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d));
  const io: TutorIO = {
    stdin: new Uint8Array(0),
    stdout: add,
    stderr: add,
    // The learner types at a terminal (docker exec -it attaches it).
    stdinIsTerminal: true,
    stdoutIsTerminal: false,
    say: add,
  };
  /** Types a line; returns what it printed. */
  const type = async (line: string) => {
    out = '';
    const turn = await tutor.submit(line, io);
    return { ...turn, out };
  };
  return { tutor, type, progress, io };
}

describe('the tutor controller', () => {
  it('goes map → lesson → map, and says what it does not know', async () => {
    const { tutor, type } = start();
    expect(tutor.place).toBe('map');
    expect(tutor.prompt()).toBe('lesson> ');
    expect(tutor.intro()).toMatch(/^ 1\. \[ {5}\] Tiny$/m);
    expect((await type('9')).out).toContain("No lesson '9'");
    const open = await type('1');
    expect(open.hostChanged).toBe(true);
    expect(tutor.place).toBe('lesson');
    expect(open.out).toContain('── Tiny · step 1 of 5 ──');
    expect(tutor.status()).toBe('Tiny · 1/5');
    expect((await type('lessons')).hostChanged).toBe(true);
    expect(tutor.place).toBe('map');
    expect(tutor.host).toBeUndefined();
    expect((await type('q')).quit).toBe(true);
  });

  it('opens the sandbox from the map; `lessons` or exit goes back', async () => {
    const { tutor, type, io } = start();
    await type('sandbox');
    expect(tutor.place).toBe('sandbox');
    expect((await type('echo hi')).out).toBe('hi\n');
    // An unfinished line goes on as bash reads it.
    await type('if true; then');
    expect(tutor.prompt()).toBe('> ');
    await type('echo inside');
    expect((await type('fi')).out).toBe('inside\n');
    // Ctrl-D at `> ` runs what is there as bash at the end of its input; Ctrl-C drops it ($? 130).
    await type('cat <<EOF');
    await type('body');
    expect((await tutor.submit('', { ...io, say: io.stdout }, { endOfInput: true })).exitCode).toBe(0);
    expect(tutor.prompt()).not.toBe('> ');
    await type('echo "open');
    expect(tutor.cancelPending()).toBe(true);
    expect((await type('echo $?')).out).toBe('130\n');
    await type('exit');
    expect(tutor.place).toBe('map');
  });

  it('undoes the last command that changed the host, keeping the ones that only looked', async () => {
    const { tutor, type } = start();
    await type('1');
    await type('');
    await type('docker pull alpine');
    await type('docker pull busybox'); // completes the step
    expect(tutor.runner?.view().id).toBe('count');
    await type('answer 1');
    expect(tutor.runner?.view().id).toBe('create');
    // Nothing changed in this step yet: a look is not undone.
    await type('docker images');
    expect((await type('undo')).out).toContain('Nothing to undo in this step.');
    await type('docker run -d --name other busybox sleep 1000');
    await type('docker ps');
    await type('cat /etc/hostname');
    await type('ls /var/lib/docker/overlay2 | wc -l');
    const undo = await type('undo');
    expect(undo.out).toContain(
      'Undone: docker run -d --name other busybox sleep 1000 (the 3 commands after it only looked, and stay)',
    );
    expect(undo.hostChanged).toBe(true);
    expect((await type('docker ps -a --format "{{.Names}}"')).out).toBe('');
    // alpine, pulled in an earlier step, stays.
    expect((await type('docker images --format "{{.Repository}}" | sort')).out).toBe('alpine\nbusybox\n');
    expect((await type('undo')).out).toContain('Nothing to undo in this step.');
  });

  it('`back` to a done step and `next` again does not ask for the step again', async () => {
    const { tutor, type } = start();
    await type('1');
    await type('');
    await type('docker pull busybox');
    expect(tutor.runner?.view().id).toBe('count');
    const back = await type('back');
    expect(back.out).toContain('── Tiny · step 2 of 5 ──');
    expect(back.out).toContain('You have done this step already: `next` moves on.');
    // Looking again does not move on by itself.
    await type('docker images');
    expect(tutor.runner?.view().id).toBe('pull');
    const next = await type('next');
    expect(next.exitCode).toBe(0);
    expect(next.out).not.toContain('not done yet');
    expect(tutor.runner?.view().id).toBe('count');
  });

  it('`step` reprints the whole step, with its goal and the hints shown', async () => {
    const { tutor, type } = start();
    await type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1', 'docker create --name web busybox sleep 1000'])
      await type(l);
    expect(tutor.runner?.view().id).toBe('last');
    await type('hint');
    const step = await type('step');
    expect(step.out).toContain('── Tiny · step 5 of 5 ──');
    expect(step.out).toContain('Write /hello in web.');
    expect(step.out).toContain("Goal: A file /hello in web's upper directory.");
    expect(step.out).toContain('💡 docker exec web touch /hello');
  });

  it('after a step marked pause, waits for Enter before the next step, so its output stays in view', async () => {
    const { tutor, type } = start();
    await type('1');
    for (const l of ['', 'docker pull busybox']) {
      // An unmarked step goes straight on to the next step's text.
      const t = await type(l);
      expect(t.out).toContain(`── Tiny · step ${l ? 3 : 2} of 5 ──`);
    }
    await type('answer 1');
    const done = await type('docker create --name web busybox sleep 1000');
    expect(done.out).toMatch(/^[0-9a-f]{64}\n✓ Step done\.\n\nRead the output above; Enter shows the next step\.\n$/);
    expect(done.out).not.toContain('step 5 of 5');
    expect(tutor.runner?.view().id).toBe('last');
    const enter = await type('');
    expect(enter.out).toContain('── Tiny · step 5 of 5 ──');
    expect(enter.out).toContain("Goal: A file /hello in web's upper directory.");
    // Enter again is an empty shell line, not another step.
    expect((await type('')).out).toBe('');
    // `back` and `next` over the marked step do not wait: the learner moved on themselves.
    await type('back');
    expect((await type('next')).out).toContain('── Tiny · step 5 of 5 ──');
  });

  it('after a pause, a command instead of Enter shows the next step first, then runs', async () => {
    const { tutor, type } = start('zh-CN');
    await type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1']) await type(l);
    const done = await type('solution');
    expect(done.out).not.toContain('先看看上面的输出');
    const ran = await type('y');
    expect(ran.out).toContain('先看看上面的输出；按回车显示下一步。');
    expect(ran.out).not.toContain('第 5 步');
    const next = await type('docker ps -a --format "{{.Names}} {{.Status}}"');
    expect(next.out).toMatch(/── 小课 · 第 5 步，共 5 步 ──[\s\S]*\nweb Created\n$/);
    expect(tutor.runner?.view().id).toBe('last');
  });

  it("starts the solution from the learner's state: says what blocks it and offers the way out", async () => {
    const { tutor, type } = start();
    await type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1']) await type(l);
    // The step wants web created; the learner ran it.
    await type('docker run -d --name web busybox sleep 1000');
    expect(tutor.runner?.view().id).toBe('create');
    const hint = await type('hint');
    expect(hint.out).toContain('💡 docker create');
    expect(hint.out).toContain('the reference solution fails at `docker create --name web busybox sleep 1000`');
    const ask = await type('solution');
    expect(ask.out).toContain('Conflict. The container name "/web" is already in use');
    expect(ask.out).toContain('`docker rm -f web` clears the way');
    expect(tutor.prompt()).toBe('Run the solution after docker rm -f web? [y/N] ');
    // n declines; the learner's host was not touched by the trial.
    expect((await type('n')).out).toBe('Solution not run.\n');
    expect((await type('docker ps --format "{{.Names}} {{.Status}}"')).out).toMatch(/^web Up/);
    await type('solution');
    const run = await type('y');
    expect(run.out).toContain('docker rm -f web\nweb\n');
    expect(run.out).toContain('✓ Step done.');
    expect(tutor.runner?.view().id).toBe('last');
  });

  it('offers no way out it has not tried: the solution runs as it is when nothing blocks it', async () => {
    const { tutor, type } = start();
    await type('1');
    await type('');
    await type('solution');
    expect(tutor.prompt()).toBe('Show the solution and run it? [y/N] ');
    expect((await type('n')).out).toBe('Solution not run.\n');
    expect(tutor.runner?.view().id).toBe('pull');
  });

  it('takes a command typed at the [y/N] question as a command, not as its answer', async () => {
    const { tutor, type } = start();
    await type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1']) await type(l);
    await type('docker run -d --name web busybox sleep 1000');
    await type('solution');
    expect(tutor.prompt()).toMatch(/\[y\/N\] $/);
    // The learner changes their mind and undoes their run: it must run, not vanish as a "no".
    const undo = await type('undo');
    expect(undo.out).toMatch(/^Solution not run\.\n/);
    expect(tutor.prompt()).not.toMatch(/\[y\/N\] $/);
    expect((await type('docker ps -aq')).out).toBe('');
    // Enter alone is the default answer, N.
    await type('solution');
    expect((await type('')).out).toBe('Solution not run.\n');
    expect((await type('docker ps -aq')).out).toBe('');
  });

  it('ends with a recap (what was learned, the grade, the values found) and waits for Enter', async () => {
    const { tutor, type, progress } = start();
    await type('1');
    for (const l of ['', 'docker pull busybox', 'hint', 'answer 1', 'docker create --name web busybox sleep 1000'])
      await type(l);
    await type('docker start web');
    const end = await type('docker exec web touch /hello');
    expect(end.out).toContain('✓ Lesson complete.');
    expect(end.out).toContain('── Tiny · recap ──');
    expect(end.out).toContain('What you learned:\nContainers get their own upper directory; busybox has 1 layer.');
    expect(end.out).toContain('Grade: done with hints');
    expect(end.out).toContain('- layers in busybox: 1');
    expect(end.out).toContain('Press Enter for the lesson map.');
    expect(tutor.place).toBe('recap');
    expect(progress.saved.lessons.tiny?.grade).toBe('with-hints');
    // The host is still there to look at until Enter.
    expect((await type('docker exec web ls /hello')).out).toBe('/hello\n');
    const map = await type('');
    expect(tutor.place).toBe('map');
    expect(map.out).toMatch(/^ 1\. \[✓ hints\] Tiny$/m);
    expect(map.out).toContain('✓ done on your own · ✓ hints: with hints · ✓ sol.: with the solution');
  });

  it('keeps the grade across a restart: help taken before it still counts, a new run starts clean', async () => {
    const progress = memoryStore();
    let t = start('en', progress);
    await t.type('1');
    await t.type('');
    await t.type('hint');
    expect(progress.saved.lessons.tiny).toEqual({ current: 1, done: ['intro'], aid: 'with-hints' });
    // A new tutor on the same progress: the lesson resumes, its hint remembered.
    t = start('en', progress);
    await t.type('1');
    expect(t.tutor.runner?.view().id).toBe('pull');
    for (const l of ['docker pull busybox', 'answer 1', 'solution', 'y']) await t.type(l);
    expect(progress.saved.lessons.tiny?.aid).toBe('with-solution');
    t = start('en', progress);
    await t.type('1');
    await t.type('');
    await t.type('docker start web');
    const end = await t.type('docker exec web touch /hello');
    expect(end.out).toContain('Grade: done with the solution');
    expect(progress.saved.lessons.tiny).toEqual({
      current: 0,
      done: ['intro', 'pull', 'count', 'create', 'last'],
      grade: 'with-solution',
    });
    // Taken again after a restart, from the first step, without help: clean, and the map keeps the better grade.
    t = start('en', progress);
    await t.type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1', 'docker create --name web busybox sleep 1000', ''])
      await t.type(l);
    await t.type('docker start web');
    expect((await t.type('docker exec web touch /hello')).out).toContain('Grade: done on your own, without hints');
    expect((await t.type('')).out).toMatch(/^ 1\. \[✓ {4}\] Tiny$/m);
  });

  it("does not pull the learner out of a container's shell when the lesson ends", async () => {
    const { tutor, type } = start();
    await type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1', 'docker create --name web busybox sleep 1000'])
      await type(l);
    await type('docker start web');
    await type('docker exec -it web sh');
    const end = await type('touch /hello');
    expect(end.out).toContain('── Tiny · recap ──');
    expect(end.out).toContain("You are still in a container's shell: `exit` leaves it");
    expect(end.out).toContain('Grade: done on your own, without hints');
    expect(tutor.prompt()).not.toMatch(/^root@host/);
    await type('');
    expect(tutor.place).toBe('recap');
    await type('exit');
    expect(tutor.prompt()).toMatch(/^root@host:~# $/);
    await type('');
    expect(tutor.place).toBe('map');
  });

  it('speaks Chinese: the recap and the grade on the map', async () => {
    const { type } = start('zh-CN');
    await type('1');
    for (const l of ['', 'docker pull busybox', 'answer 1', 'solution', 'y', 'solution']) await type(l);
    const end = await type('y');
    expect(end.out).toContain('── 小课 · 小结 ──');
    expect(end.out).toContain('完成情况：看过参考答案后完成');
    expect(end.out).toContain('- busybox 的层数：1');
    expect((await type('')).out).toMatch(/^ 1\. \[✓ 答案\] 小课$/m);
  });
});
