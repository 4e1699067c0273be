// The empty panes' hint on the screen, where the learner is: the free sandbox's image or overlay,
// a kernel lesson's or the kernel sandbox's overlay by hand (no Docker there), the image a lesson
// uses, the lesson map's "open a lesson"; in English and in Chinese.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { type Lang, STRINGS } from '../../src/i18n/index.js';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { EMPTY_PROGRESS } from '../../src/lessons/progress.js';
import { Tutor } from '../../src/lessons/tutor.js';
import { App } from '../../src/ui/app.js';
import { Pane } from '../../src/ui/panes.js';
import { Screen } from '../../src/ui/screen.js';
import type { ScreenHost } from '../../src/ui/screen-host.js';
import { type RealSession, realScreenHost } from '../../src/ui/screen-host-real.js';
import { emptyHost } from '../../src/ui/screen-host-real-tutor.js';
import { screenHostFor } from '../../src/ui/screen-host-sim.js';
import { tutorScreenHost } from '../../src/ui/screen-host-tutor.js';

const { lessons } = readLessons(findLessonsDir() as string);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The first screen of `host`, once its prompt is up. */
async function firstScreen(host: ScreenHost, lang: Lang, prompt: string): Promise<string> {
  const r = render(<App load={() => Promise.resolve({ host, Screen })} s={STRINGS[lang]} />);
  cleanup = r.unmount;
  const frame = () => r.lastFrame() ?? '';
  for (const end = Date.now() + 15_000; Date.now() < end && !frame().includes(prompt); )
    await new Promise((res) => setTimeout(res, 20));
  expect(frame()).toContain(prompt);
  return frame();
}

/** The tutor on the map, or in lesson `id` at its first step. */
async function tutorAt(lang: Lang, id?: string): Promise<ScreenHost> {
  const progress = { current: () => EMPTY_PROGRESS, recordStep: () => undefined, recordAid: () => undefined };
  const makeHost = (seed: number) => createSimHost({ seed, interactive: false });
  const tutor = new Tutor({ lessons, lang, makeHost, progress });
  if (id !== undefined) expect(await tutor.open(id)).toBe(true);
  return tutorScreenHost(tutor);
}

/** `sandbox --real=kernel`'s screen with nothing real behind it: no daemon, an empty host. */
function kernelSandbox(): ScreenHost {
  const session: RealSession = {
    daemon: undefined,
    shell: { cwd: '/root' } as RealSession['shell'],
    host: { ...emptyHost, refresh: () => undefined } as unknown as RealSession['host'],
    twin: createSimHost({ seed: 0, interactive: false }),
    facts: { dockerVersion: '', kernel: '6.18.0', storage: 'overlay2' },
    notes: [],
    kernel: { describe: 'Real kernel, no Docker' },
    stop: async () => undefined,
  };
  return realScreenHost(session);
}

describe('the empty panes say what to do, where the learner is', () => {
  it('the free sandbox: an image or an overlay', async () => {
    const host = screenHostFor(createSimHost({ seed: 1 }));
    expect(await firstScreen(host, 'zh-CN', 'root@host:~#')).toContain(
      '还没有可显示的内容。试试 docker pull ubuntu:20.04 或 mount -t overlay',
    );
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    const said = (kind: Parameters<(typeof STRINGS)['en']['noFocus']>[0]) => STRINGS[lang].noFocus(kind);

    it(`${lang}: the kernel sandbox, with no Docker: an overlay by hand, never a pull`, async () => {
      const f = await firstScreen(kernelSandbox(), lang, 'root@real:~#');
      expect(f).toContain(said({ kind: 'overlay' }));
      expect(f).toContain('mount -t overlay …');
      expect(f).not.toContain('docker pull');
    });

    it(`${lang}: a kernel lesson (overlay by hand): an overlay, never a pull`, async () => {
      const f = await firstScreen(await tutorAt(lang, 'overlay-by-hand'), lang, 'root@host:~#');
      expect(f).toContain(said({ kind: 'overlay' }));
      expect(f).not.toContain('docker pull');
    });

    it(`${lang}: a lesson that pulls debian: that image, not ubuntu:20.04`, async () => {
      const f = await firstScreen(await tutorAt(lang, '2'), lang, 'root@host:~#');
      expect(f).toContain(said({ kind: 'image', image: 'debian:bookworm-slim' }));
      expect(f).toContain('docker pull debian:bookworm-slim');
      expect(f).not.toContain('ubuntu:20.04');
    });

    it(`${lang}: a lesson with no image (the storage driver): neither`, async () => {
      const f = await firstScreen(await tutorAt(lang, '1'), lang, 'root@host:~#');
      expect(f).toContain(said({ kind: 'none' }));
      expect(f).not.toContain('docker pull');
    });

    it(`${lang}: the lesson map: open a lesson`, async () => {
      const f = await firstScreen(await tutorAt(lang), lang, lang === 'en' ? 'lesson>' : '课程>');
      expect(f).toContain(said({ kind: 'map' }));
      expect(f).not.toContain('docker pull');
    });
  }
});

describe('an image in focus and no container: a container of that image to run', () => {
  /** The upper pane after `lines` on a fresh simulated host. */
  async function upperAfter(lines: string[], lang: Lang = 'en'): Promise<string> {
    const host = createSimHost({ seed: 3, interactive: false });
    const screen = screenHostFor(host);
    const io = {
      stdin: new Uint8Array(0),
      stdout: () => {},
      stderr: () => {},
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    };
    for (const line of lines) await screen.run(line, io);
    const pane = (
      <Pane
        kind="upper"
        model={screen.panes()}
        log={[]}
        chainRevealed={0}
        width={60}
        height={8}
        focused={false}
        scroll={0}
        secrets={[]}
        noFocus={STRINGS[lang].noFocus({ kind: 'sandbox' })}
        ascii={false}
        s={STRINGS[lang]}
      />
    );
    const r = render(pane);
    const text = (r.lastFrame() ?? '').replace(/[│\n ]+/g, ' ');
    r.unmount();
    return text;
  }

  it('busybox sleeps (it has no server to keep it up), nginx serves, hello-world prints and exits', async () => {
    expect(await upperAfter(['docker pull busybox'])).toContain('docker run -d --name box busybox sleep 3600');
    expect(await upperAfter(['docker pull nginx'])).toContain('docker run -d --name web nginx');
    expect(await upperAfter(['docker pull hello-world'])).toContain('docker run --name hello hello-world');
    expect(await upperAfter(['docker pull ubuntu:20.04'], 'zh-CN')).toContain(
      '运行一个容器即可看到它的各层：docker run -d --name box ubuntu:20.04 sleep 3600',
    );
  });
});
