// `replay FILE --real` on a learner's saved session transcript (src/real/replay-transcript.ts): the
// lines it runs are each lesson's setup (its docker pull), the steps' solutions before where the
// lesson started, the shell lines the learner typed and a solution the learner ran; the tutor's words
// are left out, and the notes say what was taken and what cannot be replayed (reset, undo).
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { loadLessons } from '../../src/io/lessons-source.js';
import { EMPTY_PROGRESS, type ProgressStore } from '../../src/lessons/progress.js';
import { TRANSCRIPT_FORMAT, TranscriptWriter } from '../../src/lessons/transcript.js';
import { Tutor, type TutorIO } from '../../src/lessons/tutor.js';
import { isSessionTranscript, transcriptScript } from '../../src/real/replay-transcript.js';

const lessons = loadLessons()?.lessons ?? [];
const noProgress: ProgressStore = {
  current: () => EMPTY_PROGRESS,
  recordStep: () => undefined,
  recordAid: () => undefined,
};

/** The transcript the tutor keeps of `typed`, on the simulated host. */
async function transcriptOf(typed: readonly string[]): Promise<string> {
  let text = '';
  const writer = new TranscriptWriter({ write: (l) => void (text += l), now: () => 0 });
  writer.add({ kind: 'start', format: TRANSCRIPT_FORMAT, tool: 'test', lang: 'en' });
  const tutor = new Tutor({
    lessons,
    lang: 'en',
    makeHost: (s) => createSimHost({ seed: s, interactive: false }),
    progress: noProgress,
    transcript: writer,
  });
  const io: TutorIO = {
    stdin: new Uint8Array(0),
    stdout: () => undefined,
    stderr: () => undefined,
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
    say: () => undefined,
  };
  for (const line of typed) await tutor.submit(line, io);
  tutor.close();
  return text;
}

describe('a session transcript as the lines a replay runs', () => {
  it("takes the lesson's setup, the lines typed and a solution run; leaves the tutor's words out", async () => {
    const typed = "docker image inspect -f '{{.Id}}' nginx";
    const text = await transcriptOf(['5', '', 'hint', typed, 'solution', 'y', 'reset', 'next', 'lessons']);
    expect(isSessionTranscript(text)).toBe(true);
    const taken = transcriptScript(text, lessons);
    if (typeof taken === 'string') throw new Error(taken);
    expect(taken.script).toBe(
      ['docker pull nginx', typed, "docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' nginx", ''].join('\n'),
    );
    expect(taken.notes.join('\n')).toMatch(/lesson 05-layer-anatomy — each lesson's setup/);
    expect(taken.notes.join('\n')).toMatch(/\d+ of the tutor's words left out/);
    expect(taken.notes.join('\n')).toMatch(/1 reset or undo not replayed/);
  });

  it('a plain script is no transcript; a transcript of a lesson not here says so', async () => {
    expect(isSessionTranscript('docker pull nginx\n')).toBe(false);
    expect(isSessionTranscript('{"kind":"start"}\n')).toBe(false);
    const text = await transcriptOf(['5', 'lessons']);
    expect(
      transcriptScript(
        text,
        lessons.filter((l) => l.data.id !== 'layer-anatomy'),
      ),
    ).toBe('no lesson layer-anatomy here to replay the transcript on');
  });
});
