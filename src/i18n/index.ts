// Interface strings in English and Simplified Chinese (lesson texts live with the lessons).
// The language comes from --lang, else LC_ALL / LC_MESSAGES / LANG (zh* → zh-CN).
export type Lang = 'en' | 'zh-CN';

/** What the panes suggest while nothing is in focus, by where the learner is (the screen host says;
 * src/lessons/pane-hint.ts reads a lesson's): the free sandbox's image or overlay, an overlay by hand
 * where there is no Docker (a kernel lesson, `sandbox --real=kernel`), the image a lesson uses, a
 * lesson that uses neither, or the lesson map. */
export type PaneHint =
  | { kind: 'sandbox' }
  | { kind: 'overlay' }
  | { kind: 'image'; image: string }
  | { kind: 'none' }
  | { kind: 'map' };

/** A line that runs a container of `image` (in focus, none yet run) that stays up for its panes: nginx
 * serves, hello-world prints and exits (its upper dir stays), any other image sleeps. */
export function runLineFor(image: string | undefined): string {
  // As a learner types it: a tag of latest goes without saying.
  image = image?.replace(/:latest$/, '');
  if (image === undefined || /^nginx(:|$)/.test(image)) return `docker run -d --name web ${image ?? 'nginx'}`;
  if (/^hello-world(:|$)/.test(image)) return `docker run --name hello ${image}`;
  return `docker run -d --name box ${image} sleep 3600`;
}

/** A reason a real host differs from the simulator (src/real/compare.ts's Reason), to be worded. */
interface Reason {
  id: string;
  sim?: string;
  real?: string;
}

const en = {
  title: 'overlay-tutor',
  sandbox: 'sandbox',
  layers: 'Image layers (top first)',
  upper: 'upper (diff)',
  work: 'work',
  merged: 'merged',
  chain: 'ChainID, step by step',
  events: 'What the kernel did',
  sizes: 'Layer sizes',
  noFocus: (h: PaneHint): string => {
    switch (h.kind) {
      case 'sandbox':
        return 'Nothing in focus yet. Try docker pull ubuntu:20.04 or mount -t overlay';
      case 'overlay':
        return 'Nothing in focus yet. Mount an overlay to see it here: mount -t overlay …';
      case 'image':
        return `Nothing in focus yet. Try this lesson's image: docker pull ${h.image}`;
      case 'none':
        return 'Nothing in focus yet: this lesson needs no image, container or overlay';
      case 'map':
        return 'Nothing in focus yet. Open a lesson: the panes follow what you do in it';
    }
  },
  noContainer: (image?: string) => `Run a container to see its layers: ${runLineFor(image)}`,
  notMounted: '(not mounted: the container is not running)',
  empty: '(empty)',
  chainHint: 'Enter: next step',
  chainBase: 'base layer: ChainID = DiffID',
  hashes: 'sha256 of',
  leadsTo: 'leads to',
  verified: 'found in layerdb',
  notVerified: 'NOT in layerdb',
  legend: '+ added  ~ copied up/changed  x whiteout  o opaque  * last command',
  help: 'Keys',
  helpLines: [
    'Enter        run the command',
    'Tab          complete a command, path, image or container',
    'Up / Down    history',
    '← → Home End move in the line (Ctrl-A, Ctrl-E; Ctrl-U, Ctrl-K, Ctrl-W cut)',
    'PgUp / PgDn  scroll the output',
    'Ctrl-L       clear the output (as clear does)',
    'Esc          move focus between the prompt and the panes',
    '← / →        (panes) show the previous / next pane',
    '↑ ↓ PgUp PgDn (panes) scroll the pane in focus',
    'Enter        (ChainID pane) reveal the next step',
    'F1 or ?      this help (? on an empty line; in a command it is a character)',
    'Ctrl-C       clear the line; twice on an empty line: quit',
    'Ctrl-D       quit on an empty line',
  ],
  presentHelpLines: [
    'n Space → ↵  (presenter) type the next line; Enter runs it',
    'p            (presenter) type it to edit: Enter runs it, Esc drops it',
    ':7 or g7 ↵   (presenter) go to step 7; b or ← back one step',
    '!            (presenter) a line for a command of your own',
  ],
  realHelpLines: [
    'F2           predict, then verify: what the simulator predicted for the last line beside what the real host did',
    'Ctrl-C       (real host) stop the running command, as a terminal does',
  ],
  compare: {
    title: (line: string) => `Predict, then verify: $ ${line}`,
    none: 'Run a line first: the simulator runs it too, and this view puts the two side by side.',
    sim: 'simulator predicted',
    real: 'real host did',
    exit: (code: number) => `exit ${code}`,
    output: 'what it printed',
    upper: (name: string) => `upper/ of ${name} after the line`,
    upperMount: (target: string) => `upper/ of the overlay on ${target} after the line`,
    diff: (name: string) => `docker diff ${name}`,
    agree: (n: number, m: number) => `${n}/${m} lines agree`,
    why: 'Why the real host differs:',
    events: "The simulator's kernel events (not compared: a real kernel keeps no such log):",
    close: 'F2 or Esc closes; ↑↓ PgUp PgDn scroll',
    reason: (r: Reason): string => {
      switch (r.id) {
        case 'stand-in':
          return (
            "the tutorial images hold the simulator's stand-in files, not programs this machine runs: a " +
            'container from them starts on the simulator only (on a real host, use an image of real programs)'
          );
        case 'registry':
          return 'this host reaches no registry: its images came from the simulator’s `docker save`, not a pull';
        case 'systemctl':
          return "the tutor's dockerd is no systemd service: systemctl is not run against it";
        case 'numbers':
          return "numbers that depend on the machine (sizes, PIDs, inode numbers, times) are this host's own";
        case 'kernel':
          return `another kernel: the simulator models Linux ${r.sim}, this host runs ${r.real}`;
        case 'docker':
          return `another Docker version: the simulator models ${r.sim}, this daemon is ${r.real}`;
        case 'containerd':
          return (
            'the containerd image store: layers are snapshots under io.containerd.snapshotter.v1.overlayfs, ' +
            'not overlay2'
          );
        case 'rootless':
          return 'a rootless daemon: its data-root and overlay (or fuse-overlayfs) belong to the user';
        case 'legacy-overlay':
          return (
            'the legacy overlay driver: an image layer is a whole tree in overlay/<id>/root (hard links to ' +
            "the layer below), a container's lower dir is one of them, and there is no l/ and no lower file"
          );
        default:
          return r.id;
      }
    },
  },
  lessonHelp: 'In a lesson, typed at the prompt:',
  lessonHelpLines: [
    'next / back  the next / the previous step (a step done is not asked again)',
    'step         the whole step again; hint: a hint, deeper each time',
    'solution     tried from where you are, then shown and run (y)',
    'undo         undo the last command that changed the host',
    'answer <v>   answer the step; reset: the step afresh; lessons: the map',
  ],
  goal: 'Goal: ',
  helpKey: 'F1/? help',
  colon: ': ',
  layerHead: { cache: 'cache-id', link: 'l/ link', size: 'size', made: 'made by' },
  more: (above: number, below: number) =>
    `${above ? `↑${above}` : ''}${above && below ? ' ' : ''}${below ? `↓${below}` : ''}`,
  asked: 'the step asks for it',
  helpTitle: (how: string) => `Keys (${how})`,
  helpClose: 'any key closes it',
  helpCloseScroll: '↑↓ PgUp PgDn scroll; other keys close it',
  ctrlCAgain: 'Press Ctrl-C again to quit',
  focusPanes: 'panes: ← → choose, ↑ ↓ PgUp PgDn scroll, Esc: back to the prompt',
  paneOf: (n: number, m: number) => `pane ${n}/${m}`,
  focusOn: (what: string) => `in focus: ${what}`,
  /** An overlay mounted by hand, in the status line. */
  handMount: (target: string, mounted: boolean) => (mounted ? target : `${target} (not mounted)`),
  readOnlyMount: 'No upperdir: an overlay of lowerdirs only is read-only.',
  lowers: 'lowerdir (top first)',
  mountGone: '(not mounted)',
};

type Strings = typeof en;

const zhCN: Strings = {
  title: 'overlay-tutor',
  sandbox: '沙盒',
  layers: '镜像层（自上而下）',
  upper: 'upper（diff）',
  work: 'work',
  merged: 'merged',
  chain: 'ChainID 逐步计算',
  events: '内核做了什么',
  sizes: '各层大小',
  noFocus: (h: PaneHint): string => {
    switch (h.kind) {
      case 'sandbox':
        return '还没有可显示的内容。试试 docker pull ubuntu:20.04 或 mount -t overlay';
      case 'overlay':
        return '还没有可显示的内容。挂载一个 overlay，窗格就会跟随它：mount -t overlay …';
      case 'image':
        return `还没有可显示的内容。试试本课用到的镜像：docker pull ${h.image}`;
      case 'none':
        return '还没有可显示的内容：本课不需要镜像、容器或 overlay';
      case 'map':
        return '还没有可显示的内容。打开一个课程，窗格会跟随你在课程中的操作';
    }
  },
  noContainer: (image?: string) => `运行一个容器即可看到它的各层：${runLineFor(image)}`,
  notMounted: '（未挂载：容器没有在运行）',
  empty: '（空）',
  chainHint: '回车：下一步',
  chainBase: '最底层：ChainID 就是 DiffID',
  hashes: '对它求 sha256',
  leadsTo: '指向',
  verified: '已在 layerdb 中找到',
  notVerified: '不在 layerdb 中',
  legend: '+ 新增  ~ copy-up/修改  x whiteout  o opaque  * 上一条命令',
  help: '按键',
  helpLines: [
    '回车         执行命令',
    'Tab          补全命令、路径、镜像或容器名',
    '上 / 下      历史命令',
    '← → Home End 在行内移动（Ctrl-A、Ctrl-E；Ctrl-U、Ctrl-K、Ctrl-W 删除）',
    'PgUp / PgDn  滚动输出',
    'Ctrl-L       清屏（与 clear 相同）',
    'Esc          在提示符和窗格之间切换焦点',
    '← / →        （窗格）上一个 / 下一个窗格',
    '↑ ↓ PgUp PgDn（窗格）滚动当前窗格',
    '回车         （ChainID 窗格）显示下一步',
    'F1 或 ?      本帮助（空行时按 ?；命令中的 ? 是普通字符）',
    'Ctrl-C       清空当前行；空行时连按两次退出',
    'Ctrl-D       空行时退出',
  ],
  presentHelpLines: [
    'n 空格 → 回车（演示者）输入下一行；回车执行',
    'p            （演示者）只输入、由你修改：回车执行，Esc 放弃',
    ':7 或 g7 回车（演示者）跳到第 7 步；b 或 ← 后退一步',
    '!            （演示者）空行，输入你自己的命令',
  ],
  realHelpLines: [
    'F2           先预测，再验证：上一条命令模拟器的预测与真实主机的结果并排显示',
    'Ctrl-C       （真实主机）中止正在运行的命令，与终端相同',
  ],
  compare: {
    title: (line: string) => `先预测，再验证：$ ${line}`,
    none: '先执行一条命令：模拟器也会执行它，这里把两边并排显示。',
    sim: '模拟器的预测',
    real: '真实主机的结果',
    exit: (code: number) => `退出码 ${code}`,
    output: '输出',
    upper: (name: string) => `执行后 ${name} 的 upper/`,
    upperMount: (target: string) => `执行后 ${target} 上的 overlay 的 upper/`,
    diff: (name: string) => `docker diff ${name}`,
    agree: (n: number, m: number) => `${n}/${m} 行一致`,
    why: '真实主机为何不同：',
    events: '模拟器的内核事件（不作比较：真实内核没有这样的日志）：',
    close: 'F2 或 Esc 关闭；↑↓ PgUp PgDn 滚动',
    reason: (r: Reason): string => {
      switch (r.id) {
        case 'stand-in':
          return '教程镜像里是模拟器的替身文件，不是本机能运行的程序：由它们创建的容器只能在模拟器中启动（在真实主机上请用含真实程序的镜像）';
        case 'registry':
          return '本机连不上镜像仓库：这些镜像来自模拟器的 `docker save`，而不是 pull';
        case 'systemctl':
          return '教程的 dockerd 不是 systemd 服务：systemctl 不会对它执行';
        case 'numbers':
          return '与机器有关的数字（大小、PID、inode 号、时间）是本机自己的';
        case 'kernel':
          return `内核不同：模拟器模拟的是 Linux ${r.sim}，本机运行的是 ${r.real}`;
        case 'docker':
          return `Docker 版本不同：模拟器模拟的是 ${r.sim}，这个守护进程是 ${r.real}`;
        case 'containerd':
          return 'containerd 镜像存储：各层是 io.containerd.snapshotter.v1.overlayfs 下的快照，而不是 overlay2';
        case 'rootless':
          return 'rootless 守护进程：它的数据目录和 overlay（或 fuse-overlayfs）属于该用户';
        case 'legacy-overlay':
          return '旧的 overlay 驱动：镜像的每一层是 overlay/<id>/root 下的一整棵树（与下一层硬链接），容器的 lower 目录就是其中一棵，没有 l/，也没有 lower 文件';
        default:
          return r.id;
      }
    },
  },
  lessonHelp: '课程中，在提示符后输入：',
  lessonHelpLines: [
    'next / back  下一步 / 上一步（已完成的步骤不会再要求一遍）',
    'step         重新显示整步内容；hint：提示，每次更深入',
    'solution     先按你当前的状态试一遍，再显示并执行（输入 y）',
    'undo         撤销上一条改动了主机的命令',
    'answer <值>  提交答案；reset：本步重来；lessons：回到课程列表',
  ],
  goal: '目标：',
  helpKey: 'F1/? 帮助',
  colon: '：',
  layerHead: { cache: 'cache-id', link: 'l/ 链接', size: '大小', made: '由此生成' },
  more: (above: number, below: number) =>
    `${above ? `↑${above}` : ''}${above && below ? ' ' : ''}${below ? `↓${below}` : ''}`,
  asked: '本步要你算出它',
  helpTitle: (how: string) => `按键（${how}）`,
  helpClose: '按任意键关闭',
  helpCloseScroll: '↑↓ PgUp PgDn 滚动，按其他键关闭',
  ctrlCAgain: '再按一次 Ctrl-C 退出',
  focusPanes: '窗格：← → 切换，↑ ↓ PgUp PgDn 滚动，Esc 回到提示符',
  paneOf: (n: number, m: number) => `窗格 ${n}/${m}`,
  focusOn: (what: string) => `当前对象：${what}`,
  handMount: (target: string, mounted: boolean) => (mounted ? target : `${target}（未挂载）`),
  readOnlyMount: '没有 upperdir：只有 lowerdir 的 overlay 是只读的。',
  lowers: 'lowerdir（自上而下）',
  mountGone: '（未挂载）',
};

export const STRINGS: Record<Lang, Strings> = { en, 'zh-CN': zhCN };
export type { Strings };

/** --lang wins; otherwise the locale the environment names. */
export function detectLang(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): Lang | { error: string } {
  if (flag !== undefined) {
    if (flag === 'en' || flag === 'zh-CN') return flag;
    return { error: `--lang wants en or zh-CN, not '${flag}'` };
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** Whether the locale the environment names cannot show UTF-8 (LANG=C, POSIX, a Latin-1 locale):
 * the screen then draws ASCII borders and glyphs. Unset: assume UTF-8, as terminals today do. */
export function localeIsAscii(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  if (locale === '') return false;
  if (locale === 'C' || locale === 'POSIX') return true;
  return !/utf-?8/i.test(locale);
}
