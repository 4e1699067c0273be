// What each kind of step does, in one table: how it is completed, what its solution is and
// whether replaying it moves the host along, which texts it needs. The session, the loader and
// the recap ask this table instead of branching on the kind; a new kind is a row here plus its
// schema in schema.ts.
import type { Check, StepData, Value } from './schema.js';

export type StepKind = StepData['kind'];

type StepOf<K extends StepKind> = Extract<StepData, { kind: K }>;

export interface KindBehaviour<S extends StepData> {
  /** Read and move on: Enter on an empty line, `next` or `solution` completes it. */
  readonly reading: boolean;
  /** Checks that complete the step when a shell line makes them all pass (none: a shell line
   * never completes it). */
  checks(step: S): readonly Check[];
  /** The value `answer` is compared with, for a step that takes an answer. */
  answer(step: S): Value | undefined;
  /** The reference solution's lines (none for a reading step). */
  solution(step: S): readonly string[];
  /** Its solution belongs to the lesson's path: replayed when a lesson resumes after it (an
   * answer step's solution only prints the value). */
  readonly solutionMovesHost: boolean;
  /** Texts the step needs in each language besides its text. */
  readonly needs: { hints: boolean; goal: boolean };
}

const BEHAVIOURS: { [K in StepKind]: KindBehaviour<StepOf<K>> } = {
  explain: {
    reading: true,
    checks: () => [],
    answer: () => undefined,
    solution: () => [],
    solutionMovesHost: false,
    needs: { hints: false, goal: false },
  },
  do: {
    reading: false,
    checks: (s) => s.checks,
    answer: () => undefined,
    solution: (s) => s.solution,
    solutionMovesHost: true,
    needs: { hints: true, goal: false },
  },
  answer: {
    reading: false,
    checks: () => [],
    answer: (s) => s.answer,
    solution: (s) => s.solution,
    solutionMovesHost: false,
    needs: { hints: true, goal: false },
  },
  exercise: {
    reading: false,
    checks: (s) => s.checks,
    // An exercise may ask for a value too, with an `answered` check.
    answer: (s) => s.checks.flatMap((c) => ('answered' in c ? [c.answered] : []))[0],
    solution: (s) => s.solution,
    solutionMovesHost: true,
    needs: { hints: true, goal: true },
  },
};

/** The behaviour of a step's kind. */
export function behaviourOf(step: StepData): KindBehaviour<StepData> {
  // TypeScript cannot tie BEHAVIOURS[step.kind] to step's own member of the union; the mapped
  // type above guarantees each row takes its own kind of step.
  return BEHAVIOURS[step.kind] as KindBehaviour<StepData>;
}
