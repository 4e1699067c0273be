// Pipelines whose stages run side by side (src/shell/pipe.ts): a reader that exits ends the
// writer with SIGPIPE (141 in PIPESTATUS), endless writers (yes, cat /dev/zero) end as soon as
// their reader has enough, backpressure keeps a fast writer from filling memory, Ctrl-C stops
// every stage with 130. The transcript of pipelines-vs-bash/cases.sh is compared with what real
// bash printed for the same lines (golden.txt, recorded by scripts/record-pipeline-goldens.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeShell, runUntilAbort, transcriptOf } from '../shell-harness.js';

const DIR = join(import.meta.dirname, 'pipelines-vs-bash');

describe('pipelines as real bash runs them', () => {
  it('print what bash printed for every line of the cases (output, PIPESTATUS, pipefail)', async () => {
    const { host } = await makeShell();
    const transcript = await transcriptOf(host, join(DIR, 'cases.sh'));
    expect(transcript).toBe(readFileSync(join(DIR, 'golden.txt'), 'utf8'));
  }, 60_000);

  it('endless writers end when their reader does, without touching the output budget', async () => {
    // A budget of 1 MB: a pipeline run one stage after another would overspend it at once.
    const { run } = await makeShell({ budget: { outputBytes: 1 << 20 } });
    expect(await run('yes | head -3; echo ${PIPESTATUS[@]}')).toEqual({ out: 'y\ny\ny\n141 0\n', err: '', code: 0 });
    expect(await run('cat /dev/zero | head -c 10 | od -c')).toEqual({
      out: '0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n0000012\n',
      err: '',
      code: 0,
    });
    const random = await run('cat /dev/urandom | head -c 16 | od -An -tx1; echo ${PIPESTATUS[@]}');
    expect(random.out).toMatch(/^( [0-9a-f]{2}){16}\n141 0 0\n$/);
    expect(random.err).toBe('');
    // A reader that reads everything still meets the budget, with the writer's message.
    const all = await run('cat /dev/zero | wc -c');
    expect(all.code).toBe(130);
    expect(all.err).toBe("cat: stopped after writing 1 MB, the tutor's limit for one line\n");
  });

  it('cat /dev/zero and yes alone say on a line of their own why they stopped, and keep what they wrote', async () => {
    const { run } = await makeShell({ budget: { outputBytes: 1 << 20 } });
    const zero = await run('cat /dev/zero');
    expect(zero.code).toBe(130);
    // Zeros end in no newline: the message starts a line of its own.
    expect(zero.err).toBe("\ncat: stopped after writing 1 MB, the tutor's limit for one line\n");
    expect(zero.out.length).toBeGreaterThan(1_000_000);
    expect(/^\0+$/.test(zero.out)).toBe(true);
    const y = await run('yes');
    expect(y.err).toBe("yes: stopped after writing 1 MB, the tutor's limit for one line\n");
    expect(y.out.endsWith('y\n')).toBe(true);
    expect(y.out.length).toBeGreaterThan(1_000_000);
  });

  it('a wrong model of the statuses is not what it prints', async () => {
    const { run } = await makeShell();
    // Not 0 for the writer (it was killed), not 141 for a writer that finished into the buffer.
    expect((await run('yes | true; echo ${PIPESTATUS[@]}')).out).not.toBe('0 0\n');
    expect((await run('seq 3 | head -1; echo ${PIPESTATUS[@]}')).out).toBe('1\n0 0\n');
    expect((await run('seq 100000 | head -1; echo ${PIPESTATUS[@]}')).out).toBe('1\n141 0\n');
    expect((await run('false | true; echo $?')).out).toBe('0\n');
    expect((await run('set -o pipefail; false | true; echo $?')).out).toBe('1\n');
    expect((await run('set +o pipefail; false | true; echo $?')).out).toBe('0\n');
  });

  it('a pipe on stdin is read as bash reads it: read takes one line, the next command the rest', async () => {
    const { run } = await makeShell();
    expect((await run('seq 3 | { read a; read b; echo "$b/$a"; cat; }')).out).toBe('2/1\n3\n');
    // A redirect replaces the pipe.
    expect((await run('echo piped | cat < /etc/hostname')).out).toBe('host\n');
    expect((await run('seq 3 | sort -r | head -1')).out).toBe('3\n');
  });

  it('Ctrl-C stops every stage of a pipeline that never ends, with 130', async () => {
    // No output limit to reach first: only Ctrl-C ends these (backpressure keeps memory flat).
    const { host } = await makeShell({ budget: { outputBytes: 2 ** 50 } });
    const r = await runUntilAbort(host, 'cat /dev/zero | cat | cat > /dev/null; echo after', 300);
    expect(r.code).toBe(130);
    expect(r.out).toBe('^C\n');
    const loop = await runUntilAbort(host, 'yes | while read l; do :; done', 300);
    expect(loop.code).toBe(130);
    const ok = await runUntilAbort(host, 'echo next | cat', 5000);
    expect(ok).toMatchObject({ out: 'next\n', err: '', code: 0 });
  });

  it('docker logs -f piped into grep shows matches as they come, and Ctrl-C ends both', async () => {
    const { host, run } = await makeShell();
    await run('docker run -d --name web nginx');
    // nginx logs its notices to stderr (its error_log is /dev/stderr), and docker logs keeps the stream.
    const r = await runUntilAbort(host, 'docker logs -f web 2>&1 | grep worker', 1500);
    expect(r.code).toBe(130);
    expect(r.out).toMatch(/start worker processes\n(.*\n)*\^C\n$/);
  });
});
