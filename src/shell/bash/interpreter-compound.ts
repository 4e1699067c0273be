// Compound commands: { } ( ) if for while until case (( )) [[ ]]. Loops count their rounds
// against the line's budget, so a mistyped endless loop ends with a message instead of a hang.
import type { CommandList, CompoundCommand, Word } from './ast.js';
import { evalTestExpression } from './builtins-test.js';
import type { CommandIO } from '../command.js';
import { matchPattern } from './glob.js';
import type { Interpreter } from './interpreter.js';
import { LoopSignal } from './interpreter-state.js';
import { notFoundText } from './dialect-texts.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export async function runCompound(sh: Interpreter, c: CompoundCommand, io: CommandIO): Promise<number> {
  switch (c.type) {
    case 'BraceGroup':
      return sh.list(c.body, io);
    case 'Subshell':
      return sh.subshell().runIsolated(c.body, io);
    case 'If': {
      for (const b of c.branches) {
        if ((await sh.ignoringErrexit(true, () => sh.list(b.condition, io))) === 0) return sh.list(b.body, io);
      }
      return c.elseBody ? sh.list(c.elseBody, io) : 0;
    }
    case 'For': {
      if (!NAME.test(c.variable)) {
        io.stderr(`${sh.errorPrefix()}\`${c.variable}': not a valid identifier\n`);
        return 1;
      }
      const items = c.items ? await sh.expander.words(c.items) : [...sh.state.positional];
      const traced = `for ${c.variable} in ${c.items ? c.items.map((w) => w.text).join(' ') : '"$@"'}`;
      let status = 0;
      for (const item of items) {
        sh.tick('for');
        sh.traceCompound(traced, io);
        sh.setVar(c.variable, item);
        const r = await loopBody(sh, c.body, io);
        status = r.status;
        if (r.stop) break;
      }
      return status;
    }
    case 'ArithmeticFor': {
      let status = 0;
      // Each clause is traced as it runs: `+ (( j=0 ))`, `+ (( j<2 ))`, `+ (( j++ ))`.
      const clause = (text: string): number => {
        sh.traceCompound(`(( ${text.trim()} ))`, io);
        return sh.expander.arith(text, '((');
      };
      if (c.init.trim()) clause(c.init);
      while (c.test.trim() === '' || clause(c.test) !== 0) {
        sh.tick('for');
        const r = await loopBody(sh, c.body, io);
        status = r.status;
        if (r.stop) break;
        if (c.update.trim()) clause(c.update);
      }
      return status;
    }
    case 'Loop': {
      let status = 0;
      for (;;) {
        sh.tick(c.until ? 'until' : 'while');
        const cond = await sh.ignoringErrexit(true, () => sh.list(c.condition, io));
        if ((cond === 0) === c.until) break;
        const r = await loopBody(sh, c.body, io);
        status = r.status;
        if (r.stop) break;
      }
      return status;
    }
    case 'Case': {
      sh.traceCompound(`case ${c.subject.text} in`, io);
      const subject = await sh.expander.string(c.subject);
      for (let i = 0; i < c.arms.length; i++) {
        const arm = c.arms[i]!;
        let hit = false;
        for (const p of arm.patterns) if (matchPattern(await sh.expander.pattern(p), subject)) hit = true;
        if (!hit) continue;
        let status = await sh.list(arm.body, io);
        let k = i;
        while (c.arms[k]?.terminator === ';&' && k + 1 < c.arms.length) status = await sh.list(c.arms[++k]!.body, io);
        if (c.arms[k]?.terminator !== ';;&') return status;
        i = k;
      }
      return 0;
    }
    case 'ArithmeticCommand': {
      const expression = await sh.expander.arithText(c.expression);
      sh.traceCompound(`(( ${expression} ))`, io);
      return sh.expander.arith(expression, '((') !== 0 ? 0 : 1;
    }
    case 'TestCommand':
      // dash has no [[ ]]: it looks for a command named [[.
      if (sh.state.dialect === 'dash') {
        io.stderr(notFoundText(sh.state, '[['));
        return 127;
      }
      return doubleBracket(sh, c.words, io);
  }
}

async function doubleBracket(sh: Interpreter, words: Word[], io: CommandIO): Promise<number> {
  const args: { text: string; pattern: string; raw: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    args.push({ text: await sh.expander.string(w), pattern: await sh.expander.pattern(w), raw: w.text });
    if (w.text === '=~') {
      // The parser splits a regex such as ^f(o+)$ at its parentheses; bash reads one word.
      let j = i + 1;
      let text = '';
      let raw = '';
      while (j < words.length) {
        const part = words[j] as Word;
        if (j > i + 1 && (part.span.start !== (words[j - 1] as Word).span.end || part.text === ']]')) break;
        text += await sh.expander.string(part);
        raw += part.text;
        j++;
      }
      if (j > i + 1) args.push({ text, pattern: text, raw });
      i = j - 1;
    }
  }
  // Under set -x bash traces each operand of a plain chain of && (or of ||) as it evaluates it.
  const ops = args.filter((a) => a.raw === '&&' || a.raw === '||').map((a) => a.raw);
  const plain = ops.length > 0 && new Set(ops).size === 1 && !args.some((a) => a.raw === '(' || a.raw === ')');
  const groups: (typeof args)[] = [[]];
  for (const a of args) {
    if (plain && (a.raw === '&&' || a.raw === '||')) groups.push([]);
    else groups[groups.length - 1]?.push(a);
  }
  let result = false;
  for (const group of plain ? groups : [args]) {
    sh.traceCompound(`[[ ${group.map((a) => a.text).join(' ')} ]]`, io);
    const r = evalTestExpression(group, sh.proc, true);
    if (typeof r === 'string') {
      io.stderr(`bash: ${r}\n`);
      return 2;
    }
    result = r;
    // && stops at the first false operand, || at the first true one.
    if (result === (ops[0] === '||')) break;
  }
  return result ? 0 : 1;
}

async function loopBody(sh: Interpreter, body: CommandList, io: CommandIO): Promise<{ status: number; stop: boolean }> {
  try {
    return { status: await sh.list(body, io), stop: false };
  } catch (err) {
    if (!(err instanceof LoopSignal)) throw err;
    if (err.levels > 1) {
      err.levels--;
      throw err;
    }
    return { status: 0, stop: err.kind === 'break' };
  }
}
