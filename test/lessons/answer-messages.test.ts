// A wrong answer of the right shape (another inode, another digest) is told it is the wrong one of
// its kind; a value of the wrong kind is told what kind the step wants.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { judgeAnswer } from '../../src/lessons/answers.js';
import type { StepData } from '../../src/lessons/schema.js';

const step = (answer: unknown) => ({ id: 's', kind: 'answer', answer }) as unknown as StepData;

describe('the message for a wrong answer', () => {
  const host = createSimHost({ seed: 1 });
  it('says a number of the right shape is another number, and asks a word for a number', () => {
    expect(judgeAnswer(host, step('42'), '42', 'en', undefined)).toEqual({ right: true });
    expect(judgeAnswer(host, step('42'), '12345', 'en', undefined).message).toBe(
      'Not quite: that is a number, but not the one this step asks for. `hint` helps.',
    );
    expect(judgeAnswer(host, step('42'), 'forty', 'en', undefined).message).toBe(
      'Not quite: this step wants a number. `hint` helps.',
    );
    expect(judgeAnswer(host, step('42'), '12345', 'zh-CN', undefined).message).toBe(
      '不太对：这是一个数字，但不是这一步要的那个。可以输入 `hint` 看提示。',
    );
  });
  it('says a 64-hex digest is another digest, and a short word is not one', () => {
    const want = { sha256: 'abc' };
    const other = `sha256:${'e'.repeat(64)}`;
    expect(judgeAnswer(host, step(want), other, 'en', undefined).message).toBe(
      'Not quite: that is a digest, but not the one this step asks for. `hint` helps.',
    );
    expect(judgeAnswer(host, step(want), 'abc123', 'en', undefined).message).toMatch(
      /^Not quite: this step wants a digest/,
    );
  });
});
