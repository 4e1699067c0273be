// gzip/gunzip/zcat, hexdump and xxd against the real tools: each expected text was printed by GNU
// gzip 1.12, util-linux 2.38's hexdump and vim 9's xxd (bash, LANG=C.UTF-8). gzip's compressed bytes
// are zlib's here, so sizes are compared only where they do not depend on the deflate.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

const SETUP = "cd /tmp && printf 'hello\\n' > g.txt && printf 'abcdefghijklmnopqrstuvwxyz0123456789\\n' > h";

/** [line, what the real tools printed (stdout and stderr together)] */
const REAL: [string, string][] = [
  ['gzip -k g.txt; ls g.txt*', 'g.txt\ng.txt.gz\n'],
  [
    'gzip -k g.txt; gzip -l g.txt.gz',
    '         compressed        uncompressed  ratio uncompressed_name\n                 32                   6 -33.3% g.txt\n',
  ],
  ['gzip -k g.txt; gzip -t g.txt.gz; echo $?', '0\n'],
  ['gzip -k g.txt; zcat g.txt.gz', 'hello\n'],
  ['zcat nosuch.gz; echo $?', 'gzip: nosuch.gz: No such file or directory\n1\n'],
  ['zcat g.txt; echo $?', '\ngzip: g.txt: not in gzip format\n1\n'],
  ['gzip -k g.txt; gzip g.txt; echo $?', 'gzip: g.txt.gz already exists;\tnot overwritten\n2\n'],
  ['gzip g.txt; ls g.txt*; gunzip g.txt.gz; ls g.txt*; cat g.txt', 'g.txt.gz\ng.txt\nhello\n'],
  ['gzip -c g.txt | gunzip', 'hello\n'],
  ['echo hi | gzip -d; echo $?', '\ngzip: stdin: not in gzip format\n1\n'],
  ['gzip -d nosuch; echo $?', 'gzip: nosuch.gz: No such file or directory\n1\n'],
  [
    'cat g.txt | gzip | gzip -l',
    '         compressed        uncompressed  ratio uncompressed_name\n                 26                   6 -33.3% stdout\n',
  ],
  [
    'hexdump -C h',
    '00000000  61 62 63 64 65 66 67 68  69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|\n' +
      '00000010  71 72 73 74 75 76 77 78  79 7a 30 31 32 33 34 35  |qrstuvwxyz012345|\n' +
      '00000020  36 37 38 39 0a                                    |6789.|\n00000025\n',
  ],
  [
    'xxd h',
    '00000000: 6162 6364 6566 6768 696a 6b6c 6d6e 6f70  abcdefghijklmnop\n' +
      '00000010: 7172 7374 7576 7778 797a 3031 3233 3435  qrstuvwxyz012345\n' +
      '00000020: 3637 3839 0a                             6789.\n',
  ],
  ['hexdump g.txt', '0000000 6568 6c6c 0a6f                         \n0000006\n'],
  ['xxd -p g.txt', '68656c6c6f0a\n'],
  ['hexdump -C /dev/null; echo "rc=$?"', 'rc=0\n'],
  ['xxd nosuch; echo $?', 'xxd: nosuch: No such file or directory\n2\n'],
  [
    'hexdump -C nosuch; echo $?',
    'hexdump: nosuch: No such file or directory\nhexdump: all input file arguments failed\n1\n',
  ],
  [
    'head -c 64 /dev/zero | hexdump -C',
    '00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00000040\n',
  ],
];

describe('gzip, hexdump and xxd print what the real ones print', () => {
  it.each(REAL)('%s', async (line, expected) => {
    const { run } = await makeShell();
    await run(SETUP);
    expect((await run(`{ ${line}; } 2>&1`)).out).toBe(expected);
  });

  it('gzip keeps the name and mtime in the header, as gzip -l and gunzip read them back', async () => {
    const { run } = await makeShell();
    await run(SETUP);
    await run('seq 1 5000 > big.txt && gzip big.txt');
    expect((await run("gzip -l big.txt.gz | awk 'NR==2 {print $2, $4}'")).out).toBe('23893 big.txt\n');
    expect((await run('zcat big.txt.gz | tail -1; zcat big.txt.gz | wc -c')).out).toBe('5000\n23893\n');
    expect((await run('od -A n -t x1 -N 4 big.txt.gz')).out).toBe(' 1f 8b 08 08\n');
  });
});
