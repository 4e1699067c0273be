// The archives `tar -c` writes, byte for byte, as GNU tar 1.34 and busybox-static 1.35 write them on
// the project's reference machine: headers (od -c), sizes (the 10240-byte record), sha256 of whole
// archives, long names, hard links, owners without names, devices, -z, --numeric-owner, --sort,
// --mtime, --xattrs and the messages. The transcript of tar-create-vs-gnu/cases.sh against
// golden.txt, recorded by scripts/record-pipeline-goldens.ts (times pinned with touch -d @N).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeShell, transcriptOf } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'tar-create-vs-gnu');

describe('tar -c against the real GNU tar and busybox tar', () => {
  it('writes the archives they wrote, for every line of the cases', async () => {
    const { host } = await makeShell();
    await host.session.run('mkdir -p /tmp/tar-cases && cd /tmp/tar-cases', {
      stdin: new Uint8Array(0),
      stdout: () => {},
      stderr: () => {},
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    });
    const transcript = await transcriptOf(host, join(DIR, 'cases.sh'));
    expect(transcript).toBe(readFileSync(join(DIR, 'golden.txt'), 'utf8'));
  }, 60_000);
});
