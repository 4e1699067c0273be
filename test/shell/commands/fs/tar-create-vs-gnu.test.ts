// The archives `tar -c` writes, byte for byte, as GNU tar 1.34 and busybox-static 1.35 write them on
// the project's reference machine: headers (od -c), sizes (the 10240-byte record), sha256 of whole
// archives, long names, hard links, owners without names, devices, -z, --numeric-owner, --sort,
// --mtime, --xattrs and the messages. The transcript of tar-create-vs-gnu/cases.sh against
// golden.txt, recorded by scripts/record-pipeline-goldens.ts (times pinned with touch -d @N).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesAndGolden } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'tar-create-vs-gnu');

describe('tar -c against the real GNU tar and busybox tar', () => {
  it('writes the archives they wrote, for every line of the cases', async () => {
    const { transcript, golden } = await casesAndGolden(DIR, '/tmp/tar-cases');
    expect(transcript).toBe(golden);
  }, 60_000);
});
