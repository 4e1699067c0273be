// The prompt the first frame shows, before the simulator has loaded: the one the loaded host
// shows first (test/ui/load-host.test.ts holds every mode and lesson to it).

/** The tutor's lesson map takes a lesson number. */
export const LESSON_MAP_PROMPT = 'lesson> ';
const LESSON_MAP_PROMPT_ZH = '\u8bfe\u7a0b> '; // 课程> (escaped: the first bundle is ASCII)

export const lessonMapPrompt = (lang: string = 'en'): string =>
  lang === 'zh-CN' ? LESSON_MAP_PROMPT_ZH : LESSON_MAP_PROMPT;

/** bash's PS1 for root in its home directory, as the simulated shell draws it. */
const HOME_PROMPT = 'root@host:~# ';

export function firstPrompt(tutor: { lessonId?: string | undefined } | undefined, lang = 'en'): string {
  return tutor && tutor.lessonId === undefined ? lessonMapPrompt(lang) : HOME_PROMPT;
}
