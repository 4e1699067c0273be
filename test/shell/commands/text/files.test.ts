// Text commands that touch files and other commands: sed -i's new inode, tee and awk's output
// files, xargs handing quoted arguments to the shell, awk's `print | cmd`, and the seed lines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../../../src/kernel/index.js';
import { makeProc, sh } from './text-harness.js';

const dec = new TextDecoder();

describe('sed -i', () => {
  it('writes a new file and renames it over the original: the inode changes', async () => {
    const proc = makeProc({ '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  auto;\n' });
    proc.chmod('/etc/nginx/nginx.conf', 0o640);
    const before = proc.stat('/etc/nginx/nginx.conf').ino;
    const r = await sh("sed -i 's/auto/4/' /etc/nginx/nginx.conf", { proc });
    expect(r).toEqual({ out: '', err: '', code: 0 });
    const st = proc.stat('/etc/nginx/nginx.conf');
    expect(st.ino).not.toBe(before);
    expect(st.mode & 0o777).toBe(0o640);
    expect(dec.decode(proc.readFile('/etc/nginx/nginx.conf'))).toBe('user  nginx;\nworker_processes  4;\n');
    expect(proc.readdir('/etc/nginx').map((e) => e.name)).toEqual(['nginx.conf']);
  });

  it('-i.bak keeps the original (same inode) under the backup name', async () => {
    const proc = makeProc({ '/f': 'a\n' });
    const before = proc.stat('/f').ino;
    await sh("sed -i.bak 's/a/b/' /f", { proc });
    expect(proc.stat('/f.bak').ino).toBe(before);
    expect(dec.decode(proc.readFile('/f.bak'))).toBe('a\n');
    expect(dec.decode(proc.readFile('/f'))).toBe('b\n');
  });

  it("edits each file separately ($ is each file's last line) and reports missing ones", async () => {
    const proc = makeProc({ '/a': '1\n2\n', '/b': '3\n4\n' });
    const r = await sh("sed -i '$d' /a /nope /b", { proc });
    expect(r).toEqual({ out: '', err: "sed: can't read /nope: No such file or directory\n", code: 2 });
    expect(dec.decode(proc.readFile('/a'))).toBe('1\n');
    expect(dec.decode(proc.readFile('/b'))).toBe('3\n');
  });

  it('sed w writes the file; sed without files under -i complains', async () => {
    const proc = makeProc({ '/in': 'x1\ny\nx2\n' });
    await sh("sed -n '/x/w /out' /in", { proc });
    expect(dec.decode(proc.readFile('/out'))).toBe('x1\nx2\n');
    expect(await sh("sed -i 's/a/b/'", { proc })).toEqual({ out: '', err: 'sed: no input files\n', code: 1 });
  });
});

describe('tee and awk output files', () => {
  it('tee writes, tee -a appends', async () => {
    const proc = makeProc();
    await sh('tee /log', { proc, stdin: 'one\n' });
    const r = await sh('tee -a /log', { proc, stdin: 'two\n' });
    expect(r.out).toBe('two\n');
    expect(dec.decode(proc.readFile('/log'))).toBe('one\ntwo\n');
  });

  it('awk > truncates once then appends; >> appends', async () => {
    const proc = makeProc({ '/old': 'stale\n', '/keep': 'kept\n' });
    await sh(`awk '{ print $1 > "/old"; print $2 >> "/keep" }'`, { proc, stdin: 'a b\nc d\n' });
    expect(dec.decode(proc.readFile('/old'))).toBe('a\nc\n');
    expect(dec.decode(proc.readFile('/keep'))).toBe('kept\nb\nd\n');
  });

  it('awk print | "sort" runs the command on what was printed, when closed', async () => {
    const r = await sh(`awk '{ print $2 | "sort -n" } END { close("sort -n"); print "done" }'`, {
      stdin: 'a 10\nb 9\nc 100\n',
    });
    expect(r.out).toBe('9\n10\n100\ndone\n');
  });

  it("awk system() runs in order with awk's own output", async () => {
    const r = await sh(`awk 'BEGIN { print "before"; system("echo inside"); print "after" }'`);
    expect(r.out).toBe('before\ninside\nafter\n');
  });
});

describe('xargs', () => {
  it('quotes each argument for the child shell', async () => {
    const r = await sh('xargs -n1 echo', { stdin: `"a  b" 'c|d' e\\$f\n` });
    expect(r.out).toBe('a  b\nc|d\ne$f\n');
  });

  it('seed: find … | xargs ls -i lists the inode of each nginx.conf', async () => {
    const proc = makeProc({
      '/l1/diff/etc/nginx/nginx.conf': 'user nginx;\n',
      '/l2/diff/etc/nginx/nginx.conf': 'user root;\n',
    });
    const a = proc.stat('/l1/diff/etc/nginx/nginx.conf').ino;
    const b = proc.stat('/l2/diff/etc/nginx/nginx.conf').ino;
    const r = await sh('xargs ls -i', {
      proc,
      stdin: '/l1/diff/etc/nginx/nginx.conf\n/l2/diff/etc/nginx/nginx.conf\n',
    });
    expect(r.out).toBe(`${a} /l1/diff/etc/nginx/nginx.conf\n${b} /l2/diff/etc/nginx/nginx.conf\n`);
  });

  it('exit 123 when a command fails, 127 when it is missing', async () => {
    expect((await sh('xargs false', { stdin: 'x\n' })).code).toBe(123);
    expect((await sh('xargs nosuchcmd', { stdin: 'x\n' })).code).toBe(127);
  });
});

describe('seed lines', () => {
  it('jq LowerDir | awk -F: … | sed s/"//g names each layer', async () => {
    const r = await sh(`awk -F: '{for (i=1; i<=NF; i++) print "Layer " i ": " $i}'| sed 's/"//g'`, {
      stdin: '"/var/lib/docker/overlay2/a1/diff:/var/lib/docker/overlay2/b2/diff"\n',
    });
    expect(r.out).toBe('Layer 1: /var/lib/docker/overlay2/a1/diff\nLayer 2: /var/lib/docker/overlay2/b2/diff\n');
  });

  it('ls -i | grep nginx', async () => {
    const r = await sh('grep nginx', { stdin: '1048630 fastcgi_params\n1048633 nginx.conf\n' });
    expect(r).toEqual({ out: '1048633 nginx.conf\n', err: '', code: 0 });
  });
});

describe("runaway scripts are stopped by the line's budget (src/kernel/budget.ts)", () => {
  // The learner's slice, not the roomy one unit tests get (test/support/budget.ts).
  let roomy = DEFAULT_BUDGET.sliceMs;
  beforeEach(() => {
    roomy = DEFAULT_BUDGET.sliceMs;
    DEFAULT_BUDGET.sliceMs = 400;
  });
  afterEach(() => {
    DEFAULT_BUDGET.sliceMs = roomy;
  });
  it('awk: an endless loop stops after its slice, what it printed first kept', async () => {
    const r = await sh(`awk 'BEGIN { print "start"; while (1) x++ }'`);
    expect(r.out).toBe('start\n');
    expect(r.err).toBe('awk: stopped after 0.4 seconds of work (an endless loop?)\n');
    expect(r.code).toBe(130);
  }, 30_000);

  it('sed: an endless branch stops', async () => {
    const r = await sh("sed ':a;ba'", { stdin: 'x\n' });
    expect(r).toEqual({ out: '', err: 'sed: stopped after 0.4 seconds of work (an endless loop?)\n', code: 130 });
  }, 30_000);
});

describe('awk time functions use the simulated clock (UTC)', () => {
  it('strftime matches gawk with TZ=UTC for a fixed timestamp', async () => {
    // gawk 5.2.1, TZ=UTC: strftime("%Y-%m-%d %H:%M:%S %a %b %e %j %I%p %Z %z %D %s", 1700000000)
    const r = await sh(
      `awk 'BEGIN { print strftime("%Y-%m-%d %H:%M:%S %a %b %e %j %I%p %Z %z %D %s", 1700000000); print strftime("%c", 86400*365) }'`,
    );
    expect(r.out).toBe(
      '2023-11-14 22:13:20 Tue Nov 14 318 10PM UTC +0000 11/14/23 1700000000\nFri Jan  1 00:00:00 1971\n',
    );
  });

  it('systime() reads the kernel clock', async () => {
    const r = await sh(`awk 'BEGIN { print systime() >= 0, strftime("%Y", 0) }'`);
    expect(r.out).toBe('1 1970\n');
  });
});
