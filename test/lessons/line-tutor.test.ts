// The tutor in line mode, fed a learner's lines: the map, a lesson's steps, a step completed by
// a shell command, a hint, next refused, back to the map.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runLineTutor } from '../../src/repl/line-tutor.js';

async function session(lines: string[], lang: 'en' | 'zh-CN' = 'en', lessonId?: string): Promise<{ code: number; out: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  input.end(`${lines.join('\n')}\n`);
  const code = await runLineTutor({ lang, input, output, ...(lessonId ? { lessonId } : {}) });
  return { code, out };
}

describe('line-mode tutor', () => {
  it('shows the map, runs a lesson step by step and goes back to the map', async () => {
    const { code, out } = await session(['2', '', 'docker run -d --name web nginx', 'hint', 'next', 'lessons', 'q']);
    expect(code).toBe(0);
    expect(out).toContain(' 2. Copy-on-write in a container layer');
    expect(out).toContain('── Copy-on-write in a container layer · step 2 of 10 ──');
    expect(out).toContain('✓ Step done.');
    expect(out).toContain("💡 Use docker exec web sh -c '…' to run a shell line in the container.");
    expect(out).toContain('This step is not done yet');
    expect(out.match(/Lesson number/g)).toHaveLength(2);
  });

  it('starts a lesson by id, in Chinese', async () => {
    const { out } = await session([''], 'zh-CN', 'chainid');
    expect(out).toContain('── DiffID → ChainID → cache-id · 第 1 步，共 8 步 ──');
    expect(out).toContain('第 2 步');
  });

  it('says so when the lesson does not exist', async () => {
    expect(await session([], 'en', 'nope')).toEqual({ code: 2, out: "overlay-tutor: no lesson 'nope'\n" });
  });
});
