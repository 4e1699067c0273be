// Deterministic clock and randomness for the simulated host: a workshop's seed makes every id on
// every attendee's screen the same. Real randomness and time come in from the CLI, never from here.
import type { Clock, Random } from './types.js';

/** xoshiro128** seeded through splitmix32: small, fast and good enough for ids. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st = [split(), split(), split(), split()] as [number, number, number, number];
  const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(st[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (st[1] << 9) >>> 0;
    st[2] ^= st[0];
    st[3] ^= st[1];
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    st[3] = rotl(st[3], 11);
    return result;
  };
  return {
    fill(bytes: Uint8Array): Uint8Array {
      for (let i = 0; i < bytes.length; i += 4) {
        const v = next();
        for (let j = 0; j < 4 && i + j < bytes.length; j++) bytes[i + j] = (v >>> (8 * j)) & 0xff;
      }
      return bytes;
    },
  };
}

export function fixedClock(ms: number): Clock {
  return { now: () => ms };
}

/** A clock that moves forward by stepMs every time it is read: distinct, reproducible times. */
export function steppingClock(startMs: number, stepMs = 1000): Clock {
  let t = startMs - stepMs;
  return {
    now: () => {
      t += stepMs;
      return t;
    },
  };
}

/**
 * A clock that keeps pace with a wall clock handed in (the CLI's real one; the core never reads
 * it), counted from startMs: a container made minutes ago says so. Each read still moves it on by
 * at least stepMs, so two changes never share a time.
 */
export function followingClock(startMs: number, wall: () => number, stepMs = 10): Clock {
  const wall0 = wall();
  let t = startMs - stepMs;
  return {
    now: () => {
      t = Math.max(t + stepMs, startMs + (wall() - wall0));
      return t;
    },
  };
}
