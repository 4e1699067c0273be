// End to end, as a learner gets it: `npm pack`, install the tarball into a temporary prefix with
// npm offline (the tarball alone: the bin bundles everything but jq's wasm, which rides beside
// it), count what was installed, run the installed `overlay-tutor` (--version, script mode), start
// it in tmux at 80x24, type commands (pull, run, write a file, delete a file of a lower layer) and
// read the screen: the + in upper, the x whiteout, merged.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killSessions, promptIdle, ROOT, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

// The bin here is the installed one, not dist/cli.js.
const unavailable = tmuxUnavailable('end-to-end TUI test', false);
const SESSION = `overlay-tutor-e2e-${process.pid}`;
let dir: string;
let prefix: string;
let bin: string;

/** The installed packages (every folder under node_modules with a package.json) and the bytes
 * and files of the whole prefix, as `du -sb` and `find -type f` count them. */
function census(root: string): { packages: string[]; bytes: number; files: number } {
  const packages: string[] = [];
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const st = lstatSync(p);
      bytes += st.size;
      if (e.isDirectory()) {
        if (/node_modules\/(@[^/]+\/)?[^/@]+$/.test(p) && readdirSync(p).includes('package.json'))
          packages.push(p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length));
        walk(p);
      } else files++;
    }
  };
  walk(root);
  return { packages, bytes, files };
}

// Packed and installed once for every test in this file.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ot-e2e-'));
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${dir}`);
  prefix = join(dir, 'prefix');
  // --offline and an empty cache: a dependency the tarball does not carry fails the install.
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--offline',
      '--cache',
      join(dir, 'cache'),
      join(dir, tarball),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
  bin = join(prefix, 'node_modules', '.bin', 'overlay-tutor');
}, 240_000);
afterAll(() => {
  killSessions();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package, installed offline from its tarball', () => {
  it('is at most 3 packages and 6 MB installed', () => {
    const { packages, bytes, files } = census(prefix);
    expect(packages.length, packages.join(', ')).toBeLessThanOrEqual(3);
    expect(packages).toContain('overlay-tutor');
    expect(bytes, `${files} files`).toBeLessThanOrEqual(6 * 1024 * 1024);
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`);
  });

  it('runs a script, jq (its wasm beside the bin) included', () => {
    const script = join(dir, 'script.sh');
    writeFileSync(
      script,
      "docker pull busybox\ndocker inspect busybox | jq -r '.[0].GraphDriver.Name'\nls /var/lib/docker/overlay2/l | wc -l\n",
    );
    const out = execFileSync(bin, ['script', script, '--strict'], { encoding: 'utf8' });
    expect(out).toContain('Status: Downloaded newer image for busybox:latest');
    expect(out).toMatch(/\$ docker inspect busybox \| jq -r '\.\[0\]\.GraphDriver\.Name'\noverlay2\n/);
    expect(out).toMatch(/\$ ls \/var\/lib\/docker\/overlay2\/l \| wc -l\n1\n/);
  });

  it('lists its lessons', () => {
    const out = execFileSync(bin, ['lessons', '--lang', 'en'], { encoding: 'utf8' });
    expect(out).toMatch(/^ 1 {2}storage-drivers +\S/);
    expect(out.trim().split('\n').length).toBeGreaterThanOrEqual(11);
  });
});

describe.runIf(!unavailable)('the packed bin in a terminal', () => {
  it('shows the container layer change as the learner works, at 80x24', async () => {
    // CI is set in CI; the screen opens only without it (a tmux pane is a real TTY).
    const t = new TmuxSession(SESSION, `${SCREEN_ENV} ${bin} sandbox --seed 3`);
    await t.waitFor((s) => promptIdle(s) && s.includes('Nothing in focus yet'), 'the first frame');
    // Text and Enter at once, as a paste or a fast typist sends them: the line still runs.
    t.keys('-l', 'docker pull nginx');
    t.keys('Enter');
    // The pull plays as docker draws it: a line per layer, counting bytes, then Pull complete.
    await t.waitFor(
      (s) => /^[0-9a-f]{12}: (Downloading|Extracting) +[\d.]+k?B\/[\d.]+k?B$/m.test(s),
      'a layer downloading',
    );
    await t.waitFor((s) => s.includes('Status: Downloaded newer image for nginx:latest'), 'the end of the pull');
    // nginx's seven layers, top first: at 80x24 the lowest is one row below, the pane says ↓1.
    await t.waitFor((s) => /│ 7 [0-9a-f]{12}/.test(s) && /nginx:la… ↓1│/.test(s), 'the layer stack');
    await t.enter('docker run -d --name web nginx');
    await t.waitFor((s) => s.includes('in focus: web (running)'), 'the container in focus');
    await t.waitFor(promptIdle, 'the prompt after the run');
    await t.enter('docker exec web rm /etc/nginx/conf.d/default.conf');
    let s = await t.waitFor((s) => /\*x\s+default\.conf \(c 0,0\)/.test(s), 'the whiteout in upper');
    expect(s).toMatch(/conf\.d\//);
    await t.waitFor(promptIdle, 'the prompt after the exec');
    // Beside the whiteout, so the upper pane shows both (nginx's start put more in upper, above it).
    await t.enter("docker exec web sh -c 'echo hi > /etc/nginx/new'");
    s = await t.waitFor((s) => /\*\+\s+new/.test(s), 'the new file in upper');
    expect(s).toMatch(/x\s+default\.conf/); // still there, no longer flagged as the last command's
    // The merged pane in focus (Esc, then → twice): the new file is there, the deleted one is not.
    const focused = (s: string) => /║(\S+)/.exec(s)?.[1];
    t.keys('Escape');
    const first = focused(await t.waitFor((s) => focused(s) !== undefined, 'a pane in focus'));
    t.keys('Right');
    await t.waitFor((s) => focused(s) !== undefined && focused(s) !== first, 'the next pane in focus');
    t.keys('Right');
    s = await t.waitFor((s) => /║merged/.test(s) && /║\*\+\s+new/.test(s), 'the merged pane');
    expect(
      s
        .split('\n')
        .filter((l) => l.startsWith('║'))
        .join('\n'),
    ).not.toContain('default.conf');
    t.keys('Escape');
    await t.waitFor((s) => focused(s) === undefined, 'focus back at the prompt');
    await t.quit((s) => !s.includes('upper (diff)'));
  }, 120_000);

  it('draws no colour under NO_COLOR, the glyphs carrying the meaning, and lesson code keeps its backticks', async () => {
    const config = join(dir, 'config');
    const t = new TmuxSession(
      SESSION,
      `${SCREEN_ENV} NO_COLOR=1 XDG_STATE_HOME=${config} ${bin} tutor --lesson 07-copy-on-write`,
    );
    await t.waitFor((s) => s.includes('· 1/10 |'), 'the lesson');
    await t.enter('docker run -d --name web nginx');
    await t.waitFor((s) => s.includes('in focus: web'), 'the container in focus'); // the lesson's status line is cut at 80 columns
    await t.waitFor(promptIdle, 'the prompt after the run');
    await t.enter('docker exec web rm /etc/nginx/conf.d/default.conf');
    await t.waitFor((s) => /\*x\s+default\.conf \(c 0,0\)/.test(s), 'the whiteout in upper');
    await t.waitFor(promptIdle, 'the prompt after the exec');
    await t.enter('hint');
    await t.waitFor((s) => /`[^`]+`/.test(s), 'lesson text with a code span');
    const styled = t.screen({ styled: true });
    // SGR sequences set colours (30-37, 90-97, 38;…) and weights; none may appear.
    expect(styled.match(/\u001b\[[0-9;]*m/g)?.filter((sgr) => sgr !== '\u001b[0m' && sgr !== '\u001b[m') ?? []).toEqual(
      [],
    );
    await t.quit((s) => !s.includes('overlay-tutor |'));
  }, 120_000);
});
