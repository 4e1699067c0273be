// The focus a real-host screen follows, shared by `sandbox --real` and the tutor's real lessons.
// A simulated host stands in for the real one here (the Host interface is the same): a hand-made
// overlay comes into focus, its upper's rows are marked as a line changes them, and the comparison
// puts the twin's upper beside it; a container a line names takes the focus from it.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { simHostView } from '../../src/host/sim-host-view.js';
import { simRun } from '../../src/real/tutorial-images.js';
import { RealFocus } from '../../src/ui/real-focus.js';

const FACTS = { dockerVersion: '', kernel: '6.1.0', storage: 'overlay2' };
const LAB = 'mkdir -p /tmp/lab/l /tmp/lab/u /tmp/lab/w /tmp/lab/m && echo a > /tmp/lab/l/a && echo b > /tmp/lab/l/b';
const MOUNT = 'mount -t overlay overlay -o lowerdir=/tmp/lab/l,upperdir=/tmp/lab/u,workdir=/tmp/lab/w /tmp/lab/m';

async function hosts() {
  const real = createSimHost({ seed: 1 });
  const twin = createSimHost({ seed: 1 });
  for (const h of [real, twin]) {
    await simRun(h, LAB);
    await simRun(h, MOUNT);
  }
  const focus = new RealFocus(
    () => simHostView(real.docker, real.rootProc),
    () => undefined,
    '/var/lib/docker',
  );
  return { real, twin, focus };
}

describe('RealFocus', () => {
  it('follows the overlay mounted by hand, marks what a line changed in its upper, and compares it', async () => {
    const { real, twin, focus } = await hosts();
    const line = 'rm /tmp/lab/m/a; echo c >> /tmp/lab/m/b';
    const before = focus.before();
    await simRun(real, line);
    await simRun(twin, line);
    const inFocus = focus.follow(line, before);
    expect(inFocus.container).toBeUndefined();
    expect(inFocus.mount?.target).toBe('/tmp/lab/m');
    expect(
      focus
        .panes()
        .upper.filter((r) => r.recent)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(focus.log().join('\n')).toMatch(/whiteout/);
    const c = focus.compare(
      line,
      inFocus,
      { output: '', exitCode: 0, events: [], twin },
      { output: '', exitCode: 0 },
      FACTS,
    );
    expect(c.sections.map((s) => s.title)).toEqual(['output', 'upper']);
    expect(c.sections[1]?.rows.every((r) => !r.differs)).toBe(true);
    expect(c.sections[1]?.rows.length).toBe(2);
  });

  it('marks the difference when the twin predicted another upper', async () => {
    const { real, twin, focus } = await hosts();
    const before = focus.before();
    await simRun(real, 'echo c >> /tmp/lab/m/b');
    await simRun(twin, 'true');
    const inFocus = focus.follow('echo c >> /tmp/lab/m/b', before);
    const c = focus.compare(
      'x',
      inFocus,
      { output: '', exitCode: 0, events: [], twin },
      { output: '', exitCode: 0 },
      FACTS,
    );
    expect(c.sections[1]?.rows.filter((r) => r.differs).map((r) => r.real)).toEqual(['~ b']);
  });

  it('keeps the overlay in focus after its umount, and rereads the newest one after a reset', async () => {
    const { real, focus } = await hosts();
    let before = focus.before();
    await simRun(real, 'touch /tmp/lab/m/new');
    focus.follow('touch /tmp/lab/m/new', before);
    before = focus.before();
    await simRun(real, 'umount /tmp/lab/m');
    expect(focus.follow('umount /tmp/lab/m', before).mount?.target).toBe('/tmp/lab/m');
    expect(focus.panes().upper.map((r) => r.path)).toContain('new');
    // No line marked anything: the umount changed nothing in upper/.
    expect(focus.log()).toEqual([]);
    focus.reread();
    expect(focus.panes().focus?.kind).not.toBe('mount');
  });
});
