// What the empty panes suggest in a lesson: the lesson's own image or an overlay by hand, never
// the free sandbox's ubuntu:20.04 where the lesson does not use it.
import { describe, expect, it } from 'vitest';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { imagePulledBy, lessonPaneHint } from '../../src/lessons/pane-hint.js';
import type { LessonData } from '../../src/lessons/schema.js';

const { lessons } = readLessons(findLessonsDir() as string);
const lesson = (id: string): LessonData => {
  const found = lessons.find((l) => l.folder.startsWith(id));
  if (!found) throw new Error(`no lesson ${id}`);
  return found.data;
};

describe('the image a pull line names', () => {
  it('reads docker pull and docker image pull, their options skipped', () => {
    expect(imagePulledBy('docker pull nginx')).toBe('nginx');
    expect(imagePulledBy('  docker image pull -q busybox:1.36  ')).toBe('busybox:1.36');
    expect(imagePulledBy('docker pull --platform linux/amd64 debian:bookworm-slim')).toBe('debian:bookworm-slim');
    expect(imagePulledBy('docker pull --platform=linux/amd64 -a alpine')).toBe('alpine');
  });

  it('reads no image from other lines', () => {
    expect(imagePulledBy('docker run -d --name web nginx')).toBeUndefined();
    expect(imagePulledBy('docker pull')).toBeUndefined();
    expect(imagePulledBy('echo docker pull nginx')).toBeUndefined();
    expect(imagePulledBy('docker pull $IMAGE')).toBeUndefined();
  });
});

describe("a lesson's hint", () => {
  it('is an overlay by hand in a kernel lesson, whatever its step', () => {
    const data = lesson('12');
    expect(data.real).toBe('kernel');
    for (let i = 0; i < data.steps.length; i++) expect(lessonPaneHint(data, i)).toEqual({ kind: 'overlay' });
  });

  it("is the image the lesson's setup pulls: busybox, nginx", () => {
    expect(lessonPaneHint(lesson('04'), 0)).toEqual({ kind: 'image', image: 'busybox' });
    expect(lessonPaneHint(lesson('10'), 3)).toEqual({ kind: 'image', image: 'busybox' });
    expect(lessonPaneHint(lesson('05'), 0)).toEqual({ kind: 'image', image: 'nginx' });
  });

  it('without a setup, the image the steps pull from the current one on, else before it', () => {
    const data = lesson('02');
    expect(data.setup).toEqual([]);
    expect(lessonPaneHint(data, 0)).toEqual({ kind: 'image', image: 'debian:bookworm-slim' });
    const steps: LessonData['steps'] = [
      { id: 'a', kind: 'do', solution: ['docker pull alpine'], checks: [] } as never,
      { id: 'b', kind: 'do', solution: ['docker pull hello-world'], checks: [] } as never,
      { id: 'c', kind: 'do', solution: ['ls'], checks: [] } as never,
    ];
    const own = { ...data, steps };
    expect(lessonPaneHint(own, 1)).toEqual({ kind: 'image', image: 'hello-world' });
    expect(lessonPaneHint(own, 2)).toEqual({ kind: 'image', image: 'alpine' });
  });

  it('is an overlay where a docker lesson mounts one by hand and pulls nothing', () => {
    const steps = [{ id: 'm', kind: 'do', solution: ['mount -t overlay overlay -o lowerdir=/l /m'], checks: [] }];
    expect(lessonPaneHint({ ...lesson('02'), steps: steps as never }, 0)).toEqual({ kind: 'overlay' });
  });

  it('says the lesson needs neither where it uses no image (the daemon and its storage driver)', () => {
    expect(lessonPaneHint(lesson('01'), 0)).toEqual({ kind: 'none' });
  });
});
