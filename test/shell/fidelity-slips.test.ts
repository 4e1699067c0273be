// Issue 12's smaller fidelity slips, each as bash and GNU coreutils 9.1 do it on this machine:
//   printf '\xff' | wc -c  -> 1        (bash writes the byte, not its UTF-8 code)
//   head -c 8 /dev/urandom | wc -c -> 8
//   ln -s a b; ln -s b a; ls -L a -> "ls: cannot access 'a': Too many levels of symbolic links", 2
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

async function shell() {
  const host = createSimHost({ seed: 1 });
  return async (line: string) => {
    const out: number[] = [];
    let err = '';
    const io: CommandIO = {
      stdin: new Uint8Array(),
      stdout: (d) => {
        out.push(...(typeof d === 'string' ? new TextEncoder().encode(d) : d));
      },
      stderr: (d) => void (err += typeof d === 'string' ? d : new TextDecoder().decode(d)),
      stdinIsTerminal: true,
      stdoutIsTerminal: false,
    };
    const r = await host.session.run(line, io);
    return { out: Uint8Array.from(out), text: new TextDecoder().decode(Uint8Array.from(out)), err, code: r.exitCode };
  };
}

describe('bytes from escapes', () => {
  it("printf '\\xff' writes one byte, as bash does", async () => {
    const run = await shell();
    expect([...(await run("printf '\\xff'")).out]).toEqual([0xff]);
    expect([...(await run("printf '\\377A'")).out]).toEqual([0xff, 0x41]);
    expect((await run("printf '\\xff' | wc -c")).text).toBe('1\n');
  });

  it('echo -e makes bytes too, and escaped UTF-8 is the character', async () => {
    const run = await shell();
    expect([...(await run("echo -e '\\xfe'")).out]).toEqual([0xfe, 0x0a]);
    expect((await run("printf '\\xe4\\xb8\\xad\\n'")).text).toBe('\u4e2d\n');
    expect((await run("printf '%s\\n' é")).text).toBe('é\n');
  });
});

describe('/dev/urandom', () => {
  it('reads bytes, the same in every run of a seed', async () => {
    const a = await shell();
    expect((await a('head -c 8 /dev/urandom | wc -c')).text).toBe('8\n');
    const first = (await a('head -c 16 /dev/urandom')).out;
    expect(first.length).toBe(16);
    expect(new Set(first).size).toBeGreaterThan(4);
    const b = await shell();
    await b('head -c 8 /dev/urandom | wc -c');
    expect([...(await b('head -c 16 /dev/urandom')).out]).toEqual([...first]);
  });
});

describe('ls -L', () => {
  it('names a symlink loop as GNU ls does', async () => {
    const run = await shell();
    await run('cd /tmp && ln -s a b && ln -s b a');
    expect(await run('ls -L /tmp/a')).toMatchObject({
      text: '',
      err: "ls: cannot access '/tmp/a': Too many levels of symbolic links\n",
      code: 2,
    });
    // Without -L the link itself is listed.
    expect((await run('ls /tmp/a')).text).toBe('/tmp/a\n');
  });

  it('lists a directory holding a loop and a dangling link as GNU ls -lL does (recorded with coreutils 9.1)', async () => {
    const run = await shell();
    await run(
      'mkdir /tmp/lp && cd /tmp/lp && ln -s a b && ln -s b a && touch f && ln -s f g && ln -s nowhere dangling',
    );
    const r = await run('ls -lL');
    // The link to f is listed as f (-L); the others as GNU does when stat fails: `?` for each field.
    expect(r.text.replace(/ [A-Z][a-z]{2} [ \d]\d \d\d:\d\d /g, ' DATE ')).toBe(
      [
        'total 0',
        'l????????? ? ?    ?    ?            ? a',
        'l????????? ? ?    ?    ?            ? b',
        'l????????? ? ?    ?    ?            ? dangling',
        '-rw-r--r-- 1 root root 0 DATE f',
        '-rw-r--r-- 1 root root 0 DATE g',
        '',
      ].join('\n'),
    );
    expect(r.err.split('\n').sort()).toEqual([
      '',
      "ls: cannot access 'a': Too many levels of symbolic links",
      "ls: cannot access 'b': Too many levels of symbolic links",
      "ls: cannot access 'dangling': No such file or directory",
    ]);
    expect(r.code).toBe(1);
    // Named through the directory as typed; a plain -L listing reads no inode and says nothing.
    expect((await run('ls -lL /tmp/lp/')).err).toContain("ls: cannot access '/tmp/lp/a': Too many levels");
    expect(await run('ls -L')).toMatchObject({ text: 'a\nb\ndangling\nf\ng\n', err: '', code: 0 });
  });
});

describe('docker cp in a removed working directory', () => {
  // The real 20.10 CLI makes a relative local path absolute first (Go's filepath.Abs), so getcwd's
  // failure is all it says, even for a container that does not exist; `-` and absolute paths need no cwd.
  it('says what the docker CLI says, both ways, and copies to an absolute path', async () => {
    const run = await shell();
    await run('docker pull busybox >/dev/null && docker run -d --name web busybox sleep 1000 >/dev/null');
    await run('mkdir /tmp/gone && cd /tmp/gone && rmdir /tmp/gone');
    for (const line of ['docker cp web:/etc/hostname out', 'docker cp out web:/tmp', 'docker cp nosuch:/x out']) {
      expect(await run(line), line).toMatchObject({ text: '', err: 'getwd: no such file or directory\n', code: 1 });
    }
    expect(await run('docker cp web:/etc/hostname /tmp/h')).toMatchObject({ err: '', code: 0 });
    expect((await run('cat /tmp/h')).text).toMatch(/^[0-9a-f]{12}\n$/);
    expect((await run('docker cp web:/etc/hostname - | tar -tf -')).text).toBe('hostname\n');
  });
});
