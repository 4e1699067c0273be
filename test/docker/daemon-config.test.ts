// daemon.json as dockerd 20.10 reads it: unknown keys, keys a flag sets too, type errors and
// Validate's refusals, word for word. Each file is also given to a real dockerd (--config-file,
// with its own data-root, exec-root, socket and pidfile; every file here is refused before the
// daemon touches any of them) and its first line of output must be ours.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daemonConfigError } from '../../src/docker/daemon-config.js';
import { findExecutable, realDockerUnavailable } from '../support/real-docker.js';

const P = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';
const FLAGS = { hosts: '[fd://]', containerd: '/run/containerd/containerd.sock' };

/** [daemon.json, what dockerd prints] */
const CASES: Array<[string, string]> = [
  [
    '{"foo": 1, "storage-driver": "overlay2", "bar": true}',
    `${P}the following directives don't match any configuration option: foo, bar`,
  ],
  ['{"Debug": true}', `${P}the following directives don't match any configuration option: Debug`],
  [
    '{"foo": {"bar": 1}, "log-opts": {"x": "y"}}',
    `${P}the following directives don't match any configuration option: bar`,
  ],
  ['{"debug": "yes"}', `${P}json: cannot unmarshal string into Go struct field Config.debug of type bool`],
  ['{"debug": 1.5}', `${P}json: cannot unmarshal number into Go struct field Config.debug of type bool`],
  ['{"mtu": 1.5}', `${P}json: cannot unmarshal number 1.5 into Go struct field Config.mtu of type int`],
  ['{"mtu": "x", "debug": "y"}', `${P}json: cannot unmarshal string into Go struct field Config.mtu of type int`],
  [
    '{"log-opts": {"max-size": 10}}',
    `${P}json: cannot unmarshal number into Go struct field Config.log-opts of type string`,
  ],
  [
    '{"storage-opts": "x"}',
    `${P}json: cannot unmarshal string into Go struct field Config.storage-opts of type []string`,
  ],
  ['{"labels": [1]}', `${P}json: cannot unmarshal number into Go struct field Config.labels of type string`],
  [
    '{"max-concurrent-downloads": "3"}',
    `${P}json: cannot unmarshal string into Go struct field Config.max-concurrent-downloads of type int`,
  ],
  [
    '{"default-ulimits": {"nofile": 5}}',
    `${P}json: cannot unmarshal number into Go struct field Config.default-ulimits of type units.Ulimit`,
  ],
  [
    '{"max-concurrent-downloads": -1}',
    `${P}configuration validation from file failed: invalid max concurrent downloads: -1`,
  ],
  ['{"data-root": "/x", "graph": "/y"}', `${P}cannot specify both "graph" and "data-root" config file options`],
  ['{"log-level": "loud"}', 'unable to parse logging level: loud'],
  ['[]', `${P}json: cannot unmarshal array into Go value of type map[string]interface {}`],
  ['', `${P}EOF`],
  [
    '{"hosts": ["tcp://0.0.0.0:2375"]}',
    `${P}the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [tcp://0.0.0.0:2375])`,
  ],
];

describe('daemon.json as dockerd 20.10 refuses it', () => {
  it.each(CASES)('%s', (text, want) => {
    expect(daemonConfigError('/etc/docker/daemon.json', text, FLAGS)).toBe(want);
  });

  it('lets good files through: known keys, nested option maps, duplicates, null', () => {
    for (const ok of [
      '{"storage-driver": "overlay2", "log-opts": {"max-size": "10m"}, "debug": true}',
      '{"debug": true, "debug": false}',
      '{"registry-mirrors": [], "insecure-registries": ["r:5000"], "labels": ["a=b"], "mtu": 1500}',
      'null',
      '{"graph": "/srv/docker"}',
    ])
      expect(daemonConfigError('/etc/docker/daemon.json', ok, FLAGS)).toBeUndefined();
  });
});

/** Go walks a map to list unknown keys: their order changes from run to run. */
const sortUnknown = (line: string | undefined): string | undefined =>
  line?.replace(
    /(configuration option: )(.*)$/,
    (_, head: string, keys: string) => head + keys.split(', ').sort().join(', '),
  );

const unavailable = realDockerUnavailable();
describe.runIf(!unavailable)('the same files given to a real dockerd 20.10', () => {
  it('prints the same first line for each', () => {
    const dockerd = findExecutable('dockerd') as string;
    const dir = mkdtempSync(join(tmpdir(), 'otd-config-'));
    try {
      // The file that sets data-root would clash with our --data-root flag first: not given here.
      for (const [text, want] of CASES.filter(([t]) => !t.includes('data-root'))) {
        const file = join(dir, 'daemon.json');
        writeFileSync(file, text);
        // -H and --containerd as systemd's docker.service passes them, on paths of our own.
        const hosts = `unix://${dir}/sock`;
        const r = spawnSync(
          dockerd,
          [
            '--config-file',
            file,
            '--data-root',
            join(dir, 'root'),
            '--exec-root',
            join(dir, 'exec'),
            '--pidfile',
            join(dir, 'pid'),
            '-H',
            hosts,
            '--containerd',
            '/run/containerd/containerd.sock',
          ],
          { encoding: 'utf8', timeout: 20_000 },
        );
        const first = (r.stdout + r.stderr).split('\n')[0];
        const ours = daemonConfigError(file, text, {
          hosts: `[${hosts}]`,
          containerd: '/run/containerd/containerd.sock',
        });
        expect({ text, first: sortUnknown(first), status: r.status }).toEqual({
          text,
          first: sortUnknown(ours),
          status: 1,
        });
        expect(ours).toBe(want.replace('/etc/docker/daemon.json', file).replace('[fd://]', `[${hosts}]`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
