// docker --help and every command's --help against what the real 20.10.24 CLI printed
// (fixtures/docker-help.json, recorded by scripts/record-docker-help.ts), the command table
// against those texts, and Tab completion from the table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCKER_COMMANDS, type DockerCommand } from '../../src/shell/commands/docker/command-table.js';
import { complete } from '../../src/shell/bash/completion.js';
import { makeEnv } from './engine-harness.js';

const REAL: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'docker-help.json'), 'utf8'),
);

function paths(list: readonly DockerCommand[], prefix: string[] = []): string[][] {
  return list.flatMap((c) => [[...prefix, c.name], ...paths(c.subcommands ?? [], [...prefix, c.name])]);
}

describe('docker --help', () => {
  it('the command table holds exactly the commands Docker 20.10 lists, at every level', () => {
    const listed = Object.keys(REAL).filter((k) => k !== '');
    expect(
      paths(DOCKER_COMMANDS)
        .map((p) => p.join(' '))
        .sort(),
    ).toEqual(listed.sort());
  });

  it('prints what the real CLI prints for docker --help and for every command and subcommand', async () => {
    const e = makeEnv();
    const walked: string[] = [];
    for (const [path, text] of Object.entries(REAL)) {
      const args = path === '' ? ['--help'] : [...path.split(' '), '--help'];
      const r = await e.docker(...args);
      expect({ path, ...r }).toEqual({ path, code: 0, stdout: text, stderr: '' });
      walked.push(path);
    }
    expect(walked.length).toBeGreaterThan(180);
  });

  it('every 20.10 command either runs or says it is not simulated here, never "is not a docker command"', async () => {
    const e = makeEnv();
    await e.docker('pull', 'busybox');
    for (const path of paths(DOCKER_COMMANDS)) {
      const r = await e.docker(...path);
      expect(r.stderr, path.join(' ')).not.toContain('is not a docker command');
      expect(r.stderr, path.join(' ')).not.toMatch(/TypeError|at .*\.ts:\d+/);
    }
    const r = await e.docker('swarm', 'init');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "docker swarm init: not simulated here (Docker 20.10 has this command; this tutor's daemon does not model it).\n",
    });
  });

  it('every flag the real help lists is parsed, or said to be not simulated here, never "unknown flag"', async () => {
    const e = makeEnv();
    let tried = 0;
    for (const path of paths(DOCKER_COMMANDS)) {
      const help = REAL[path.join(' ')] ?? '';
      for (const m of help.matchAll(/^ {2}(?:-(\w), )? *--([\w-]+)(?: (\w+))? {2,}/gm)) {
        if (m[2] === 'help') continue;
        // A value where the flag takes one; an operand nothing has, so no command gets to run long.
        const args = [...path, `--${m[2]}`, ...(m[3] ? ['x'] : []), 'nosuch-zz'];
        const r = await e.docker(...args);
        expect(r.stderr, args.join(' ')).not.toMatch(/unknown (shorthand )?flag/);
        if (m[1]) {
          const short = await e.docker(...path, `-${m[1]}`, ...(m[3] ? ['x'] : []), 'nosuch-zz');
          expect(short.stderr, `${path.join(' ')} -${m[1]}`).not.toMatch(/unknown (shorthand )?flag/);
        }
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(500);
    const r = await e.docker('run', '--blkio-weight', '300', 'busybox', 'true');
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/^docker run: the --blkio-weight flag is not simulated here \(Docker 20.10 has it/);
    expect((await e.docker('run', '--bogus', 'busybox')).stderr).toBe(
      "unknown flag: --bogus\nSee 'docker run --help'.\n",
    );
  }, 120_000);

  it('aliases reach the same command, with the help under the name typed', async () => {
    const e = makeEnv();
    expect((await e.docker('container', 'list', '--help')).stdout).toBe(REAL['container ls']);
    expect((await e.docker('image', 'rmi', '--help')).stdout).toBe(REAL['image rm']);
    expect((await e.docker('help', 'cp')).stdout).toBe(REAL.cp);
    expect((await e.docker('help')).stdout).toBe(REAL['']);
  });

  it('a group given an unknown subcommand or flag answers as cobra does', async () => {
    const e = makeEnv();
    expect(await e.docker('volume')).toEqual({ code: 0, stdout: REAL.volume, stderr: '' });
    expect(await e.docker('volume', 'bogus')).toEqual({ code: 1, stdout: '', stderr: REAL.volume });
    expect(await e.docker('volume', '--bogus')).toEqual({
      code: 125,
      stdout: '',
      stderr: `unknown flag: --bogus\nSee 'docker volume --help'.\n${REAL.volume}`,
    });
    expect(await e.docker('bogus')).toEqual({
      code: 1,
      stdout: '',
      stderr: "docker: 'bogus' is not a docker command.\nSee 'docker --help'\n",
    });
  });

  it('an argument-count error shows the usage line of the path typed', async () => {
    const e = makeEnv();
    expect(await e.docker('container', 'rm')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '"docker container rm" requires at least 1 argument.\nSee \'docker container rm --help\'.\n\n' +
        'Usage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n',
    });
  });
});

describe('Tab completion after docker', () => {
  const e = makeEnv();
  const at = (line: string) =>
    complete(line, line.length, {
      commands: [],
      proc: e.kernel.proc({}),
      docker: { images: () => ['busybox:latest'], containers: () => ['web'] },
    }).candidates;

  it("offers the table: top-level commands, a group's subcommands, then operands", () => {
    expect(at('docker vo')).toEqual(['volume']);
    expect(at('docker volume ')).toEqual(['create', 'inspect', 'ls', 'prune', 'rm']);
    expect(at('docker trust ')).toEqual(['inspect', 'key', 'revoke', 'sign', 'signer']);
    expect(at('docker container re')).toEqual(['rename', 'restart']);
    expect(at('docker cp w')).toEqual(['web']);
    expect(at('docker image rm b')).toEqual(['busybox:latest']);
    expect(at('docker inspect ')).toEqual(['busybox:latest', 'web']);
  });
});
