// The prompt line: edited as readline edits it, wrapped as a terminal wraps it, the prompt intact.
import { describe, expect, it } from 'vitest';
import * as edit from '../../src/ui/line-editor.js';

describe('the line being typed', () => {
  it('inserts at the cursor, moves, deletes back and forward, and cuts as readline does', () => {
    let l = edit.lineAt('docker ps');
    l = edit.move(l, 6);
    l = edit.insert(l, ' image');
    expect(l).toEqual({ value: 'docker image ps', cursor: 12 });
    expect(edit.backspace(l)).toEqual({ value: 'docker imag ps', cursor: 11 });
    expect(edit.deleteForward(edit.move(l, 0))).toEqual({ value: 'ocker image ps', cursor: 0 });
    expect(edit.killBefore(l)).toEqual({ value: ' ps', cursor: 0 });
    expect(edit.killAfter(l)).toEqual({ value: 'docker image', cursor: 12 });
    expect(edit.killWord(l)).toEqual({ value: 'docker  ps', cursor: 7 });
    expect(edit.move(l, 99).cursor).toBe(15);
  });

  it('wraps a long line at the width with the prompt intact and no indentation, the cursor where it is', () => {
    const line = `docker exec web sh -c '${'x'.repeat(80)}'`;
    const rows = edit.promptRows('root@host:~# ', edit.lineAt(line), 80, 4);
    expect(rows.map((r) => r.text).join('')).toBe(`root@host:~# ${line} `);
    expect(rows[0]?.text.startsWith('root@host:~# docker exec')).toBe(true);
    for (const r of rows) expect([...r.text].length).toBeLessThanOrEqual(80);
    expect(rows[1]?.text.startsWith(' ')).toBe(false);
    // The cursor after the last character, on the last row; moved home, on the first.
    expect(rows[rows.length - 1]?.cursor?.at).toBe(' ');
    const home = edit.promptRows('root@host:~# ', edit.move(edit.lineAt(line), 0), 80, 4);
    expect(home[0]?.cursor).toEqual({ before: 'root@host:~# ', at: 'd', after: home[0]?.text.slice(14) });
  });

  it('moves the cursor to a row of its own when the line fills a row exactly, as readline does', () => {
    const rows = edit.promptRows('$ ', edit.lineAt('x'.repeat(8)), 10, 4);
    expect(rows.map((r) => r.text)).toEqual(['$ xxxxxxxx', ' ']);
    expect(rows[1]?.cursor?.at).toBe(' ');
  });

  it('shows the rows around the cursor when the line is taller than allowed', () => {
    const rows = edit.promptRows('$ ', edit.lineAt('y'.repeat(100)), 10, 2);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.cursor).toBeDefined();
  });
});
