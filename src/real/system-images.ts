// The tutorial images on the user's own daemon (`--real=system`): loaded from the simulator's
// `docker save` as for the private daemon, so their IDs are the simulator's — with no label (a
// label would change the config and so the ID): the session's record lists them instead, written
// before the load. A tag the user already has is never moved: an image whose tag the user has for
// another image is left out (the lessons then use the user's), one the user has as the very same
// image is the user's and stays theirs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DaemonCli, dockerOut, resolve, type SessionRecord, writeRecord } from './system-session.js';
import { type ImageIdentity, simulatorArchive, TUTORIAL_REFS } from './tutorial-images.js';

export interface ImagePlan {
  /** Tags the session will load (its own). */
  load: string[];
  /** Tags the user has as the same image the simulator's is. */
  same: string[];
  /** Tags the user has for another image: left out. */
  theirs: Array<{ ref: string; id: string }>;
  images: ImageIdentity[];
  archive: Uint8Array;
}

export async function planTutorialImages(d: DaemonCli, refs: readonly string[] = TUTORIAL_REFS): Promise<ImagePlan> {
  const { archive, images } = await simulatorArchive(refs);
  const plan: ImagePlan = { load: [], same: [], theirs: [], images, archive: new Uint8Array(0) };
  for (const img of images) {
    const found = await resolve(d, 'image', img.ref);
    if (!found) plan.load.push(img.ref);
    else if (found.id === img.id) plan.same.push(img.ref);
    else plan.theirs.push({ ref: img.ref, id: found.id });
  }
  // The archive of only the tags to load: a tag in it would replace the user's.
  plan.archive = plan.load.length === refs.length ? archive : (await simulatorArchive(plan.load)).archive;
  return plan;
}

export function describeImagePlan(p: ImagePlan): string {
  const out: string[] = [];
  if (p.load.length) out.push(`  load ${p.load.length} tutorial images: ${p.load.join(', ')}`);
  if (p.same.length)
    out.push(`  yours already, the same image as the tutorial's (kept as yours): ${p.same.join(', ')}`);
  for (const t of p.theirs)
    out.push(`  left out: you have ${t.ref} as another image (${t.id.slice(7, 19)}); lessons use yours`);
  return `${out.join('\n')}\n`;
}

/** Records the images and tags as the session's, then loads them; the IDs are then checked. */
export async function loadPlannedImages(
  d: DaemonCli,
  record: SessionRecord,
  dir: string,
  p: ImagePlan,
): Promise<string[]> {
  if (p.load.length === 0) return [];
  const ids = p.images.filter((i) => p.load.includes(i.ref)).map((i) => i.id);
  for (const tag of p.load) if (!record.created.tags.includes(tag)) record.created.tags.push(tag);
  for (const id of ids)
    if (!record.created.images.includes(id) && !record.preexisting.images.includes(id)) record.created.images.push(id);
  writeRecord(dir, record);
  const file = join(dir, 'sessions', record.id, 'tutorial-images.tar');
  writeFileSync(file, p.archive);
  const r = dockerOut(d, ['load', '-q', '-i', file]);
  if (!r.ok) return [`docker load failed: ${r.err}`];
  const problems: string[] = [];
  for (const i of p.images.filter((x) => p.load.includes(x.ref))) {
    const real = await resolve(d, 'image', i.ref);
    if (real?.id !== i.id) problems.push(`${i.ref}: ${real?.id ?? 'missing'} on your daemon, ${i.id} in the simulator`);
  }
  return problems;
}
