// The screen on unstyled frames (ink-testing-library): commands typed at the prompt, the panes
// answering with what the simulated disk holds, keys for focus, help, the ChainID steps, Ctrl-C.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { STRINGS } from '../../src/i18n/index.js';
import { App } from '../../src/ui/app.js';
import { Screen } from '../../src/ui/screen.js';
import { OutputLines, wrapLine } from '../../src/ui/output.js';
import { screenHostFor } from '../../src/ui/screen-host-sim.js';
import { loadScreenHost } from '../../src/ui/load-host.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ESC = '\u001b';
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start(lang: 'en' | 'zh-CN' = 'en', pullMs = 200) {
  const host = createSimHost({ seed: 2 });
  let exitCode: number | undefined;
  const load = () => Promise.resolve({ host: screenHostFor(host), Screen });
  const r = render(<App load={load} s={STRINGS[lang]} onExit={(c) => (exitCode = c)} pullMs={pullMs} />);
  cleanup = r.unmount;
  const frame = () => r.lastFrame() ?? '';
  // A deadline, not a count of polls: on a loaded machine a poll's 20 ms timer fires late.
  const waitFor = async (pred: (f: string) => boolean, what: string): Promise<string> => {
    for (const end = Date.now() + 15_000; Date.now() < end; ) {
      if (pred(frame())) return frame();
      await new Promise((res) => setTimeout(res, 20));
    }
    if (pred(frame())) return frame();
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  // Until the frame has stopped changing (a render is done): conditions, not fixed sleeps.
  const settle = async () => {
    let last = frame();
    for (let i = 0; i < 50; i++) {
      await new Promise((res) => setTimeout(res, 10));
      const now = frame();
      if (now === last) return;
      last = now;
    }
  };
  // A terminal delivers typed-ahead text in one read, as here.
  const type = async (text: string) => {
    r.stdin.write(text);
    await settle();
  };
  const runLine = async (line: string, until: (f: string) => boolean, what: string) => {
    // Keys reach the handler of the latest render (the screen reads its state from a ref), so a
    // line typed and then Enter is never lost between a render and Ink's re-attaching its handler.
    const head = `# ${line.slice(0, 20)}`; // on the prompt line, not in a pane's hint
    await type(line);
    await waitFor((f) => f.includes(head), 'the typed line');
    r.stdin.write('\r');
    await waitFor(until, what);
    await settle();
    return frame();
  };
  await waitFor((f) => f.includes('overlay-tutor |'), 'the screen');
  await settle();
  return { host, frame, waitFor, type, settle, runLine, stdin: r.stdin, exitCode: () => exitCode };
}

describe('the screen', () => {
  it('starts with a prompt and panes that say what to do first', async () => {
    const ui = await start();
    const f = await ui.waitFor((f) => f.includes('root@host:~#'), 'the prompt');
    // At this width the panes wait, folded into one line, until there is something to show.
    expect(f).not.toContain('upper (diff)');
    expect(f).toContain('Nothing in focus yet. Try docker pull ubuntu:20.04 or mount -t overlay');
    // The screen is the terminal's height, the status line on its last row; the prompt comes
    // right after the output, at the top.
    const rows = f.split('\n');
    expect(rows.length).toBe(24);
    expect(rows[23]).toMatch(/^overlay-tutor \| sandbox \| in focus: - \| F1\/\? help/);
    expect(rows[0]).toMatch(/^root@host:~#/);
  });

  it("shows a pulled image's layers, then a container's upper with + ~ x marks after writes and a delete", async () => {
    const ui = await start();
    await ui.runLine('docker pull nginx', (f) => /│ 2 [0-9a-f]{12}/.test(f), 'the layer stack');
    await ui.runLine('docker run -d --name web nginx', (f) => f.includes('in focus: web (running)'), 'focus on web');
    const f = await ui.runLine(
      // In /etc/nginx, where the pane shows it: nginx's start already put its pid file and temp dirs in upper.
      "docker exec web sh -c 'echo hi > /etc/nginx/new; echo x >> /etc/nginx/nginx.conf; rm /etc/nginx/conf.d/default.conf'",
      (f) => f.includes('default.conf (c 0,0)'),
      'the whiteout',
    );
    expect(f).toMatch(/\*\+\s+new/);
    expect(f).toMatch(/\*~\s+nginx\.conf/);
    expect(f).toMatch(/\*x\s+default\.conf \(c 0,0\)/);
  });

  it('moves focus to the panes with Esc, cycles them with arrows and reveals ChainID steps with Enter', async () => {
    const ui = await start();
    await ui.runLine('docker pull nginx', (f) => /│ 2 [0-9a-f]{12}/.test(f), 'the pull');
    ui.stdin.write(ESC);
    await ui.waitFor((f) => f.includes('Esc: back to the prompt'), 'pane focus');
    ui.stdin.write(`${ESC}[C`); // → : layers
    ui.stdin.write(`${ESC}[C`); // → : merged
    ui.stdin.write(`${ESC}[C`); // → : events
    ui.stdin.write(`${ESC}[C`); // → : chain
    let f = await ui.waitFor((f) => f.includes('ChainID, step by step') && f.includes('(1/7)'), 'the ChainID pane');
    expect(f).toContain('base layer: ChainID = DiffID');
    ui.stdin.write('\r');
    f = await ui.waitFor((f) => f.includes('(2/7)'), 'the second step');
    // The focused pane (double border) read on its own, its wrapped rows joined.
    const flat = f
      .split('\n')
      .map((l) => l.split('║')[1] ?? '')
      .join('')
      .replace(/ /g, '');
    expect(flat).toContain('sha256of:"sha256:');
    expect(flat).toContain('foundinlayerdb');
  });

  it('gives the pane in focus the whole width of a narrow screen: the layer stack with whole l/ link ids', async () => {
    const ui = await start();
    const f0 = await ui.runLine('docker pull nginx', (f) => /│ 2 [0-9a-f]{12}/.test(f), 'the layer stack');
    // Side by side, each link id shows its head only.
    expect(f0).toMatch(/│ 2 [0-9a-f]{12} l\/[A-Z0-9]{4}…/);
    ui.stdin.write(ESC);
    await ui.waitFor((f) => f.includes('Esc: back to the prompt'), 'pane focus');
    ui.stdin.write(`${ESC}[C`); // → : layers
    const f = await ui.waitFor((f) => f.includes('║Image layers'), 'the layer stack in focus');
    // nginx's seven layers, the lowest scrolled off below (↓1).
    for (let i = 2; i <= 7; i++)
      expect(f).toMatch(new RegExp(`║ ${i} [0-9a-f]{12} l/[A-Z0-9]{26} +[\\d.]+[kM]?B [█·]+ `));
  });

  it('opens the help with ? on an empty line and closes it with any key', async () => {
    const ui = await start();
    await ui.waitFor((f) => f.includes('root@host:~#'), 'the prompt');
    ui.stdin.write('?');
    await ui.waitFor((f) => f.includes('Tab          complete'), 'the help');
    ui.stdin.write('x');
    await ui.waitFor((f) => f.includes('root@host:~#') && !f.includes('Tab          complete'), 'the help closed');
  });

  it('clears the line on Ctrl-C and quits on a second Ctrl-C', async () => {
    const ui = await start();
    await ui.type('ls -l');
    await ui.waitFor((f) => f.includes('root@host:~# ls -l'), 'the typed line');
    ui.stdin.write('\u0003');
    await ui.waitFor((f) => f.includes('Press Ctrl-C again to quit') && !f.includes('ls -l'), 'a cleared line');
    ui.stdin.write('\u0003');
    await ui.waitFor(() => ui.exitCode() === 130, 'the exit');
  });

  it("reads a here-document and an open quote at bash's `> ` prompt", async () => {
    const ui = await start();
    const typeLine = async (line: string, shown: string) => {
      await ui.type(line);
      await ui.waitFor((f) => f.includes(shown), `the typed line ${line}`);
      ui.stdin.write('\r');
      await ui.settle();
    };
    await typeLine('cat > Dockerfile <<EOF', '# cat > Dockerfile <<EOF');
    await ui.waitFor((f) => /^>$/m.test(f), 'the continuation prompt');
    await typeLine('FROM busybox', '> FROM busybox');
    await typeLine('EOF', '> EOF');
    await ui.runLine('cat Dockerfile; echo "a', (f) => /^>$/m.test(f), 'the open quote');
    await typeLine('b"', '> b"');
    const f = await ui.waitFor((f) => /\nFROM busybox\na\nb\n/.test(f), 'the file and the quoted lines');
    expect(f).toContain('root@host:~# cat > Dockerfile <<EOF\n> FROM busybox\n> EOF\n');
    expect(f).not.toContain('command not found');
  });

  it('drops an unfinished command on Ctrl-C at `> ` and stays (Ctrl-D there does not quit)', async () => {
    const ui = await start();
    await ui.runLine('cat <<EOF', (f) => f.includes('root@host:~# cat <<EOF\n>\n'), 'the continuation prompt');
    await ui.type('half');
    ui.stdin.write('\u0004');
    await ui.settle();
    expect(ui.exitCode()).toBeUndefined();
    ui.stdin.write('\u0003');
    await ui.waitFor((f) => f.includes('> half^C\nroot@host:~#'), 'the dropped command');
    expect(ui.frame()).not.toContain('Press Ctrl-C again to quit');
    await ui.runLine('echo after', (f) => f.includes('\nafter\n'), 'the next command');
    expect(ui.exitCode()).toBeUndefined();
  });

  it("Ctrl-D in su's shell ends that shell, and only at the host's prompt quits", async () => {
    const ui = await start();
    await ui.runLine('su nobody -s /bin/bash', (f) => f.includes('\nnobody@host:/root$'), "nobody's prompt");
    ui.stdin.write('\u0004');
    await ui.waitFor((f) => /nobody@host:\/root\$ *\nexit\nroot@host:~#/.test(f), 'the shell ended, as bash ends it');
    expect(ui.exitCode()).toBeUndefined();
    await ui.runLine('whoami', (f) => f.includes('\nroot\n'), 'root again');
    ui.stdin.write('\u0004');
    await ui.settle();
    expect(ui.exitCode()).toBe(0);
  });

  it('completes with Tab', async () => {
    const ui = await start();
    await ui.runLine('docker pull busybox', (f) => /│ 1 [0-9a-f]{12}/.test(f), 'the pull');
    await ui.type('docker run --rm bus');
    await ui.waitFor((f) => f.includes('# docker run --rm bus'), 'the typed line');
    ui.stdin.write('\t');
    await ui.waitFor((f) => f.includes('docker run --rm busybox:latest'), 'the completed image name');
    // Typing goes on at the end of the completed word, not where the cursor was before.
    await ui.settle();
    await ui.type('echo hi');
    await ui.waitFor((f) => f.includes('docker run --rm busybox:latest echo hi'), 'text typed after the completion');
  });

  it('wraps output lines in terminal columns: a Chinese character takes two', () => {
    expect(wrapLine('镜像层'.repeat(5), 10)).toEqual(['镜像层镜像', '层镜像层镜', '像层镜像层']);
    expect(wrapLine('abc', 2)).toEqual(['ab', 'c']);
  });

  it('plays a pull as docker draws it on a terminal: a line per layer rewritten in place, then Digest and Status', async () => {
    const ui = await start('en', 1500);
    const frames: string[] = [];
    const seen = (f: string) => {
      if (frames[frames.length - 1] !== f) frames.push(f);
      return f.includes('Status: Downloaded newer image for nginx:latest');
    };
    await ui.type('docker pull nginx');
    ui.stdin.write('\r');
    for (let i = 0; i < 300 && !seen(ui.frame()); i++) await new Promise((res) => setTimeout(res, 10));
    const during = frames.filter((f) => /: Downloading +[\d.]+[kM]?B\/[\d.]+[kM]?B/.test(f));
    expect(during.length).toBeGreaterThan(0);
    expect(frames.some((f) => /: (Waiting|Extracting|Verifying Checksum|Download complete)/.test(f))).toBe(true);
    // Digest and Status come once every layer is in; the prompt waits for them too.
    for (const f of during) {
      expect(f).not.toContain('Digest: sha256:');
      expect(f).not.toMatch(/^root@host:~# $/m);
    }
    const last = frames[frames.length - 1] as string;
    expect(last.match(/^[0-9a-f]{12}: Pull complete$/gm)?.length).toBe(7);
    expect(last).toContain('latest: Pulling from library/nginx');
    // Each layer keeps one line: no status line of a layer is left behind.
    expect(last).not.toMatch(/: (Downloading|Extracting|Waiting)/);
  });

  it('runs a line whose text and Enter arrive in one read (typed ahead, pasted, tmux send-keys)', async () => {
    const ui = await start();
    ui.stdin.write('echo typed-ahead\r');
    const f = await ui.waitFor((f) => /^typed-ahead$/m.test(f), 'the echoed word');
    expect(f).toContain('root@host:~# echo typed-ahead');
  });

  it('keeps what is typed in the same read after vi or nano quits, and reads `<Esc>:wq` sent at once', async () => {
    const ui = await start();
    ui.stdin.write('vi v.txt\r');
    await ui.waitFor((f) => f.includes('"v.txt" [New]'), 'vi');
    // Esc and `:wq` in one read, then the next command: tmux send-keys, a paste, a fast typist.
    ui.stdin.write(`iabc${ESC}:wq\rcat v.txt\r`);
    // The shell's cat, not vi's own buffer line: vi has handed the keys back.
    await ui.waitFor((f) => /cat v\.txt\nabc$/m.test(f), 'the file vi wrote, shown by cat');
    ui.stdin.write('nano n.txt\r');
    await ui.waitFor((f) => f.includes('GNU nano'), 'nano');
    ui.stdin.write('hello\x18y\rcat n.txt\r');
    const f = await ui.waitFor((f) => /cat n\.txt\nhello$/m.test(f), 'the file nano wrote, shown by cat');
    expect(f).toContain('root@host:~# cat n.txt');
  });

  it('opens a sandbox from the lesson map and goes back with `lessons`', async () => {
    process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'ot-app-'));
    const r = render(
      <App
        load={async () => ({ host: await loadScreenHost({ seed: 0, lang: 'en', columns: 80, tutor: {} }), Screen })}
        s={STRINGS.en}
        pullMs={100}
      />,
    );
    cleanup = r.unmount;
    const frame = () => r.lastFrame() ?? '';
    const until = async (pred: (f: string) => boolean, what: string) => {
      for (let i = 0; i < 200 && !pred(frame()); i++) await new Promise((res) => setTimeout(res, 20));
      if (!pred(frame())) throw new Error(`timed out waiting for ${what}:\n${frame()}`);
    };
    const send = async (line: string, pred: (f: string) => boolean, what: string) => {
      r.stdin.write(`${line}\r`);
      await until(pred, what);
      await new Promise((res) => setTimeout(res, 100));
    };
    // The map's last line is a paragraph of its own, not run on into lesson 12's title.
    await until(
      (f) => /^12\. \[ +\] Beyond overlay2$/m.test(f) && /^Type a lesson number and Enter, or sandbox/m.test(f),
      'the map',
    );
    await send('sandbox', (f) => f.includes('root@host:~#') && f.includes('| sandbox |'), 'the sandbox');
    await send('docker pull busybox', (f) => /│ 1 [0-9a-f]{12}/.test(f), 'the pulled layers');
    await send('lessons', (f) => f.includes('lesson map') && f.includes('lesson>'), 'the map again');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const ui = await start('zh-CN');
    const f = await ui.waitFor((f) => f.includes('还没有可显示的内容'), 'the Chinese hint');
    expect(f).toContain('沙盒');
  });
});

describe('the first frame, before the simulator has loaded', () => {
  const tick = (ms = 30) => new Promise((res) => setTimeout(res, ms));
  function startLoading(s = STRINGS.en) {
    let release!: () => void;
    let fail!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => {
      release = res;
      fail = rej;
    });
    const host = createSimHost({ seed: 2 });
    let exitCode: number | undefined;
    const r = render(
      <App
        load={() => ready.then(() => ({ host: screenHostFor(host), Screen }))}
        s={s}
        firstPrompt="root@host:~# "
        pullMs={0}
        onExit={(c) => (exitCode = c)}
      />,
    );
    cleanup = r.unmount;
    return { r, release, fail, exitCode: () => exitCode };
  }

  it('is the prompt, and what is typed before the host is there runs once it is', async () => {
    const { r, release } = startLoading();
    await tick();
    expect(r.lastFrame()).toBe('root@host:~#');
    r.stdin.write('echo one\r');
    await tick();
    r.stdin.write('echo twx');
    await tick();
    r.stdin.write('\u007f');
    await tick();
    r.stdin.write('o');
    await tick();
    expect(r.lastFrame()).toContain('root@host:~# echo two');
    release();
    // The line ended with Enter runs as soon as the host is there; the one being typed waits.
    for (let i = 0; i < 100 && !/^one$/m.test(r.lastFrame() ?? ''); i++) await tick(20);
    expect(r.lastFrame()).toMatch(/root@host:~# echo one\none\n/);
    expect(r.lastFrame()).toContain('root@host:~# echo two');
    r.stdin.write('\r');
    for (let i = 0; i < 100 && !/^two$/m.test(r.lastFrame() ?? ''); i++) await tick(20);
    expect(r.lastFrame()).toMatch(/^two$/m);
  });

  it('builds each key on the line the last key left, when keys come faster than frames', async () => {
    // On a loaded machine keys arrive between renders; each read the render's stale line and
    // 'echo twx', Backspace, 'o' became 'o' (found by CI under load).
    const { r } = startLoading();
    await tick();
    r.stdin.write('echo twx');
    r.stdin.write('\u007f');
    r.stdin.write('o');
    for (let i = 0; i < 100 && !(r.lastFrame() ?? '').includes('echo two'); i++) await tick(20);
    expect(r.lastFrame()).toBe('root@host:~# echo two');
  });

  it('quits on a second Ctrl-C before the host has loaded', async () => {
    const ui = startLoading();
    await tick();
    ui.r.stdin.write('\u0003');
    await tick();
    expect(ui.r.lastFrame()).toContain('Press Ctrl-C again to quit');
    ui.r.stdin.write('\u0003');
    await tick();
    expect(ui.exitCode()).toBe(130);
  });

  it('says in one line why the simulator could not load', async () => {
    const ui = startLoading();
    ui.fail(new Error('lessons/03-chainid/lesson.yaml:4:3: steps: Required'));
    await tick();
    expect(ui.r.lastFrame()).toContain('overlay-tutor: lessons/03-chainid/lesson.yaml:4:3: steps: Required');
    expect(ui.r.lastFrame()).not.toContain('    at ');
  });
});

describe('output helpers', () => {
  it('expands tabs to stops of 8 and wraps long lines', () => {
    expect(new OutputLines().take('a\tbc\td\n')).toEqual(['a       bc      d']);
    expect(wrapLine('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
  });
});
