// The tutor on the Ink screen (ink-testing-library), driving the same controller as line mode,
// on the fixture lesson: back and next over a done step, undo, step, a solution blocked by the
// learner's state and its way out, the recap that waits for Enter, the grade on the map.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, it } from 'vitest';
import { STRINGS } from '../../src/i18n/index.js';
import { App } from '../../src/ui/app.js';
import { loadScreenHost } from '../../src/ui/load-host.js';
import { Screen } from '../../src/ui/screen.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/tutor-lessons');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('the tutor on the screen', () => {
  it('walks a lesson with back, next, undo, step and a blocked solution, then the recap and the map', async () => {
    process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'ot-tutor-screen-'));
    const load = async () => ({
      host: await loadScreenHost({ seed: 0, lang: 'en', columns: 100, tutor: { lessonsDir: FIXTURES } }),
      Screen,
    });
    const r = render(<App load={load} s={STRINGS.en} pullMs={0} />);
    cleanup = r.unmount;
    const frame = () => r.lastFrame() ?? '';
    const until = async (pred: (f: string) => boolean, what: string) => {
      for (let i = 0; i < 300 && !pred(frame()); i++) await new Promise((res) => setTimeout(res, 20));
      if (!pred(frame())) throw new Error(`timed out waiting for ${what}:\n${frame()}`);
    };
    const send = async (line: string, pred: (f: string) => boolean, what: string) => {
      r.stdin.write(`${line}\r`);
      await until(pred, what);
      // ink-testing-library drops what is written while Ink re-attaches its input listener.
      await new Promise((res) => setTimeout(res, 100));
    };
    await until((f) => /^ 1\. \[ +\] Tiny$/m.test(f), 'the map');
    await send('1', (f) => f.includes('Tiny · step 1 of 5') && f.includes('Tiny · 1/5'), 'the lesson');
    await send('', (f) => f.includes('Tiny · step 2 of 5'), 'step 2');
    await send('docker pull busybox', (f) => f.includes('Tiny · step 3 of 5'), 'step 3');
    await send('back', (f) => f.includes('You have done this step already'), 'back on a done step');
    await send('next', (f) => f.includes('Tiny · 3/5'), 'next without doing it again');
    await send('answer 1', (f) => f.includes('Tiny · step 4 of 5'), 'step 4');
    await send('docker run -d --name web busybox sleep 1000', (f) => f.includes('in focus: web (running)'), 'web');
    await send('docker ps', (f) => /Up .* web/.test(f), 'docker ps');
    await send(
      'undo',
      (f) => f.includes('the command after it only looked, and stay') && !f.includes('web (running)'),
      'the undo',
    );
    await send(
      'docker run -d --name web busybox sleep 1000',
      (f) => f.includes('in focus: web (running)'),
      'web again',
    );
    await send('step', (f) => /# step\n\n── Tiny · step 4 of 5 ──\nCreate \(do not start\)/.test(f), 'step');
    await send('solution', (f) => f.includes('Run the solution after docker rm -f web? [y/N]'), 'the way out');
    await send(
      'y',
      (f) => f.includes('Enter shows the next step') && f.includes('Tiny · 5/5') && !f.includes('step 5 of 5'),
      'the solution run, its output kept in view',
    );
    await send('', (f) => f.includes('Tiny · step 5 of 5'), 'the next step after Enter');
    await send('docker start web', (f) => f.includes('web (running)'), 'web started');
    await send('docker exec web touch /hello', (f) => f.includes('Press Enter for the lesson map.'), 'the recap');
    await until((f) => f.includes('Grade: done with the solution'), 'the grade in the recap');
    await send('', (f) => /^ 1\. \[✓ sol\.\] Tiny$/m.test(f) && f.includes('lesson>'), 'the map with the grade');
  }, 60_000);
});
