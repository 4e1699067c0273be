// `overlay-tutor lint DIR` and `overlay-tutor new lesson NAME`: a teacher's lessons checked as the
// tutor's own are (src/lessons/lint.ts), and a new lesson's skeleton that passes those checks.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimHost } from '../host/sim-host.js';
import { lintLesson } from '../lessons/lint.js';
import { formatProblem } from '../lessons/loader.js';
import { readBounded } from './bounded-read.js';
import { MAX_LESSON_FILE_BYTES, readLessons } from './lesson-files.js';

interface Out {
  out: (t: string) => void;
  err: (t: string) => void;
}

/** Exit 0 when every lesson of DIR is clean, 1 with the list of problems, 2 when there is no DIR. */
export async function runLint(dir: string | undefined, o: Out): Promise<number> {
  if (dir === undefined) {
    o.err("overlay-tutor: lint needs a DIR of lessons\nTry 'overlay-tutor --help'.\n");
    return 2;
  }
  const shownAs = dir.replace(/(.)\/+$/, '$1');
  if (!existsSync(dir)) {
    o.err(`overlay-tutor: ${shownAs}: No such file or directory\n`);
    return 2;
  }
  const { lessons, problems } = readLessons(dir, shownAs);
  if (!lessons.length && !problems.length) problems.push(`${shownAs}: no lesson folders (NN-name) in it`);
  for (const lesson of lessons) {
    const path = `${shownAs}/${lesson.folder}/lesson.yaml`;
    const text = readBounded(join(dir, lesson.folder, 'lesson.yaml'), MAX_LESSON_FILE_BYTES).toString('utf8');
    const found = await lintLesson(lesson, { path, text }, (seed) => createSimHost({ seed, interactive: false }));
    problems.push(...found.map(formatProblem));
  }
  for (const p of problems) o.out(`${p}\n`);
  const n = `${lessons.length} lesson${lessons.length === 1 ? '' : 's'}`;
  if (problems.length) {
    o.out(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${shownAs} (${n} loaded)\n`);
    return 1;
  }
  o.out(`✓ ${n} in ${shownAs}: every step fails where it starts and passes after its solution\n`);
  return 0;
}

const skeleton = (id: string, order: number) => ({
  'lesson.yaml': `# A lesson of your own: lessons/FORMAT.md says what each key does. \`overlay-tutor lint DIR\`
# checks it: every step fails where it starts and passes after its solution, every wrong
# attempt fails, every right one passes.
id: ${id}
order: ${order}
seed: ${order}
steps:
  - id: intro
    kind: explain
  - id: pull
    kind: do
    checks:
      - image: busybox
    solution:
      - docker pull busybox
    wrong:
      - docker images
  - id: final
    kind: exercise
    checks:
      - upper: { container: web, path: /hello, is: file, contains: hi }
    solution:
      - docker run -d --name web busybox sleep 1000
      - docker exec web sh -c 'echo hi > /hello'
    wrong:
      - echo hi > /hello
      - [docker run -d --name web busybox sleep 1000, docker exec web ls /]
    right:
      - [docker run -d --name web busybox sleep 1000, docker exec web sh -c 'printf "hi\\n" > /hello']
`,
  'en.yaml': `title: ${id}
summary: One line for the lesson map.
steps:
  intro:
    text: |
      What this lesson is about. \`code\`, **bold** and fenced blocks work.
  pull:
    text: Pull the busybox image.
    hints:
      - Which command fetches an image?
      - docker pull busybox
  final:
    goal: Write hi to /hello in a running container named web.
    text: The file lands in the container's upper (diff) directory.
    hints:
      - docker run -d --name web busybox sleep 1000
      - docker exec web sh -c 'echo hi > /hello'
`,
  'zh-CN.yaml': `title: ${id}
summary: 课程列表中显示的一句话。
steps:
  intro:
    text: |
      本课讲什么。可以使用 \`代码\`、**粗体** 和代码块。
  pull:
    text: 拉取 busybox 镜像。
    hints:
      - 哪条命令用来获取镜像？
      - docker pull busybox
  final:
    goal: 在名为 web 的运行中容器里，把 hi 写入 /hello。
    text: 这个文件会落在容器的 upper（diff）目录里。
    hints:
      - docker run -d --name web busybox sleep 1000
      - docker exec web sh -c 'echo hi > /hello'
`,
});

/** Writes DIR/NN-NAME/ with a lesson that lints clean; NN follows the folders already there. */
export function runNew(what: string | undefined, name: string | undefined, dir: string, o: Out): number {
  if (what !== 'lesson' || name === undefined) {
    o.err("overlay-tutor: new wants 'lesson NAME'\nTry 'overlay-tutor --help'.\n");
    return 2;
  }
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(name)) {
    o.err(`overlay-tutor: a lesson's name is lowercase letters, digits and dashes, not '${name}'\n`);
    return 2;
  }
  let taken: string[] = [];
  try {
    taken = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d\d-/.test(f)) : [];
  } catch (e) {
    o.err(`overlay-tutor: ${dir}: ${(e as Error).message}\n`);
    return 1;
  }
  if (taken.some((f) => f.slice(3) === name)) {
    o.err(`overlay-tutor: ${dir} has a lesson ${name} already\n`);
    return 1;
  }
  const order = Math.max(0, ...taken.map((f) => Number(f.slice(0, 2)))) + 1;
  if (order > 99) {
    o.err(`overlay-tutor: ${dir} has lessons up to 99 already\n`);
    return 1;
  }
  const folder = join(dir, `${String(order).padStart(2, '0')}-${name}`);
  try {
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of Object.entries(skeleton(name, order))) writeFileSync(join(folder, file), text);
  } catch (e) {
    o.err(`overlay-tutor: cannot write ${folder}: ${(e as Error).message}\n`);
    return 1;
  }
  o.out(`wrote ${folder}/ (lesson.yaml, en.yaml, zh-CN.yaml)\nnext: overlay-tutor lint ${dir}\n`);
  return 0;
}
