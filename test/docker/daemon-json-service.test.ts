// A broken /etc/docker/daemon.json as the learner meets it: `systemctl restart docker` fails, and
// `systemctl status docker` and `journalctl -xeu docker.service` show dockerd's own lines. Each
// file is also given to a real dockerd 20.10 (--config-file, on a private data-root, exec-root,
// socket and pidfile) and what it prints last, and its exit status, must be what the simulated
// journal holds. dockerd 20.10 has no --validate: `dockerd --validate` says so as it does.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable, realHostUnavailable } from '../support/real-docker.js';
import { makeShell } from '../shell/shell-harness.js';

/** [what the case is, daemon.json, the line dockerd ends with (undefined: it starts)] */
const P = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';
const CASES: Array<[string, string, string | undefined]> = [
  ['invalid JSON', '{oops}', `${P}invalid character 'o' looking for beginning of object key string`],
  ['a trailing comma', '{"debug": true,}', `${P}invalid character '}' looking for beginning of object key string`],
  ['an empty file', '', `${P}EOF`],
  ['an unknown key', '{"debgu": true}', `${P}the following directives don't match any configuration option: debgu`],
  [
    'a wrong type',
    '{"debug": "yes"}',
    `${P}json: cannot unmarshal string into Go struct field Config.debug of type bool`,
  ],
  [
    'a directive also given as a flag',
    '{"hosts": ["unix:///var/run/docker.sock"]}',
    `${P}the following directives are specified both as a flag and in the configuration file: ` +
      'hosts: (from flag: [fd://], from file: [unix:///var/run/docker.sock])',
  ],
  [
    'an unknown storage driver',
    '{"storage-driver": "nosuch"}',
    'failed to start daemon: error initializing graphdriver: driver not supported',
  ],
  [
    'a log option its driver lacks',
    '{"log-opts": {"nope": "1"}}',
    "failed to start daemon: failed to set log opts: unknown log opt 'nope' for json-file log driver",
  ],
  ['a valid file', '{"storage-driver": "overlay2", "debug": false, "log-opts": {"max-size": "10m"}}', undefined],
];

/** dockerd's lines in the simulated journal since the last start job, without journald's prefix. */
function lastStartLines(journal: string): string[] {
  const lines = journal.split('\n');
  const start = lines.findLastIndex((l) => l.includes('Starting Docker Application Container Engine...'));
  return lines
    .slice(start)
    .filter((l) => / dockerd\[\d+\]: /.test(l))
    .map((l) => l.replace(/^.* dockerd\[\d+\]: /, ''));
}

/** A logrus line with its time taken out (real and simulated clocks differ). */
const untimed = (l: string) => l.replace(/^time="[^"]*"/, 'time="T"');

describe('a broken daemon.json on the simulated host', () => {
  it.each(CASES)('%s: systemctl, journalctl and dockerd say what dockerd says', async (_, text, want) => {
    const { run } = await makeShell();
    await run(`printf '%s' '${text}' > /etc/docker/daemon.json`);
    const restart = await run('systemctl restart docker');
    const journal = (await run('journalctl -xeu docker.service')).out;
    const status = await run('systemctl status docker');
    if (want === undefined) {
      expect([restart.code, restart.err, status.code]).toEqual([0, '', 0]);
      expect(lastStartLines(journal).at(-1)).toMatch(/msg="API listen on \/run\/docker.sock"$/);
      return;
    }
    expect([restart.code, restart.err]).toEqual([
      1,
      'Job for docker.service failed because the control process exited with error code.\n' +
        'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n',
    ]);
    expect(lastStartLines(journal).at(-1)).toBe(want);
    expect(status.code).toBe(3);
    expect(status.out).toMatch(/Active: failed \(Result: exit-code\)/);
    expect(status.out).toContain(`dockerd[`);
    expect(status.out).toContain(`]: ${want}\n`);
    // The same check by hand: dockerd in the foreground reads the file first (its own flags are none).
    if (want.startsWith(P) && !text.includes('hosts')) expect((await run('dockerd')).err).toBe(`${want}\n`);
  });

  it('20.10 has no --validate', async () => {
    const { run } = await makeShell();
    expect(await run('dockerd --validate')).toEqual({
      out: '',
      err: "Status: unknown flag: --validate\nSee 'dockerd --help'., Code: 125\n",
      code: 1,
    });
    expect((await run('dockerd -v')).out).toMatch(/^Docker version 20\.10\.\d+\S*, build \w+\n$/);
    // the daemon systemd runs holds the pid file
    expect((await run('dockerd')).err).toMatch(
      /level=info msg="Starting up"\nfailed to start daemon: pid file found, ensure docker is not running or delete \/var\/run\/docker.pid\n$/,
    );
  });
});

const unavailable = realHostUnavailable('daemon.json given to a real dockerd');

/** Runs a real dockerd on `file` until it exits or its API listens; what it printed and its status. */
async function realDockerd(
  dockerd: string,
  dir: string,
  file: string,
): Promise<{ lines: string[]; status: number | null }> {
  const child: ChildProcess = spawn(
    dockerd,
    [
      ...['--config-file', file, '--data-root', join(dir, 'root'), '--exec-root', join(dir, 'exec')],
      ...['--pidfile', join(dir, 'pid'), '-H', `unix://${dir}/sock`, '--iptables=false', '--bridge=none'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const status = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const poll = setInterval(() => {
      // It started: stop it the way systemd does, and let it shut its containerd down.
      if (out.includes('API listen on')) child.kill('SIGTERM');
    }, 200);
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve(out.includes('API listen on') ? null : code);
    });
  });
  return { lines: out.trimEnd().split('\n'), status };
}

describe.skipIf(unavailable)('the same files given to a real dockerd 20.10', () => {
  it('ends with the line the simulated journal ends with, and exits 1 (or starts)', async () => {
    const dockerd = findExecutable('dockerd') as string;
    for (const [what, text, want] of CASES) {
      const dir = mkdtempSync(join(tmpdir(), 'otd-json-'));
      try {
        const file = join(dir, 'daemon.json');
        // The file's hosts are the sim's flag's ([fd://]); ours is a socket of our own.
        writeFileSync(file, text);
        const real = await realDockerd(dockerd, dir, file);
        const normal = real.lines.map((l) =>
          l
            .replaceAll(file, '/etc/docker/daemon.json')
            .replaceAll(`[unix://${dir}/sock]`, '[fd://]')
            .replaceAll(join(dir, 'root'), '/var/lib/docker'),
        );
        const { run } = await makeShell();
        await run(`printf '%s' '${text}' > /etc/docker/daemon.json`);
        await run('systemctl restart docker');
        const sim = lastStartLines((await run('journalctl -u docker.service')).out);
        if (want === undefined) {
          expect({ what, status: real.status }).toEqual({ what, status: null });
          continue;
        }
        expect({ what, status: real.status, last: normal.at(-1) }).toEqual({ what, status: 1, last: sim.at(-1) });
        // Past the config file, dockerd has logged: its error and its shutdown are the sim's lines
        // (grpc's and containerd's own, and the order of the two shutdown lines, vary from run to run).
        const own = (ls: string[]) =>
          ls
            .filter((l) => l.includes('level=error') || l.includes('module=libcontainerd'))
            .map(untimed)
            .sort();
        expect({ what, lines: own(normal) }).toEqual({ what, lines: own(sim) });
      } finally {
        spawnSync('umount', ['-R', join(dir, 'root')], { stdio: 'ignore' });
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 240_000);
});
