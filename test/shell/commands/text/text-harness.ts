// A tiny stand-in for the shell, for the text command tests: splits a line into a pipeline of
// words (quotes and `|` only), runs each stage with the previous stage's output as stdin, and
// gives xargs a runLine that comes back here. echo, cat and `ls -i` are faked just enough.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { type CommandContext, type CommandIO, type CommandSpec, toBytes } from '../../../../src/shell/command.js';
import { textCommands } from '../../../../src/shell/commands/text/index.js';
import {
  Budget,
  BudgetExceeded,
  Kernel,
  type Proc,
  seededRandom,
  steppingClock,
} from '../../../../src/kernel/index.js';

export interface Result {
  out: string;
  err: string;
  code: number;
}

export function makeProc(files: Record<string, string> = {}): Proc {
  const kernel = new Kernel({ volume: new Volume(), clock: steppingClock(0), random: seededRandom(1) });
  const proc = kernel.proc();
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split('/').filter(Boolean);
    for (let k = 1; k < parts.length; k++) {
      const dir = `/${parts.slice(0, k).join('/')}`;
      if (!proc.exists(dir)) proc.mkdir(dir);
    }
    proc.writeFile(path, data);
  }
  return proc;
}

/** Splits a command line into pipeline stages of words. */
export function words(line: string): string[][] {
  let stage: string[] = [];
  const stages: string[][] = [stage];
  let word = '';
  let have = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end);
      have = true;
      i = end;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && '"\\$`'.includes(line.charAt(i + 1) || '.')) i++;
        word += line.charAt(i++);
      }
      have = true;
    } else if (c === '\\') {
      word += line.charAt(++i);
      have = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '|') {
      if (have) stage.push(word);
      word = '';
      have = false;
      if (c === '|') {
        stage = [];
        stages.push(stage);
      }
    } else {
      word += c;
      have = true;
    }
  }
  if (have) stage.push(word);
  return stages;
}

const dec = new TextDecoder();

const fakes: CommandSpec[] = [
  {
    name: 'echo',
    summary: '',
    run: (ctx) => {
      let args = ctx.argv.slice(1);
      let nl = true;
      if (args[0] === '-n') {
        nl = false;
        args = args.slice(1);
      }
      ctx.stdout(args.join(' ') + (nl ? '\n' : ''));
      return 0;
    },
  },
  {
    name: 'cat',
    summary: '',
    run: (ctx) => {
      if (ctx.argv.length === 1) ctx.stdout(ctx.stdin);
      for (const f of ctx.argv.slice(1)) ctx.stdout(ctx.proc.readFile(f));
      return 0;
    },
  },
  {
    name: 'ls',
    summary: '',
    run: (ctx) => {
      for (const f of ctx.argv.slice(2).sort()) ctx.stdout(`${ctx.proc.stat(f).ino} ${f}\n`);
      return 0;
    },
  },
  { name: 'false', summary: '', run: () => 1 },
];

const table = new Map([...textCommands, ...fakes].map((c) => [c.name, c]));

async function runStages(proc: Proc, line: string, io: CommandIO, env: Map<string, string>): Promise<number> {
  let stdin = io.stdin;
  let code = 0;
  const stages = words(line);
  for (const [k, argv] of stages.entries()) {
    const last = k === stages.length - 1;
    const chunks: Uint8Array[] = [];
    const stdout = last
      ? io.stdout
      : (d: string | Uint8Array) => {
          chunks.push(toBytes(d));
        };
    const [name = ''] = argv;
    const spec = table.get(name);
    if (!spec) {
      io.stderr(`sh: ${name}: command not found\n`);
      code = 127;
    } else {
      const ctx: CommandContext = {
        budget: new Budget(),
        argv,
        stdin,
        stdout,
        stderr: io.stderr,
        stdinIsTerminal: false,
        stdoutIsTerminal: false,
        proc,
        env,
        shell: {
          runLine: (l, childIo) => runStages(proc, l, childIo, env),
          enterShell: () => undefined,
          history: () => [],
        },
      };
      try {
        code = await spec.run(ctx);
      } catch (err) {
        // As the interpreter does: the tool that overspent says so, and the line stops.
        if (!(err instanceof BudgetExceeded)) throw err;
        io.stderr(`${spec.name}: ${err.message}\n`);
        return err.status;
      }
    }
    stdin = Buffer.concat(chunks);
  }
  return code;
}

/** Runs a pipeline line; stdin is the first stage's input. */
export async function sh(
  line: string,
  options: { stdin?: string; proc?: Proc; files?: Record<string, string> } = {},
): Promise<Result> {
  const proc = options.proc ?? makeProc(options.files);
  let out = '';
  let err = '';
  const code = await runStages(
    proc,
    line,
    {
      stdin: toBytes(options.stdin ?? ''),
      stdout: (d) => {
        out += typeof d === 'string' ? d : dec.decode(d);
      },
      stderr: (d) => {
        err += typeof d === 'string' ? d : dec.decode(d);
      },
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    },
    new Map([
      ['HOME', '/root'],
      ['PATH', '/usr/bin:/bin'],
    ]),
  );
  return { out, err, code };
}

/** A line with what the real GNU tool printed for it: stdout, stderr and exit status. */
export interface GoldenCase {
  line: string;
  stdin?: string;
  files?: Record<string, string>;
  out: string;
  err: string;
  code: number;
}

/** One test per case: the line through the stand-in shell must print exactly what GNU did. */
export function describeGolden(title: string, cases: readonly GoldenCase[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
      const files = Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [`/${k}`, v]));
      const r = await sh(c.line, { stdin: c.stdin, files });
      expect({ out: r.out, err: r.err, code: r.code }).toEqual({ out: c.out, err: c.err, code: c.code });
    });
  });
}
