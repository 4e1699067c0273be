// The progress file under attack and accident: several writers at once, saves that fail, files
// that are not files, leftovers of killed saves, planted symlinks, the old place under ~/.config.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { openProgressFile, ProgressFileError, progressPath } from '../../src/io/progress-file.js';
import { clampProgress, mergeProgress, parseProgress } from '../../src/lessons/progress.js';

const run = promisify(execFile);
let dir = '';
let file = '';
const read = () => JSON.parse(readFileSync(file, 'utf8'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ot-progress-file-'));
  file = join(dir, 'state', 'progress.json');
});

describe('saving', () => {
  it('keeps every lesson when several processes save at once', async () => {
    // Each child records 40 steps of its own lesson, one save per step, all at the same time.
    const module = join(import.meta.dirname, '../../src/io/progress-file.ts');
    const child = (lesson: string) =>
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `const { openProgressFile } = await import(${JSON.stringify(module)});
           const { store } = openProgressFile({ path: ${JSON.stringify(file)} });
           for (let i = 0; i < 40; i++) { const w = store.recordStep('${lesson}', 's' + i, i + 1); if (w) throw new Error(w); }`,
        ],
        { cwd: join(import.meta.dirname, '../..') },
      );
    await Promise.all(['one', 'two', 'three', 'four'].map(child));
    const lessons = read().lessons;
    for (const l of ['one', 'two', 'three', 'four']) {
      expect(lessons[l].current).toBe(40);
      expect(lessons[l].done).toHaveLength(40);
    }
    // No temporary file or lock is left behind.
    expect(readdirSync(join(dir, 'state'))).toEqual(['progress.json']);
  }, 60_000);

  it('reads the lesson afresh at each save: another tutor’s steps in the meantime are kept', () => {
    const a = openProgressFile({ path: file }).store;
    const b = openProgressFile({ path: file }).store;
    a.recordStep('chainid', 'intro', 1);
    b.recordStep('inodes', 'intro', 1);
    a.recordStep('chainid', 'pull', 2);
    expect(Object.keys(read().lessons).sort()).toEqual(['chainid', 'inodes']);
    expect(b.current().lessons.chainid?.current).toBe(2);
  });

  it('keeps the help a lesson’s run took, saved at once, until the lesson is finished', () => {
    // A file of the format before `aid` reads as it did.
    mkdirSync(join(dir, 'state'));
    writeFileSync(file, '{ "version": 1, "lessons": { "chainid": { "current": 2, "done": ["intro", "pull"] } } }');
    const a = openProgressFile({ path: file }).store;
    expect(a.current().lessons.chainid).toEqual({ current: 2, done: ['intro', 'pull'] });
    // A hint is written as soon as it is taken, and another tutor's save keeps it.
    expect(a.recordAid('chainid', 'with-hints')).toBeUndefined();
    expect(read().lessons.chainid).toEqual({ current: 2, done: ['intro', 'pull'], aid: 'with-hints' });
    openProgressFile({ path: file }).store.recordStep('chainid', 'diffids', 3);
    expect(read().lessons.chainid.aid).toBe('with-hints');
    // The solution is more help than hints; hints after it do not make it less.
    a.recordAid('chainid', 'with-solution');
    a.recordAid('chainid', 'with-hints');
    expect(read().lessons.chainid.aid).toBe('with-solution');
    // Finished: the help is in the grade now, and a new run starts without any.
    a.recordStep('chainid', 'final', 0, 'with-solution');
    expect(read().lessons.chainid).toEqual({
      current: 0,
      done: ['intro', 'pull', 'diffids', 'final'],
      grade: 'with-solution',
    });
    expect(parseProgress(readFileSync(file, 'utf8'))).toHaveProperty('progress');
    expect(
      parseProgress('{ "version": 1, "lessons": { "x": { "current": 0, "done": [], "aid": "clean" } } }'),
    ).toHaveProperty('error');
  });

  it('turns a failed save into a warning and saves the step with the next one', () => {
    const { store } = openProgressFile({ path: file });
    store.recordStep('chainid', 'intro', 1);
    // The folder replaced by a file: every save now fails (as a read-only or full disk would).
    renameSync(join(dir, 'state'), join(dir, 'away'));
    writeFileSync(join(dir, 'state'), '');
    const warning = store.recordStep('chainid', 'pull', 2);
    expect(warning).toMatch(
      /^progress not saved: .* \(.*progress\.json\); it is kept and saved again at the next step$/,
    );
    expect(warning).not.toContain('\n');
    expect(store.current().lessons.chainid).toEqual({ current: 2, done: ['intro', 'pull'] });
    rmSync(join(dir, 'state'));
    renameSync(join(dir, 'away'), join(dir, 'state'));
    // On the way out, the tutor tries once more.
    expect(store.flush()).toBeUndefined();
    expect(read().lessons.chainid).toEqual({ current: 2, done: ['intro', 'pull'] });
    expect(store.recordStep('chainid', 'walk', 3)).toBeUndefined();
    expect(read().lessons.chainid).toEqual({ current: 3, done: ['intro', 'pull', 'walk'] });
  });

  it('breaks a lock left by a tutor that died mid-save', () => {
    mkdirSync(join(dir, 'state'));
    // pid 2^22+1 is above Linux's pid_max: no such process.
    writeFileSync(`${file}.lock`, '4194305 deadbeef\n');
    const { store } = openProgressFile({ path: file });
    expect(store.recordStep('chainid', 'intro', 1)).toBeUndefined();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits for a live lock, then says the save could not be made, without blocking for good', () => {
    const { store } = openProgressFile({ path: file });
    mkdirSync(join(dir, 'state'));
    writeFileSync(`${file}.lock`, `${process.pid} someone-else\n`);
    const started = Date.now();
    expect(store.recordStep('chainid', 'intro', 1)).toMatch(/another overlay-tutor holds .*progress\.json\.lock/);
    expect(Date.now() - started).toBeLessThan(8000);
    rmSync(`${file}.lock`);
    expect(store.recordStep('chainid', 'pull', 2)).toBeUndefined();
    expect(read().lessons.chainid.done).toEqual(['intro', 'pull']);
  });

  it('never follows a symlink planted at a temporary file’s name', () => {
    mkdirSync(join(dir, 'state'));
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, `${file}.tmp-${process.pid}`);
    const { store } = openProgressFile({ path: file });
    expect(store.recordStep('chainid', 'intro', 1)).toBeUndefined();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(read().lessons.chainid.current).toBe(1);
  });

  it('leaves the disk as it is when there is nothing to save yet', () => {
    expect(openProgressFile({ path: file }).store.current().lessons).toEqual({});
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });

  it('removes the temporary files killed saves left, on the next start', () => {
    mkdirSync(join(dir, 'state'));
    for (let pid = 100; pid < 200; pid++) writeFileSync(`${file}.tmp-${pid}`, 'x'.repeat(1000));
    openProgressFile({ path: file });
    expect(readdirSync(join(dir, 'state'))).toEqual([]);
  });
});

describe('reading', () => {
  const opening = () => {
    try {
      openProgressFile({ path: file });
      return '';
    } catch (e) {
      expect(e).toBeInstanceOf(ProgressFileError);
      return (e as Error).message;
    }
  };

  it('refuses a directory, a FIFO and a link to /dev/zero at once, naming the path and what to do', async () => {
    mkdirSync(file, { recursive: true });
    expect(opening()).toBe(
      `overlay-tutor: cannot read your progress: ${file} is a directory, not a file; ` +
        'move it away: the tutor keeps your progress in a file of that name',
    );
    rmSync(file, { recursive: true });
    await run('mkfifo', [file]);
    expect(opening()).toContain(`${file} is a FIFO (named pipe), not a file`);
    rmSync(file);
    symlinkSync('/dev/zero', file);
    expect(opening()).toContain(`${file} is a character device, not a file`);
  });

  it('moves a 100 MB file aside at once instead of parsing it', () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(file, '['.repeat(100 * 1024 * 1024));
    const started = Date.now();
    const { store, notices } = openProgressFile({ path: file });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(notices[0]).toMatch(/could not be read \(is 104857600 bytes \(at most 1048576 are read\)\); it was kept as/);
    expect(store.current().lessons).toEqual({});
  });

  it('keeps each lesson’s current step within its steps', () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(file, JSON.stringify({ version: 1, lessons: { chainid: { current: 9999, done: [] } } }));
    const { store } = openProgressFile({ path: file, lessons: [{ id: 'chainid', steps: ['a', 'b', 'c'] }] });
    expect(store.current().lessons.chainid?.current).toBe(2);
  });

  it('refuses ids that are not lesson ids, long strings and __proto__', () => {
    const p = (lessons: unknown) => parseProgress(JSON.stringify({ version: 1, lessons }));
    expect(p({ '../../etc': { current: 0, done: [] } })).toEqual({
      error: '"../../etc" is not a lesson id (lowercase letters, digits and dashes)',
    });
    expect(p({ ['a'.repeat(100_000)]: { current: 0, done: [] } })).toEqual({
      error: 'a string of 100000 characters is not a lesson id (lowercase letters, digits and dashes)',
    });
    expect(p({ chainid: { current: 0, done: ['../x'] } })).toEqual({
      error: 'lessons.chainid.done: "../x" is not a step id',
    });
    expect(parseProgress('{"version":1,"lessons":{"__proto__":{"current":0,"done":[]}}}')).toEqual({
      error: '"__proto__" is not a lesson id (lowercase letters, digits and dashes)',
    });
  });
});

describe('where progress lives', () => {
  it('is under XDG_STATE_HOME, else ~/.local/state', () => {
    expect(progressPath({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/overlay-tutor/progress.json');
    expect(progressPath({ HOME: '/h' })).toBe('/h/.local/state/overlay-tutor/progress.json');
    expect(progressPath({ XDG_STATE_HOME: 'relative', HOME: '/h' })).toBe(
      '/h/.local/state/overlay-tutor/progress.json',
    );
  });

  it('is moved once from the old place under ~/.config', () => {
    const env = { HOME: dir };
    const old = join(dir, '.config', 'overlay-tutor', 'progress.json');
    mkdirSync(join(old, '..'), { recursive: true });
    writeFileSync(old, JSON.stringify({ version: 1, lessons: { chainid: { current: 2, done: ['a', 'b'] } } }));
    const first = openProgressFile({ env });
    expect(first.notices).toEqual([
      `overlay-tutor: your progress moved from ${old} to ${join(dir, '.local/state/overlay-tutor/progress.json')}`,
    ]);
    expect(existsSync(old)).toBe(false);
    expect(first.store.current().lessons.chainid?.current).toBe(2);
    expect(openProgressFile({ env }).notices).toEqual([]);
  });
});

describe('merging', () => {
  it('keeps the furthest step, every step done, the better grade and the help taken, of each lesson', () => {
    const a = {
      version: 1 as const,
      lessons: {
        x: { current: 3, done: ['a', 'b', 'c'] },
        y: { current: 0, done: ['a'], grade: 'with-hints' as const },
        z: { current: 1, done: ['a'], aid: 'with-solution' as const },
      },
    };
    const b = {
      version: 1 as const,
      lessons: {
        x: { current: 1, done: ['a', 'd'], aid: 'with-hints' as const },
        y: { current: 2, done: ['b'], grade: 'clean' as const },
        z: { current: 2, done: ['a', 'b'], aid: 'with-hints' as const },
      },
    };
    // The help either run took is kept: the merged run may go on from either one's steps.
    expect(mergeProgress(a, b).lessons).toEqual({
      x: { current: 3, done: ['a', 'b', 'c', 'd'], aid: 'with-hints' },
      y: { current: 2, done: ['a', 'b'], grade: 'clean' },
      z: { current: 2, done: ['a', 'b'], aid: 'with-solution' },
    });
    expect(clampProgress(b, [{ id: 'x', steps: ['a'] }]).lessons.x?.current).toBe(0);
  });
});
