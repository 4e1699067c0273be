// Workshop material made from a lesson's reference path: the asciicast recording (valid v2,
// parsed back, byte-identical across runs of the same seed, markers at each step) and the
// markdown handout (its texts, commands and real outputs, golden on the ChainID lesson).
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { asciicast } from '../../src/lessons/asciicast.js';
import { handoutMarkdown } from '../../src/lessons/handout.js';
import type { Lesson } from '../../src/lessons/loader.js';
import { presenterLines, stepTitle, walkLesson, withSeed } from '../../src/lessons/walkthrough.js';

const { lessons } = readLessons(findLessonsDir() as string);
const lesson = (id: string) => lessons.find((l) => l.data.id === id) as Lesson;
const makeHost = (seed: number) => createSimHost({ seed, interactive: false });
const castOf = async (l: Lesson, seed?: number) =>
  asciicast(await walkLesson(withSeed(l, seed), 'en', makeHost, { terminal: true }), {
    width: 100,
    height: 30,
    title: 'overlay-tutor: test',
    version: '9.9.9',
    stepHead: (n, of) => `step ${n} of ${of}`,
  });

/** An asciicast v2 file read back as the format defines it: a header object, then events. */
function parseCast(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  const [head, ...rest] = text.slice(0, -1).split('\n');
  const header = JSON.parse(head as string);
  const events = rest.map((l) => JSON.parse(l) as [number, string, string]);
  return { header, events };
}

describe('record: asciicast v2', () => {
  it('parses back as asciicast v2: header fields, [time, code, data] events in time order, a marker per step', async () => {
    const l = lesson('copy-on-write');
    const { header, events } = parseCast(await castOf(l, 42));
    expect(header).toMatchObject({ version: 2, width: 100, height: 30, title: 'overlay-tutor: test' });
    expect(header.env).toEqual({ SHELL: '/bin/bash', TERM: 'xterm-256color' });
    expect(header.overlay_tutor).toEqual({ lesson: 'copy-on-write', seed: 42, version: '9.9.9' });
    expect(Number.isInteger(header.width) && Number.isInteger(header.height)).toBe(true);
    let last = 0;
    for (const e of events) {
      expect(e).toHaveLength(3);
      expect(typeof e[0]).toBe('number');
      expect(e[0]).toBeGreaterThanOrEqual(last);
      expect(['o', 'm']).toContain(e[1]);
      expect(typeof e[2]).toBe('string');
      last = e[0];
    }
    const markers = events.filter((e) => e[1] === 'm').map((e) => e[2]);
    expect(markers).toHaveLength(l.data.steps.length);
    expect(markers[1]).toBe('2. Start a container: docker run -d --name web nginx.');
    markers.forEach((m, i) => expect(m.startsWith(`${i + 1}. `)).toBe(true));
    // The session's output: the solution typed at the prompt, a terminal's CRLF line ends.
    const screen = events
      .filter((e) => e[1] === 'o')
      .map((e) => e[2])
      .join('');
    expect(screen).toContain('root@host:~# docker run -d --name web nginx\r\n');
    expect(screen).toContain('C /etc/nginx\r\n');
    expect(screen).not.toMatch(/[^\r]\n/);
  });

  it('is byte-identical across two runs with the same seed; another seed gives other ids', async () => {
    const l = lesson('copy-on-write');
    const [a, b, c] = [await castOf(l, 42), await castOf(l, 42), await castOf(l, 43)];
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const id = (cast: string) => {
      const screen = parseCast(cast)
        .events.filter((e) => e[1] === 'o')
        .map((e) => e[2])
        .join('');
      return /docker run -d --name web nginx\r\n([0-9a-f]{64})\r\n/.exec(screen)?.[1];
    };
    expect(id(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(id(c)).not.toBe(id(a));
  });
});

describe('handout', () => {
  it('has every step, the solution commands with their real outputs, and the values found (ChainID lesson)', async () => {
    const l = lesson('chainid');
    const md = handoutMarkdown(await walkLesson(l, 'en', makeHost), 'en', 'overlay-tutor handout --lesson chainid');
    expect(md.startsWith(`# ${l.texts.en.title}\n\n${l.texts.en.summary.trim()}\n`)).toBe(true);
    for (let n = 1; n <= l.data.steps.length; n++) expect(md).toContain(`\n## Step ${n}\n`);
    // seed 000's pair hashes to the ChainID the article shows (shared/REFERENCE.md).
    expect(md).toContain(
      '$ echo -n "sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b ' +
        'sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c" | sha256sum\n' +
        '6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c  -\n',
    );
    expect(md).toContain('```console\n$ docker pull nginx\nUsing default tag: latest\n');
    // The base layer's ChainID is its DiffID: the answer printed is the one the host has.
    const base = /\$ docker image inspect -f '\{\{index \.RootFS\.Layers 0\}\}' nginx\n(sha256:[0-9a-f]{64})\n/.exec(
      md,
    );
    expect(base?.[1]).toBeDefined();
    expect(md).toContain(`**Answer**: \`${base?.[1]}\``);
    expect(md).toContain('## What this lesson taught');
    expect(md).not.toMatch(/\{\{\s*(diffid|chainid|cacheid|link|image_id|short)\b/);
    // Fences balance: every block that opens closes.
    expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  it('is the same twice, and in Chinese with Chinese headings', async () => {
    const l = lesson('copy-on-write');
    const en1 = handoutMarkdown(await walkLesson(l, 'en', makeHost), 'en', 'x');
    const en2 = handoutMarkdown(await walkLesson(l, 'en', makeHost), 'en', 'x');
    expect(en1).toBe(en2);
    const zh = handoutMarkdown(await walkLesson(l, 'zh-CN', makeHost), 'zh-CN', 'x');
    expect(zh).toContain(`# ${l.texts['zh-CN'].title}`);
    expect(zh).toContain('## 第 2 步');
    expect(zh).toContain('$ docker run -d --name web nginx\n');
  });
});

describe("the presenter's lines", () => {
  it("an answer step's lines end with `answer` and the value; a do step's are its solution", async () => {
    const l = lesson('chainid');
    const host = makeHost(l.data.seed);
    await host.session.run('docker pull nginx', {
      stdin: new Uint8Array(0),
      stdout: () => {},
      stderr: () => {},
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    });
    const base = l.data.steps.find((s) => s.id === 'base');
    const pull = l.data.steps.find((s) => s.id === 'pull');
    const lines = presenterLines(base as never, host);
    expect(lines.at(-1)).toMatch(/^answer sha256:[0-9a-f]{64}$/);
    expect(presenterLines(pull as never, host)).toEqual(['docker pull nginx']);
  });

  it('a step title is its first line without markdown, cut with …', () => {
    expect(stepTitle('Start a container: `docker run`.\nMore')).toBe('Start a container: docker run.');
    expect(stepTitle('```\nls\n```\n**Bold** text', 60)).toBe('Bold text');
    expect(stepTitle('x'.repeat(80), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
