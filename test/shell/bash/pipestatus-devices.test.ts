// ${PIPESTATUS[…]} as bash 5 sets it (the expected lines are real bash's), and the devices that
// never end: /dev/zero and /dev/urandom give as much as a reader asks for, and one that reads to
// the end is stopped by the line's budget (Ctrl-C on the screen), not at 64 KiB.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('PIPESTATUS', () => {
  it('holds each command status of the last pipeline, as bash', async () => {
    const { run } = await makeShell();
    const lines = [
      'true | false | true; echo ${PIPESTATUS[@]}',
      'false | true; echo ${PIPESTATUS[0]} ${PIPESTATUS[1]} ${PIPESTATUS[2]}x',
      'false; echo $PIPESTATUS ${#PIPESTATUS[@]}',
      '! true | false; echo "${PIPESTATUS[*]}" $?',
      '(exit 3) | (exit 4); echo "${PIPESTATUS[@]}"; echo "${PIPESTATUS[@]}"',
      'ls /nosuch 2>/dev/null | wc -l; echo ${PIPESTATUS[0]} ${PIPESTATUS[1]:-unset}',
    ];
    let out = '';
    for (const l of lines) out += (await run(l)).out;
    expect(out).toBe('0 1 0\n1 0 x\n1 1\n0 1 0\n3 4\n0\n0\n2 0\n');
  });

  it('a wrong guess of the statuses is not what it prints', async () => {
    const { run } = await makeShell();
    expect((await run('false | true; echo ${PIPESTATUS[@]}')).out).not.toBe('0\n');
  });
});

describe('endless devices', () => {
  it('head -c reads as many bytes as asked, past 64 KiB', async () => {
    const { run } = await makeShell();
    expect((await run('head -c 100 /dev/zero | wc -c')).out).toBe('100\n');
    expect((await run('head -c 200000 /dev/zero | wc -c')).out).toBe('200000\n');
    expect((await run('head -c 100000 /dev/urandom | wc -c')).out).toBe('100000\n');
    expect((await run('wc -c /dev/null')).out).toBe('0 /dev/null\n');
  });

  it('cat /dev/zero does not end at 64 KiB: the budget stops it', async () => {
    const { run } = await makeShell({ budget: { outputBytes: 1 << 20, ms: 2000 } });
    const r = await run('cat /dev/zero > /dev/null; echo after');
    expect(r.code).toBe(130);
    expect(r.out).toBe('');
    const piped = await run('cat /dev/zero | wc -c');
    expect(piped.err).toContain('cat: stopped after writing 1 MB');
  });

  it('Ctrl-C stops cat /dev/zero promptly', async () => {
    const { host } = await makeShell();
    const ac = new AbortController();
    let bytes = 0;
    const started = Date.now();
    setTimeout(() => ac.abort(), 200);
    const r = await host.session.run('cat /dev/zero', {
      stdin: new Uint8Array(0),
      stdout: (d) => {
        bytes += d.length;
      },
      stderr: () => {},
      stdinIsTerminal: true,
      stdoutIsTerminal: true,
      signal: ac.signal,
    });
    expect(r.exitCode).toBe(130);
    expect(bytes).toBeGreaterThan(64 * 1024);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
