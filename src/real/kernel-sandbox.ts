// `overlay-tutor sandbox --real=kernel`, and `sandbox --real` on a machine with no dockerd to start:
// the sandbox on the real kernel alone, no Docker. It is a kernel lesson's lab without the lesson
// (src/real/kernel-lab.ts): a real bash as root in a mount namespace of the tutor's own, where /tmp
// and /root are the tutor's own empty dirs, so `mount -t overlay` there touches nothing of the
// machine's, and every mount ends with the namespace. Its files are read through the namespace's
// holder (real-host.ts), so the panes follow an overlay the learner mounts by hand.
import { cleanKernelLeftovers, defaultKernelDir, KernelLab, leftoversSaid } from './kernel-lab.js';
import { type RealHost, realHost } from './real-host.js';
import type { RealShell } from './real-shell.js';

/** A lesson's workdir under /tmp: the lab covers /tmp and /root, nothing else of the machine's. */
const WORKDIR = '/tmp/lab';

export interface KernelSandbox {
  lab: KernelLab;
  shell: RealShell;
  /** Reads the lab's files and mounts as its bash sees them; refresh() after each line. */
  host: RealHost;
}

/** What the sandbox says of itself before it opens (the preflight has said why this mode). */
export const KERNEL_SANDBOX =
  'a real bash as root in a mount namespace of its own, where /tmp and /root are the tutor’s own empty ' +
  'directories: mount -t overlay there touches nothing of this machine’s, and every mount ends with the sandbox';

/** Removes the labs an earlier tutor left (a kill -9), then opens the sandbox's lab and its bash; a
 * string says why it cannot be made here (unshare refused, no nsenter …). */
export async function openKernelSandbox(say: (s: string) => void): Promise<KernelSandbox | string> {
  const base = defaultKernelDir();
  say(leftoversSaid(await cleanKernelLeftovers(base)));
  let lab: KernelLab | string;
  try {
    lab = await KernelLab.open(base, WORKDIR);
  } catch (e) {
    return (e as Error).message;
  }
  if (typeof lab === 'string') return lab;
  try {
    const shell = await lab.shell();
    return { lab, shell, host: realHost({ filesPid: lab.pid }) };
  } catch (e) {
    await lab.close();
    return (e as Error).message;
  }
}
