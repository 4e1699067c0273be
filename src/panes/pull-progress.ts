// What `docker pull` shows on a terminal while it works, for the screen to animate. The simulated
// pull completes at once; the screen replays it as the real CLI draws it: one line per layer,
// rewritten in place (moby's jsonmessage.DisplayJSONMessagesStream moves the cursor up to the
// layer's line): "Pulling fs layer", "Waiting", "Downloading" with a progress box, "Verifying
// Checksum", "Download complete", "Extracting" with a progress box, "Pull complete". The daemon
// downloads three layers at a time (max-concurrent-downloads) and extracts them one by one, in
// order, each as soon as it and the layers below it are in. Layers already on disk say "Already
// exists" from the start. Digest and Status follow once every layer is done.
import { humanSize } from '../docker/go-units.js';
import type { PullLayer } from './tracker.js';

export interface PulledLayer {
  id: string;
  size: number;
  exists: boolean;
  downloadStart: number;
  downloadEnd: number;
  extractStart: number;
  extractEnd: number;
}

export interface PullPlan {
  layers: PulledLayer[];
  /** ms from the start until the last layer is extracted. */
  end: number;
}

export interface PaceOptions {
  /** About how long the fresh layers take in all, in ms (the largest set the pace). */
  totalMs: number;
  concurrency: number;
}

const DEFAULT_PACE: PaceOptions = { totalMs: 1600, concurrency: 3 };
/** Every fresh layer says "Pulling fs layer" this long before the first downloads start. */
const PREPARE_MS = 50;
/** "Verifying Checksum" shows this long between the last byte and "Download complete". */
const VERIFY_MS = 60;
/** "Download complete" shows at least this long before "Extracting". */
const COMPLETE_MS = 40;

/** When each layer downloads and extracts, on a pretend network fast enough to finish in `totalMs`. */
export function planPull(layers: PullLayer[], pace: Partial<PaceOptions> = {}): PullPlan {
  const { totalMs, concurrency } = { ...DEFAULT_PACE, ...pace };
  const fresh = layers.filter((l) => l.status !== 'Already exists');
  const bytes = fresh.reduce((n, l) => n + l.size, 0);
  // Downloads take about two thirds of the time, extraction the rest.
  const rate = Math.max(1, bytes) / Math.max(1, (totalMs * 2) / 3);
  const minStep = totalMs / 12;
  const workers = Array.from({ length: concurrency }, () => PREPARE_MS);
  let extractedUpTo = 0;
  const planned: PulledLayer[] = layers.map((l) => {
    if (l.status === 'Already exists')
      return { id: l.id, size: l.size, exists: true, downloadStart: 0, downloadEnd: 0, extractStart: 0, extractEnd: 0 };
    const w = workers.indexOf(Math.min(...workers));
    const downloadStart = workers[w] as number;
    const downloadEnd = downloadStart + Math.max(minStep, l.size / rate);
    workers[w] = downloadEnd + VERIFY_MS;
    const extractStart = Math.max(downloadEnd + VERIFY_MS + COMPLETE_MS, extractedUpTo);
    const extractEnd = extractStart + Math.max(minStep / 2, l.size / (rate * 2));
    extractedUpTo = extractEnd;
    return { id: l.id, size: l.size, exists: false, downloadStart, downloadEnd, extractStart, extractEnd };
  });
  return { layers: planned, end: extractedUpTo };
}

/** jsonmessage's progress box: the bar only on a terminal wider than 110 columns. */
export function progressBox(current: number, total: number, width: number): string {
  let bar = '';
  if (width > 110) {
    const filled = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
    bar = `[${'='.repeat(filled)}>${' '.repeat(Math.max(0, 50 - filled))}] `;
  }
  return `${bar}${humanSize(current, 4).padStart(8)}/${humanSize(total, 4)}`;
}

/** Each layer's line `elapsed` ms into the pull, as the terminal shows it then. */
export function pullLinesAt(plan: PullPlan, elapsed: number, width: number): string[] {
  return plan.layers.map((l) => `${l.id}: ${layerStatus(l, elapsed, width)}`);
}

function layerStatus(l: PulledLayer, t: number, width: number): string {
  if (l.exists) return 'Already exists';
  if (t < l.downloadStart) return t < PREPARE_MS ? 'Pulling fs layer' : 'Waiting';
  if (t < l.downloadEnd) {
    const got = Math.max(1, Math.round((l.size * (t - l.downloadStart)) / (l.downloadEnd - l.downloadStart)));
    return `Downloading ${progressBox(got, l.size, width)}`;
  }
  if (t < l.downloadEnd + VERIFY_MS) return 'Verifying Checksum';
  if (t < l.extractStart) return 'Download complete';
  if (t < l.extractEnd) {
    const done = Math.max(1, Math.round((l.size * (t - l.extractStart)) / (l.extractEnd - l.extractStart)));
    return `Extracting ${progressBox(done, l.size, width)}`;
  }
  return 'Pull complete';
}

/**
 * What the terminal shows `elapsed` ms into a pull, given all that `docker pull` printed (the
 * lines of the finished pull): the lines before the first layer's, then each layer's line as it
 * is at that moment. Digest, Status and the reference come when the pull is done.
 */
export function pullScreenAt(printed: string, plan: PullPlan, elapsed: number, width: number): string[] {
  const lines = printed.split('\n');
  const ids = new Set(plan.layers.map((l) => l.id));
  const first = lines.findIndex((l) => ids.has(l.slice(0, 12)) && l[12] === ':');
  const before = first < 0 ? lines : lines.slice(0, first);
  return [...before, ...pullLinesAt(plan, elapsed, width)];
}
