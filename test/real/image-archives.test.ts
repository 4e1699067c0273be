// The tutorial images' archive cache (src/real/image-archives.ts): named by the image ID the
// simulator gives, made once, an older tutor's archives removed. No daemon needed.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { archiveStem, openImageArchives, tutorialImageId } from '../../src/real/image-archives.js';
import { simRun, TUTORIAL_REFS } from '../../src/real/tutorial-images.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-archives-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the tutorial images’ archive cache', () => {
  it('knows each image’s ID as the simulator’s pull gives it, without pulling', async () => {
    const host = createSimHost({ seed: 0, interactive: false });
    for (const ref of ['hello-world:latest', 'ubuntu:latest', 'ubuntu:22.04']) {
      await simRun(host, `docker pull -q ${ref}`);
      const { out } = await simRun(host, `docker image inspect --format '{{.Id}}' ${ref}`);
      expect(tutorialImageId(ref)).toBe(out.trim());
    }
    expect(tutorialImageId('ubuntu:latest')).toBe(tutorialImageId('ubuntu:22.04'));
    expect(tutorialImageId('ubuntu:20.04')).not.toBe(tutorialImageId('ubuntu:22.04'));
  });

  it('writes each reference’s ID and archive path; makes an archive once, the simulator’s docker save', async () => {
    const cache = join(dir, 'a');
    const archives = openImageArchives(cache);
    for (const ref of TUTORIAL_REFS) {
      const stem = archiveStem(ref);
      expect(readFileSync(join(cache, `${stem}.id`), 'utf8')).toBe(tutorialImageId(ref));
      expect(readFileSync(join(cache, `${stem}.archive`), 'utf8')).toContain(tutorialImageId(ref).slice(7));
    }
    const file = await archives.ensure('hello-world:latest');
    expect(file).toBe(readFileSync(join(cache, 'hello-world_latest.archive'), 'utf8'));
    // docker save's layout: the manifest names the tag and the config file named by the image ID.
    const text = readFileSync(file).toString('latin1');
    expect(text).toContain('"RepoTags":["hello-world:latest"]');
    expect(text).toContain(`${tutorialImageId('hello-world:latest').slice(7)}.json`);
    const made = statSync(file).mtimeMs;
    // Asked again, or by two pulls at once: the same file, not made again.
    const [a, b] = await Promise.all([archives.ensure('hello-world:latest'), archives.ensure('hello-world:latest')]);
    expect([a, b]).toEqual([file, file]);
    expect(statSync(file).mtimeMs).toBe(made);
    await expect(archives.ensure('myapp:1')).rejects.toThrow(/not a tutorial image/);
  });

  it('an archive of another image ID (an older tutor’s) and a half-written one are removed when opened', () => {
    const cache = join(dir, 'b');
    openImageArchives(cache);
    const old = join(cache, `busybox_latest@${'0'.repeat(64)}.legacy-1.tar`);
    const half = join(cache, 'busybox_latest.tar.123.tmp');
    writeFileSync(old, 'old');
    writeFileSync(half, 'half');
    openImageArchives(cache);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(half)).toBe(false);
  });
});
