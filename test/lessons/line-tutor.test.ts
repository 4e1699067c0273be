// The tutor in line mode, fed a learner's lines: the map, a lesson's steps, a step completed by
// a shell command, a hint, next refused, back to the map.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { runLineTutor } from '../../src/repl/line-tutor.js';

let progressFile = '';
async function session(
  lines: string[],
  lang: 'en' | 'zh-CN' = 'en',
  lessonId?: string,
  lessonsDir?: string,
): Promise<{ code: number; out: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  input.end(`${lines.join('\n')}\n`);
  const code = await runLineTutor({
    lang,
    input,
    output,
    progressFile,
    ...(lessonId ? { lessonId } : {}),
    ...(lessonsDir ? { lessonsDir } : {}),
  });
  return { code, out };
}

describe('line-mode tutor', () => {
  beforeEach(() => {
    progressFile = join(mkdtempSync(join(tmpdir(), 'ot-progress-')), 'progress.json');
  });

  it('shows the map, runs a lesson step by step and goes back to the map', async () => {
    const { code, out } = await session(['8', '', 'docker run -d --name web nginx', 'hint', 'next', 'lessons', 'q']);
    expect(code).toBe(0);
    expect(out).toContain(' 8. [     ] Copy-on-write in a container layer');
    // Two steps done: saved, and shown on the map when the learner comes back; the hint too.
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).lessons['copy-on-write']).toEqual({
      current: 2,
      done: ['intro', 'run'],
      aid: 'with-hints',
    });
    expect(out).toContain(' 8. [3/10 ] Copy-on-write');
    expect(out).toContain('── Copy-on-write in a container layer · step 2 of 10 ──');
    expect(out).toContain('✓ Step done.');
    expect(out).toContain("💡 Use docker exec web sh -c '…' to run a shell line in the container.");
    expect(out).toContain('This step is not done yet');
    expect(out.match(/Type a lesson number and Enter, or `sandbox`/g)).toHaveLength(2);
  });

  it('opens a sandbox from the map and goes back with `lessons`', async () => {
    const { code, out } = await session([
      'sandbox',
      'docker pull busybox >/dev/null',
      'if true; then',
      '  docker images --format "{{.Repository}}"',
      'fi',
      'lessons',
      'q',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('A simulated host with no lesson: try anything.');
    expect(out).toContain('root@host:~# > > busybox\n');
    expect(out.match(/Type a lesson number and Enter, or `sandbox`/g)).toHaveLength(2);
  });

  it('starts a lesson by id, in Chinese', async () => {
    const { out } = await session([''], 'zh-CN', 'chainid');
    expect(out).toContain('── DiffID → ChainID → cache-id · 第 1 步，共 8 步 ──');
    expect(out).toContain('第 2 步');
  });

  it('resumes where the learner left off, with the host as the earlier steps left it', async () => {
    await session(['8', '', 'docker run -d --name web nginx', 'q']);
    const { out } = await session(['8', 'docker ps --format "{{.Names}}"', 'q']);
    expect(out).toContain('step 3 of 10');
    expect(out).toContain('web\n');
  });

  it('keeps the help taken across a restart: the grade says hints though the last run took none', async () => {
    const tiny = join(import.meta.dirname, '../fixtures/tutor-lessons');
    await session(['1', '', 'hint', 'q'], 'zh-CN', undefined, tiny);
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).lessons.tiny).toEqual({
      current: 1,
      done: ['intro'],
      aid: 'with-hints',
    });
    const lines = ['1', 'docker pull busybox', 'answer 1', 'docker create --name web busybox sleep 1000', ''];
    const { out } = await session(
      [...lines, 'docker start web', 'docker exec web touch /hello', '', 'q'],
      'zh-CN',
      undefined,
      tiny,
    );
    expect(out).toContain('完成情况：看过提示后完成');
    expect(out).toMatch(/^ 1\. \[✓ 提示\] 小课/m);
  });

  it('keeps a corrupt progress file aside and says where', async () => {
    writeFileSync(progressFile, '{ not json');
    const { out } = await session(['q']);
    expect(out).toMatch(
      /your progress file could not be read \(not JSON .*\); it was kept as .*progress\.json\.corrupt-/,
    );
    expect(existsSync(progressFile)).toBe(false);
    expect(readdirSync(join(progressFile, '..')).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
  });

  it('says so when the lesson does not exist', async () => {
    expect(await session([], 'en', 'nope')).toEqual({ code: 2, out: "overlay-tutor: no lesson 'nope'\n" });
  });

  it("drives the same tutor: undo, back and next, step, a solution from the learner's state, the recap", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    const lines = [
      '1',
      '',
      'docker pull busybox',
      'back',
      'next',
      'answer 1',
      'docker run -d --name web busybox sleep 1000',
    ];
    lines.push('ls /', 'undo', 'docker run -d --name web busybox sleep 1000', 'step', 'solution', 'y', '');
    lines.push('docker start web', 'docker exec web touch /hello', '', 'q');
    input.end(`${lines.join('\n')}\n`);
    const lessonsDir = join(import.meta.dirname, '../fixtures/tutor-lessons');
    const code = await runLineTutor({ lang: 'en', input, output, progressFile, lessonsDir });
    expect(code).toBe(0);
    expect(out).toContain('You have done this step already: `next` moves on.');
    expect(out).toContain(
      'Undone: docker run -d --name web busybox sleep 1000 (the command after it only looked, and stay)',
    );
    expect(out).toContain('── Tiny · step 4 of 5 ──\nCreate (do not start) a container named web from busybox.');
    expect(out).toContain('`docker rm -f web` clears the way: then the solution works.');
    expect(out).toContain('Run the solution after docker rm -f web? [y/N] ');
    // The step marked pause: its output stays until Enter shows the next step.
    expect(out).toMatch(
      /\n✓ Step done\.\n\nRead the output above; Enter shows the next step\.\nroot@host:~# \n── Tiny · step 5 of 5 ──/,
    );
    expect(out).toContain('Grade: done with the solution');
    expect(out).toContain('Press Enter for the lesson map.\nroot@host:~# \n 1. [✓ sol.] Tiny');
    expect(out).toMatch(/^ 1\. \[✓ sol\.\] Tiny — A lesson for the tutor's tests\.$/m);
  });
});
