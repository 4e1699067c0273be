// docker logs -f and docker stats without --no-stream keep running, as the real CLI does, until
// Ctrl-C (the line's abort signal: status 130, the prompt back); where nothing could press Ctrl-C
// (a script) they stop after what they have, and say so.
import { describe, expect, it } from 'vitest';
import { makeShell, runUntilAbort } from '../shell-harness.js';

describe('following commands', () => {
  it('docker logs -f of a running container waits until Ctrl-C', async () => {
    const { host, run } = await makeShell();
    await run('docker run -d --name web nginx');
    const r = await runUntilAbort(host, 'docker logs -f --tail 1 web', 1500);
    expect(r.code).toBe(130);
    // The time is the simulated clock's, which moves on with every read: only its form is fixed.
    // nginx's notices are its stderr (error_log /dev/stderr), and docker logs keeps the stream.
    expect(r.err).toMatch(/^2024\/11\/23 23:\d\d:\d\d \[notice\] 1#1: start worker process 30\n$/);
    expect(r.out).toBe('^C\n');
    expect(r.ms).toBeGreaterThanOrEqual(1400);
    expect(r.ms).toBeLessThan(5000);
  });

  it('docker logs -f of a stopped container ends at once; in a script it says why it stops', async () => {
    const { host, run } = await makeShell();
    await run('docker run --name once busybox echo hi');
    const r = await runUntilAbort(host, 'docker logs -f once', 5000);
    expect(r).toMatchObject({ out: 'hi\n', code: 0 });
    expect(r.ms).toBeLessThan(4000);
    await run('docker run -d --name web nginx');
    const script = await run('docker logs -f --tail 1 web');
    expect(script.code).toBe(0);
    expect(script.err).toContain('follows until Ctrl-C');
  });

  it('docker stats redraws its table every second until Ctrl-C; --no-stream draws once', async () => {
    const { host, run } = await makeShell();
    await run('docker run -d --name web nginx');
    const r = await runUntilAbort(host, "docker stats --format '{{.Name}} {{.PIDs}}'", 2500);
    expect(r.code).toBe(130);
    const frames = r.out.split('\u001b[2J\u001b[H').filter(Boolean);
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames[0]).toBe('web 3\n');
    const once = await run("docker stats --no-stream --format '{{.Name}} {{.PIDs}}'");
    expect(once).toEqual({ out: 'web 3\n', err: '', code: 0 });
  });
});
