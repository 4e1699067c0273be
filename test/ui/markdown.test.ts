// Lesson text on the screen: the markdown the lessons use, wrapped for the output area.
import { describe, expect, it } from 'vitest';
import { TUTOR_STRINGS } from '../../src/lessons/tutor-strings.js';
import { fitStepRule, inlineSegments, markdownRows } from '../../src/ui/markdown.js';
import { textWidth } from '../../src/ui/text-width.js';

const plain = (rows: { text: string }[][]) => rows.map((r) => r.map((s) => s.text).join(''));

describe('lesson markdown', () => {
  it('drops the marks of bold and code spans, which colour and weight then carry', () => {
    expect(inlineSegments('a **whiteout** named `c 0,0` here', true)).toEqual([
      { text: 'a ' },
      { text: 'whiteout', bold: true },
      { text: ' named ' },
      { text: 'c 0,0', code: true },
      { text: ' here' },
    ]);
  });

  it('keeps the backticks of code spans without colour (NO_COLOR), so code still stands out', () => {
    expect(plain([inlineSegments('run `docker ps` now', false)])).toEqual(['run `docker ps` now']);
  });

  it('leaves an unclosed mark as it is', () => {
    expect(plain([inlineSegments('2 ** 3 and a ` alone', true)])).toEqual(['2 ** 3 and a ` alone']);
  });

  it('wraps paragraphs at spaces and keeps a code span whole when it fits', () => {
    const rows = plain(markdownRows('The kernel copies `/etc/nginx/nginx.conf` up first.', 24, true));
    expect(rows).toEqual(['The kernel copies', '/etc/nginx/nginx.conf up', 'first.']);
    for (const r of rows) expect([...r].length).toBeLessThanOrEqual(24);
  });

  it('indents fenced code, breaks a command wider than the area as bash reads it, and drops the fences', () => {
    const rows = markdownRows('Type:\n```\necho -n "sha256:aaaa sha256:bbbb" | sha256sum\n```\nThen answer.', 30, true);
    expect(plain(rows)).toEqual(['Type:', '    echo -n "sha256:aaaa "\\', '"sha256:bbbb" | sha256sum', 'Then answer.']);
    expect(rows[1]?.[0]?.code).toBe(true);
    expect(rows[2]?.[0]?.code).toBe(true);
  });

  it('keeps blank lines between paragraphs', () => {
    expect(plain(markdownRows('one\n\ntwo', 10, true))).toEqual(['one', '', 'two']);
  });

  it('cuts a word longer than the row', () => {
    expect(plain(markdownRows('sha256:0123456789abcdef', 10, true))).toEqual(['sha256:012', '3456789abc', 'def']);
  });
});

describe('paragraphs', () => {
  it('joins a paragraph broken at 80 columns in the source and wraps it at the width of the area', () => {
    const src = 'The kernel copies nginx.conf up first — parents etc/ and etc/nginx/ too\n— staging it in work/.';
    expect(plain(markdownRows(src, 40, true))).toEqual([
      'The kernel copies nginx.conf up first —',
      'parents etc/ and etc/nginx/ too —',
      'staging it in work/.',
    ]);
  });

  it('joins Chinese lines without a space', () => {
    expect(plain(markdownRows('内核先把文件复制到\n上层，再修改。', 80, true))).toEqual([
      '内核先把文件复制到上层，再修改。',
    ]);
  });

  it('ends a list at a line that is not indented, and lets an indented one continue an item', () => {
    const src = '- **merged**: what the container\n  sees.\nReading goes through to the lowers.';
    expect(plain(markdownRows(src, 80, true))).toEqual([
      '- merged: what the container sees.',
      'Reading goes through to the lowers.',
    ]);
  });

  it('keeps list items, the step rule and code blocks on lines of their own', () => {
    const src =
      '── Lesson · step 1 of 3 ──\nA mount has:\n- lowerdir: the layers;\n- upperdir: diff/.\n```\nls /\n```\nDone.';
    expect(plain(markdownRows(src, 80, true))).toEqual([
      '── Lesson · step 1 of 3 ──',
      'A mount has:',
      '- lowerdir: the layers;',
      '- upperdir: diff/.',
      '    ls /',
      'Done.',
    ]);
  });
});

describe('width in terminal columns', () => {
  it('wraps Chinese text at the width of the area in columns, two to a character', () => {
    const rows = plain(markdownRows('内核先把文件复制到上层再修改镜像层里的文件不会被改动', 20, true));
    expect(rows).toEqual(['内核先把文件复制到上', '层再修改镜像层里的文', '件不会被改动']);
  });

  it('never starts a row with a closing Chinese punctuation mark: the character before it comes along', () => {
    expect(plain(markdownRows('留下一个白出文件。再看', 16, true))).toEqual(['留下一个白出文', '件。再看']);
  });

  it('breaks a mixed line between words or characters, never past the width', () => {
    for (const r of plain(markdownRows('在 upper 目录里出现 `c 0,0` 的字符设备，也就是 whiteout。', 16, true))) {
      expect([...r].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(16);
    }
  });
});

describe("the tutor's step rule", () => {
  it.each([
    ['zh-CN', 'copy-up、编辑器与绑定挂载中的 inode', 58],
    ['zh-CN', 'copy-up、编辑器与绑定挂载中的 inode', 36],
    ['en', 'Copy-up, editors and the inodes of bind mounts', 56],
  ] as const)('stays on one row (%s, %s at %i columns), by display width', (lang, title, width) => {
    const head = TUTOR_STRINGS[lang].stepHead(title, 3, 12);
    expect(textWidth(head)).toBeGreaterThan(width);
    const rows = plain(markdownRows(head, width, true));
    expect(rows).toHaveLength(1);
    expect(textWidth(rows[0]!)).toBeLessThanOrEqual(width);
    // Where the learner is stays whole; the title gives way.
    expect(rows[0]).toContain(lang === 'en' ? 'step 3 of 12' : '第 3 步，共 12 步');
    expect(rows[0]).toMatch(/^── /);
  });

  it('keeps a rule that fits as it is, and drops only its closing rule when that is enough', () => {
    const head = TUTOR_STRINGS['zh-CN'].stepHead('overlay 与 overlay2', 1, 6);
    expect(fitStepRule(head, 80)).toBe(head);
    const w = textWidth(head) - 2;
    expect(fitStepRule(head, w)).toBe(head.slice(0, -3));
    expect(fitStepRule('plain text that is long', 5)).toBe('plain text that is long');
  });
});
