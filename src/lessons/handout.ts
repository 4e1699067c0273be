// A lesson as a markdown handout: each step's text (its values filled from the simulated host),
// its goal, and the reference solution's commands with what they really printed on a host made
// from the seed — so the handout matches the presenter's screen and every attendee's.
import type { Lang } from './types.js';
import type { Walked } from './walkthrough.js';

const WORDS: Record<
  Lang,
  { step: (n: number) => string; goal: string; answer: string; recap: string; made: (s: string) => string }
> = {
  en: {
    step: (n) => `Step ${n}`,
    goal: 'Goal',
    answer: 'Answer',
    recap: 'What this lesson taught',
    made: (how) => `Made by ${how}: every output is what the simulated host printed; the same seed gives the same ids.`,
  },
  'zh-CN': {
    step: (n) => `第 ${n} 步`,
    goal: '目标',
    answer: '答案',
    recap: '本课要点',
    made: (how) => `由 ${how} 生成：所有输出都是模拟主机实际打印的；同一个种子得到同样的 ID。`,
  },
};

/** An output longer than this many lines is cut in the middle (the handout stays readable). */
const MAX_OUTPUT_LINES = 40;

export function handoutMarkdown(w: Walked, lang: Lang, command: string): string {
  const t = w.lesson.texts[lang];
  const m = WORDS[lang];
  const colon = lang === 'en' ? ': ' : '：';
  const parts = [`# ${t.title}`, t.summary.trim(), `_${m.made(`\`${command}\``)}_`];
  w.steps.forEach((s, i) => {
    const v = s.view;
    parts.push(`## ${m.step(i + 1)}`, v.text.trim());
    if (v.goal) parts.push(`**${m.goal}**${colon}${v.goal.trim()}`);
    const shell = s.lines.filter((l) => !/^answer\b/.test(l.line));
    if (shell.length) {
      const body = shell.map((l) => `$ ${l.line}\n${cutOutput(l.output)}`).join('');
      parts.push(fence(body, 'console'));
    }
    const answer = s.lines.find((l) => /^answer\b/.test(l.line));
    if (answer) parts.push(`**${m.answer}**${colon}\`${answer.line.replace(/^answer\s+/, '')}\``);
  });
  parts.push(`## ${m.recap}`, w.recap.trim());
  return `${parts.join('\n\n')}\n`;
}

function cutOutput(output: string): string {
  const text = output === '' || output.endsWith('\n') ? output : `${output}\n`;
  const lines = text.split('\n').slice(0, -1);
  if (lines.length <= MAX_OUTPUT_LINES) return text;
  const half = MAX_OUTPUT_LINES / 2;
  const kept = [...lines.slice(0, half), `… (${lines.length - MAX_OUTPUT_LINES} lines)`, ...lines.slice(-half)];
  return `${kept.join('\n')}\n`;
}

/** A fenced block that no backtick run in `body` can close early. */
function fence(body: string, info: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((x) => x[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${info}\n${body.replace(/\n$/, '')}\n${f}`;
}
