// What the screen pins above the output while a step is open (as Killercoda and iximiuz keep
// instructions outside the terminal): the step's goal when the lesson file gives one, else the
// step text's first paragraph — with the command a "…:" introduces, when a code block follows.
// Long output scrolls under it; it never scrolls away.
import { computeValue, ValueError } from '../lessons/checks.js';
import type { Check, Value } from '../lessons/schema.js';
import type { LessonRunner } from '../lessons/session.js';
import type { StepView } from '../lessons/types.js';

/** The step's goal as one line of inline markdown. */
export function pinnedGoal(v: Pick<StepView, 'goal' | 'text'>): string {
  if (v.goal?.trim()) return v.goal.trim().replace(/\s*\n\s*/g, ' ');
  const lines = v.text.split('\n');
  const para: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('```') || (para.length > 0 && /^([-*+] |\d+\. )/.test(line))) break;
    para.push(line);
  }
  let goal = para.join(/[\u3000-\u9fff\uff00-\uffef]$/.test(para[0] ?? '') ? '' : ' ');
  // "Create a new file in the container:" and a fenced command: the command is the goal's point.
  if (/[:\uff1a]$/.test(goal) && (lines[i] ?? '').trim().startsWith('```')) {
    const command = (lines[i + 1] ?? '').trim();
    if (command && !command.startsWith('```')) goal = `${goal} \`${command}\``;
  }
  return goal;
}

/** The values an open answer or exercise step asks the learner to find or compute, as strings,
 * with what leads straight to them on the ChainID walk: asked for a ChainID, cache-id or link of
 * layer N, the ChainIDs and cache-ids of layers 2..N are the answer's working. The panes mask
 * them until the step is done. */
export function askedValues(runner: LessonRunner): string[] {
  const step = runner.lesson.data.steps[runner.index];
  if (!step || (step.kind !== 'answer' && step.kind !== 'exercise') || runner.view().done) return [];
  const values: Value[] = [];
  const fromCheck = (c: Check): void => {
    if ('output' in c) values.push(c.output.contains);
    else if ('printed' in c) values.push(c.printed.value);
    else if ('answered' in c) values.push(c.answered);
    else if ('all' in c) c.all.forEach(fromCheck);
    else if ('any' in c) c.any.forEach(fromCheck);
  };
  if (step.kind === 'answer') values.push(step.answer);
  else step.checks.forEach(fromCheck);
  const out = new Set<string>();
  const add = (v: Value) => {
    try {
      out.add(computeValue(runner.host, v));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
    }
  };
  for (const v of values) {
    add(v);
    const layerArg =
      typeof v === 'object' &&
      ('chainid' in v ? v.chainid : 'cacheid' in v ? v.cacheid : 'link' in v ? v.link : undefined);
    if (layerArg)
      for (let n = 2; n <= layerArg.layer; n++) {
        add({ chainid: { image: layerArg.image, layer: n } });
        add({ cacheid: { image: layerArg.image, layer: n } });
        if ('link' in (v as object)) add({ link: { image: layerArg.image, layer: n } });
      }
  }
  return [...out].filter((x) => x.length >= 12);
}
