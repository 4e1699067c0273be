// `overlay-tutor grade` on transcript files: every format against its golden output (a session
// recorded on a fixed clock is the same bytes every run), the exit statuses (0 all passed, 1 some
// failed, 2 invalid or tampered with), several transcripts as CSV, and each learner's seed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGrade, runSeeds } from '../../src/io/grade-command.js';
import { learnerSeed } from '../../src/lessons/exercise-set.js';
import { GRADED, gradedLessons, recordedTutor, shopSet } from '../lessons/grade-support.js';

const SET = join(GRADED, 'sets/shop-exam.yaml');
const GOLDEN = join(GRADED, 'golden');
const dir = mkdtempSync(join(tmpdir(), 'grade-'));
const files = { full: join(dir, 'ada.jsonl'), partial: join(dir, 'bob.jsonl'), tampered: join(dir, 'eve.jsonl') };

async function run(args: Partial<Parameters<typeof runGrade>[0]>) {
  let out = '';
  let err = '';
  const code = await runGrade({
    files: [],
    lessons: gradedLessons(),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    ...args,
  });
  return { code, out, err };
}

beforeAll(async () => {
  const set = shopSet();
  const ada = await recordedTutor({ set, learner: 'ada' });
  await ada.type("answer $(basename $(dirname $(docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' busybox)))");
  await ada.type('docker run -d --name web busybox sleep 1000');
  await ada.type("docker exec web sh -c 'echo hello > /etc/motd'");
  await ada.type('docker exec web rm /bin/true');
  writeFileSync(files.full, ada.transcript());
  const bob = await recordedTutor({ set, learner: 'bob' });
  await bob.type('hint');
  await bob.type('answer 1');
  await bob.type('skip');
  await bob.type('docker run -d --name web busybox sleep 1000');
  await bob.type('docker commit web mine');
  await bob.type('docker exec web sh -c \'echo "<hello> & bye" > /etc/motd\'');
  await bob.type('end');
  writeFileSync(files.partial, bob.transcript());
  // Eve turns her wrong answer's exit status into a right one.
  writeFileSync(files.tampered, bob.transcript().replace('"exit":1', '"exit":0'));
}, 120_000);

describe('overlay-tutor grade', () => {
  it('writes each format as its golden file says, and exits 0 when all passed', async () => {
    for (const format of ['human', 'json', 'junit', 'tap']) {
      const r = await run({ files: [files.full], set: SET, format });
      expect(r.code, format).toBe(0);
      await expect(r.out).toMatchFileSnapshot(join(GOLDEN, `full.${format}`));
    }
  });

  it('exits 1 when a step failed, with partial points and the reasons', async () => {
    for (const format of ['human', 'json', 'junit', 'tap']) {
      const r = await run({ files: [files.partial], set: SET, format });
      expect(r.code, format).toBe(1);
      await expect(r.out).toMatchFileSnapshot(join(GOLDEN, `partial.${format}`));
    }
    const json = JSON.parse((await run({ files: [files.partial], set: SET, format: 'json' })).out);
    expect(json).toMatchObject({ version: 3, status: 'fail', points: 3, max_points: 8 });
    for (const t of json.tests) expect(t.output.length).toBeLessThanOrEqual(500);
  });

  it('exits 2 on a tampered transcript, in every format', async () => {
    for (const format of ['human', 'json', 'junit', 'tap']) {
      const r = await run({ files: [files.tampered], set: SET, format });
      expect(r.code, format).toBe(2);
      expect(r.out + r.err, format).toContain('line 4: its content does not match its hash (it was edited)');
    }
    const json = JSON.parse((await run({ files: [files.tampered], set: SET, format: 'json' })).out);
    expect(json).toMatchObject({ version: 3, status: 'error', tests: [] });
  });

  it('exits 2 on a set with problems, a missing file, a wrong format', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(SET, 'utf8').replace('step: edit', 'step: edti'));
    const r = await run({ files: [files.full], set: broken });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${broken}:12:11: items[1].step: no step "edti" in lesson shop\n`);
    expect((await run({ files: [join(dir, 'none.jsonl')], set: SET })).code).toBe(2);
    expect((await run({ files: [files.full], set: SET, format: 'xml' })).err).toContain(
      "--format wants human, json, junit, tap, not 'xml'",
    );
  });

  it('grades many transcripts into one CSV row each', async () => {
    const r = await run({ files: [files.full, files.partial, files.tampered], set: SET, csv: true });
    expect(r.code).toBe(2);
    // The files' folder is a temporary one: the golden file names it DIR.
    await expect(r.out.replaceAll(dir, 'DIR')).toMatchFileSnapshot(join(GOLDEN, 'class.csv'));
    expect(r.err).toContain('eve.jsonl: invalid transcript');
    expect((await run({ files: [files.full, files.partial], set: SET, csv: true })).code).toBe(1);
  });

  it('prints each learner their seed, with or without a key', () => {
    let out = '';
    const key = join(dir, 'key');
    writeFileSync(key, 'classroom secret\n');
    const io = { lessons: gradedLessons(), out: (t: string) => void (out += t), err: () => {}, env: {} };
    expect(runSeeds({ ...io, set: SET, learners: ['ada', 'bob'], key })).toBe(0);
    const secret = new TextEncoder().encode('classroom secret');
    expect(out).toBe(
      `ada\t${learnerSeed('shop-exam', 'ada', secret)}\nbob\t${learnerSeed('shop-exam', 'bob', secret)}\n`,
    );
    expect(learnerSeed('shop-exam', 'ada', secret)).not.toBe(learnerSeed('shop-exam', 'ada'));
  });
});
