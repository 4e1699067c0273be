// What the screen loads after its first frame: every host it runs knows the output area's width.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { firstPrompt } from '../../src/ui/first-prompt.js';
import { loadScreenHost } from '../../src/ui/load-host.js';
import type { ScreenHost, ScreenIO } from '../../src/ui/screen-host.js';

async function say(host: ScreenHost, line: string): Promise<string> {
  let out = '';
  const io: ScreenIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += String(d)),
    stderr: (d) => void (out += String(d)),
    stdinIsTerminal: true,
    stdoutIsTerminal: true,
    lesson: () => {},
  };
  await host.run(line, io);
  return out;
}

describe('the hosts the screen runs', () => {
  it('tell ls the output area width beside the panes of a wide terminal (80 at 160 columns): the sandbox, a lesson and the sandbox opened from the map', async () => {
    process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'ot-load-'));
    const sandbox = await loadScreenHost({ seed: 0, lang: 'en', columns: 160, tutor: undefined });
    expect(await say(sandbox, 'echo $COLUMNS')).toBe('80\n');
    const tutor = await loadScreenHost({ seed: 0, lang: 'en', columns: 160, tutor: {} });
    await say(tutor, '7');
    expect(await say(tutor, 'echo $COLUMNS')).toBe('80\n');
    await say(tutor, 'lessons');
    await say(tutor, 'sandbox');
    expect(await say(tutor, 'echo $COLUMNS')).toBe('80\n');
    for (const h of [sandbox, tutor]) h.dispose();
  });

  it('show first the prompt the first frame drew before they loaded: the sandbox, the lesson map and every lesson', async () => {
    process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'ot-load-'));
    const { lessons } = readLessons(findLessonsDir() as string);
    expect(lessons.length).toBeGreaterThan(5);
    for (const tutor of [undefined, {}, ...lessons.map((l) => ({ lessonId: l.data.id }))]) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const host = await loadScreenHost({ seed: 0, lang, columns: 80, tutor });
        expect(host.prompt(), JSON.stringify(tutor)).toBe(firstPrompt(tutor, lang));
        host.dispose();
      }
    }
  });
});
