// The tutorial images' archives, for a `docker pull` on a daemon without a registry: the
// simulator's `docker save` of one reference, made the first time a lesson pulls it and kept in a
// tutor-owned cache named by the image ID the simulator gives it (its content digest), so a tutor
// whose images changed never loads an old archive, and the next run makes none. Before it loads
// one, the pull stand-in (src/real/command-trace.ts) asks the daemon: an image it holds with the
// same ID under that tag is not loaded again, one it holds under another tag is tagged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTutorialRegistry } from '../docker/registry/tutorial.js';
import { createSimHost } from '../host/sim-host.js';
import { simRun, TUTORIAL_REFS } from './tutorial-images.js';

/** The archive's layout (docker save's legacy one, as src/docker/legacy-archive.ts writes it):
 * bumped when that changes, so a cache written by an older tutor is made again. */
const LAYOUT = 'legacy-1';

/** "nginx:latest" → "nginx_latest", as the pull stand-in names its files. */
export const archiveStem = (ref: string) => ref.replace(/[/:]/g, '_');

/** The image ID the simulator's registry gives `ref`: the sha256 of its config bytes. */
export function tutorialImageId(ref: string): string {
  return `sha256:${createHash('sha256').update(createTutorialRegistry().resolve(ref).config).digest('hex')}`;
}

export interface ImageArchives {
  /** The cache dir: per tutorial reference `<stem>.id` (its image ID) and `<stem>.archive` (where
   * its archive is, `<stem>@<id hex>.<layout>.tar`, once made). */
  readonly dir: string;
  /** The archive of `ref` (one of TUTORIAL_REFS), made by the simulator if the cache has none. */
  ensure(ref: string): Promise<string>;
}

export function archiveFile(dir: string, ref: string, id: string): string {
  return join(dir, `${archiveStem(ref)}@${id.replace(/^sha256:/, '')}.${LAYOUT}.tar`);
}

/** The cache under `dir`, its ID files written for this tutor's images and archives of any other
 * image ID (an older tutor's) removed. */
export function openImageArchives(dir: string): ImageArchives {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ids = new Map(TUTORIAL_REFS.map((ref) => [ref, tutorialImageId(ref)]));
  const current = new Set<string>();
  for (const [ref, id] of ids) {
    writeFileSync(join(dir, `${archiveStem(ref)}.id`), id);
    writeFileSync(join(dir, `${archiveStem(ref)}.archive`), archiveFile(dir, ref, id));
    current.add(archiveFile(dir, ref, id));
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if ((name.endsWith('.tar') || name.endsWith('.tmp')) && !current.has(path)) rmSync(path, { force: true });
  }
  const making = new Map<string, Promise<string>>();
  const make = async (ref: string, file: string) => {
    const host = createSimHost({ seed: 0, interactive: false });
    const pull = await simRun(host, `docker pull -q ${ref}`);
    if (pull.code !== 0) throw new Error(`the simulator cannot pull ${ref}: ${pull.out.trim()}`);
    const save = await simRun(host, `docker save -o /tmp/one.tar ${ref}`);
    if (save.code !== 0) throw new Error(`the simulator's docker save ${ref} failed: ${save.out.trim()}`);
    // Written aside and renamed: a run killed meanwhile leaves no half archive under the real name.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, host.rootProc.readFile('/tmp/one.tar'));
    renameSync(tmp, file);
    return file;
  };
  return {
    dir,
    async ensure(ref) {
      const id = ids.get(ref);
      if (id === undefined) throw new Error(`${ref} is not a tutorial image`);
      const file = archiveFile(dir, ref, id);
      if (existsSync(file)) return file;
      let pending = making.get(ref);
      if (!pending) {
        pending = make(ref, file).finally(() => making.delete(ref));
        making.set(ref, pending);
      }
      return pending;
    },
  };
}

/** A pull stand-in's request for `ref`'s archive answered (src/real/command-trace.ts's `ask archive`). */
export async function serveArchive(archives: ImageArchives, ref: string): Promise<{ code: number; message: string }> {
  try {
    await archives.ensure(ref);
    return { code: 0, message: '' };
  } catch (e) {
    return { code: 1, message: `overlay-tutor: ${(e as Error).message}` };
  }
}
