// systemctl and docker.service on the simulated host: stop, start, restart, status, daemon.json.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

let host: SimHost;

async function sh(line: string): Promise<{ out: string; code: number }> {
  let out = '';
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += String(d)),
    stderr: (d) => void (out += String(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  const r = await host.session.run(line, io);
  return { out, code: r.exitCode };
}

beforeEach(async () => {
  host = createSimHost({ seed: 4, interactive: false });
  await sh('docker pull busybox');
  await sh('docker run -d --name web busybox sleep 1000');
});

describe('systemctl and docker.service', () => {
  it('status shows the daemon running, exit 0; is-active says active', async () => {
    const s = await sh('systemctl status docker');
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/^● docker\.service - Docker Application Container Engine\n/);
    expect(s.out).toContain('Active: active (running) since');
    expect(await sh('systemctl is-active docker')).toEqual({ out: 'active\n', code: 0 });
  });

  it('stop stops the running containers and unmounts their layers', async () => {
    const stop = await sh('systemctl stop docker');
    expect(stop.out).toBe('Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n');
    expect(await sh('systemctl is-active docker')).toEqual({ out: 'inactive\n', code: 3 });
    expect((await sh('mount | grep -c overlay')).out).toBe('0\n');
  });

  it('a docker command after stop starts the daemon again through docker.socket, from what /var/lib/docker holds', async () => {
    await sh('systemctl stop docker');
    expect((await sh("docker ps -a --format '{{.Names}} {{.Status}}'")).out).toMatch(/^web Exited \(137\)/);
    expect((await sh("docker images --format '{{.Repository}}'")).out).toBe('busybox\n');
    expect((await sh('systemctl is-active docker')).out).toBe('active\n');
  });

  it('restart with a daemon.json that is not JSON fails the job and status tells why', async () => {
    host.rootProc.writeFile('/etc/docker/daemon.json', '{ "storage-driver": ');
    const r = await sh('systemctl restart docker');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Job for docker.service failed because the control process exited with error code.');
    const s = await sh('systemctl status docker');
    expect(s.code).toBe(3);
    expect(s.out).toContain('unable to configure the Docker daemon with file /etc/docker/daemon.json');
    expect((await sh('docker ps')).out).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
  });

  it('daemon.json asking for overlay2 or overlay works; a driver not simulated is refused honestly', async () => {
    host.rootProc.writeFile('/etc/docker/daemon.json', '{\n  "storage-driver": "overlay2"\n}\n');
    expect((await sh('systemctl restart docker')).code).toBe(0);
    host.rootProc.writeFile('/etc/docker/daemon.json', '{ "storage-driver": "overlay" }');
    expect((await sh('systemctl restart docker')).code).toBe(0);
    expect((await sh("docker info --format '{{.Driver}}'")).out).toBe('overlay\n');
    host.rootProc.writeFile('/etc/docker/daemon.json', '{ "storage-driver": "vfs" }');
    expect((await sh('systemctl restart docker')).code).toBe(1);
    expect((await sh('systemctl status docker')).out).toContain(
      'the vfs storage driver is not simulated by overlay-tutor (overlay2 and overlay are)',
    );
  });

  it('names a unit that does not exist as systemd does', async () => {
    expect(await sh('systemctl restart nginx')).toEqual({
      out: 'Failed to restart nginx.service: Unit nginx.service not found.\n',
      code: 5,
    });
  });
});

describe('journalctl -u docker.service', () => {
  it("shows dockerd's Go error and systemd's failure with -x's catalog when daemon.json is broken", async () => {
    await sh('echo oops > /etc/docker/daemon.json');
    expect((await sh('systemctl restart docker')).code).toBe(1);
    const j = await sh('journalctl -xeu docker.service');
    expect(j.code).toBe(0);
    expect(j.out).toMatch(
      /^\w{3} \d\d \d\d:\d\d:\d\d host dockerd\[\d+\]: unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: invalid character 'o' looking for beginning of value$/m,
    );
    expect(j.out).toContain("systemd[1]: docker.service: Failed with result 'exit-code'.\n");
    expect(j.out).toContain('░░ A start job for unit docker.service has finished with a failure.\n');
    // Without -x: no catalog lines; -n keeps the last lines.
    const last = await sh('journalctl -u docker -n 1');
    expect(last.out).toMatch(/systemd\[1\]: Failed to start Docker Application Container Engine\.\n$/);
    expect(last.out.split('\n')).toHaveLength(2);
  });

  it("shows dockerd's words for an unknown key, a key its flags set, and a value of the wrong type", async () => {
    const p = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';
    for (const [json, want] of [
      [
        '{ "storage-drive": "overlay2" }',
        "the following directives don't match any configuration option: storage-drive",
      ],
      [
        '{ "hosts": ["tcp://0.0.0.0:2375"] }',
        'the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [tcp://0.0.0.0:2375])',
      ],
      ['{ "debug": "true" }', 'json: cannot unmarshal string into Go struct field Config.debug of type bool'],
    ]) {
      host.rootProc.writeFile('/etc/docker/daemon.json', json as string);
      expect((await sh('systemctl restart docker')).code).toBe(1);
      expect((await sh('journalctl -xeu docker.service')).out).toContain(`dockerd[`);
      expect((await sh('journalctl -u docker.service')).out).toContain(`: ${p}${want}\n`);
    }
    host.rootProc.writeFile('/etc/docker/daemon.json', '{ "storage-driver": "overlay2", "debug": true }');
    expect((await sh('systemctl restart docker')).code).toBe(0);
  });

  it('a good start logs dockerd lines and Started; other units have no entries; bad options fail', async () => {
    const j = await sh('journalctl -u docker.service');
    expect(j.out).toContain('level=info msg="API listen on /run/docker.sock"');
    expect(j.out).toMatch(/systemd\[1\]: Started Docker Application Container Engine\.\n$/);
    expect(j.out).not.toContain('failed');
    expect(await sh('journalctl -u ssh')).toEqual({ out: '-- No entries --\n', code: 0 });
    expect((await sh('journalctl -z')).code).toBe(1);
  });
});
