// Restart loops as a real Docker 20.10.24 runs them (conformance script 72-restart-loops.sh holds the
// same lines against a real dockerd): the backoff, RestartCount, a restarting container's state and
// what the CLI's commands do to it, all in the simulated clock's time.
import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src/docker/engine/index.js';
import { shouldRestart } from '../../../src/docker/engine/restart-loop.js';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh;
}

const field = async (run: Awaited<ReturnType<typeof withBusybox>>['run'], c: string, f: string) =>
  (await run(`docker inspect ${c} --format '${f}'`)).out.trim();

/** A container record with a policy, for the restart manager alone. */
function withPolicy(Name: string, MaximumRetryCount = 0): Container {
  return {
    settings: {
      memory: 0,
      memorySwap: 0,
      nanoCpus: 0,
      networkMode: 'default',
      restartPolicy: { Name, MaximumRetryCount },
      publishAll: false,
      logDriver: 'json-file',
    },
  } as Container;
}

describe('the restart manager (restartmanager.ShouldRestart)', () => {
  it('backs off 100 ms, doubling up to a minute, back to 100 ms after a run of 10 s', () => {
    const c = withPolicy('always');
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect(shouldRestart(c, 1, false, 50, 1000)).toBe(true);
      delays.push((c.restartManager?.dueMs ?? 0) - 1000);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000]);
    shouldRestart(c, 1, false, 10_000, 1000);
    expect(c.restartManager?.dueMs).toBe(1100);
    shouldRestart(c, 1, false, 9_999, 1000);
    expect(c.restartManager?.dueMs).toBe(1200);
  });

  it('follows the policy: no never, on-failure only after a failure and N times, unless-stopped unless stopped', () => {
    expect(shouldRestart(withPolicy('no'), 1, false, 0, 0)).toBe(false);
    expect(shouldRestart(withPolicy('on-failure'), 0, false, 0, 0)).toBe(false);
    expect(shouldRestart(withPolicy('on-failure'), 2, false, 0, 0)).toBe(true);
    const limited = withPolicy('on-failure', 2);
    limited.restartCount = 2;
    expect(shouldRestart(limited, 2, false, 0, 0)).toBe(false);
    limited.restartCount = 1;
    expect(shouldRestart(limited, 2, false, 0, 0)).toBe(true);
    expect(shouldRestart(withPolicy('unless-stopped'), 0, true, 0, 0)).toBe(false);
    expect(shouldRestart(withPolicy('unless-stopped'), 0, false, 0, 0)).toBe(true);
    expect(shouldRestart(withPolicy('always'), 0, true, 0, 0)).toBe(true);
    const canceled = withPolicy('always');
    canceled.restartManager = { timeoutMs: 0, canceled: true };
    expect(shouldRestart(canceled, 1, false, 0, 0)).toBe(false);
  });
});

describe('docker run --restart: a process that exits', () => {
  it('on-failure:3 restarts three times, then the container is Exited; the upper dir and the log keep every run', async () => {
    const { run } = await withBusybox();
    await run(
      `docker run -d --name of3 --restart on-failure:3 busybox sh -c 'echo x >> /n; echo run $(wc -l < /n); exit 3'`,
    );
    // Right after the first exit: restarting, no pid, RestartCount 1.
    expect(await field(run, 'of3', '{{.RestartCount}} {{.State.Status}} {{.State.Running}} {{.State.Pid}}')).toBe(
      '1 restarting true 0',
    );
    expect((await run(`docker ps --format '{{.Names}} {{.Status}}'`)).out).toBe(
      'of3 Restarting (3) Less than a second ago\n',
    );
    await run('sleep 1');
    expect(
      await field(run, 'of3', '{{.RestartCount}} {{.State.Restarting}} {{.State.Status}} {{.State.ExitCode}}'),
    ).toBe('3 false exited 3');
    expect((await run('docker logs of3')).out).toBe('run 1\nrun 2\nrun 3\nrun 4\n');
    expect((await run(`cat $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' of3)/n | wc -l`)).out).toBe('4\n');
    expect((await run('docker ps -q')).out).toBe('');
    // A start by hand begins a new loop: RestartCount from 0.
    await run('docker start of3 && sleep 1');
    expect(await field(run, 'of3', '{{.RestartCount}} {{.State.Status}}')).toBe('3 exited');
    expect((await run('docker logs --tail 1 of3')).out).toBe('run 8\n');
  });

  it('restarts in the simulated clock: nothing happens until time passes, then each backoff in turn', async () => {
    const { run } = await withBusybox();
    await run(`docker run -d --name al --restart always busybox sh -c 'exit 1'`);
    const count = async () => Number(await field(run, 'al', '{{.RestartCount}}'));
    expect(await count()).toBe(1);
    // 100 + 200 + 400 + 800 ms of backoff: five exits within two seconds, not six within one.
    await run('sleep 0.5');
    const half = await count();
    await run('sleep 1.5');
    const two = await count();
    expect(half).toBeGreaterThanOrEqual(3);
    expect(half).toBeLessThanOrEqual(4);
    expect(two).toBe(5);
    await run('sleep 60');
    expect(await count()).toBeLessThanOrEqual(10);
    expect(await count()).toBeGreaterThanOrEqual(9);
  });

  it('never restarts without a policy, nor after a clean exit with on-failure', async () => {
    const { run } = await withBusybox();
    await run(`docker run -d --name no busybox sh -c 'exit 3'`);
    await run(`docker run -d --name ok --restart on-failure busybox echo ok`);
    await run('sleep 2');
    expect(await field(run, 'no', '{{.RestartCount}} {{.State.Status}}')).toBe('0 exited');
    expect(await field(run, 'ok', '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}')).toBe('0 exited 0');
  });
});

describe('a restarting container and the CLI', () => {
  async function restarting() {
    const sh = await withBusybox();
    const { run } = sh;
    await run(`docker run -d --name al --restart always busybox sh -c 'echo tick; exit 3'`);
    const id = await field(run, 'al', '{{.Id}}');
    return { ...sh, id };
  }

  it('rm, exec, pause and top refuse as the daemon does; unpause says it is not paused; start changes nothing', async () => {
    const { run, id } = await restarting();
    expect(await run('docker rm al')).toEqual({
      out: '',
      err:
        `Error response from daemon: You cannot remove a restarting container ${id}. ` +
        'Stop the container before attempting removal or force remove\n',
      code: 1,
    });
    const busy = `Error response from daemon: Container ${id} is restarting, wait until the container is running\n`;
    expect((await run('docker exec al true')).err).toBe(busy);
    expect((await run('docker pause al')).err).toBe(busy);
    expect((await run('docker top al')).err).toBe(busy);
    expect((await run('docker unpause al')).err).toBe(`Error response from daemon: Container ${id} is not paused\n`);
    // Caught at the start of a long backoff (its 6th, 3.2 s), a start by hand changes nothing.
    while ((await field(run, 'al', '{{.State.Restarting}} {{.RestartCount}}')) !== 'true 6') await run('sleep 0.05');
    expect(await run('docker start al')).toEqual({ out: 'al\n', err: '', code: 0 });
    expect(await field(run, 'al', '{{.State.Status}} {{.RestartCount}}')).toBe('restarting 6');
    expect((await run('docker ps --filter status=restarting -q')).out.trim()).toBe(id.slice(0, 12));
    expect((await run('docker ps --filter status=running -q')).out).toBe('');
  });

  it('stop and kill end the loop with the last exit; rm -f removes it', async () => {
    const { run } = await restarting();
    expect((await run('docker stop al')).out).toBe('al\n');
    expect(await field(run, 'al', '{{.State.Status}} {{.State.Restarting}} {{.State.ExitCode}}')).toBe(
      'exited false 3',
    );
    await run('sleep 5');
    expect((await run('docker logs al')).out).toBe('tick\n');
    await run(`docker run -d --name us --restart unless-stopped busybox sh -c 'exit 5'`);
    expect((await run('docker kill us')).out).toBe('us\n');
    await run('sleep 5');
    expect(await field(run, 'us', '{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}')).toBe('exited 5 1');
    await run(`docker run -d --name gone --restart always busybox sh -c 'exit 1'`);
    expect((await run('docker rm -f gone')).out).toBe('gone\n');
    expect((await run('docker ps -a --format {{.Names}} | sort')).out).toBe('al\nus\n');
  });

  it('wait returns at the next exit; restart begins a new loop', async () => {
    const { run } = await restarting();
    const before = Number((await run('date +%s')).out);
    expect(await run('docker wait al')).toEqual({ out: '3\n', err: '', code: 0 });
    expect(Number((await run('date +%s')).out) - before).toBeLessThan(3);
    expect(Number(await field(run, 'al', '{{.RestartCount}}'))).toBeLessThanOrEqual(3);
    await run('sleep 3');
    expect(Number(await field(run, 'al', '{{.RestartCount}}'))).toBeGreaterThan(2);
    expect((await run('docker restart al')).out).toBe('al\n');
    expect(await field(run, 'al', '{{.RestartCount}} {{.State.Status}}')).toMatch(/^[12] restarting$/);
  });

  it('a daemon restart stops the loop, and the policy starts it again from RestartCount 0', async () => {
    const { run } = await restarting();
    await run(`docker run -d --name us --restart unless-stopped busybox sh -c 'exit 5'`);
    await run('docker kill us');
    await run('sleep 2');
    expect(Number(await field(run, 'al', '{{.RestartCount}}'))).toBeGreaterThan(3);
    await run('systemctl restart docker');
    // The 100 ms of its first backoff may pass while the command reads the clock.
    expect(await field(run, 'al', '{{.RestartCount}} {{.State.Status}}')).toMatch(/^[12] restarting$/);
    expect(await field(run, 'us', '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 5');
  });
});

describe('a restarted process that takes time', () => {
  it('runs in the container time: the host clock does not jump; a run of 10 s resets the backoff', async () => {
    const { run } = await withBusybox();
    await run(`docker run -d --name slow --restart always busybox sh -c 'echo up; sleep 12; exit 2'`);
    expect(await field(run, 'slow', '{{.RestartCount}} {{.State.Status}}')).toBe('1 restarting');
    const before = Number((await run('date +%s')).out);
    await run('sleep 1');
    expect(await field(run, 'slow', '{{.RestartCount}} {{.State.Status}} {{.State.Pid}}')).toMatch(/^1 running [1-9]/);
    expect((await run(`docker ps --format '{{.Status}}'`)).out).toMatch(/^Up (Less than a second|1 second)\n$/);
    expect(Number((await run('date +%s')).out) - before).toBeLessThan(3);
    // It ran 12 s: the next backoff is 100 ms again, so it runs once more within 13 s.
    await run('sleep 13');
    expect(await field(run, 'slow', '{{.RestartCount}} {{.State.Status}}')).toBe('2 running');
    expect((await run('docker logs slow')).out).toBe('up\nup\nup\n');
  });
});
