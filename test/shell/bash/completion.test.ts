// Tab completion on the simulated host.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DockerEngine } from '../../../src/docker/engine/index.js';
import { completionSources, createSimHost, type SimHost } from '../../../src/host/sim-host.js';
import { complete, type CompletionSources } from '../../../src/shell/bash/completion.js';

let host: SimHost;
let src: CompletionSources;

beforeAll(async () => {
  host = createSimHost({ seed: 2, interactive: false });
  const d = host.docker as DockerEngine;
  await d.pull('ubuntu:20.04');
  await d.pull('nginx');
  d.create({ image: 'nginx', name: 'web' });
  src = completionSources(host);
});

const at = (line: string) => complete(line, line.length, src);

describe('completion', () => {
  it('completes command names in command position, after a pipe too', () => {
    expect(at('sha2').candidates).toEqual(['sha256sum']);
    expect(at('ls | gre').candidates).toContain('grep');
    expect(at('ech').candidates).toEqual(['echo']);
  });

  it("completes a command's flags after a dash", () => {
    expect(at('ls -').candidates).toContain('-l');
  });

  it('completes paths on the simulated disk, directories with a slash', () => {
    expect(at('ls /var/lib/dock').candidates).toEqual(['/var/lib/docker/']);
    const hosts = at('cat /etc/host').candidates;
    expect(hosts).toEqual(expect.arrayContaining(['/etc/hostname', '/etc/hosts']));
    expect(hosts.every((c) => c.startsWith('/etc/host'))).toBe(true);
    expect(at('cat /etc/hostn').common).toBe('/etc/hostname');
  });

  it('cd completes directories only', () => {
    expect(at('cd /etc/hostn').candidates).toEqual([]);
  });

  it('completes docker subcommands, images where docker takes an image, containers where it takes one', () => {
    expect(at('docker ru').candidates).toEqual(['run']);
    expect(at('docker run ub').candidates).toEqual(['ubuntu:20.04']);
    expect(at('docker image inspect ng').candidates).toEqual(['nginx:latest']);
    expect(at('docker exec -it w').candidates).toEqual(['web']);
  });

  it('reports where the completed word starts', () => {
    const line = 'docker run ub';
    expect(at(line).from).toBe(line.length - 2);
  });
});
