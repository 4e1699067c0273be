// The lessons the build compiles (scripts/compile-lessons.mjs) are the lessons the YAML loader
// reads, text for text; a broken lesson stops the compile with its file:line:column; the bin
// reads one lesson's step texts only when they are asked for; `--lessons DIR` reads YAML.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript build script, without types
import { compileLessons } from '../../scripts/compile-lessons.mjs';
import { readLessons } from '../../src/io/lesson-files.js';
import { readCompiledLessons, readLessonIndex } from '../../src/io/lesson-index.js';
import { loadLessons } from '../../src/io/lessons-source.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LESSONS = join(ROOT, 'lessons');
const dir = mkdtempSync(join(tmpdir(), 'ot-compiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Compiled = { problems: string[]; lessons: number };

describe('lessons compiled at build time', () => {
  it('are the lessons the YAML loader reads, step texts included', async () => {
    const out = join(dir, 'good', 'lessons');
    const r = (await compileLessons(LESSONS, out)) as Compiled;
    expect(r.problems).toEqual([]);
    const fromYaml = readLessons(LESSONS).lessons;
    expect(r.lessons).toBe(fromYaml.length);
    const compiled = readCompiledLessons(pathToFileURL(join(dir, 'good', 'cli.js')).href);
    expect(compiled).toEqual(fromYaml);
    // No YAML in what the bin reads.
    for (const f of readdirSync(out)) expect(f).toMatch(/\.json$/);
  });

  it("read a lesson's step texts only when asked: the map needs titles alone", async () => {
    const out = join(dir, 'lazy', 'lessons');
    await compileLessons(LESSONS, out);
    const third = readLessonIndex(pathToFileURL(join(dir, 'lazy', 'cli.js')).href)?.[2];
    rmSync(join(out, `${third?.folder}.en.json`));
    const lessons = readCompiledLessons(pathToFileURL(join(dir, 'lazy', 'cli.js')).href) ?? [];
    expect(lessons.map((l) => l.texts.en.title)).toHaveLength(readLessons(LESSONS).lessons.length);
    expect(Object.keys(lessons[0]?.texts.en.steps ?? {}).length).toBeGreaterThan(0);
    expect(() => lessons[2]?.texts.en.steps).toThrow(/ENOENT/);
  });

  it('stop at a broken lesson, naming file, line and column, and write nothing', async () => {
    const src = join(dir, 'broken-src');
    cpSync(join(LESSONS, '01-storage-drivers'), join(src, '01-storage-drivers'), { recursive: true });
    const file = join(src, '01-storage-drivers', 'lesson.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('kind: do')) + 1;
    writeFileSync(file, text.replace('kind: do', 'kind: doo'));
    const out = join(dir, 'broken', 'lessons');
    const r = (await compileLessons(src, out)) as Compiled;
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatch(new RegExp(`/01-storage-drivers/lesson\\.yaml:${line}:\\d+: steps\\[1\\]`));
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});

describe('--lessons DIR', () => {
  it("reads a teacher's folder of YAML", () => {
    const src = join(dir, 'teacher');
    cpSync(join(LESSONS, '03-chainid'), join(src, '01-chainid'), { recursive: true });
    const r = loadLessons(`${src}/`);
    expect(r?.problems).toEqual([]);
    expect(r?.lessons.map((l) => l.folder)).toEqual(['01-chainid']);
  });

  it('says what is wrong with a folder that is not there or holds no lessons', () => {
    expect(loadLessons(join(dir, 'nowhere'))?.problems).toEqual([`${join(dir, 'nowhere')}: No such file or directory`]);
    expect(loadLessons(LESSONS.replace(/lessons$/, 'src'))?.problems).toEqual([
      `${join(ROOT, 'src')}: no lesson folders (NN-name) in it`,
    ]);
  });

  it('and without it, from the sources, the lessons/ folder is read', () => {
    expect(loadLessons()?.lessons.length).toBe(readLessons(LESSONS).lessons.length);
  });
});
