// The simulator's twin of this machine runs this machine's kernel release (src/real/replay.ts,
// twinMachine): F2, replay --real and the lessons' real runs then never differ by the kernel's
// version alone (since 6.6 an overlay shows uuid=on and its upper gets trusted.overlay.uuid).
// Simulator only: what the twin prints, compared with what a 6.18 host prints.
import { release } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { compareLine, type HostFacts } from '../../src/real/compare.js';
import { compareLessonLines, replayOnSim, twinMachine } from '../../src/real/replay.js';
import { simRun } from '../../src/real/tutorial-images.js';

const NEW = '6.18.44-fc-v1272';
const MOUNT = [
  'mkdir -p /tmp/lab/lower /tmp/lab/upper /tmp/lab/work /tmp/lab/merged',
  'mount -t overlay overlay -o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged',
];
/** What a 6.6+ kernel prints for the mount above (its real findmnt -no OPTIONS). */
const REAL_OPTIONS = 'rw,relatime,lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work,uuid=on\n';

async function twinOutput(machine: ReturnType<typeof twinMachine> | object, line: string): Promise<string> {
  const host = createSimHost({ seed: 0, interactive: false, ...machine });
  for (const l of MOUNT) await simRun(host, l);
  return (await simRun(host, line)).out;
}

describe("the twin runs the real host's kernel", () => {
  it("is this machine's release by default, any release when given", () => {
    expect(twinMachine().machine.release).toBe(release());
    expect(twinMachine(NEW).machine.release).toBe(NEW);
  });

  it("replay --real's simulated side says this machine's release", async () => {
    const { sim } = await replayOnSim('uname -r\n', { images: false });
    expect(sim).toEqual([`${release()}\n`]);
  });

  it('a 6.18 twin shows uuid=on and writes trusted.overlay.uuid, as the real 6.18 does; 5.15 neither', async () => {
    const findmnt = 'findmnt -no OPTIONS /tmp/lab/merged';
    expect(await twinOutput(twinMachine(NEW), findmnt)).toBe(REAL_OPTIONS);
    expect(await twinOutput({}, findmnt)).not.toContain('uuid=on');
    const xattrs = 'getfattr -d -m - /tmp/lab/upper';
    expect(await twinOutput(twinMachine(NEW), xattrs)).toContain('trusted.overlay.uuid=');
    expect(await twinOutput({}, xattrs)).toBe('');
  });

  it('F2 finds every line equal on a 6.18 host, the release itself a placeholder, and gives no kernel reason', async () => {
    const facts: HostFacts = { dockerVersion: '', kernel: NEW };
    const line = 'findmnt -no OPTIONS /tmp/lab/merged; uname -r; getfattr -d -m - /tmp/lab/upper 2>&1';
    // What the real 6.18 printed: its own uuid, made at random as the twin's is (a placeholder on both).
    const real = `${REAL_OPTIONS}${NEW}\ngetfattr: Removing leading '/' from absolute path names\n# file: tmp/lab/upper\ntrusted.overlay.uuid=0sDuDZl6MrSFijuLTZcya9Ig==\n\n`;
    const out = await twinOutput(twinMachine(NEW), line);
    const c = compareLine(
      {
        line,
        sim: { output: out, exitCode: 0, upper: [] },
        real: { output: real, exitCode: 0, upper: [] },
      },
      facts,
    );
    expect([c.agree, c.total]).toEqual([6, 6]);
    expect(c.reasons).toEqual([]);
    // A twin on the simulator's default release (as before): uuid=on differs.
    const old = await twinOutput({}, line);
    const d = compareLine(
      {
        line,
        sim: { output: old, exitCode: 0, upper: [] },
        real: { output: real, exitCode: 0, upper: [] },
      },
      { ...facts, twinKernel: '5.15.0-91-generic' },
    );
    expect(d.agree).toBeLessThan(d.total);
  });

  it("a lesson's lines compared with the real host's values: the twin's release reads as <kernel> too", () => {
    const [b] = compareLessonLines(['uname -r'], [`${NEW}\n`], [`${NEW}\n`], '/var/lib/docker', { kernel: NEW });
    expect(b).toMatchObject({ sim: ['<kernel>'], real: ['<kernel>'] });
  });
});
