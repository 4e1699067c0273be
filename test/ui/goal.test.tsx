// What the screen keeps in view for a step, both ways: the pinned goal derived from the step (its
// goal, else its first paragraph and the command a "…:" introduces — and nothing past them), and
// the values an open answer or exercise step asks for, masked in the ChainID pane while the step
// is open and shown again once it is done.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { STRINGS } from '../../src/i18n/index.js';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { computeValue } from '../../src/lessons/checks.js';
import { EMPTY_PROGRESS, type Progress, recordStep } from '../../src/lessons/progress.js';
import { Tutor, type TutorIO } from '../../src/lessons/tutor.js';
import { askedValues, pinnedGoal } from '../../src/ui/goal.js';
import { maskSecrets, Pane } from '../../src/ui/panes.js';
import { tutorScreenHost } from '../../src/ui/screen-host-tutor.js';

describe('the pinned goal', () => {
  it('is the step’s goal when it has one, on one line', () => {
    expect(pinnedGoal({ goal: 'Compute the ChainID\nof layer 3.\n', text: 'Long text.\n\nMore.' })).toBe(
      'Compute the ChainID of layer 3.',
    );
  });

  it('is else the first paragraph, and only that', () => {
    const text = 'Pull an image with\nseveral layers.\n\nThe panes show its layers.\n```\ndocker pull nginx\n```\n';
    expect(pinnedGoal({ text })).toBe('Pull an image with several layers.');
    // A list stops the paragraph.
    expect(pinnedGoal({ text: 'Three names:\n- DiffID\n- ChainID\n' })).toBe('Three names:');
  });

  it('takes the command a paragraph ending in a colon introduces, and no other', () => {
    const text = "Create a new file in the container:\n```\ndocker exec web sh -c 'echo hi > /tmp/h'\n```\nIt exists.";
    expect(pinnedGoal({ text })).toBe("Create a new file in the container: `docker exec web sh -c 'echo hi > /tmp/h'`");
    // No colon: the code block below is not the goal's.
    expect(pinnedGoal({ text: 'Build it.\n```\ndocker build -t x .\n```\n' })).toBe('Build it.');
    // Nor a colon with prose after it.
    expect(pinnedGoal({ text: 'Look at it:\n\n```\nls\n```\n' })).toBe('Look at it:');
  });

  it('joins Chinese lines without a space, and takes the full-width colon', () => {
    const text = '在容器里新建一个\n文件：\n```\ndocker exec web touch /x\n```\n';
    expect(pinnedGoal({ text })).toBe('在容器里新建一个文件： `docker exec web touch /x`');
  });
});

describe('masking what a step asks for', () => {
  const a = 'a'.repeat(40) + '0123456789abcdef0123456789ab';
  const other = 'b'.repeat(64);

  it('masks a value whole, bare, and as a short id; leaves other values', () => {
    const text = `sha256:${a}\n${a}\n${a.slice(0, 12)} ${other}`;
    const masked = maskSecrets(text, [`sha256:${a}`], 'asked');
    expect(masked).not.toContain(a.slice(0, 12));
    expect(masked).toBe(`sha256:?? (asked)\n?? (asked)\n?? (asked) ${other}`);
    expect(maskSecrets(text, [], 'asked')).toBe(text);
    // Short values (a layer count) are never masked: they would hide half the screen.
    expect(maskSecrets('6 layers', ['6'], 'asked')).toBe('6 layers');
  });
});

const { lessons } = readLessons(findLessonsDir() as string);
const chainid = lessons.find((l) => l.data.id === 'chainid');

/** Lesson 3 opened at step `at` (the steps before it done), on the screen host. */
async function openAt(at: string) {
  const lesson = chainid as NonNullable<typeof chainid>;
  const index = lesson.data.steps.findIndex((s) => s.id === at);
  let saved: Progress = EMPTY_PROGRESS;
  for (const s of lesson.data.steps.slice(0, index)) saved = recordStep(saved, 'chainid', s.id, index);
  const progress = { current: () => saved, recordStep: () => undefined, recordAid: () => undefined };
  const tutor = new Tutor({
    lessons,
    lang: 'en',
    makeHost: (seed) => createSimHost({ seed, interactive: false }),
    progress,
  });
  expect(await tutor.open('chainid')).toBe(true);
  const screen = tutorScreenHost(tutor);
  const io: TutorIO = {
    stdin: new Uint8Array(0),
    stdout: () => {},
    stderr: () => {},
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
    say: () => {},
  };
  const type = (line: string) => screen.run(line, io);
  // Looking at nginx puts it in focus: the ChainID pane walks its layers.
  await type('docker image inspect nginx > /dev/null');
  const runner = tutor.runner as NonNullable<typeof tutor.runner>;
  const value = (v: Parameters<typeof computeValue>[1]) => computeValue(runner.host, v);
  /** One pane as the screen draws it, the open step's values masked. */
  const paneFrame = (kind: 'chain' | 'layers', width: number, height: number) => {
    const model = screen.panes();
    return (
      render(
        <Pane
          kind={kind}
          model={model}
          log={[]}
          chainRevealed={model.chain.length}
          width={width}
          height={height}
          focused={false}
          scroll={0}
          secrets={screen.secrets?.() ?? []}
          noFocus=""
          ascii={false}
          s={STRINGS.en}
        />,
      ).lastFrame() ?? ''
    );
  };
  const chainPane = () => paneFrame('chain', 120, 40);
  const layersPane = (width: number) => paneFrame('layers', width, 12);
  return { tutor, screen, type, runner, value, chainPane, layersPane };
}

describe('the ChainID pane while a step asks for a ChainID', () => {
  it('hides the asked ChainID and its working, shows it once the step is answered', async () => {
    const { screen, type, runner, value, chainPane } = await openAt('second');
    const c2 = value({ chainid: { image: 'nginx', layer: 2 } });
    const cache2 = value({ cacheid: { image: 'nginx', layer: 2 } });
    const c3 = value({ chainid: { image: 'nginx', layer: 3 } });
    expect(askedValues(runner)).toEqual(expect.arrayContaining([c2, cache2]));
    // The DiffIDs are the step's givens, not its answer; the third layer's ChainID is not asked.
    expect(askedValues(runner)).not.toContain(value({ diffid: { image: 'nginx', layer: 2 } }));
    expect(askedValues(runner)).not.toContain(c3);
    let frame = chainPane();
    expect(frame).toContain(STRINGS.en.asked);
    expect(frame).not.toContain(c2.slice(7, 19));
    expect(frame).not.toContain(cache2.slice(0, 12));
    expect(frame).toContain(c3.slice(7, 19));
    // Answered: the step is done, the next one (a do step) asks for nothing, and the pane shows it.
    await type(`answer ${c2}`);
    expect(runner.view().id).toBe('hello-ubuntu');
    expect(screen.secrets?.()).toEqual([]);
    frame = chainPane();
    expect(frame).toContain(c2.slice(7, 19));
    expect(frame).not.toContain(STRINGS.en.asked);
    // Back on the answered step: done, so nothing is hidden.
    await type('back');
    expect(runner.view().id).toBe('second');
    expect(askedValues(runner)).toEqual([]);
  }, 120_000);

  it('hides an asked cache-id in the layers pane without pushing its row out of line', async () => {
    const { layersPane, value } = await openAt('second');
    const cache2 = value({ cacheid: { image: 'nginx', layer: 2 } });
    const cache1 = value({ cacheid: { image: 'nginx', layer: 1 } });
    const frame = layersPane(40);
    expect(frame).not.toContain(cache2.slice(0, 12));
    expect(frame).toContain(cache1.slice(0, 12));
    const rows = frame.split('\n');
    // The hidden row's size bar starts in the same column as its neighbours'.
    const barColumn = (id: string) => (rows.find((r) => r.includes(id)) ?? '').search(/[█·]/);
    expect(barColumn('?'.repeat(12))).toBeGreaterThan(0);
    expect(barColumn('?'.repeat(12))).toBe(barColumn(cache1.slice(0, 12)));
    expect(frame).toContain(`???: ${STRINGS.en.asked}`);
  }, 120_000);

  it('hides nothing on a step that asks for nothing', async () => {
    const { screen, runner, value, chainPane } = await openAt('diffids');
    expect(runner.view().kind).toBe('do');
    expect(screen.secrets?.()).toEqual([]);
    expect(chainPane()).toContain(value({ chainid: { image: 'nginx', layer: 2 } }).slice(7, 19));
  }, 120_000);

  it('hides the final exercise’s ChainID, cache-ids and links up to layer 3', async () => {
    const { runner, value, chainPane } = await openAt('final');
    const asked = askedValues(runner);
    for (const n of [2, 3]) {
      expect(asked).toContain(value({ chainid: { image: 'nginx', layer: n } }));
      expect(asked).toContain(value({ cacheid: { image: 'nginx', layer: n } }));
    }
    const frame = chainPane();
    expect(frame).not.toContain(value({ chainid: { image: 'nginx', layer: 3 } }).slice(7, 19));
    expect(frame).toContain(value({ chainid: { image: 'nginx', layer: 4 } }).slice(7, 19));
  }, 120_000);
});
