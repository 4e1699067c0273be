// --copy-in takes files, folders and symlinks; a FIFO or a device given by name is refused with
// a message, one inside a copied folder is skipped with a warning (a FIFO's read would block for
// good, /dev/zero never ends), and the whole copy has a cap (the simulated disk is in memory).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runScript } from '../../src/io/script-mode.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ot-copy-in-'));
});

async function script(lines: string, copyIn: Array<[string, string]>) {
  const file = join(dir, 'script.sh');
  writeFileSync(file, lines);
  let out = '';
  let err = '';
  const code = await runScript({
    file,
    copyIn,
    strict: true,
    out: (s) => void (out += String(s)),
    err: (s) => void (err += String(s)),
  });
  return { code, out, err };
}

describe('--copy-in', () => {
  it('refuses a FIFO or a device given by name, saying what it is', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(await script('echo hi\n', [[fifo, '/z']])).toEqual({
      code: 2,
      out: '',
      err: `overlay-tutor: --copy-in ${fifo}:/z: ${fifo} is a FIFO (named pipe): only files, folders and symbolic links are copied in\n`,
    });
    expect((await script('echo hi\n', [['/dev/zero', '/z']])).err).toBe(
      'overlay-tutor: --copy-in /dev/zero:/z: /dev/zero is a character device: only files, folders and symbolic links are copied in\n',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('skips a FIFO inside a copied folder with a warning, and copies the rest', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    writeFileSync(join(tree, 'a.txt'), 'a\n');
    execFileSync('mkfifo', [join(tree, 'pipe')]);
    symlinkSync('/dev/zero', join(tree, 'zero'));
    const r = await script('find /in | sort\n', [[tree, '/in']]);
    expect(r.err).toBe(`overlay-tutor: --copy-in: skipped ${join(tree, 'pipe')}: it is a FIFO (named pipe)\n`);
    // A symlink is copied as a link, never followed.
    expect(r.out).toBe('$ find /in | sort\n/in\n/in/a.txt\n/in/zero\n');
    expect(r.code).toBe(0);
  });

  it('stops at 64 MiB in all, with a message', async () => {
    const tree = join(dir, 'big');
    mkdirSync(tree);
    for (const n of ['1', '2', '3']) writeFileSync(join(tree, n), Buffer.alloc(30 * 1024 * 1024));
    const r = await script('echo hi\n', [[tree, '/big']]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `overlay-tutor: --copy-in ${tree}:/big: ${join(tree, '3')} would take the copy past 64 MiB in all (the simulated disk is in memory)\n`,
    );
  });
});
