// The bin's command line, evaluated before anything else in the bundle (src/cli.ts imports it
// first). Every mode but the screen runs here and exits the process, so Ink and React, whose code
// follows in the bundle, are never evaluated for `--version`, `script` or the line-mode REPL
// (~30 ms). The screen's options are handed on to src/cli.ts.
//
// How that works: esbuild emits the bundle's modules in import order as one module body, so the
// top-level await below holds back everything after it. (Unbundled, as under tsx, ESM evaluates
// the screen's modules anyway; only the time differs.)
import { createRequire } from 'node:module';
import type { CliValues } from './cli-commands.js';
import { detectLang, localeIsAscii } from './i18n/index.js';
import { lessonList, readLessonIndex } from './io/lesson-index.js';
import type { ScreenOptions } from './ui/run.js';
import { VERSION } from './version.js';
import { type HostTime, sessionTime } from './host/host-time.js';
import type { Lang } from './i18n/index.js';

const HELP = `overlay-tutor ${VERSION}
Learn how Docker stores images and containers on overlayfs, on a simulated host.

Usage:
  overlay-tutor                 start the tutor
  overlay-tutor sandbox         a simulated host with no lesson
  overlay-tutor lessons         list the lessons
  overlay-tutor progress --export FILE | --import FILE [--replace]
                                save your progress to FILE, or take it from FILE (each lesson
                                kept at the further of the two; --replace: FILE's alone)
  overlay-tutor tutor --lesson ID
                                start one lesson (ID as \`lessons\` lists it)
  overlay-tutor --lessons DIR   the tutor on your own lessons: DIR holds folders NN-name with
                                lesson.yaml, en.yaml and zh-CN.yaml (also with \`lessons\`,
                                \`tutor --lesson ID\`)
  overlay-tutor script FILE     run FILE's lines on a simulated host, printing \`$ line\` and then
                                what it wrote (stdout and stderr together, as 2>&1)
  overlay-tutor present --lesson ID [--seed N] [--speed CPS]
                                the presenter's screen: a key types each step's next line (at
                                CPS characters a second, 40 by default), Enter runs it; p types
                                it for you to edit; :7 or g7 then Enter jumps to step 7, b goes
                                back; the status line shows the catch-up code
  overlay-tutor present --notes the current step's speaker notes, following the presenter's
                                screen (run it in a second terminal)
  overlay-tutor --at L.S [--seed N]
                                the tutor at lesson L's step S, the steps before it solved: the
                                presenter's host, ids and all (the catch-up code)
  overlay-tutor record --lesson ID --out FILE.cast [--seed N] [--width W --height H]
                                an asciicast v2 recording of the lesson's solution, a marker
                                at each step (asciinema play -m pauses there); the same seed
                                gives the same bytes
  overlay-tutor handout --lesson ID [--lang L] [--out FILE.md]
                                the lesson as markdown: its steps, the solution's commands and
                                what they printed on the simulated host
  overlay-tutor preflight       what this machine offers the real-host mode (Linux, root, the
                                daemons there are, their storage, the kernel's overlay)
  overlay-tutor replay FILE --real
                                run FILE's lines in the simulator and, with a private dockerd the
                                tutor starts, in a real bash; show both, the differing lines
                                marked, and how many agree (exit 1 when not all do)
  overlay-tutor replay FILE --real=system [--yes | --dry-run]
                                the same on your own daemon, each change asked first (answers
                                read from stdin), what the replay made removed at its end
  overlay-tutor --transcript FILE
                                the tutor, keeping a transcript of the session in FILE (what you
                                typed, what it printed, when, hints and solutions used), chained
                                by hashes; signed with --key FILE or $OVERLAY_TUTOR_KEY
  overlay-tutor --set FILE --learner ID [--seed N] [--transcript FILE]
                                take an exercise set (an exam) as learner ID; the transcript goes
                                to FILE (default SET-ID.transcript.jsonl)
  overlay-tutor grade TRANSCRIPT [--set FILE] [--key FILE] [--format human|json|junit|tap]
                                replay a transcript in the simulator and grade it (exit 0 all
                                passed, 1 some failed, 2 invalid or tampered with)
  overlay-tutor grade --csv TRANSCRIPT... [--set FILE] [--key FILE]
                                one CSV row per learner
  overlay-tutor seed --set FILE --learner ID... [--key FILE]
                                each learner's seed for the set (hand it out with the set)
  overlay-tutor lint DIR        check a folder of lessons: schema (file:line:column), both
                                languages, every step fails at its start and passes after its
                                solution, wrong attempts fail, {{values}} resolve (exit 1)
  overlay-tutor new lesson NAME [--lessons DIR]
                                write a lesson skeleton NN-NAME that lints clean
  overlay-tutor --version       print the version
  overlay-tutor --help          print this help

Options:
  --seed N      make every random id (cache-ids, link ids, container ids) reproducible
  --date D      start the simulated host's clock at D (2024-11-23, 2024-11-23T23:16:00Z;
                default: now; a lesson may pin its own)
  --lang L      en or zh-CN (default: from LC_ALL / LANG)
  --screen-reader
                a linear layout without side-by-side panes (also INK_SCREEN_READER=true)
  --copy-in HOST_PATH:SIM_PATH
                (script) copy a real file or folder into the simulated disk first; repeatable;
                nothing is written back
  --strict      (script) exit with the first non-zero exit status of a line (default: 0)
  --kernel R    (script) the simulated host's kernel release, as uname -r prints it (default
                5.15.0-91-generic); where kernels differ (overlayfs xattrs, mount options, tmpfs
                flags) the simulated kernel behaves as that release does
  --real        (the tutor, tutor --lesson ID, replay, sandbox) against a private dockerd under
                /var/lib/overlay-tutor/daemon ($OVERLAY_TUTOR_REAL_DIR): needs root and dockerd;
                nothing of yours is touched; the lessons run there, judged on the real host (reset
                and undo rebuild it); sandbox --real is the screen over a real bash against that
                daemon, its panes read from the real directories, F2 the simulator's prediction
                beside what happened (line mode without a terminal: \`panes\` prints them).
                Without dockerd (or with OVERLAY_TUTOR_DOCKERD=none) the lessons about overlay
                itself still run on the real kernel, and sandbox --real is --real=kernel's
  --real=kernel (the tutor, tutor --lesson ID, sandbox) the real kernel alone, no Docker: needs
                root; a real bash as root in a mount namespace of the tutor's own, /tmp and /root
                its own empty dirs under $OVERLAY_TUTOR_REAL_DIR/kernel, every mount and process
                ended and the dir removed when you leave; sandbox: the panes follow the overlay
                you mount by hand; the tutor: the lessons about overlay itself run there, the
                others on the simulator
  --bare        (replay) start both hosts without the tutorial images
  --real=system (sandbox, replay) your own daemon (DOCKER_HOST, /var/run/docker.sock, the
                rootless one): what the tutor makes is labelled or recorded and removed at exit
                and by \`reset\`; what you had is never changed; each change is shown and asked first
  --yes         (--real=system) run changes without asking (each still printed)
  --dry-run     (--real=system) print each change instead of making it
  -h, --help    print this help
  -v, --version print the version
`;

const HELP_ZH = `overlay-tutor ${VERSION}
在模拟主机上学习 Docker 如何用 overlayfs 存放镜像和容器。

用法：
  overlay-tutor                 开始教程
  overlay-tutor sandbox         没有课程的模拟主机（沙盒）
  overlay-tutor lessons         列出所有课程
  overlay-tutor progress --export FILE | --import FILE
                                把学习进度保存到 FILE，或从 FILE 读入
  overlay-tutor tutor --lesson ID
                                直接开始某一课（ID 见 \`lessons\` 的列表）
  overlay-tutor script FILE     在模拟主机上逐行执行 FILE：先打印 \`$ 行\`，再打印它的输出
                                （stdout 与 stderr 合在一起，如同 2>&1）
  overlay-tutor present --lesson ID [--seed N] [--speed CPS]
                                演示者的屏幕：按一个键输入下一行（每秒 CPS 个字符，默认 40），
                                回车执行；p 只输入、可修改；:7 或 g7 再回车跳到第 7 步，b 后退；
                                状态栏显示跟上进度的代码
  overlay-tutor present --notes 当前这一步的演讲者备注，跟随演示者的屏幕（在另一个终端运行）
  overlay-tutor --at L.S [--seed N]
                                从第 L 课第 S 步开始，之前的步骤已完成：与演示者的主机完全一致
  overlay-tutor record --lesson ID --out FILE.cast [--seed N] [--width W --height H]
                                把课程的参考解法录成 asciicast v2（每一步一个标记，
                                asciinema play -m 会在此暂停）；同一种子得到同样的字节
  overlay-tutor handout --lesson ID [--lang L] [--out FILE.md]
                                课程讲义（markdown）：各步说明、解法命令及其在模拟主机上的真实输出
  overlay-tutor preflight       检查本机能否运行真实主机模式
                                （Linux、root、守护进程、存储驱动、内核 overlay）
  overlay-tutor replay FILE --real
                                在模拟主机和真实主机（教程自己启动的私有 dockerd）上逐行执行 FILE，
                                并排显示，标出不同的行，统计一致的行数（不全一致时退出码为 1）
  overlay-tutor replay FILE --real=system [--yes | --dry-run]
                                同上，但在你自己的守护进程上：每个改动先询问（从标准输入读回答），
                                结束时删除本次创建的资源
  overlay-tutor --transcript FILE
                                开始教程，并把本次学习记录到 FILE（输入、输出、时间、用过的提示
                                和答案），以哈希串联；可用 --key FILE 或 $OVERLAY_TUTOR_KEY 签名
  overlay-tutor --set FILE --learner ID [--seed N] [--transcript FILE]
                                以学员 ID 参加练习集（考试）；记录写入 FILE
  overlay-tutor grade TRANSCRIPT [--set FILE] [--key FILE] [--format human|json|junit|tap]
                                在模拟器中重放记录并评分（退出码 0 全部通过，1 有未通过，
                                2 记录无效或被篡改）
  overlay-tutor grade --csv TRANSCRIPT... [--set FILE] [--key FILE]
                                每位学员一行 CSV
  overlay-tutor seed --set FILE --learner ID... [--key FILE]
                                每位学员在该练习集中的种子
  overlay-tutor lint DIR        检查课程目录：格式（文件:行:列）、两种语言、每一步开始时不通过、
                                执行参考答案后通过、错误尝试不通过、{{值}} 能解析（有问题时退出码 1）
  overlay-tutor new lesson NAME [--lessons DIR]
                                生成能通过 lint 的课程骨架 NN-NAME
  overlay-tutor --version       打印版本号
  overlay-tutor --help          打印本帮助

选项：
  --seed N      让所有随机 ID（cache-id、链接 ID、容器 ID）可以复现
  --date D      模拟主机的时钟从 D 开始（2024-11-23、2024-11-23T23:16:00Z；
                默认：现在；课程可以固定它自己的时间）
  --lang L      en 或 zh-CN（默认取自 LC_ALL / LANG）
  --screen-reader
                线性布局，窗格不并排（也可设 INK_SCREEN_READER=true）
  --copy-in HOST_PATH:SIM_PATH
                （script）先把真实的文件或目录复制进模拟磁盘；可重复；不会写回
  --strict      （script）以第一个非零的退出状态退出（默认：0）
  --kernel R    （script）模拟主机的内核版本，即 uname -r 打印的（默认 5.15.0-91-generic）；
                各版本内核行为不同之处（overlayfs 扩展属性、挂载选项、tmpfs 标志），模拟内核照该版本行事
  --real        （教程、tutor --lesson ID、replay、sandbox）使用教程自己启动的私有 dockerd
                （在 /var/lib/overlay-tutor/daemon 下，可用 $OVERLAY_TUTOR_REAL_DIR 指定）：需要 root
                和 dockerd；不会动你的任何东西；课程在其上运行，检查读取真实主机（reset 和 undo
                会重建它）；F2 对照模拟器的预测与实际结果。没有 dockerd（或设了
                OVERLAY_TUTOR_DOCKERD=none）时，关于 overlay 本身的课程仍在真实内核上运行，
                sandbox --real 即 --real=kernel
  --real=kernel （教程、tutor --lesson ID、sandbox）只用真实内核，不用 Docker：需要 root；
                在教程自己的挂载命名空间里以 root 运行真实的 bash，/tmp 和 /root 是它在
                $OVERLAY_TUTOR_REAL_DIR/kernel 下的空目录，离开时结束所有挂载和进程并删除目录；
                沙盒的窗格跟随你手动挂载的 overlay；教程中关于 overlay 本身的课程在其上运行，
                其余课程在模拟器上运行
  --real=system （sandbox、replay）使用你自己的 Docker 守护进程：教程创建的资源都带标签或记录在案，
                reset 和退出时只删除这些；你原有的资源从不改动；每个改动先显示并询问
  --yes         （--real=system）不询问直接执行改动（仍逐条打印）
  --dry-run     （--real=system）只打印改动，不执行
  -h, --help    打印本帮助
  -v, --version 打印版本号
`;

/** The command line parsed, or the reason it cannot be. `overlay-tutor` and `overlay-tutor
 * sandbox`, the usual ways in, need no parser: loading node:util costs the first frame ~0.5 ms. */
function parse(argv: string[]): { values: CliValues; positionals: string[] } | { error: string } {
  if (argv.length === 0 || (argv.length === 1 && (argv[0] === 'tutor' || argv[0] === 'sandbox')))
    return { values: {}, positionals: argv };
  const { parseArgs } = createRequire(import.meta.url)('node:util') as typeof import('node:util');
  try {
    return parseArgs({
      // `--real` alone is the private daemon; `--real=system` names the user's own.
      args: argv.map((a) => (a === '--real' ? '--real=private' : a)),
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        seed: { type: 'string' },
        date: { type: 'string' },
        kernel: { type: 'string' },
        lang: { type: 'string' },
        lesson: { type: 'string' },
        lessons: { type: 'string' },
        export: { type: 'string' },
        import: { type: 'string' },
        replace: { type: 'boolean' },
        'screen-reader': { type: 'boolean' },
        'copy-in': { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        out: { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        notes: { type: 'boolean' },
        speed: { type: 'string' },
        at: { type: 'string' },
        real: { type: 'string' },
        bare: { type: 'boolean' },
        yes: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        transcript: { type: 'string' },
        key: { type: 'string' },
        set: { type: 'string' },
        learner: { type: 'string', multiple: true },
        format: { type: 'string' },
        csv: { type: 'boolean' },
      },
    });
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The modes src/cli-commands.ts runs. */
const COMMANDS = [
  'lessons',
  'progress',
  'script',
  'record',
  'handout',
  'present',
  'preflight',
  'replay',
  'grade',
  'seed',
  'lint',
  'new',
];

/** Runs the mode `argv` asks for and gives its exit status, or the screen's options when that is the screen. */
async function runMode(argv: string[]): Promise<number | ScreenOptions> {
  const parsed = parse(argv);
  if ('error' in parsed) {
    process.stderr.write(`overlay-tutor: ${parsed.error}\nTry 'overlay-tutor --help'.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help) {
    process.stdout.write(detectLang(values.lang, process.env) === 'zh-CN' ? HELP_ZH : HELP);
    return 0;
  }
  const mode = positionals[0] ?? 'tutor';
  if (mode === 'tutor' || mode === 'sandbox' || (mode === 'present' && !values.notes))
    return screenOrLineMode(mode, values);
  if (!COMMANDS.includes(mode)) {
    process.stderr.write(`overlay-tutor: unknown command '${mode}'\nTry 'overlay-tutor --help'.\n`);
    return 2;
  }
  if (mode === 'lessons' && values.lessons === undefined) {
    const listed = listShippedLessons(values);
    if (listed !== undefined) return listed;
  }
  const { runCommand } = await import('./simulator-entry.js');
  return runCommand(mode, values, positionals);
}

/** `overlay-tutor lessons` from the index the build compiled beside the bin, without unpacking the
 * simulator (it would cost the listing three times Node's own start-up); undefined where there is
 * no index (run from the sources). */
function listShippedLessons(values: CliValues): number | undefined {
  const lang = detectLang(values.lang, process.env);
  if (typeof lang !== 'string') {
    process.stderr.write(`overlay-tutor: ${lang.error}\n`);
    return 2;
  }
  const index = readLessonIndex(import.meta.url);
  if (!index) return undefined;
  process.stdout.write(lessonList(index.map((l) => ({ data: l.data, title: l.heads[lang].title }))));
  return 0;
}

/** `--real`: the sandbox in a real bash against the tutor's private dockerd, or in a kernel lab
 * (`--real=kernel`, or no dockerd to start) — on a terminal the screen (its options, the real host
 * prepared), else line mode — or against the user's own daemon (`--real=system`); the tutor with
 * --real=system prints the preflight and says that its lessons run on a private dockerd. */
async function realMode(
  mode: 'tutor' | 'sandbox',
  real: string,
  values: CliValues,
  screen: Omit<ScreenOptions, 'seed'> | undefined,
): Promise<number | ScreenOptions> {
  if (real !== 'private' && real !== 'system' && real !== 'kernel') {
    process.stderr.write(
      `overlay-tutor: --real=${real}: --real is a private dockerd the tutor starts (nothing of yours is ` +
        'touched), --real=system your own daemon, --real=kernel the real kernel alone (no Docker)\n',
    );
    return 2;
  }
  if (real !== 'system' && (values.yes || values['dry-run'])) {
    process.stderr.write('overlay-tutor: --yes and --dry-run go with --real=system (your own daemon)\n');
    return 2;
  }
  const sim = await import('./simulator-entry.js');
  const { runRealRepl, runSystemRepl, runPreflight, startRealSession, startSystemScreenSession } = sim;
  if (mode === 'sandbox' && real === 'system') {
    const o = { yes: Boolean(values.yes), dryRun: Boolean(values['dry-run']), bare: Boolean(values.bare) };
    if (!screen) return runSystemRepl(o);
    const session = await startSystemScreenSession(o);
    return typeof session === 'number' ? session : { ...screen, seed: 0, real: session };
  }
  if (mode === 'sandbox') {
    // The private dockerd, or the real kernel alone: asked for, or where no dockerd can start.
    const out = (s: string) => void process.stdout.write(s);
    const on = await sim.sandboxPreflight(out, real === 'kernel' ? 'kernel' : 'private');
    if (on !== 'private' && on !== 'kernel') {
      out(on);
      return 2;
    }
    if (!screen) return on === 'kernel' ? sim.runKernelRepl() : runRealRepl({ preflightShown: true });
    const session =
      on === 'kernel'
        ? await sim.startKernelSession(out, screen.lang)
        : await startRealSession(out, { preflightShown: true });
    return typeof session === 'number' ? session : { ...screen, seed: 0, real: session };
  }
  const code = await runPreflight();
  process.stdout.write(
    '\nThe lessons run on a private dockerd the tutor starts (`overlay-tutor --real`), not on your own ' +
      'daemon. With your own: `overlay-tutor sandbox --real=system` (each change shown and confirmed).\n',
  );
  return code === 0 ? 2 : code;
}

/** `overlay-tutor --real` and `tutor --lesson ID --real`: the lessons on the tutor's private dockerd
 * (`--real=kernel`: none; the kernel lessons alone on the real kernel) —
 * prepared before the screen opens (its options), or the line-mode tutor without a terminal. */
async function realTutorMode(
  values: CliValues,
  lang: Lang,
  time: HostTime,
  screen: Omit<ScreenOptions, 'seed'> | undefined,
): Promise<number | ScreenOptions> {
  if (values.transcript !== undefined || values.set !== undefined || values.learner !== undefined) {
    process.stderr.write('overlay-tutor: --transcript, --set and --learner go with the simulated host, not --real\n');
    return 2;
  }
  if (values.at !== undefined || values.yes || values['dry-run']) {
    process.stderr.write(
      `overlay-tutor: ${values.at !== undefined ? '--at' : '--yes and --dry-run'} cannot go with --real\n`,
    );
    return 2;
  }
  const { startRealLessons, runLineTutor, privatePreflight, realLessonsLater } = await import('./simulator-entry.js');
  const tutor = { lessonId: values.lesson, lessonsDir: values.lessons };
  // --real=kernel: the kernel lessons on the real kernel, the others on the simulator; no dockerd.
  const kernelOnly = values.real === 'kernel';
  if (screen) {
    // The preflight before the screen (a machine that cannot run it gets its one screen and 2); the
    // daemon's start and the lesson's preparation on the screen, which shows their progress.
    const cannot = await privatePreflight((s) => process.stdout.write(s), { kernelToo: true, kernelOnly });
    if (cannot) {
      process.stdout.write(cannot);
      return 2;
    }
    return { ...screen, seed: 0, time, realLessons: realLessonsLater({ kernelOnly }), tutor };
  }
  const real = await startRealLessons((s) => process.stdout.write(s), { kernelOnly });
  if (typeof real === 'number') return real;
  // SIGTERM and SIGHUP stop the daemon and unmount before the exit (progress is saved step by step).
  for (const [signal, n] of [
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const)
    process.once(signal, () => void real.stop().finally(() => process.exit(128 + n)));
  try {
    return await runLineTutor({
      lang,
      time,
      real,
      ...(values.lesson !== undefined ? { lessonId: values.lesson } : {}),
      ...(values.lessons !== undefined ? { lessonsDir: values.lessons } : {}),
    });
  } finally {
    if (real.daemon) process.stdout.write('Stopping the private dockerd ...\n');
    await real.stop();
  }
}

/** Workshops: `--at LESSON.STEP` (a presenter's catch-up code) with `--seed`, and `present`'s
 * `--lesson`, `--speed`; the reason they are wrong, as a string. */
function workshopOptions(
  mode: string,
  v: CliValues,
): { lessonId?: string; atStep?: number; seed?: number; speed?: number } | string {
  const seed = v.seed === undefined ? undefined : Number(v.seed);
  if (v.speed !== undefined && (mode !== 'present' || !/^\d+$/.test(v.speed) || Number(v.speed) > 1000))
    return mode === 'present'
      ? `--speed wants characters a second (0 to 1000), not '${v.speed}'`
      : '--speed is for present';
  const speed = v.speed === undefined ? undefined : Number(v.speed);
  if (mode === 'present') {
    if (v.lesson === undefined) return 'present needs --lesson ID (overlay-tutor lessons lists them)';
    if (v.at !== undefined) return '--at is for the tutor: present starts at a step with --lesson ID';
    return { ...(seed !== undefined ? { seed } : {}), ...(speed !== undefined ? { speed } : {}) };
  }
  if (v.at === undefined) return {};
  const [, lessonId, step] = /^(\d+)\.(\d+)$/.exec(v.at) ?? [];
  if (lessonId === undefined || Number(step) < 1)
    return `--at wants LESSON.STEP as a presenter shows it (like 7.5), not '${v.at}'`;
  if (mode !== 'tutor' || v.lesson !== undefined)
    return '--at opens the tutor at a lesson and step: no --lesson with it';
  return { lessonId, atStep: Number(step), ...(seed !== undefined ? { seed } : {}) };
}

/** The screen's options, or the exit status of the line-mode tutor or REPL that stands in for it
 * when there is no terminal to draw on. */
async function screenOrLineMode(
  mode: 'tutor' | 'sandbox' | 'present',
  values: CliValues,
): Promise<number | ScreenOptions> {
  const lang = detectLang(values.lang, process.env);
  if (typeof lang !== 'string') {
    process.stderr.write(`overlay-tutor: ${lang.error}\n`);
    return 2;
  }
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
    process.stderr.write(`overlay-tutor: --seed wants a number, not '${values.seed}'\n`);
    return 2;
  }
  const at = workshopOptions(mode, values);
  if (typeof at === 'string') {
    process.stderr.write(`overlay-tutor: ${at}\n`);
    return 2;
  }
  // The host's clock starts at the real now (read here: the core never reads it) or at --date.
  const time = sessionTime(values.date, Date.now);
  if (typeof time === 'string') {
    process.stderr.write(`overlay-tutor: ${time}\n`);
    return 2;
  }
  // The screen needs a terminal on both ends (Ink's input needs raw mode); CI and pipes get
  // the line-mode REPL.
  // Ink treats any CI, CONTINUOUS_INTEGRATION or CI_* variable as CI (it then draws only a
  // last frame), so the same test decides here.
  const env = process.env;
  const inCi =
    env.CI !== '0' &&
    env.CI !== 'false' &&
    ('CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((k) => k.startsWith('CI_')));
  // A dumb terminal cannot move its cursor: Ink would redraw by clearing the screen on every
  // frame. It gets the line-mode tutor and REPL.
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi && env.TERM !== 'dumb';
  if (values.real !== undefined) {
    if (mode === 'present') {
      process.stderr.write('overlay-tutor: present runs on the simulated host only (--real is for the sandbox)\n');
      return 2;
    }
    if (process.env.NO_COLOR !== undefined) process.env.FORCE_COLOR = '0';
    const screen =
      interactive && !values['screen-reader']
        ? { lang, screenReader: process.env.INK_SCREEN_READER === 'true', ascii: localeIsAscii(env) }
        : undefined;
    if (mode === 'tutor' && (values.real === 'private' || values.real === 'kernel'))
      return realTutorMode(values, lang, time, screen);
    return realMode(mode, values.real, values, screen);
  }
  if ((values.learner?.length ?? 0) > 1) {
    process.stderr.write('overlay-tutor: one --learner takes a set\n');
    return 2;
  }
  const recorded = values.transcript !== undefined || values.set !== undefined || values.learner !== undefined;
  if (recorded && mode !== 'tutor') {
    process.stderr.write('overlay-tutor: --transcript, --set and --learner go with the tutor, not the sandbox\n');
    return 2;
  }
  const session = recorded
    ? {
        tool: VERSION,
        transcript: values.transcript,
        key: values.key,
        set: values.set,
        learner: values.learner?.[0],
        seed: values.seed === undefined ? undefined : Number(values.seed),
      }
    : undefined;
  if (mode === 'present' && !interactive) {
    process.stderr.write('overlay-tutor: present needs a terminal (record and handout need none)\n');
    return 2;
  }
  if (mode === 'tutor' && (!interactive || values['screen-reader'])) {
    const { runLineTutor } = await import('./simulator-entry.js');
    return runLineTutor({
      ...(session ? { session } : {}),
      lang,
      time,
      ...(at.lessonId !== undefined ? { lessonId: at.lessonId, atStep: at.atStep, seed: at.seed } : {}),
      ...(values.lesson !== undefined ? { lessonId: values.lesson } : {}),
      ...(values.lessons !== undefined ? { lessonsDir: values.lessons } : {}),
    });
  }
  if (!interactive) {
    const { runLineRepl } = await import('./simulator-entry.js');
    return runLineRepl({ seed: values.seed, time });
  }
  // Colour libraries read this when they load (after this module): glyphs carry the meaning
  // without colour.
  if (process.env.NO_COLOR !== undefined || process.env.TERM === 'dumb') process.env.FORCE_COLOR = '0';
  return {
    seed: Number(values.seed ?? 0),
    time,
    lang,
    screenReader: Boolean(values['screen-reader']) || process.env.INK_SCREEN_READER === 'true',
    ascii: localeIsAscii(env),
    ...(mode === 'tutor' ? { tutor: { lessonId: values.lesson, lessonsDir: values.lessons, session, ...at } } : {}),
    ...(mode === 'present'
      ? { tutor: { lessonId: values.lesson, lessonsDir: values.lessons, present: true, ...at }, presentSpeed: at.speed }
      : {}),
  };
}

// `overlay-tutor lessons | head -1`: when the reader goes away, stop quietly as coreutils do
// (they die of SIGPIPE), instead of Node's unhandled 'error' event and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`overlay-tutor: cannot write: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? 0 : 74);
  });
}

/** Never a stack trace in front of a learner: one line, and the trace only when asked for. */
export function internalError(err: unknown): number {
  process.stderr.write(`overlay-tutor: internal error: ${(err as Error)?.message ?? String(err)}\n`);
  if (process.env.OVERLAY_TUTOR_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  return 70;
}

/** Resolves once what was written to `stream` has been handed to the OS (pipes are asynchronous
 * on some systems: exiting before that would cut the output short). */
const drained = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => (stream.writableLength ? stream.write('', () => resolve()) : resolve()));

const result = await runMode(process.argv.slice(2)).catch(internalError);
if (typeof result === 'number') {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(result);
}
/** The screen's options: reached only when the command line asks for the screen. */
export const screenOptions: ScreenOptions = result;
