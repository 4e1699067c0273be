// Grading: a set's session recorded by the tutor, then replayed and judged. Right work earns its
// points and wrong work does not; hints cost what the set says; a banned command is refused; the
// solution is closed; each learner's seed gives other ids, and their own answers pass while a
// neighbour's copied answer fails.
import { describe, expect, it } from 'vitest';
import { learnerSeed } from '../../src/lessons/exercise-set.js';
import { grade, recordedTutor, shopSet } from './grade-support.js';

describe('an exercise set taken and graded', () => {
  it('gives full points to right work and says how many commands it took', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set });
    expect(s.intro()).toContain('══ Shop exam · item 1 of 2 ══');
    expect(s.intro()).toContain('Time: 30 min. A hint costs 1 point.');
    expect(s.intro()).toContain('Not allowed: `docker commit`.');
    await s.type("answer $(basename $(dirname $(docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' busybox)))");
    expect(s.tutor.runner?.view().id).toBe('edit');
    await s.type('docker run -d --name web busybox sleep 1000');
    await s.type("docker exec web sh -c 'echo hello > /etc/motd'");
    const last = await s.type('docker exec web rm /bin/true');
    expect(last.out).toContain('The exercise set is over.');
    expect(s.tutor.place).toBe('over');
    const r = await grade(s.transcript(), { set });
    expect(r.status).toBe('pass');
    expect(r.points).toBe(8);
    expect(r.maxPoints).toBe(8);
    expect(r.tests.map((t) => [t.name, t.status, t.points])).toEqual([
      ['shop/cache', 'pass', 2],
      ['shop/edit', 'pass', 6],
    ]);
    expect(r.tests[1]?.message).toBe('you used 3 commands; the reference uses 3');
    expect(r.learner).toBe('ada');
    expect(r.seed).toBe(learnerSeed('shop-exam', 'ada'));
  });

  it('gives partial credit per check to unfinished work, and nothing to a wrong answer', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set });
    expect((await s.type('answer 1')).exitCode).toBe(1);
    await s.type('skip');
    await s.type('docker run -d --name web busybox sleep 1000');
    await s.type("docker exec web sh -c 'echo hello > /etc/motd'");
    await s.type('end');
    const r = await grade(s.transcript(), { set });
    expect(r.status).toBe('fail');
    expect(r.tests.map((t) => [t.name, t.status, t.points])).toEqual([
      ['shop/cache', 'fail', 0],
      ['shop/edit', 'fail', 3],
    ]);
    expect(r.tests[1]?.message).toBe("not done: whiteout /bin/true in web's upper");
    expect(r.tests[0]?.message).toBe('skipped; not done: the answer');
  });

  it('takes what hints cost off the step, and refuses the solution', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set });
    expect((await s.type('hint')).out).toContain('docker image inspect shows it.');
    expect((await s.type('solution')).out).toContain('The solution is not available in this exercise set.');
    await s.type("answer $(basename $(dirname $(docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' busybox)))");
    const r = await grade(s.transcript(), { set });
    expect(r.tests[0]).toMatchObject({ name: 'shop/cache', status: 'pass', points: 1 });
    expect(r.tests[0]?.message).toContain('1 hint (−1)');
    expect(r.tests[1]).toMatchObject({ status: 'fail', points: 0, message: expect.stringContaining('not done') });
  });

  it('refuses a banned command with a clear message, in any form', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set });
    await s.type('skip');
    await s.type('docker run -d --name web busybox sleep 1000');
    for (const line of [
      'docker commit web x',
      'docker container commit web x',
      'sudo docker commit web',
      'echo $(docker commit web)',
    ]) {
      const t = await s.type(line);
      expect(t.out, line).toContain('docker commit: not allowed in this exercise set');
    }
    // Refused, not run: no image was committed; other docker commands work.
    expect((await s.type("docker images --format '{{.Repository}}'")).out).toBe('busybox\n');
  });

  it('ends the session when the time is up', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set });
    s.clock.ms += 31 * 60_000;
    const t = await s.type('docker images');
    expect(t.out).toContain('Time is up');
    expect(s.tutor.place).toBe('over');
    expect(s.transcript()).toContain('"reason":"time"');
  });

  it('gives each learner other ids: their own answer passes, a copied one fails', async () => {
    const set = shopSet();
    const ada = await recordedTutor({ set, learner: 'ada' });
    const bob = await recordedTutor({ set, learner: 'bob' });
    expect(ada.seed).not.toBe(bob.seed);
    const cacheOf = (s: typeof ada) => {
      const upper = s.tutor.runner?.fill('{{cacheid busybox 1}}');
      expect(upper).toMatch(/^[0-9a-f]{64}$/);
      return upper as string;
    };
    const [adaCache, bobCache] = [cacheOf(ada), cacheOf(bob)];
    expect(adaCache).not.toBe(bobCache);
    await ada.type(`answer ${adaCache}`);
    await bob.type(`answer ${adaCache}`);
    expect((await grade(ada.transcript(), { set })).tests[0]?.status).toBe('pass');
    expect((await grade(bob.transcript(), { set })).tests[0]?.status).toBe('fail');
  });
});

describe('a lesson session recorded with --transcript and graded without a set', () => {
  it('judges each graded step from where the lesson started, one point a check', async () => {
    const s = await recordedTutor();
    await s.type('1');
    await s.type('next');
    await s.type("answer $(basename $(dirname $(docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' busybox)))");
    await s.type('docker run -d --name web busybox sleep 1000');
    await s.type('lessons');
    s.tutor.close();
    expect(s.transcript()).toContain('"reason":"quit"');
    const r = await grade(s.transcript());
    expect(r.status).toBe('fail');
    expect(r.tests.map((t) => [t.name, t.status, `${t.points}/${t.maxPoints}`])).toEqual([
      ['shop/cache', 'pass', '1/1'],
      ['shop/edit', 'fail', '1/3'],
    ]);
    // Graded against a set, a transcript of no set is refused.
    expect((await grade(s.transcript(), { set: shopSet() })).status).toBe('error');
  });
});
