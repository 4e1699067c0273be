// The host's clock: it starts where the CLI says (the real now, --date, or a lesson's date) and,
// given a wall clock, keeps pace with it; the core never reads the real clock.
import { describe, expect, it } from 'vitest';
import { FIXED_START, lessonTime, parseHostDate, sessionTime } from '../../src/host/host-time.js';
import { createSimHost, timeOptions } from '../../src/host/sim-host.js';
import { followingClock } from '../../src/kernel/index.js';
import type { CommandIO } from '../../src/shell/command.js';

async function run(host: ReturnType<typeof createSimHost>, line: string): Promise<string> {
  let out = '';
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += String(d)),
    stderr: (d) => void (out += String(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  await host.session.run(line, io);
  return out;
}

describe('dates as --date and a lesson file take them', () => {
  it('reads a day, a time, seconds and a zone (UTC without one)', () => {
    expect(parseHostDate('2024-11-23')).toBe(Date.UTC(2024, 10, 23));
    expect(parseHostDate('2024-11-23T23:16')).toBe(FIXED_START);
    expect(parseHostDate('2024-11-23 23:16:00Z')).toBe(FIXED_START);
    expect(parseHostDate('2024-11-24T07:16:00+08:00')).toBe(FIXED_START);
    expect(parseHostDate('2024-11-23T18:16:00-0500')).toBe(FIXED_START);
    expect(parseHostDate('2024-11-23T23:16:00.250Z')).toBe(FIXED_START + 250);
  });

  it('refuses what is not a date', () => {
    for (const bad of ['', 'yesterday', '2024-02-30', '2024-13-01', '2024-11-23T24:00', '23/11/2024', '1700000000'])
      expect(parseHostDate(bad), bad).toBeUndefined();
    expect(sessionTime('soon', () => 0)).toMatch(/--date wants a date like 2024-11-23/);
  });

  it('starts the session at the wall clock, or at --date; a lesson pin wins', () => {
    const wall = () => 1_800_000_000_000;
    expect(sessionTime(undefined, wall)).toEqual({ start: 1_800_000_000_000, wall });
    expect(sessionTime('2024-11-23T23:16:00Z', wall)).toEqual({ start: FIXED_START, wall });
    expect(lessonTime({ start: 5, wall }, 7)).toEqual({ start: 7, wall });
    expect(lessonTime({ start: 5, wall }, undefined)).toEqual({ start: 5, wall });
    expect(lessonTime(undefined, undefined)).toBeUndefined();
  });
});

describe('the host clock', () => {
  it('keeps pace with the wall clock it is given, and never repeats a time', () => {
    let realNow = 1_000_000;
    const clock = followingClock(FIXED_START, () => realNow, 10);
    expect(clock.now()).toBe(FIXED_START);
    expect(clock.now()).toBe(FIXED_START + 10);
    realNow += 5 * 60_000;
    expect(clock.now()).toBe(FIXED_START + 5 * 60_000);
  });

  it('shows a container made minutes ago as minutes ago, and the tutorial images by their age', async () => {
    let realNow = Date.UTC(2026, 0, 10, 12);
    const host = createSimHost({ seed: 1, interactive: false, startTime: realNow, wall: () => realNow });
    // Booting the host reads the clock a few hundred times, 10 ms each.
    expect(await run(host, 'date')).toMatch(/^Sat Jan 10 12:00:0\d UTC 2026\n$/);
    await run(host, 'docker create --name box busybox');
    realNow += 4.5 * 60_000; // the pull itself read the clock for some seconds of host time
    expect(await run(host, 'docker ps -a --format "{{.RunningFor}}"')).toBe('4 minutes ago\n');
    // busybox 1.36.1 was built on 2023-07-18: 2 years and a half before.
    expect(await run(host, 'docker images busybox --format "{{.CreatedSince}}"')).toBe('2 years ago\n');
  });

  it('starts at the fixed time when no one says (tests, grading), with the same ids', async () => {
    const a = createSimHost({ seed: 3, interactive: false });
    const b = createSimHost({ seed: 3, interactive: false, ...timeOptions({ start: Date.UTC(2030, 0, 1) }) });
    expect(await run(a, 'date -u +%FT%T')).toMatch(/^2024-11-23T23:16:0\d\n$/);
    expect(await run(b, 'date -u +%FT%T')).toMatch(/^2030-01-01T00:00:0\d\n$/);
    await run(a, 'docker create --name box busybox');
    await run(b, 'docker create --name box busybox');
    const ids = (h: typeof a) => run(h, 'docker ps -aq --no-trunc; ls /var/lib/docker/overlay2 | sort');
    expect(await ids(a)).toBe(await ids(b));
  });
});
