// The lesson map as text, for the tutor controller (src/lessons/tutor.ts) and for the screen's
// first frame, which draws it from the index the build compiled before the simulator has loaded
// (src/ui/run.tsx): so it needs nothing but the tutor's strings (the bin's first half holds it).
import type { Grade } from './progress.js';
import { TUTOR_STRINGS } from './tutor-strings.js';
import type { Lang } from './types.js';

/** What the map shows of a lesson (a Lesson is one, and so is an entry of the compiled index). */
export interface MapLesson {
  data: { id: string; steps: readonly unknown[] };
  texts: Record<Lang, { title: string; summary: string }>;
}

/** What the map shows of the learner's progress (a Progress is one). */
export interface MapProgress {
  lessons: Record<string, { current: number; grade?: Grade | undefined } | undefined>;
}

/** One line per lesson, so the whole map fits an 80x24 screen, with its grade or the step
 * reached; with `summaries`, each lesson's summary after its title. */
/** Under `--real`: where each lesson runs here (the map's tag column), and the legend under it. */
export interface MapPlaces {
  tags: readonly string[];
  legend: string;
}

export function lessonMapText(
  lessons: readonly MapLesson[],
  lang: Lang,
  progress: MapProgress,
  summaries = false,
  places?: MapPlaces,
): string {
  const m = TUTOR_STRINGS[lang];
  const marks = lessons.map((l) => {
    const p = progress.lessons[l.data.id];
    return p?.grade ? m.gradeMark[p.grade] : p && p.current > 0 ? `${p.current + 1}/${l.data.steps.length}` : '';
  });
  const wide = Math.max(5, ...marks.map(columns));
  const tagWidth = Math.max(0, ...(places?.tags ?? []).map(columns));
  const rows = lessons.map((l, i) => {
    const t = l.texts[lang];
    const mark = marks[i] ?? '';
    const tag = places ? `${places.tags[i] ?? ''}${' '.repeat(tagWidth - columns(places.tags[i] ?? ''))} ` : '';
    return (
      `${String(i + 1).padStart(2)}. [${mark}` +
      `${' '.repeat(wide - columns(mark))}] ${tag}${t.title}` +
      `${summaries ? ` — ${t.summary}` : ''}`
    );
  });
  const legend = lessons.some((l) => progress.lessons[l.data.id]?.grade) ? `${m.gradeLegend}\n\n` : '';
  const where = places ? `${places.legend}\n\n` : '';
  return `${rows.join('\n')}\n\n${where}${legend}${m.pick}\n`;
}

/** Terminal columns of a short string: CJK characters take two. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return n;
}
