// `overlay-tutor sandbox --real=kernel` on the screen (and `sandbox --real` where no dockerd can
// start): `sandbox --real`'s screen (src/ui/screen-host-real.ts) over a kernel lab instead of a
// daemon (src/real/kernel-sandbox.ts). The learner's lines run in the lab's real bash; the panes
// follow the overlay mounted there by hand last, read from the real directories; each line runs on a
// fresh simulated host too, so F2 shows the simulator's prediction beside what the kernel did.
import { release } from 'node:os';
import { createSimHost } from '../host/sim-host.js';
import type { Lang } from '../i18n/index.js';
import { openKernelSandbox } from '../real/kernel-sandbox.js';
import { twinMachine } from '../real/replay.js';
import type { RealSession } from './screen-host-real.js';

const DESCRIBE: Record<Lang, (dir: string) => string> = {
  en: (dir) =>
    '**Real kernel, no Docker**: your lines run in a real bash as root, in a mount namespace of its own where ' +
    `/tmp and /root are the tutor’s own empty directories (under \`${dir}\`): nothing of this machine’s is ` +
    'touched, and every mount ends with the sandbox. The panes follow the overlay you mount last, read from ' +
    'its real directories. Try `mkdir -p /tmp/lab/{lower,upper,work,merged}`, then `mount -t overlay overlay ' +
    '-o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged`.\n\n' +
    'The simulator runs each line too: **F2** shows what it predicted beside what the kernel did. `exit` or ' +
    'Ctrl-D ends the sandbox (its mounts, its processes and its directory go with it).',
  'zh-CN': (dir) =>
    '**真实内核，没有 Docker**：你的命令在真实的 bash 里以 root 运行，处在它自己的挂载命名空间中，其中 /tmp 和 ' +
    `/root 是教程自己的空目录（在 \`${dir}\` 下）：不会动这台机器上的任何东西，所有挂载随沙盒一起结束。` +
    '窗格跟随你最后挂载的 overlay，从它真实的目录读取。试试 `mkdir -p /tmp/lab/{lower,upper,work,merged}`，' +
    '然后 `mount -t overlay overlay -o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work ' +
    '/tmp/lab/merged`。\n\n' +
    '模拟器也会执行每一行：**F2** 把它的预测与内核的实际结果并排显示。`exit` 或 Ctrl-D 结束沙盒' +
    '（它的挂载、进程和目录随之清除）。',
};

/** The lab, its bash and the twin, made before the screen opens (what it says written to `out`); a
 * number is the exit status when the lab cannot be made. */
export async function startKernelSession(out: (s: string) => void, lang: Lang): Promise<RealSession | number> {
  const made = await openKernelSandbox(out);
  if (typeof made === 'string') {
    out(`overlay-tutor: the sandbox's lab on the real kernel could not be made here: ${made}\n`);
    return 2;
  }
  const { lab, shell, host } = made;
  let stopping: Promise<void> | undefined;
  return {
    daemon: undefined,
    shell,
    host,
    // The simulated host as it starts, on this kernel, with nothing loaded: the lab has no Docker and
    // empty /tmp, /root.
    twin: createSimHost({ seed: 0, ...twinMachine() }),
    facts: { dockerVersion: '', kernel: release(), storage: 'overlay2' },
    notes: [],
    kernel: { describe: DESCRIBE[lang](lab.dir) },
    stop: () => (stopping ??= lab.close()),
  };
}
