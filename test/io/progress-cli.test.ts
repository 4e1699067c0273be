// `progress --export/--import` and the tutor's saves, through the built bin: two tutors and an
// import at once, imports that are not progress, exports and saves on a full or read-only disk.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
let dir = '';
let state = '';
const progressFile = () => join(state, 'overlay-tutor', 'progress.json');
const saved = () => JSON.parse(readFileSync(progressFile(), 'utf8')).lessons;
// No CI variables: the bin decides line mode from the pipes alone.
const env = () => {
  const e: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: join(dir, 'home'), XDG_STATE_HOME: state };
  return e;
};
const cli = (args: string[], input = '') => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: env(), timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, code: r.status };
};
const cliAsync = (args: string[], input: string) =>
  new Promise<{ out: string; code: number | null }>((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: env() }, (_e, out) =>
      resolve({ out, code: child.exitCode }),
    );
    child.stdin?.end(input);
  });
const INODES_STEPS = ['intro', 'before'];
const progress = (lessons: Record<string, unknown>) => JSON.stringify({ version: 1, lessons });

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
}, 120_000);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ot-progress-cli-'));
  state = join(dir, 'state');
});

describe('two tutors and an import at once', () => {
  it('keeps every lesson’s progress', async () => {
    const imported = join(dir, 'import.json');
    const inodes = { current: 2, done: INODES_STEPS };
    writeFileSync(imported, progress({ inodes }));
    // Each tutor does two steps of its lesson (Enter on the explanation, then the step's solution).
    const steps = ['', 'solution', 'y', 'q', ''].join('\n');
    const [a, b, i] = await Promise.all([
      cliAsync(['tutor', '--lesson', 'storage-drivers'], steps),
      cliAsync(['tutor', '--lesson', 'running-a-container'], steps),
      new Promise<ReturnType<typeof cli>>((resolve) =>
        setTimeout(() => resolve(cli(['progress', '--import', imported])), 300),
      ),
    ]);
    expect(a.out).toContain('✓ Step done.');
    expect(b.out).toContain('✓ Step done.');
    expect(i.code).toBe(0);
    const lessons = saved();
    // The solution taken is saved with the lesson (its grade at best).
    expect(lessons['storage-drivers']).toEqual({ current: 2, done: ['intro', 'info'], aid: 'with-solution' });
    expect(lessons['running-a-container'].current).toBe(2);
    expect(lessons.inodes).toEqual(inodes);
  }, 120_000);
});

describe('progress --import', () => {
  it('merges by lesson, keeping the furthest and the better grade, and keeps a backup', () => {
    mkdirSync(join(state, 'overlay-tutor'), { recursive: true });
    writeFileSync(
      progressFile(),
      progress({ chainid: { current: 5, done: ['intro'] }, inodes: { current: 0, done: [], grade: 'clean' } }),
    );
    const from = join(dir, 'other.json');
    writeFileSync(
      from,
      progress({ chainid: { current: 2, done: ['pull'] }, inodes: { current: 4, done: [], grade: 'with-hints' } }),
    );
    const r = cli(['progress', '--import', from]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/the progress this import replaced is kept in .*progress\.json\.before-import-/);
    expect(r.err).toContain(`2 lessons imported from ${from} (each lesson at the further of the two)`);
    expect(saved()).toEqual({
      chainid: { current: 5, done: ['intro', 'pull'] },
      inodes: { current: 4, done: [], grade: 'clean' },
    });
    const backup = readdirSync(join(state, 'overlay-tutor')).find((f) => f.includes('before-import'));
    expect(
      JSON.parse(readFileSync(join(state, 'overlay-tutor', backup as string), 'utf8')).lessons.chainid.current,
    ).toBe(5);
    // --replace: the old behaviour, with the backup.
    expect(cli(['progress', '--import', from, '--replace']).code).toBe(0);
    expect(saved().chainid).toEqual({ current: 2, done: ['pull'] });
  });

  it('refuses unknown lessons, ids like ../../etc, 50 MB strings, /dev/zero and FIFOs, changing nothing', () => {
    const from = join(dir, 'bad.json');
    const refused = (text: string | undefined, path = from) => {
      if (text !== undefined) writeFileSync(path, text);
      const started = Date.now();
      const r = cli(['progress', '--import', path]);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/nothing was imported\n$/);
      expect(existsSync(progressFile())).toBe(false);
      return r.err;
    };
    expect(refused(progress({ nope: { current: 0, done: [] } }))).toContain('unknown lesson "nope"');
    expect(refused(progress({ chainid: { current: 0, done: ['imgae'] } }))).toContain(
      'lesson "chainid" has no step "imgae"',
    );
    expect(refused(progress({ '../../etc': { current: 0, done: [] } }))).toContain('"../../etc" is not a lesson id');
    expect(refused(progress({ chainid: { current: 0, done: ['x'.repeat(50 * 1024 * 1024)] } }))).toContain(
      'it is 52428861 bytes (at most 1048576 are read)',
    );
    expect(refused(undefined, '/dev/zero')).toContain('cannot import /dev/zero: it is a character device, not a file');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(refused(undefined, fifo)).toContain('it is a FIFO (named pipe), not a file');
    expect(refused('['.repeat(100 * 1024 * 1024))).toContain('is 104857600 bytes');
  }, 120_000);
});

describe('progress --export and unreadable progress', () => {
  it('says what to do when the export path is a directory, or the progress file is one', () => {
    const r = cli(['progress', '--export', dir]);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toBe(
      `overlay-tutor: cannot export to ${dir}: it is a directory; give a file name, such as ${dir}/progress.json\n`,
    );
    mkdirSync(progressFile(), { recursive: true });
    for (const args of [['progress', '--export', join(dir, 'x.json')], ['tutor']]) {
      const t = cli(args, 'q\n');
      expect(t.code).toBe(1);
      expect(t.err + t.out).toContain(
        `cannot read your progress: ${progressFile()} is a directory, not a file; move it away`,
      );
      expect(t.err).not.toContain('internal error');
    }
  });

  it('moves progress from ~/.config once', () => {
    const old = join(dir, 'home', '.config', 'overlay-tutor', 'progress.json');
    mkdirSync(join(old, '..'), { recursive: true });
    writeFileSync(old, progress({ chainid: { current: 1, done: ['intro'] } }));
    expect(cli(['tutor'], 'q\n').out).toContain(`your progress moved from ${old} to ${progressFile()}`);
    expect(saved().chainid.current).toBe(1);
    expect(cli(['tutor'], 'q\n').out).not.toContain('moved');
  });

  it('shows a current step past the lesson’s end as its last step on the map', () => {
    mkdirSync(join(state, 'overlay-tutor'), { recursive: true });
    writeFileSync(progressFile(), progress({ chainid: { current: 9999, done: [] } }));
    const r = cli(['tutor'], 'q\n');
    expect(r.out).toContain(' 3. [8/8  ] DiffID');
    expect(r.out).not.toContain('10000');
  });
});

// A full disk and a read-only one, as a small tmpfs (root only: mount(2)).
const mounts: string[] = [];
function tmpfs(options: string): string | undefined {
  const at = mkdtempSync(join(tmpdir(), 'ot-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  if (r.status !== 0) return undefined;
  mounts.push(at);
  return at;
}
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});
const canMount = process.getuid?.() === 0 && tmpfs('size=64k') !== undefined;
if (!canMount) {
  process.stderr.write('\n!!! full and read-only disk tests SKIPPED: mounting a tmpfs needs root\n');
  if (process.env.OVERLAY_TUTOR_REQUIRE_REAL === '1') throw new Error('cannot mount a tmpfs for the disk tests');
}

describe.runIf(canMount)('on a full or read-only disk', () => {
  it('an export that fails leaves the earlier export as it was', () => {
    const disk = tmpfs('size=64k') as string;
    const target = join(disk, 'backup.json');
    mkdirSync(join(state, 'overlay-tutor'), { recursive: true });
    writeFileSync(progressFile(), progress({ chainid: { current: 1, done: ['intro'] } }));
    expect(cli(['progress', '--export', target]).code).toBe(0);
    const before = readFileSync(target, 'utf8');
    // The disk filled up, and there is more progress to export than fits.
    const filler = join(disk, 'filler');
    spawnSync('sh', ['-c', `cat /dev/zero > ${filler}`]);
    const done = Array.from({ length: 300 }, (_, i) => `step-${i}`);
    writeFileSync(progressFile(), progress({ chainid: { current: 1, done } }));
    const r = cli(['progress', '--export', target]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `overlay-tutor: cannot export to ${target}: No space left on device (any earlier ${target} is as it was)\n`,
    );
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(readdirSync(disk).sort()).toEqual(['backup.json', 'filler']);
    rmSync(filler);
  });

  it('a tutor whose saves fail says so in one line and the lesson goes on', () => {
    const disk = tmpfs('size=1m') as string;
    state = disk;
    mkdirSync(join(disk, 'overlay-tutor'));
    spawnSync('mount', ['-o', 'remount,ro', disk]);
    const r = cli(
      ['tutor', '--lesson', 'storage-drivers'],
      // Enter after the solution: the step is marked pause, its output stays until then.
      ['', 'solution', 'y', '', 'docker info | grep -c Driver', ''].join('\n'),
    );
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('internal error');
    expect(r.out).toMatch(
      /overlay-tutor: progress not saved: Read-only file system \(.*progress\.json\); it is kept and saved again/,
    );
    expect(r.out).toContain('── Storage drivers and docker info · step 3 of 7 ──');
    // The shell still answers after the failed saves.
    expect(r.out).toContain('root@host:~# 3\n');
  });
});
