// Grading what a learner gives with `answer`, and telling them why a value is wrong. The
// argument is expanded by the host's shell first (`answer $(docker inspect …)`, `answer "$C2"`);
// where the step says so, a unique prefix of 12 or more hex digits stands for a whole id, as
// docker's short ids do. A wrong value that equals one of the step's known mistakes (feedback
// rules: the host's inode where the container's was asked, a DiffID for a ChainID, a hash of the
// pair without its sha256: prefixes …, each computed from the host) gets that mistake's text;
// any other gets a line saying what kind of value is wanted.
import type { SimHost } from '../host/sim-host.js';
import type { CommandIO } from '../shell/command.js';
import { commandName, hasToken, normalizeAnswer, sameAnswer, type StepRecord } from './checks.js';
import type { FeedbackRule, StepData, Value } from './schema.js';
import type { Lang } from './types.js';
import { type CheckHost, hostOf, kindOf, tryValue, type ValueKind } from './values.js';
import { behaviourOf } from './step-kinds.js';

const WANTED: Record<Lang, Record<ValueKind, string>> = {
  en: {
    digest: 'a digest: 64 hex digits, with or without sha256:',
    cacheid: "a layer directory's name under overlay2/: 64 hex digits",
    link: 'a short l/ name: 26 capital letters and digits',
    id: 'an id: 64 hex digits (or the first 12)',
    number: 'a number',
    text: 'a word',
  },
  'zh-CN': {
    digest: '一个摘要：64 个十六进制字符，带不带 sha256: 前缀都可以',
    cacheid: 'overlay2/ 下层目录的名字：64 个十六进制字符',
    link: 'l/ 下的短名字：26 个大写字母和数字',
    id: '一个 ID：64 个十六进制字符（或其前 12 个）',
    number: '一个数字',
    text: '一个单词',
  },
};

/** What a value of each kind looks like, and its name, to tell a learner whose value has the right
 * shape (an inode, a digest) that it is another one of its kind, not the wrong kind of thing. */
const SHAPE: Partial<Record<ValueKind, RegExp>> = {
  number: /^\d+$/,
  digest: /^(sha256:)?[0-9a-f]{64}$/,
  cacheid: /^[0-9a-f]{64}$/,
  link: /^[A-Z0-9]{26}$/i,
  id: /^[0-9a-f]{12}([0-9a-f]{52})?$/,
};
const NOUN: Record<Lang, Record<ValueKind, string>> = {
  en: {
    digest: 'a digest',
    cacheid: "a layer directory's name",
    link: 'an l/ name',
    id: 'an id',
    number: 'a number',
    text: '',
  },
  'zh-CN': {
    digest: '一个摘要',
    cacheid: '一个层目录名',
    link: '一个 l/ 短名字',
    id: '一个 ID',
    number: '一个数字',
    text: '',
  },
};

const SAY = {
  en: {
    wrong: (wanted: string) => `Not quite: this step wants ${wanted}. \`hint\` helps.`,
    otherOfKind: (noun: string) => `Not quite: that is ${noun}, but not the one this step asks for. \`hint\` helps.`,
    empty: (wanted: string) => `Type the value after answer: this step wants ${wanted}.`,
    ambiguous: (n: number) => `That prefix matches ${n} ids here: type more of it.`,
    tooShort: 'A short id has at least 12 hex digits.',
  },
  'zh-CN': {
    wrong: (wanted: string) => `不太对：这一步要的是${wanted}。可以输入 \`hint\` 看提示。`,
    otherOfKind: (noun: string) => `不太对：这是${noun}，但不是这一步要的那个。可以输入 \`hint\` 看提示。`,
    empty: (wanted: string) => `在 answer 后面输入值：这一步要的是${wanted}。`,
    ambiguous: (n: number) => `这个前缀在这里对应 ${n} 个 ID，请多输入几位。`,
    tooShort: '短 ID 至少要有 12 个十六进制字符。',
  },
} as const;

/** The argument of `answer`, expanded by the learner's shell and joined by spaces; undefined
 * when it does not expand (the shell has said why on stderr). */
export async function expandAnswer(host: SimHost, raw: string, io: CommandIO): Promise<string | undefined> {
  if (raw.trim() === '') return '';
  const words = await host.session.expandWords(raw, io);
  return words?.join(' ');
}

/** What an answer-graded step wants: the answer step's value, or an exercise's answered check. */
export function wantedValue(step: StepData): Value | undefined {
  return behaviourOf(step).answer(step);
}

/** Every 64-hex id the host's docker directory names (layers, images, containers, DiffIDs), for
 * deciding whether a prefix is unique (read through the Host interface: the real host's too). */
function knownIds(on: CheckHost): Set<string> {
  const ids = new Set<string>();
  const host = hostOf(on);
  const root = host.docker?.dataRoot ?? '/var/lib/docker';
  const names = (dir: string) => host.readdir(dir) ?? [];
  const hex = (s: string) => {
    const m = /^(?:sha256:)?([0-9a-f]{64})/.exec(s.trim());
    if (m?.[1]) ids.add(m[1]);
  };
  for (const d of ['overlay2', 'overlay', 'containers']) for (const n of names(`${root}/${d}`)) hex(n);
  for (const driver of names(`${root}/image`)) {
    const dir = `${root}/image/${driver}`;
    for (const n of names(`${dir}/imagedb/content/sha256`)) hex(n);
    for (const n of names(`${dir}/layerdb/sha256`)) {
      hex(n);
      // a layer being written has no diff yet
      hex(host.readText(`${dir}/layerdb/sha256/${n}/diff`) ?? '');
    }
  }
  return ids;
}

export interface Verdict {
  right: boolean;
  message?: string;
}

/** Grades `given` (already expanded) against the step's value. */
export function judgeAnswer(
  host: CheckHost,
  step: StepData,
  given: string,
  lang: Lang,
  feedback: Record<string, string> | undefined,
): Verdict {
  const value = wantedValue(step);
  if (value === undefined) return { right: false };
  const kind = kindOf(value);
  const wanted = WANTED[lang][kind];
  const say = SAY[lang];
  if (normalizeAnswer(given) === '') return { right: false, message: say.empty(wanted) };
  const expected = tryValue(host, value);
  if (expected !== undefined && sameAnswer(given, expected)) return { right: true };
  const g = normalizeAnswer(given);
  if (expected !== undefined && 'short' in step && step.short && /^[0-9a-f]+$/.test(g)) {
    const full = normalizeAnswer(expected);
    if (/^[0-9a-f]{64}$/.test(full) && full.startsWith(g)) {
      if (g.length < 12) return { right: false, message: say.tooShort };
      const matches = [...knownIds(host)].filter((id) => id.startsWith(g)).length;
      if (matches <= 1) return { right: true };
      return { right: false, message: say.ambiguous(matches) };
    }
  }
  for (const rule of 'feedback' in step ? (step.feedback ?? []) : []) {
    const mistake = tryValue(host, rule.when);
    const text = feedback?.[rule.say];
    if (mistake !== undefined && text && sameAnswer(given, mistake)) return { right: false, message: text };
  }
  if (SHAPE[kind]?.test(g)) return { right: false, message: say.otherOfKind(NOUN[lang][kind]) };
  return { right: false, message: say.wrong(wanted) };
}

/** After a shell line in a do or exercise step: the texts of the known mistakes that the line's
 * commands printed (rules with `by`), each said once per step. */
export function diagnose(
  host: CheckHost,
  step: StepData,
  record: StepRecord,
  fromCommand: number,
  feedback: Record<string, string> | undefined,
): string[] {
  const said = record.told;
  const rules: FeedbackRule[] = 'feedback' in step ? (step.feedback ?? []) : [];
  const out: string[] = [];
  const commands = record.commands.slice(fromCommand);
  for (const rule of rules) {
    if (rule.by === undefined || said.has(rule.say)) continue;
    const text = feedback?.[rule.say];
    const mistake = tryValue(host, rule.when);
    if (!text || mistake === undefined) continue;
    const by = new RegExp(rule.by);
    if (commands.some((c) => by.test(commandName(c)) && hasToken(c.stdout, normalizeAnswer(mistake)))) {
      said.add(rule.say);
      out.push(text);
    }
  }
  return out;
}
