// What the empty panes suggest in a lesson: what the lesson itself works on, never the free
// sandbox's ubuntu:20.04 (a lesson about nginx or busybox would have the learner pull an image it
// never uses, and a kernel lesson has no Docker at all).
import type { PaneHint } from '../i18n/index.js';
import type { LessonData } from './schema.js';
import { behaviourOf } from './step-kinds.js';

/** The image a `docker pull` line pulls (its options skipped); undefined for any other line. */
export function imagePulledBy(line: string): string | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'docker') return undefined;
  const rest = words[1] === 'image' ? words.slice(2) : words.slice(1);
  if (rest[0] !== 'pull') return undefined;
  // pull's only option with a value is --platform (its `=` form is one word).
  for (let i = 1; i < rest.length; i++) {
    const w = rest[i] as string;
    if (w === '--platform') i++;
    else if (!w.startsWith('-')) return /^[\w./:@-]+$/.test(w) ? w : undefined;
  }
  return undefined;
}

const mountsOverlay = (line: string) => /\bmount\s+(?:.*\s)?-t\s*overlay\b/.test(line);

/** The hint for a lesson at step `index` (0-based): an overlay by hand in a kernel lesson; else the
 * first image its setup pulls, or the steps from this one on, or those before it; else the first
 * overlay a solution mounts; else that the lesson needs neither. */
export function lessonPaneHint(data: LessonData, index: number): PaneHint {
  if (data.real === 'kernel') return { kind: 'overlay' };
  const solutions = (steps: LessonData['steps']) => steps.flatMap((s) => [...behaviourOf(s).solution(s)]);
  const lines = [
    ...data.setup,
    ...solutions(data.steps.slice(index)),
    ...solutions(data.steps.slice(0, Math.max(0, index))),
  ];
  for (const line of lines) {
    const image = imagePulledBy(line);
    if (image) return { kind: 'image', image };
  }
  return lines.some(mountsOverlay) ? { kind: 'overlay' } : { kind: 'none' };
}
