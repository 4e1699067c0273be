// vim, nano, less, more and man: on a terminal that has the screen's full-screen programs (here a
// stand-in that edits as a learner would), and without one (line mode, scripts), each both ways.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../../../src/host/sim-host.js';
import type { CommandIO, FullScreenApp } from '../../../../src/shell/command.js';
import { makeShell } from '../../shell-harness.js';

/** Runs a line with a terminal whose programs `act` on what was opened. */
async function onScreen(line: string, act: (app: FullScreenApp) => void, setup = '') {
  const host = createSimHost({ seed: 1 });
  const opened: FullScreenApp[] = [];
  let out = '';
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
    stderr: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
    stdinIsTerminal: true,
    stdoutIsTerminal: true,
    terminal: {
      open: async (app) => {
        opened.push(app);
        act(app);
      },
    },
  };
  if (setup) await host.session.run(setup, { ...io, terminal: undefined });
  const r = await host.session.run(line, io);
  const check = async (l: string) => {
    let o = '';
    await host.session.run(l, {
      ...io,
      terminal: undefined,
      stdout: (d) => void (o += typeof d === 'string' ? d : new TextDecoder().decode(d)),
    });
    return o;
  };
  return { opened, out, code: r.exitCode, check };
}

describe('editors on the screen', () => {
  it('vim opens the file and :w writes a new file over it (a new inode)', async () => {
    const r = await onScreen(
      'vim /root/f',
      (app) => expect(app.save?.('one\ntwo\n')).toEqual({ ok: true, message: '"/root/f" 2L, 8B written' }),
      'echo one > /root/f; stat -c %i /root/f > /root/ino',
    );
    expect(r.opened.map((a) => [a.kind, a.name, a.text])).toEqual([['vim', '/root/f', 'one\n']]);
    expect(await r.check('cat /root/f')).toBe('one\ntwo\n');
    expect(await r.check('[ "$(stat -c %i /root/f)" = "$(cat /root/ino)" ] && echo same || echo new')).toBe('new\n');
  });

  it('nano writes in place: the inode stays; a new file is made on ^O', async () => {
    const r = await onScreen(
      'nano /root/f; nano /root/g',
      (app) => expect(app.save?.('x\n').ok).toBe(true),
      'echo one > /root/f; stat -c %i /root/f > /root/ino',
    );
    expect(r.opened.map((a) => [a.kind, a.newFile])).toEqual([
      ['nano', false],
      ['nano', true],
    ]);
    expect(await r.check('[ "$(stat -c %i /root/f)" = "$(cat /root/ino)" ] && echo same || echo new')).toBe('same\n');
    expect(await r.check('cat /root/g')).toBe('x\n');
  });

  it('a file left unsaved is unchanged; a directory is refused', async () => {
    const r = await onScreen('vim /etc/hostname; vim /etc', () => undefined);
    expect(await r.check('cat /etc/hostname')).toBe('host\n');
    expect(r.out).toBe('vim: "/etc" is a directory\n');
    expect(r.opened).toHaveLength(1);
  });

  it('less pages a pipe on the screen and man opens its page there', async () => {
    const r = await onScreen('echo hello | less; man ls', () => undefined);
    expect(r.opened.map((a) => a.kind)).toEqual(['pager', 'pager']);
    expect(r.opened[0]?.text).toBe('hello\n');
    expect(r.opened[1]?.text).toMatch(/^LS\(1\) +User Commands +LS\(1\)\n\nNAME\n {7}ls - /);
    expect(r.out).toBe('');
  });

  it('a pipe out of less or an editor in a script gets no screen', async () => {
    const r = await onScreen('less /etc/hostname | cat; vim -c wq /root/new', () => undefined);
    expect(r.opened).toHaveLength(0);
    expect(r.out).toMatch(/^host\n"\/root\/new" \[New\] 1L, 1B written/);
  });
});

describe('editors and pagers without a screen', () => {
  it('nano says what to do instead; vim edits from -c commands; less and more print', async () => {
    const { run } = await makeShell();
    const nano = await run('nano /root/f');
    expect(nano.code).toBe(1);
    expect(nano.err).toMatch(/^nano: without the tutor's screen there is no full-screen editor here; write the file/);
    expect((await run('less /etc/hostname; echo x | more')).out).toBe('host\nx\n');
    expect((await run('less /nope')).err).toBe('/nope: No such file or directory\n');
    expect((await run("echo a > /root/f; vim -c 's/a/b/' -c wq /root/f; cat /root/f")).out).toBe('b\n');
  });

  it('which agrees with what runs, and man answers as man-db for a page it lacks', async () => {
    const { run } = await makeShell();
    expect((await run('which vi vim nano less more man')).out).toBe(
      '/usr/bin/vi\n/usr/bin/vim\n/usr/bin/nano\n/usr/bin/less\n/usr/bin/more\n/usr/bin/man\n',
    );
    expect(await run('man nosuch')).toEqual({ out: '', err: 'No manual entry for nosuch\n', code: 16 });
    expect((await run('man')).err).toBe("What manual page do you want?\nFor example, try 'man man'.\n");
    expect((await run('man findmnt | head -1')).out).toMatch(/^FINDMNT\(8\) +System Administration +FINDMNT\(8\)\n$/);
  });
});
