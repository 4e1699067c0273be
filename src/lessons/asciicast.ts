// A lesson's walk-through as an asciicast v2 recording (docs.asciinema.org/manual/asciicast/v2):
// a JSON header line, then [time, "o", text] output events and [time, "m", label] markers, one
// at each step, labelled with its title, so `asciinema play -m` pauses there. The times are
// synthetic — typing at a steady pace, a pause after each output — never the wall clock's, so
// the same lesson and seed give the same bytes.
import { stepTitle, type Walked } from './walkthrough.js';

export interface CastOptions {
  width: number;
  height: number;
  title: string;
  /** The tutor's version, kept in the header beside the lesson and the seed. */
  version: string;
  /** The heading printed at each step ("── Title · step 3 of 10 ──"). */
  stepHead: (n: number, of: number) => string;
}

/** Milliseconds: a typed character, the pause before Enter, after an output, at a step's text. */
const PACE = { key: 45, enter: 350, afterOutput: 1200, afterText: 1800 } as const;

export function asciicast(w: Walked, o: CastOptions): string {
  const header = {
    version: 2,
    width: o.width,
    height: o.height,
    title: o.title,
    env: { SHELL: '/bin/bash', TERM: 'xterm-256color' },
    // Not an asciicast field; players ignore it. Says how to make the same recording again.
    overlay_tutor: { lesson: w.lesson.data.id, seed: w.seed, version: o.version },
  };
  const events: string[] = [];
  let ms = 0;
  const at = () => (ms / 1000).toFixed(3);
  // A terminal's line discipline turns \n into \r\n (onlcr); the simulator writes bare \n.
  const out = (text: string) => {
    if (text) events.push(`[${at()}, "o", ${JSON.stringify(text.replace(/\r?\n/g, '\r\n'))}]`);
  };
  w.steps.forEach((step, i) => {
    const v = step.view;
    events.push(`[${at()}, "m", ${JSON.stringify(`${i + 1}. ${stepTitle(v.text)}`)}]`);
    const text = commentRows(v.text, o.width - 2)
      .map((r) => `\u001b[2m# ${r}\u001b[0m`)
      .join('\n');
    out(`${i ? '\n' : ''}\u001b[1m${o.stepHead(i + 1, v.count)}\u001b[0m\n${text}\n`);
    ms += PACE.afterText;
    for (const l of step.lines) {
      // `answer` is the tutor's word, not a shell line: the recording shows the value found.
      if (/^answer\b/.test(l.line)) {
        out(`\u001b[2m# → ${l.line.replace(/^answer\s+/, '')}\u001b[0m\n`);
        ms += PACE.afterOutput;
        continue;
      }
      out(l.prompt);
      for (const ch of l.line) {
        ms += PACE.key;
        out(ch);
      }
      ms += PACE.enter;
      out('\n');
      out(l.output.endsWith('\n') || l.output === '' ? l.output : `${l.output}\n`);
      ms += PACE.afterOutput;
    }
  });
  return `${JSON.stringify(header)}\n${events.join('\n')}\n`;
}

/** A step's markdown as plain rows of at most `width` columns: fences and emphasis marks out,
 * long lines broken at spaces. */
function commentRows(text: string, width: number): string[] {
  const rows: string[] = [];
  for (const raw of text.trimEnd().split('\n')) {
    if (raw.startsWith('```')) continue;
    let line = raw.replace(/\*\*/g, '').replace(/`/g, '');
    while ([...line].length > width) {
      const chars = [...line];
      const cut = chars.slice(0, width).lastIndexOf(' ');
      const end = cut > 0 ? cut : width;
      rows.push(chars.slice(0, end).join(''));
      line = chars
        .slice(end)
        .join('')
        .replace(/^ /, cut > 0 ? '' : '');
    }
    rows.push(line);
  }
  return rows;
}
