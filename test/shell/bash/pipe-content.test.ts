// Described content through a pipe (issue 15): docker save's 187 MB archive of nginx goes to wc,
// sha256sum and tar as its description, under a line budget of 1 MB that its bytes would pass
// 180 times over; a command that holds all its input (sort) stops at the budget and says why,
// and so does the writer into one (yes | sort), as bash's sort would run out of memory.
import { describe, expect, it } from 'vitest';
import { makeShell, runUntilAbort } from '../shell-harness.js';

describe('docker save into a pipe', () => {
  it('wc, sha256sum and tar -t read the archive as they read the file of it, holding none of it', async () => {
    const { run } = await makeShell({ budget: { outputBytes: 1 << 20 } });
    await run('docker pull nginx');
    await run('docker save nginx > nginx.tar');
    // The file's size, read through the pipe: nginx 1.25.2's seven layers and their real sizes.
    const size = (await run('wc -c < nginx.tar')).out;
    expect(size).toBe('188069888\n');
    expect(await run('docker save nginx | wc -c')).toEqual({ out: size, err: '', code: 0 });
    // busybox's archive is 4 MB, four times the budget
    await run('docker pull busybox');
    await run('docker save busybox > busybox.tar');
    const sum = (await run('sha256sum busybox.tar')).out.replace('busybox.tar', '-');
    expect(await run('docker save busybox | sha256sum')).toEqual({ out: sum, err: '', code: 0 });
    expect((await run('docker save busybox | wc')).out).toBe((await run('wc < busybox.tar')).out);
    const list = (await run('tar -tf nginx.tar')).out;
    expect(list.split('\n').length).toBeGreaterThan(10);
    expect(await run('docker save nginx | tar -t')).toEqual({ out: list, err: '', code: 0 });
    // A reader that reads as it comes gets the bytes, made a pipe's buffer at a time and counted
    // against the line's budget: cat into a file would hold them all.
    expect((await run('docker save nginx | head -c 64 | wc -c; echo ${PIPESTATUS[@]}')).out).toBe('64\n141 0 0\n');
    const cat = await run('docker save nginx | cat > copy.tar');
    expect(cat.code).toBe(130);
    expect(cat.err).toBe("cat: stopped after writing 1 MB, the tutor's limit for one line\n");
  }, 120_000);

  it('a command that holds all its input stops at the budget and says why', async () => {
    const { run } = await makeShell({ budget: { outputBytes: 1 << 20 } });
    await run('docker pull busybox');
    const r = await run('docker save busybox | sort | head -1');
    expect(r.code).toBe(130);
    expect(r.err).toBe(
      "sort: stopped: its input is over 1 MB, the tutor's limit for what one command holds " +
        '(it reads all its input before it writes anything)\n',
    );
    const y = await run('yes | sort');
    expect(y.code).toBe(130);
    expect(y.err).toBe(
      "yes: stopped after writing 1 MB, the tutor's limit for one line (sort reads all its input before it writes anything)\n",
    );
    // A reader that streams is no holder: the writer's message is the plain one.
    expect((await run('yes | wc -l')).err).toBe("yes: stopped after writing 1 MB, the tutor's limit for one line\n");
  }, 60_000);

  it('Ctrl-C stops cat /dev/zero | sort at once', async () => {
    const { host } = await makeShell({ budget: { outputBytes: 256 << 20 } });
    const r = await runUntilAbort(host, 'cat /dev/zero | sort', 50);
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(5_000);
  });
});
