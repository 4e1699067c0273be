// Every word the tutor itself says (not the lessons' texts, which live with the lessons): the
// lesson map, the step headers, verdicts, the solution's warnings, the recap. Both front ends
// print these; neither writes its own.
import type { Grade } from './progress.js';
import type { SimulatorOnly } from './real-side.js';
import type { Lang } from './types.js';

export type { Grade };

const en = {
  map: 'lesson map',
  pick: 'Type a lesson number and Enter, or `sandbox` for a host with no lesson; `q` quits.',
  noLesson: (x: string) => `No lesson '${x}': type a number from the map.`,
  sandboxStatus: 'sandbox',
  sandboxHello: 'A simulated host with no lesson: try anything. `lessons` goes back to the map.',
  gradeMark: { clean: '✓', 'with-hints': '✓ hints', 'with-solution': '✓ sol.' } as Record<Grade, string>,
  gradeLegend: '✓ done on your own · ✓ hints: with hints · ✓ sol.: with the solution',
  gradeWords: {
    clean: 'done on your own, without hints',
    'with-hints': 'done with hints',
    'with-solution': 'done with the solution',
  } as Record<Grade, string>,
  stepHead: (title: string, n: number, of: number) => `── ${title} · step ${n} of ${of} ──`,
  goal: 'Goal',
  alreadyDone: 'You have done this step already: `next` moves on.',
  commands: 'Besides shell commands: next, back, step, hint, solution, undo, reset, answer <value>, lessons.',
  done: '✓ Step done.',
  lessonDone: '✓ Lesson complete.',
  pauseNext: 'Read the output above; Enter shows the next step.',
  finishFirst: 'This step is not done yet: try `hint`, or `solution`.',
  noHints: 'No more hints: `solution` shows the answer.',
  noHintsReading: 'Nothing to do in this step but read it: Enter (or `next`) goes on.',
  banned: (cmd: string) => `${cmd}: not allowed in this exercise set`,
  efficiency: (n: number, m: number) => `You used ${n} command${n === 1 ? '' : 's'}; the reference uses ${m}.`,
  noHintsInSet: 'Hints are not allowed in this exercise set.',
  noSolutionInSet: 'The solution is not available in this exercise set.',
  exam: {
    head: (title: string, n: number, of: number) => `══ ${title} · item ${n} of ${of} ══`,
    rules: (limit: number | undefined, hints: string, banned: string[]) =>
      [
        limit ? `Time: ${limit} min.` : '',
        hints,
        banned.length ? `Not allowed: ${banned.map((b) => `\`${b}\``).join(', ')}.` : '',
        '`skip` leaves an item as it stands (it is graded as it is); `end` ends the session.',
      ]
        .filter(Boolean)
        .join(' '),
    hintsCost: (cost: number) => (cost ? `A hint costs ${cost} point${cost === 1 ? '' : 's'}.` : 'Hints are free.'),
    noHints: 'No hints.',
    finishFirst: 'This step is not done yet: keep going, or `skip` to leave the item as it stands.',
    noMap: 'The lesson map is closed during an exercise set: `end` ends the session.',
    skipped: 'Item left as it stands.',
    timeUp: '⏰ Time is up: the session has ended.',
    over: (file: string | undefined) =>
      `The exercise set is over.${file ? ` Your transcript is in ${file}; hand it in to be graded.` : ''} \`q\` quits.`,
    overStatus: 'exercise set over',
    commands: 'Besides shell commands: step, hint, undo, reset, answer <value>, skip, end.',
  },
  confirm: 'Show the solution and run it? [y/N]',
  // A prompt, not markdown: no backticks.
  confirmWayOut: (cmd: string) => `Run the solution after ${cmd}? [y/N]`,
  confirmAnyway: 'Run the solution anyway? [y/N]',
  solutionNotRun: 'Solution not run.',
  blockedAt: (line: string, why: string) =>
    `From where you are, the reference solution fails at \`${line}\`:\n\n${why || '(it says nothing)'}`,
  notEnough: 'From where you are, the reference solution would run but not complete this step.',
  wayOut: (cmd: string) => `\`${cmd}\` clears the way: then the solution works.`,
  noWayOut: 'No single command clears the way: `reset lesson` starts the lesson afresh.',
  noUndo: 'Nothing to undo in this step.',
  undone: (l: string) => `Undone: ${l}`,
  undoneSkipping: (l: string, n: number) =>
    `Undone: ${l} (` +
    `${n === 1 ? 'the command after it only looked' : `the ${n} commands after it only looked`}` +
    ', and stay)',
  reset: 'Step reset.',
  resetLesson: 'Lesson reset.',
  right: '✓ Right.',
  wrong: 'Not quite. Check the value and try again (`hint` helps).',
  notAnswerStep: 'This step does not ask for an answer.',
  first: 'This is the first step.',
  help: 'next · back · step · hint · solution · undo · reset · reset lesson · answer <value> · lessons',
  recapHead: (title: string) => `── ${title} · recap ──`,
  learned: 'What you learned',
  grade: 'Grade',
  values: 'Values you found',
  pressEnter: 'Press Enter for the lesson map.',
  stillInShell: "You are still in a container's shell: `exit` leaves it, then Enter opens the lesson map.",
  exitStays:
    '(`exit` leaves a shell you opened in a container; this is the lesson’s own shell, which stays as it was. ' +
    '`lessons` goes back to the map.)',
  valueLabel: {
    diffid: (image: string, n: number) => `DiffID of ${image}'s layer ${n}`,
    chainid: (image: string, n: number) => `ChainID of ${image}'s layer ${n}`,
    cacheid: (image: string, n: number) => `cache-id of ${image}'s layer ${n}`,
    link: (image: string, n: number) => `l/ link of ${image}'s layer ${n}`,
    image_id: (image: string) => `image ID of ${image}`,
    container_id: (c: string) => `container ID of ${c}`,
    mount_id: (c: string) => `mount ID of ${c}`,
    layer_count: (image: string) => `layers in ${image}`,
    inode: (where: string) => `inode of ${where}`,
  },
  real: {
    status: 'real',
    simStatus: 'simulated',
    preparing: 'Preparing the real host: what an earlier lesson made is removed, this one’s setup runs ...',
    onReal:
      'Real host: your lines run in a real bash against the tutor’s private dockerd, and the checks read ' +
      'the real host. The simulator runs each line too: on the screen, F2 shows what it predicted beside ' +
      'what happened.',
    onKernel:
      'Real kernel, no Docker: your lines run in a real bash as root, in a mount namespace of this lesson’s ' +
      'own where /tmp and /root are the tutor’s own empty directories, so nothing of this machine’s is ' +
      'touched and every mount ends with the lesson. The checks read the real files. The simulator runs each ' +
      'line too: on the screen, F2 shows what it predicted beside what happened.',
    simulatorOnly: (s: SimulatorOnly) =>
      `Simulated host only: this lesson cannot run on this real host: ${simulatorOnlyWhy(s)}. ` +
      'You take it on the simulator.',
    /** The lesson map's tags, and the legend under it (`--real`). */
    place: { daemon: 'dockerd', kernel: 'kernel', simulator: 'simulated' },
    placeLegend: (why: string[]) =>
      [
        'Under --real: kernel = on the real kernel, a plain mount -t overlay, no Docker; dockerd = on the ' +
          'tutor’s private dockerd; simulated = on the simulator only',
        ...why.map((w) => `- ${w}`),
      ].join('\n'),
    shortWhy: (s: SimulatorOnly) => simulatorOnlyWhy(s),
    sandbox: 'This sandbox is simulated; `overlay-tutor sandbox --real` opens one on the real host.',
    mapStatus: 'real host',
    rebuilding: 'Rebuilding the real host from the lesson’s start (a real host keeps no snapshots) ...',
    trialOnTwin:
      '(Tried on the simulator’s copy of this lesson: a real host keeps no snapshot to try the solution on. ' +
      '`solution` runs it on the real host.)',
    confirm: 'Show the solution and run it on the real host? [y/N]',
    exitStays:
      '(`exit` ended the lesson’s real bash; another took up where it left off: its working directory, ' +
      'variables, functions and options kept, as the simulated lesson’s shell stays. `lessons` goes back to the map.)',
    rebuilt: (n: number, on: 'daemon' | 'kernel' = 'daemon') =>
      `(The real host was rebuilt: ${
        on === 'kernel' ? 'a fresh namespace and directory' : 'what the lesson made on the private daemon removed'
      }, its setup run again` + `${n ? ` and your ${n === 1 ? 'earlier line' : `${n} earlier lines`} replayed` : ''}.)`,
  },
};

/** Why a lesson runs on the simulator only, as a clause. */
function simulatorOnlyWhy(s: SimulatorOnly): string {
  switch (s.why) {
    case 'legacy-overlay':
      return (
        'it switches the daemon to the legacy overlay storage driver, which Docker 23 disabled and 24 removed ' +
        `(this dockerd is ${s.version})`
      );
    case 'no-busybox':
      return (
        "its containers run the tutorial images' stand-in programs, which need a static busybox here " +
        '(apt-get install busybox-static)'
      );
    case 'goal-state':
      return (
        'a step is judged against the state its reference solution leaves (matches_solution), which the ' +
        'tutor builds in the simulator only'
      );
    case 'no-dockerd':
      return 'it needs a dockerd, and this machine has none (apt-get install docker.io)';
    case 'kernel-only':
      return 'it needs a dockerd, and --real=kernel starts none (--real runs it on the tutor’s private dockerd)';
    case 'no-workdir-parent':
      return (
        `it works under ${s.dir}, which this machine does not have ` + '(the tutor creates nothing outside its own dir)'
      );
    case 'no-lab':
      return `its lab on the real kernel could not be made here: ${s.detail}`;
  }
}

function simulatorOnlyWhyZh(s: SimulatorOnly): string {
  switch (s.why) {
    case 'legacy-overlay':
      return `它要把守护进程切换到旧的 overlay 存储驱动，而 Docker 23 已默认禁用、24 已移除它（这里的 dockerd 是 ${s.version}）`;
    case 'no-busybox':
      return '它的容器运行教程镜像里的替身程序，需要本机有静态链接的 busybox（apt-get install busybox-static）';
    case 'goal-state':
      return '有一步要和参考答案留下的状态比较（matches_solution），而教程只在模拟器里构建这个状态';
    case 'no-dockerd':
      return '它需要 dockerd，而这台机器上没有（apt-get install docker.io）';
    case 'kernel-only':
      return '它需要 dockerd，而 --real=kernel 不启动 dockerd（用 --real 可在教程的私有 dockerd 上运行它）';
    case 'no-workdir-parent':
      return `它在 ${s.dir} 下工作，而这台机器上没有这个目录（教程不会在自己的目录之外创建任何东西）`;
    case 'no-lab':
      return `无法在这里的真实内核上为它创建实验环境：${s.detail}`;
  }
}

type Strings = typeof en;

const zhCN: Strings = {
  map: '课程列表',
  pick: '输入课程编号后回车；输入 `sandbox` 进入没有课程的沙盒；输入 `q` 退出。',
  noLesson: (x: string) => `没有课程 '${x}'：请输入列表中的编号。`,
  sandboxStatus: '沙盒',
  sandboxHello: '没有课程的模拟主机：随便试。输入 `lessons` 回到课程列表。',
  gradeMark: { clean: '✓', 'with-hints': '✓ 提示', 'with-solution': '✓ 答案' },
  gradeLegend: '✓ 独立完成 · ✓ 提示：看过提示 · ✓ 答案：看过参考答案',
  gradeWords: {
    clean: '独立完成，没有看提示',
    'with-hints': '看过提示后完成',
    'with-solution': '看过参考答案后完成',
  },
  stepHead: (title: string, n: number, of: number) => `── ${title} · 第 ${n} 步，共 ${of} 步 ──`,
  goal: '目标',
  alreadyDone: '这一步已经完成：输入 `next` 继续。',
  commands: '除了 shell 命令，还可以用：next、back、step、hint、solution、undo、reset、answer <值>、lessons。',
  done: '✓ 本步完成。',
  lessonDone: '✓ 本课完成。',
  pauseNext: '先看看上面的输出；按回车显示下一步。',
  finishFirst: '这一步还没有完成：可以输入 `hint` 看提示，或输入 `solution` 看答案。',
  noHints: '没有更多提示了：输入 `solution` 查看答案。',
  noHintsReading: '这一步只需阅读，不用做什么：按回车（或输入 `next`）继续。',
  banned: (cmd: string) => `${cmd}：本练习集不允许使用`,
  efficiency: (n: number, m: number) => `你用了 ${n} 条命令；参考答案用了 ${m} 条。`,
  noHintsInSet: '本练习集不允许看提示。',
  noSolutionInSet: '本练习集不提供参考答案。',
  exam: {
    head: (title: string, n: number, of: number) => `══ ${title} · 第 ${n} 题，共 ${of} 题 ══`,
    rules: (limit: number | undefined, hints: string, banned: string[]) =>
      [
        limit ? `限时 ${limit} 分钟。` : '',
        hints,
        banned.length ? `不允许使用：${banned.map((b) => `\`${b}\``).join('、')}。` : '',
        '输入 `skip` 按当前状态交这一题（按现状评分）；输入 `end` 结束。',
      ]
        .filter(Boolean)
        .join(''),
    hintsCost: (cost: number) => (cost ? `每看一条提示扣 ${cost} 分。` : '看提示不扣分。'),
    noHints: '不能看提示。',
    finishFirst: '这一步还没有完成：继续做，或输入 `skip` 按当前状态交这一题。',
    noMap: '练习集进行中不能回到课程列表：输入 `end` 结束。',
    skipped: '这一题按当前状态提交。',
    timeUp: '⏰ 时间到：本次练习已结束。',
    over: (file: string | undefined) =>
      `练习集已结束。${file ? `记录保存在 ${file}，请提交给老师评分。` : ''}输入 \`q\` 退出。`,
    overStatus: '练习集已结束',
    commands: '除了 shell 命令，还可以用：step、hint、undo、reset、answer <值>、skip、end。',
  },
  confirm: '显示并执行参考答案？[y/N]',
  confirmWayOut: (cmd: string) => `先执行 ${cmd}，再执行参考答案？[y/N]`,
  confirmAnyway: '仍然执行参考答案？[y/N]',
  solutionNotRun: '未执行参考答案。',
  blockedAt: (line: string, why: string) =>
    `在当前状态下，参考答案会在 \`${line}\` 这一步失败：\n\n${why || '（没有输出）'}`,
  notEnough: '在当前状态下，参考答案可以执行，但不能完成这一步。',
  wayOut: (cmd: string) => `先执行 \`${cmd}\` 扫清障碍，参考答案就能完成这一步。`,
  noWayOut: '没有一条命令能扫清障碍：输入 `reset lesson` 从头开始本课。',
  noUndo: '这一步没有可以撤销的命令。',
  undone: (l: string) => `已撤销：${l}`,
  undoneSkipping: (l: string, n: number) => `已撤销：${l}（之后的 ${n} 条命令只是查看，保留不动）`,
  reset: '本步已重置。',
  resetLesson: '本课已重置。',
  right: '✓ 正确。',
  wrong: '不太对。检查一下这个值再试一次（可以输入 `hint`）。',
  notAnswerStep: '这一步不需要提交答案。',
  first: '这已经是第一步。',
  help: 'next · back · step · hint · solution · undo · reset · reset lesson · answer <值> · lessons',
  recapHead: (title: string) => `── ${title} · 小结 ──`,
  learned: '学到了什么',
  grade: '完成情况',
  values: '你求出的值',
  pressEnter: '按回车回到课程列表。',
  stillInShell: '你还在容器的 shell 里：输入 `exit` 离开，然后按回车回到课程列表。',
  exitStays:
    '（`exit` 用来离开你在容器里打开的 shell；这是课程自己的 shell，它保持原样。输入 `lessons` 回到课程列表。）',
  valueLabel: {
    diffid: (image: string, n: number) => `${image} 第 ${n} 层的 DiffID`,
    chainid: (image: string, n: number) => `${image} 第 ${n} 层的 ChainID`,
    cacheid: (image: string, n: number) => `${image} 第 ${n} 层的 cache-id`,
    link: (image: string, n: number) => `${image} 第 ${n} 层的 l/ 短链接`,
    image_id: (image: string) => `${image} 的镜像 ID`,
    container_id: (c: string) => `${c} 的容器 ID`,
    mount_id: (c: string) => `${c} 的 mount ID`,
    layer_count: (image: string) => `${image} 的层数`,
    inode: (where: string) => `${where} 的 inode 号`,
  },
  real: {
    status: '真实主机',
    simStatus: '模拟',
    preparing: '正在准备真实主机：删除之前课程留下的东西，运行本课的准备步骤……',
    onReal:
      '真实主机：你的命令在真实的 bash 中执行，对接教程自己的私有 dockerd，检查也读取真实主机。' +
      '模拟器同时执行每一行：在屏幕上按 F2 对照它的预测和实际结果。',
    onKernel:
      '真实内核，无需 Docker：你的命令以 root 身份在真实的 bash 中执行，位于本课专属的挂载命名空间里，' +
      '其中 /tmp 和 /root 是教程自己的空目录，所以不会动这台机器上的任何东西，所有挂载随本课结束而消失。' +
      '检查读取真实的文件。模拟器同时执行每一行：在屏幕上按 F2 对照它的预测和实际结果。',
    simulatorOnly: (s: SimulatorOnly) =>
      `仅限模拟主机：这一课无法在这台真实主机上运行：${simulatorOnlyWhyZh(s)}。本课改在模拟器中进行。`,
    place: { daemon: 'dockerd', kernel: '内核', simulator: '模拟' },
    placeLegend: (why: string[]) =>
      [
        '在 --real 下：内核 = 在真实内核上，普通的 mount -t overlay，无需 Docker；dockerd = 在教程的私有 dockerd 上；' +
          '模拟 = 只在模拟器中',
        ...why.map((w) => `- ${w}`),
      ].join('\n'),
    shortWhy: (s: SimulatorOnly) => simulatorOnlyWhyZh(s),
    sandbox: '这个沙盒是模拟的；`overlay-tutor sandbox --real` 打开真实主机上的沙盒。',
    mapStatus: '真实主机',
    rebuilding: '正在从本课开头重建真实主机（真实主机没有快照）……',
    trialOnTwin:
      '（这是在模拟器里的本课副本上试出来的：真实主机没有快照可供试运行。`solution` 会在真实主机上执行参考答案。）',
    confirm: '显示参考答案并在真实主机上执行？[y/N]',
    exitStays:
      '（`exit` 结束了本课的真实 bash；教程另起一个接着原来的状态：工作目录、变量、函数和选项都保留，' +
      '和模拟课程里的 shell 一样。输入 `lessons` 回到课程列表。）',
    rebuilt: (n: number, on: 'daemon' | 'kernel' = 'daemon') =>
      `（真实主机已重建：${on === 'kernel' ? '换了新的命名空间和目录' : '删除本课在私有守护进程上创建的东西'}，重新运行准备步骤` +
      `${n ? `，并重放你之前的 ${n} 条命令` : ''}。）`,
  },
};

export const TUTOR_STRINGS: Record<Lang, Strings> = { en, 'zh-CN': zhCN };
export type TutorStrings = Strings;
