// A broken lesson file says what is wrong, where, in the words lessons/FORMAT.md promises; and it
// spoils only its own lesson: the line tutor and the screen list it with its problems, and the
// other lessons can be taken.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { readLessons } from '../../src/io/lesson-files.js';
import { formatProblem, loadLesson } from '../../src/lessons/loader.js';
import { nearest } from '../../src/lessons/schema-issues.js';
import { runLineTutor } from '../../src/repl/line-tutor.js';
import { loadScreenHost } from '../../src/ui/load-host.js';

const LESSONS = join(import.meta.dirname, '../../lessons');
const FOLDER = '01-storage-drivers';
const read = (name: string) => ({
  path: `lessons/${FOLDER}/${name}`,
  text: readFileSync(join(LESSONS, FOLDER, name), 'utf8'),
});
/** lesson 01's problems once `from` is replaced by `to` in its lesson.yaml. */
const problems = (from: string, to: string) => {
  const lesson = read('lesson.yaml');
  expect(lesson.text).toContain(from);
  const r = loadLesson(FOLDER, {
    lesson: { ...lesson, text: lesson.text.replace(from, to) },
    texts: { en: read('en.yaml'), 'zh-CN': read('zh-CN.yaml') },
  });
  expect(r.lesson).toBeUndefined();
  return r.problems.map(formatProblem);
};
// The kernel step's check (lesson 1, steps[3]), replaced by a broken one; LINE is where it is.
const RAN = '      - printed: { value: { word: { of: { file: /proc/version }, n: 3 } }, by: ^(uname|cat)$ }';
const LINE = read('lesson.yaml').text.split('\n').indexOf(RAN) + 1;

describe('lesson file problems', () => {
  it('name an unknown check and the nearest known one, at the check', () => {
    expect(problems(RAN, '      - imgae: busybox')).toEqual([
      `lessons/${FOLDER}/lesson.yaml:${LINE}:9: steps[3].checks[0]: unknown check "imgae" (did you mean image?)`,
    ]);
    expect(problems(RAN, '      - not: { contianer: { name: web } }')).toEqual([
      `lessons/${FOLDER}/lesson.yaml:${LINE}:14: steps[3].checks[0].not: unknown check "contianer" (did you mean container?)`,
    ]);
    expect(problems(RAN, '      - frobnicate: 1')).toEqual([
      `lessons/${FOLDER}/lesson.yaml:${LINE}:9: steps[3].checks[0]: unknown check "frobnicate"`,
    ]);
  });

  it('refuse a ran: pattern that is not a regular expression, where it is', () => {
    expect(problems(RAN, '      - ran: { pattern: "^uname( -r?$" }')).toEqual([
      `lessons/${FOLDER}/lesson.yaml:${LINE}:25: steps[3].checks[0].ran.pattern: not a valid regular expression (Unterminated group)`,
    ]);
    expect(problems(RAN, '      - all: [ { ran: { pattern: "[" } } ]')).toEqual([
      `lessons/${FOLDER}/lesson.yaml:${LINE}:34: steps[3].checks[0].all[0].ran.pattern: not a valid regular expression (Unterminated character class)`,
    ]);
  });

  it('suggest only a name near enough to be a slip', () => {
    expect(nearest('imgae', ['image', 'no_image'])).toBe('image');
    expect(nearest('upperr', ['upper', 'merged'])).toBe('upper');
    expect(nearest('xyz', ['image', 'upper'])).toBeUndefined();
  });
});

describe('one broken lesson among good ones', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ot-broken-lessons-'));
    for (const f of ['01-storage-drivers', '03-chainid']) cpSync(join(LESSONS, f), join(dir, f), { recursive: true });
    const yaml = join(dir, '03-chainid', 'lesson.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/- image: /, '- imgae: '));
    // A folder whose lesson.yaml is a directory, and one with a step text of 10 MB.
    mkdirSync(join(dir, '04-not-a-file'));
    mkdirSync(join(dir, '04-not-a-file', 'lesson.yaml'));
    cpSync(join(LESSONS, '05-layer-anatomy'), join(dir, '05-layer-anatomy'), { recursive: true });
    writeFileSync(join(dir, '05-layer-anatomy', 'en.yaml'), `title: x\nsummary: ${'y'.repeat(10 * 1024 * 1024)}\n`);
    process.env.XDG_STATE_HOME = join(dir, 'state');
  });

  it('are read: the good lesson loaded, the others with their problems', () => {
    const r = readLessons(dir, 'mine');
    expect(r.lessons.map((l) => l.data.id)).toEqual(['storage-drivers']);
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^mine\/03-chainid\/lesson\.yaml:\d+:\d+: steps\[\d\]\.checks\[0\]: unknown check "imgae" \(did you mean image\?\)$/,
      ),
      'mine/04-not-a-file/lesson.yaml:1:1: is a directory, not a file',
      'mine/04-not-a-file/en.yaml:1:1: missing',
      'mine/04-not-a-file/zh-CN.yaml:1:1: missing',
      'mine/05-layer-anatomy/en.yaml:1:1: is 10485779 bytes (at most 262144 are read)',
    ]);
  });

  it('refuse a step text the screen could not lay out in time (over 16 KiB), inside the file cap', () => {
    // A quarter-megabyte step took the screen 25 s to show and kept it from taking keys.
    const en = join(dir, '01-storage-drivers', 'en.yaml');
    const big = `${'      lorem ipsum dolor sit amet\n'.repeat(4000)}`;
    writeFileSync(en, readFileSync(en, 'utf8').replace(/(\n {2}intro:\n {4}text: \|\n)/, `$1${big}`));
    const r = readLessons(dir, 'mine');
    expect(r.lessons.map((l) => l.data.id)).toEqual([]);
    expect(r.problems[0]).toMatch(
      /^mine\/01-storage-drivers\/en\.yaml:\d+:\d+: steps\.intro\.text: a text is at most 16384 characters/,
    );
  });

  it('in the line tutor: listed above the map, and the good lesson can be taken', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    input.end('1\n\nq\n');
    const code = await runLineTutor({ lang: 'en', input, output, lessonsDir: dir, progressFile: join(dir, 'p.json') });
    expect(code).toBe(0);
    expect(out).toContain(
      'overlay-tutor: these lesson files have problems; those lessons are left out, the others work:',
    );
    expect(out).toContain('unknown check "imgae" (did you mean image?)');
    expect(out).toContain(' 1. [     ] Storage drivers and docker info');
    expect(out).toContain('── Storage drivers and docker info · step 2 of 7 ──');
  });

  it('on the screen: listed above the map, and the good lesson can be taken', async () => {
    const host = await loadScreenHost({ seed: 0, lang: 'en', columns: 80, tutor: { lessonsDir: dir } });
    const intro = (host as unknown as { intro(): string }).intro();
    expect(intro).toContain('unknown check "imgae" (did you mean image?)');
    expect(intro).toContain(' 1. [     ] Storage drivers and docker info');
    let said = '';
    const io = {
      stdin: new Uint8Array(0),
      stdout: (d: string | Uint8Array) => void (said += String(d)),
      stderr: (d: string | Uint8Array) => void (said += String(d)),
      stdinIsTerminal: true,
      stdoutIsTerminal: true,
      lesson: (t: string) => void (said += t),
    };
    await host.run('1', io);
    expect(said).toContain('Storage drivers and docker info · step 1 of 7');
    host.dispose();
  });
});
