// Runs lines on a fresh simulated host and collects what they print, for the shell tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimHost, type SimHostOptions } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

export interface Ran {
  out: string;
  err: string;
  code: number;
}

export async function makeShell(options: SimHostOptions = {}) {
  const host = createSimHost({ seed: 1, ...options });
  const dec = new TextDecoder();
  const run = async (line: string, opts: { terminal?: boolean; stdin?: string } = {}): Promise<Ran> => {
    let out = '';
    let err = '';
    const io: CommandIO = {
      stdin: new TextEncoder().encode(opts.stdin ?? ''),
      stdout: (d) => {
        out += typeof d === 'string' ? d : dec.decode(d);
      },
      stderr: (d) => {
        err += typeof d === 'string' ? d : dec.decode(d);
      },
      stdinIsTerminal: opts.stdin === undefined,
      stdoutIsTerminal: opts.terminal ?? false,
    };
    const r = await host.session.run(line, io);
    return { out, err, code: r.exitCode };
  };
  return { host, run };
}

/** A cases.sh of `dir` run line by line in a fresh shell working in `workdir`, and the golden.txt
 * the reference machine printed for it (scripts/record-pipeline-goldens.ts). */
export async function casesAndGolden(dir: string, workdir: string): Promise<{ transcript: string; golden: string }> {
  const { host } = await makeShell();
  const quiet: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: () => {},
    stderr: () => {},
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  await host.session.run(`mkdir -p ${workdir} && cd ${workdir}`, quiet);
  const transcript = await transcriptOf(host, join(dir, 'cases.sh'));
  return { transcript, golden: readFileSync(join(dir, 'golden.txt'), 'utf8') };
}

/** A host whose lines print into one text, stdout and stderr as a transcript shows them (no
 * terminal on either side): what a learner reads after each line. */
export function transcriptShell(seed = 7): (line: string) => Promise<string> {
  const host = createSimHost({ seed, interactive: false });
  const dec = new TextDecoder();
  return async (line) => {
    let out = '';
    const put = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : dec.decode(d));
    const io: CommandIO = {
      stdin: new Uint8Array(0),
      stdout: put,
      stderr: put,
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    };
    await host.session.run(line, io);
    return out;
  };
}

type ShellHost = Awaited<ReturnType<typeof makeShell>>['host'];

/** A line run at a terminal and cut by Ctrl-C (its abort signal) after `ms`: what it printed,
 * its status and how long it ran. */
export async function runUntilAbort(host: ShellHost, line: string, ms: number) {
  const ac = new AbortController();
  let out = '';
  let err = '';
  const dec = new TextDecoder();
  setTimeout(() => ac.abort(), ms);
  const started = Date.now();
  const r = await host.session.run(line, {
    stdin: new Uint8Array(0),
    stdout: (d) => {
      out += typeof d === 'string' ? d : dec.decode(d);
    },
    stderr: (d) => {
      err += typeof d === 'string' ? d : dec.decode(d);
    },
    stdinIsTerminal: true,
    stdoutIsTerminal: true,
    signal: ac.signal,
  });
  return { out, err, code: r.exitCode, ms: Date.now() - started };
}

/** A cases file's non-blank lines run one by one, as `$ line` then what it wrote (2>&1), as the
 * recorded transcripts of the real tools are written. */
export async function transcriptOf(host: ShellHost, casesFile: string): Promise<string> {
  const lines = readFileSync(casesFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  let transcript = '';
  const dec = new TextDecoder();
  const write = (d: string | Uint8Array): void => {
    transcript += typeof d === 'string' ? d : dec.decode(d);
  };
  for (const line of lines) {
    transcript += `$ ${line}\n`;
    await host.session.run(line, {
      stdin: new Uint8Array(0),
      stdout: write,
      stderr: write,
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    });
  }
  return transcript;
}
