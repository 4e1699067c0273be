// The workshop commands that need no screen: `record` (an asciicast of a lesson's solution),
// `handout` (the lesson as markdown with its real outputs) and `present --notes` (the speaker
// notes view that follows the presenter's screen from another terminal). Reached from
// src/cli-commands.ts, behind the simulator's lazy door.
import type { CliValues } from './cli-commands.js';
import { createSimHost, timeOptions } from './host/sim-host.js';
import { type HostTime, lessonTime } from './host/host-time.js';
import { detectLang, type Lang } from './i18n/index.js';
import { loadLessons } from './io/lessons-source.js';
import { type PresentState, presentStatePath, watchPresentState, writeOutFile } from './io/workshop-files.js';
import { asciicast } from './lessons/asciicast.js';
import { handoutMarkdown } from './lessons/handout.js';
import type { Lesson } from './lessons/loader.js';
import { TUTOR_STRINGS } from './lessons/tutor-strings.js';
import { walkLesson, withSeed } from './lessons/walkthrough.js';
import { VERSION } from './version.js';

const fail = (message: string, code = 2): number => {
  process.stderr.write(`overlay-tutor: ${message}\n`);
  return code;
};
const USAGE = "\nTry 'overlay-tutor --help'.";

/** A lesson by id, folder name or order number (as `overlay-tutor lessons` lists them). */
export function findLesson(lessons: Lesson[], wanted: string): Lesson | undefined {
  return lessons.find((l) => l.data.id === wanted || l.folder === wanted || String(l.data.order) === wanted);
}

/** A whole number option within [min, max], or the message saying it is not. */
function intOption(name: string, value: string | undefined, dflt: number, min: number, max: number): number | string {
  if (value === undefined) return dflt;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    return `--${name} wants a whole number from ${min} to ${max}, not '${value}'`;
  return Number(value);
}

export async function runWorkshopCommand(mode: string, values: CliValues, time?: HostTime): Promise<number> {
  const lang = detectLang(values.lang, process.env);
  if (typeof lang !== 'string') return fail(lang.error);
  if (mode === 'present' && values.notes) return notesView(lang);
  if (values.lesson === undefined) return fail(`${mode} needs --lesson ID (overlay-tutor lessons lists them)${USAGE}`);
  if (mode === 'record' && values.out === undefined) return fail(`record needs --out FILE.cast${USAGE}`);
  const seed = intOption('seed', values.seed, -1, 0, 2 ** 31 - 1);
  const width = intOption('width', values.width, 80, 20, 1000);
  const height = intOption('height', values.height, 24, 5, 1000);
  for (const o of [seed, width, height]) if (typeof o === 'string') return fail(o);
  const found = loadLessons(values.lessons);
  if (!found) return fail('the lessons folder is missing from this installation', 1);
  for (const p of found.problems) process.stderr.write(`${p}\n`);
  const base = findLesson(found.lessons, values.lesson);
  if (!base) return fail(`no lesson '${values.lesson}' (overlay-tutor lessons lists them)`, 1);
  const lesson = withSeed(base, seed === -1 ? undefined : (seed as number));
  const columns = mode === 'record' ? (width as number) : 80;
  const makeHost = (s: number, pinned?: number) => {
    const host = createSimHost({ seed: s, interactive: false, ...timeOptions(lessonTime(time, pinned)) });
    host.session.shell.state.vars.set('COLUMNS', String(columns));
    host.session.shell.state.exported.add('COLUMNS');
    return host;
  };
  const walked = await walkLesson(lesson, lang, makeHost, { terminal: mode === 'record' });
  const title = lesson.texts[lang].title;
  const again = `overlay-tutor ${mode} --lesson ${lesson.data.id} --seed ${lesson.data.seed}`;
  let text: string;
  if (mode === 'record') {
    text = asciicast(walked, {
      width: width as number,
      height: height as number,
      title: `overlay-tutor: ${title}`,
      version: VERSION,
      stepHead: (n, of) => TUTOR_STRINGS[lang].stepHead(title, n, of),
    });
  } else text = handoutMarkdown(walked, lang, `${again}${lang === 'en' ? '' : ` --lang ${lang}`}`);
  if (values.out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  const error = writeOutFile(values.out, text);
  return error ? fail(error, 1) : 0;
}

/** `present --notes`: the current step's notes, redrawn whenever the presenter moves; Ctrl-C ends
 * it. On a terminal each position replaces the last; otherwise each is printed after the last. */
function notesView(lang: Lang): Promise<number> {
  const tty = Boolean(process.stdout.isTTY);
  const waiting =
    lang === 'en'
      ? `Waiting for the presenter (overlay-tutor present --lesson ID in another terminal)…\n(${presentStatePath()})\n`
      : `正在等待演示者（在另一个终端运行 overlay-tutor present --lesson ID）……\n（${presentStatePath()}）\n`;
  const stop = watchPresentState((s) => {
    const body = s ? notesText(s, lang, process.stdout.columns ?? 80) : waiting;
    process.stdout.write(tty ? `\u001b[H\u001b[2J${body}` : `${body}\n`);
  });
  return new Promise((resolve) => {
    const end = () => {
      stop();
      resolve(0);
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
}

export function notesText(s: PresentState, lang: Lang, columns: number): string {
  const en = lang === 'en';
  const rule = '─'.repeat(Math.max(10, Math.min(columns, 80)));
  const lines = [
    `${s.title} · ${en ? `step ${s.step} of ${s.count}` : `第 ${s.step} 步，共 ${s.count} 步`}`,
    s.stepTitle,
    rule,
    s.notes || (en ? '(no notes for this step)' : '（这一步没有备注）'),
    rule,
    ...(s.lines.length ? [en ? 'Types:' : '将输入：', ...s.lines.map((l) => `  $ ${l}`)] : []),
    `${en ? 'Catch-up' : '跟上进度'}: npx overlay-tutor ${s.code}`,
  ];
  return `${lines.join('\n')}\n`;
}
