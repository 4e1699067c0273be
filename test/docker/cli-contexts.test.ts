// docker context, against what the real 20.10.24 CLI printed on a host with no DOCKER_HOST and no
// ~/.docker (recorded here by hand: these commands need no daemon, and the conformance scripts'
// real side always has DOCKER_HOST set, which changes every line of them).
import { describe, expect, it } from 'vitest';
import { makeEnv } from './engine-harness.js';

const DEFAULT_INSPECT = `[
    {
        "Name": "default",
        "Metadata": {
            "StackOrchestrator": "swarm"
        },
        "Endpoints": {
            "docker": {
                "Host": "unix:///var/run/docker.sock",
                "SkipTLSVerify": false
            }
        },
        "TLSMaterial": {},
        "Storage": {
            "MetadataPath": "\\u003cIN MEMORY\\u003e",
            "TLSPath": "\\u003cIN MEMORY\\u003e"
        }
    }
]
`;

describe('docker context', () => {
  it('ls shows the default context, marked current only in the table', async () => {
    const e = makeEnv();
    expect(await e.docker('context', 'ls')).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'NAME        DESCRIPTION                               DOCKER ENDPOINT               KUBERNETES ENDPOINT   ORCHESTRATOR\n' +
        'default *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock                         swarm\n',
    });
    expect(
      (await e.docker('context', 'ls', '--format', 'table {{.Name}}\t{{.Current}}\t{{.StackOrchestrator}}')).stdout,
    ).toBe('NAME      <no value>   ORCHESTRATOR\ndefault   true         swarm\n');
    expect((await e.docker('context', 'ls', '-q', '--format', '{{.Name}}x')).stdout).toBe('default\n');
    expect((await e.docker('context', 'ls', '--format', '{{json .}}')).stdout).toBe(
      '{"Current":true,"Description":"Current DOCKER_HOST based configuration","DockerEndpoint":"unix:///var/run/docker.sock","KubernetesEndpoint":"","Name":"default","StackOrchestrator":"swarm"}\n',
    );
    expect(await e.docker('context', 'ls', 'x')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^"docker context ls" accepts no arguments\.\n/),
    });
  });

  it('inspect prints the default context, and stops at a name it does not know', async () => {
    const e = makeEnv();
    expect(await e.docker('context', 'inspect')).toEqual({ code: 0, stdout: DEFAULT_INSPECT, stderr: '' });
    expect(await e.docker('context', 'inspect', 'default', 'nosuch')).toEqual({
      code: 1,
      stdout: DEFAULT_INSPECT,
      stderr: 'context "nosuch" does not exist\n',
    });
    expect(await e.docker('context', 'inspect', 'nosuch')).toEqual({
      code: 1,
      stdout: '[]\n',
      stderr: 'context "nosuch" does not exist\n',
    });
    expect((await e.docker('context', 'inspect', '-f', '{{.Name}} {{.Endpoints.docker.Host}}', 'default')).stdout).toBe(
      'default unix:///var/run/docker.sock\n',
    );
  });

  it('use default writes the CLI config file a fresh host lacks; other names and rm fail', async () => {
    const e = makeEnv();
    expect(await e.docker('context', 'use', 'default')).toEqual({
      code: 0,
      stdout: 'default\n',
      stderr: 'Current context is now "default"\n',
    });
    expect(e.read('/root/.docker/config.json')).toBe('{\n\t"auths": {}\n}');
    expect(e.proc.stat('/root/.docker').mode & 0o7777).toBe(0o700);
    expect(e.proc.stat('/root/.docker/config.json').mode & 0o7777).toBe(0o600);
    expect(await e.docker('context', 'use', 'nosuch')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'context "nosuch" does not exist\n',
    });
    expect(await e.docker('context', 'rm', 'default', 'nosuch')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'default: context "default" cannot be removed\nnosuch: context "nosuch" does not exist\n',
    });
    // Creating one is beyond the simulator; it says so rather than pretending.
    expect((await e.docker('context', 'create', 'xy')).stderr).toContain('not simulated here');
  });
});
