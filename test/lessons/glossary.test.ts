// lessons/GLOSSARY.yaml: each term of the lessons has one rendering in zh-CN. A zh-CN text that
// renders a term another way (a listed variant) fails, each term's rendering is used somewhere,
// and a glossed term (whiteout 文件（删除标记）) carries its gloss at its first mention in the course.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import type { Texts } from '../../src/lessons/schema.js';

interface Term {
  en: string;
  zh: string;
  gloss?: string;
  avoid?: string[];
}

const dir = findLessonsDir() as string;
const glossary = parse(readFileSync(join(dir, 'GLOSSARY.yaml'), 'utf8')) as Term[];
const { lessons } = readLessons(dir);

/** Every zh-CN string of a lesson, in reading order, with where it is. */
function zhTexts(t: Texts): { at: string; text: string }[] {
  const out = [
    { at: 'title', text: t.title },
    { at: 'summary', text: t.summary },
    ...(t.recap ? [{ at: 'recap', text: t.recap }] : []),
  ];
  for (const [id, s] of Object.entries(t.steps)) {
    out.push({ at: `steps.${id}.text`, text: s.text });
    if (s.goal) out.push({ at: `steps.${id}.goal`, text: s.goal });
    if (s.done) out.push({ at: `steps.${id}.done`, text: s.done });
    for (const [i, h] of (s.hints ?? []).entries()) out.push({ at: `steps.${id}.hints[${i}]`, text: h });
    for (const [k, f] of Object.entries(s.feedback ?? {})) out.push({ at: `steps.${id}.feedback.${k}`, text: f });
  }
  return out;
}

const all = lessons.flatMap((l) => zhTexts(l.texts['zh-CN']).map((t) => ({ ...t, at: `${l.folder} ${t.at}` })));

describe('lessons/GLOSSARY.yaml', () => {
  it('lists each term once, with a rendering and no variant equal to it', () => {
    expect(glossary.length).toBeGreaterThan(20);
    expect(new Set(glossary.map((t) => t.en)).size).toBe(glossary.length);
    for (const t of glossary) {
      expect(t.zh, t.en).toBeTruthy();
      expect(t.avoid ?? [], t.en).not.toContain(t.zh);
    }
  });

  it('is what the zh-CN texts use: no term is translated two ways', () => {
    const found: string[] = [];
    for (const t of glossary)
      for (const variant of t.avoid ?? [])
        for (const { at, text } of all)
          if (text.includes(variant)) found.push(`${at}: "${variant}" for ${t.en} (the glossary says ${t.zh})`);
    expect(found).toEqual([]);
  });

  it('holds no term the lessons do not use', () => {
    const unused = glossary.filter((t) => !all.some(({ text }) => text.includes(t.zh))).map((t) => t.en);
    expect(unused).toEqual([]);
  });

  it('glosses a term at its first mention in the course', () => {
    for (const t of glossary.filter((g) => g.gloss)) {
      const first = all.find(({ text }) => text.includes(t.zh));
      expect(first, t.en).toBeDefined();
      const after = (first?.text ?? '').slice((first?.text ?? '').indexOf(t.zh));
      expect(after.slice(0, t.zh.length + 12), `${first?.at}: first mention of ${t.en}`).toContain(t.gloss);
    }
  });
});
