// Run by bench/docker.ts in a process of its own (`node --expose-gc replay-host.mjs LESSONS N`):
// lesson N replayed as test/lessons/replay.test.ts replays it (each step's solution asked for and
// confirmed, which runs it on a trial host first; answers given), timed, with the process's peak
// RSS and its RSS after GC. `--setup-only` replays the lesson's setup alone: the baseline.
import { createSimHost } from '../src/host/sim-host.js';
import { loadJqWasmBinary } from '../src/io/jq-wasm-loader.js';
import { readLessons } from '../src/io/lesson-files.js';
import { computeValue } from '../src/lessons/checks.js';
import { LessonRunner } from '../src/lessons/session.js';
import type { CommandIO } from '../src/shell/command.js';
import { setJqWasmSource } from '../src/shell/commands/jq/index.js';

const [dir = 'lessons', which = '11', mode = ''] = process.argv.slice(2);
setJqWasmSource(loadJqWasmBinary); // the lesson runs jq (jq.wasm is copied beside the bundle)
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const io: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};
const lesson = readLessons(dir).lessons.find((l) => l.data.order === Number(which));
if (!lesson) throw new Error(`no lesson ${which} in ${dir}`);
const makeHost = (seed: number) => createSimHost({ seed, interactive: false });

const t0 = performance.now();
if (mode === '--setup-only') {
  const host = makeHost(lesson.data.seed);
  for (const line of lesson.data.setup) await host.session.run(line, io);
} else {
  const r = await LessonRunner.start(lesson, 'en', makeHost);
  for (const step of lesson.data.steps) {
    if (step.kind === 'explain') await r.submit('next', io);
    else if (step.kind === 'answer') {
      for (const line of step.solution) await r.submit(line, io);
      await r.submit(`answer ${computeValue(r.host, step.answer)}`, io);
    } else {
      await r.submit('solution', io);
      await r.submit('y', io);
    }
  }
  if (r.grade === undefined) throw new Error(`lesson ${which} did not finish: at ${r.view().id}`);
}
const ms = performance.now() - t0;
const peakMB = process.resourceUsage().maxRSS / 1024;
gc();
gc();
const rssMB = process.memoryUsage().rss / 2 ** 20;
process.stdout.write(`${JSON.stringify({ ms, peakMB, rssMB })}\n`);
