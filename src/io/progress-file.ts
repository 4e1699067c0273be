// The progress file: $XDG_CONFIG_HOME/overlay-tutor/progress.json (~/.config/… by default),
// written atomically (a temp file renamed over it). A file that cannot be read as progress is
// moved aside, never overwritten, and the learner is told where it went.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { EMPTY_PROGRESS, parseProgress, type Progress } from '../lessons/progress.js';

export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'overlay-tutor', 'progress.json');
}

export function loadProgress(path: string, now = Date.now()): { progress: Progress; warning?: string } {
  if (!existsSync(path)) return { progress: EMPTY_PROGRESS };
  const r = parseProgress(readFileSync(path, 'utf8'));
  if ('progress' in r) return { progress: r.progress };
  const aside = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return {
    progress: EMPTY_PROGRESS,
    warning: `overlay-tutor: your progress file could not be read (${r.error}); it was kept as ${aside} and progress starts afresh`,
  };
}

export function saveProgress(path: string, progress: Progress): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
