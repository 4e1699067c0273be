// The transcript's chain and signatures: any edit, removal or insertion is found, a key's
// signature cannot be made without it, and a replay that does not do what the transcript says
// makes it invalid too.
import { describe, expect, it } from 'vitest';
import { canonicalJson, TranscriptWriter, verifyTranscript } from '../../src/lessons/transcript.js';
import { grade, recordedTutor, shopSet } from './grade-support.js';

const KEY = new TextEncoder().encode('teacher secret');

function small(key?: Uint8Array) {
  let text = '';
  let t = 0;
  const w = new TranscriptWriter({ write: (l) => void (text += l), now: () => (t += 100), key });
  w.add({ kind: 'start', format: 'overlay-tutor-transcript/1', tool: 't', lang: 'en' });
  w.add({ kind: 'lesson', lesson: 'shop', version: 'v', seed: 1, startAt: 1 });
  w.add({ kind: 'line', step: 'cache', line: 'ls', exit: 0, output: 'a\n' });
  return text;
}

const lines = (t: string) => t.trimEnd().split('\n');
const edit = (t: string, i: number, f: (e: Record<string, unknown>) => void) => {
  const ls = lines(t);
  const e = JSON.parse(ls[i] as string);
  f(e);
  ls[i] = JSON.stringify(e);
  return `${ls.join('\n')}\n`;
};

describe('a transcript', () => {
  it('verifies as written, with or without a key', () => {
    expect(verifyTranscript(small())).toMatchObject({ ok: true, signed: false });
    expect(verifyTranscript(small(KEY), KEY)).toMatchObject({ ok: true, signed: true });
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });

  it('finds an edit, an entry taken out, one put in', () => {
    const t = small();
    expect(verifyTranscript(edit(t, 2, (e) => (e.exit = 1)))).toEqual({
      ok: false,
      problem: 'line 3: its content does not match its hash (it was edited)',
    });
    const ls = lines(t);
    expect(verifyTranscript(`${[ls[0], ls[2]].join('\n')}\n`)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^line 2: entry number 2/),
    });
    // Renumbered and rehashed by hand, the chain still breaks where the entry was taken out.
    const renumbered = edit(`${[ls[0], ls[2]].join('\n')}\n`, 1, (e) => (e.n = 1));
    expect(verifyTranscript(renumbered)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('does not follow'),
    });
    expect(verifyTranscript('')).toEqual({ ok: false, problem: 'the transcript is empty' });
    expect(verifyTranscript('{"x":1}\n')).toMatchObject({
      ok: false,
      problem: 'line 1: not a transcript entry (no hash chain)',
    });
  });

  it('needs the key for its signatures: unsigned, or signed with another key, is refused', () => {
    expect(verifyTranscript(small(), KEY)).toEqual({
      ok: false,
      problem: 'line 1: not signed (a key was given to check it)',
    });
    expect(verifyTranscript(small(new TextEncoder().encode('guess')), KEY)).toEqual({
      ok: false,
      problem: "line 1: its signature is not the key's",
    });
  });

  it('cuts a long output and says so', () => {
    let text = '';
    const w = new TranscriptWriter({ write: (l) => void (text += l), now: () => 0 });
    w.add({ kind: 'start', format: 'overlay-tutor-transcript/1', tool: 't', lang: 'en' });
    w.add({ kind: 'line', step: 's', line: 'yes | head -c 9999', exit: 0, output: 'y\n'.repeat(5000) });
    const e = JSON.parse(lines(text)[1] as string);
    expect(e.output.length).toBe(4000);
    expect(e.cut).toBe(true);
    expect(verifyTranscript(text).ok).toBe(true);
  });
});

describe('grading a transcript that was tampered with', () => {
  it('says invalid when a line was edited, even with the chain recomputed, the replay differs', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set });
    await s.type('answer 1');
    const honest = s.transcript();
    expect((await grade(honest, { set })).status).toBe('fail');
    // The wrong answer changed to a right-looking exit status: the hash no longer matches.
    const edited = edit(honest, 2, (e) => (e.exit = 0));
    expect(await grade(edited, { set })).toMatchObject({ status: 'error', message: expect.stringContaining('edited') });
    // Rechained by someone without the key: the chain verifies, the replay does not agree.
    let rechained = '';
    const w = new TranscriptWriter({ write: (l) => void (rechained += l), now: () => 0 });
    for (const [i, l] of lines(honest).entries()) {
      const { n: _n, ms: _ms, prev: _p, hash: _h, ...body } = JSON.parse(l);
      w.add(i === 2 ? { ...body, exit: 0, done: 'cache' } : body);
    }
    expect(await grade(rechained, { set })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('exits 1 on replay, 0 in the transcript'),
    });
  });

  it('with a key: a transcript rechained without it is refused, a signed one is graded', async () => {
    const set = shopSet();
    const s = await recordedTutor({ set, key: KEY });
    await s.type('skip');
    const signed = s.transcript();
    expect((await grade(signed, { set, key: KEY })).status).toBe('fail');
    const unsigned = signed.replace(/,"sig":"[0-9a-f]+"/g, '');
    expect(await grade(unsigned, { set, key: KEY })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('not signed'),
    });
  });

  it("refuses another learner's seed, and a transcript of another set", async () => {
    const set = shopSet();
    const s = await recordedTutor({ set, learner: 'ada', seed: 12345 });
    await s.type('skip');
    expect(await grade(s.transcript(), { set })).toMatchObject({
      status: 'error',
      message: "seed 12345 is not learner ada's for set shop-exam (were the seeds made with a key? --key FILE)",
    });
    const plain = await recordedTutor();
    expect(await grade(plain.transcript(), { set })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('not of set shop-exam'),
    });
  });
});
