// docker run/create/start/stop/exec/ps/rm/diff/commit/inspect through the CLI front end, with the
// 20.10 CLI's outputs, flag parsing and error texts (docs/ground-truth.md sections 12 and 13).
import { describe, expect, it } from 'vitest';
import { humanSize } from '../../src/docker/go-units.js';
import { makeEnv, type Env } from './engine-harness.js';

async function withBusybox(): Promise<Env> {
  const e = makeEnv();
  await e.docker('pull', 'busybox');
  return e;
}

describe('docker run', () => {
  it('-d prints the 64-hex ID and leaves the container Up; -it enters a shell in merged/', async () => {
    const e = await withBusybox();
    const r = await e.docker('run', '-d', '--name=web', 'busybox', 'sleep', '1000');
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const c = e.daemon.getContainer('web');
    expect(c.state.status).toBe('running');
    const it_ = await e.docker('run', '-it', '--rm', 'busybox', 'sh');
    expect(it_.code).toBe(0);
    expect(e.entered).toHaveLength(1);
    expect(e.entered[0]?.root).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged$/);
    expect(e.entered[0]?.hostname).toMatch(/^[0-9a-f]{12}$/);
    e.entered[0]?.onExit?.();
    expect(e.daemon.ps(true)).toHaveLength(1); // --rm removed it when the shell exited
  });

  it('runs a command in the foreground and returns its exit status', async () => {
    const e = await withBusybox();
    const r = await e.docker('run', 'busybox', 'sh', '-c', 'echo hi > /hi && cat /hi');
    expect(r).toEqual({ code: 0, stdout: 'hi\n', stderr: '' });
    expect((await e.docker('run', 'busybox', 'sh', '-c', 'exit 3')).code).toBe(3);
  });

  it('pulls a missing image first, its progress on stderr', async () => {
    const e = makeEnv();
    const r = await e.docker('run', 'hello-world');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hello from Docker!');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      "Unable to find image 'hello-world:latest' locally",
      'latest: Pulling from library/hello-world',
    ]);
    expect(r.stderr).toContain('Status: Downloaded newer image for hello-world:latest\n');
  });

  it('reports a missing executable as runc does, exit 127, container left Created', async () => {
    const e = await withBusybox();
    const r = await e.docker('run', '--name', 'bad', 'busybox', 'nosuchcmd');
    expect(r.code).toBe(127);
    expect(r.stderr).toMatch(/^time="[^"]+" level=error msg="error waiting for container: context canceled"\n/);
    expect(r.stderr).toContain(
      'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown.\n',
    );
    expect(e.daemon.getContainer('bad').state.status).toBe('created');
  });

  // As a real 20.10.24 answered (script 93): the daemon's mergeAndVerifyConfig at create.
  it('an --entrypoint drops the image CMD too; with nothing to run the create fails', async () => {
    const e = await withBusybox();
    const json = '{{json .Config.Cmd}} {{json .Config.Entrypoint}} {{json .Path}} {{json .Args}}';
    await e.docker('create', '--name', 'ls', '--entrypoint', 'ls', 'busybox');
    expect((await e.docker('inspect', '-f', json, 'ls')).stdout).toBe('null ["ls"] "ls" []\n');
    await e.docker('create', '--name', 'yy', '--entrypoint', '', 'busybox', 'echo', 'y');
    expect((await e.docker('inspect', '-f', json, 'yy')).stdout).toBe('["echo","y"] null "echo" ["y"]\n');
    expect(await e.docker('create', '--name', 'none', '--entrypoint', '', 'busybox')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: No command specified\n',
    });
    expect((await e.docker('run', '--entrypoint', '', 'busybox')).stderr).toBe(
      "docker: Error response from daemon: No command specified.\nSee 'docker run --help'.\n",
    );
    expect(e.daemon.ps(true).map((c) => c.name)).toEqual(['/yy', '/ls']);
  });

  it('rename refuses an empty name before asking the daemon', async () => {
    const e = await withBusybox();
    await e.docker('create', '--name', 'aa', 'busybox');
    for (const [from, to] of [
      ['aa', ''],
      ['  ', 'bb'],
      ['aa', '   '],
    ])
      expect(await e.docker('rename', from as string, to as string)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'Error: Neither old nor new names may be empty\n',
      });
    expect((await e.docker('rename', ' aa ', ' bb ')).code).toBe(0);
    expect(e.daemon.getContainer('bb').name).toBe('/bb');
  });

  it('refuses a taken name and a one-letter name with the daemon texts', async () => {
    const e = await withBusybox();
    await e.docker('create', '--name', 'web', 'busybox');
    const id = e.daemon.getContainer('web').id;
    expect(await e.docker('run', '--name', 'web', 'busybox', 'true')).toEqual({
      code: 125,
      stdout: '',
      stderr: `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
    });
    expect((await e.docker('create', '--name', 'web', 'busybox')).stderr).toBe(
      `Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n`,
    );
    expect((await e.docker('run', '--name', 'w', 'busybox', 'true')).stderr).toBe(
      "docker: Error response from daemon: Invalid container name (w), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n",
    );
  });

  it('stops parsing flags at the image: flags after it belong to the command', async () => {
    const e = await withBusybox();
    const r = await e.docker('run', '--rm', 'busybox', 'ls', '-la', '/');
    expect(e.lines.at(-1)).toBe('ls -la /');
    expect(r.stdout).toContain('bin\n');
  });
});

describe('docker ps', () => {
  it('lists running containers, -a all, -q IDs, --no-trunc full IDs and commands', async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    await e.docker('run', '--name', 'once', 'busybox', 'sh', '-c', 'echo hi > /hello-world-file');
    const ps = await e.docker('ps');
    const lines = ps.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^[0-9a-f]{12} +busybox +"sleep 1000" +.+ ago +Up .+ +web$/);
    const all = await e.docker('ps', '-a');
    expect(all.stdout).toMatch(/"sh -c 'echo hi > \/h…" +.+ ago +Exited \(0\) .+ ago +once\n/);
    const q = await e.docker('ps', '-aq');
    expect(q.stdout).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}\n$/);
    const nt = await e.docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}');
    expect(nt.stdout.split('\n')[0]).toMatch(/^[0-9a-f]{64} "sh -c 'echo hi > \/hello-world-file'"$/);
  });

  it('-s shows the writable layer size with the image as virtual', async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    await e.docker('exec', 'web', 'sh', '-c', 'echo "Hello world" > /tmp/newfile');
    const r = await e.docker('ps', '-s', '--format', '{{.Size}}');
    const virtual = e.daemon.getImage('busybox').layer?.size ?? 0;
    expect(r.stdout).toBe(`12B (virtual ${humanSize(virtual + 12, 3)})\n`);
  });
});

describe('docker top', () => {
  it("-o takes ps's own column names, and a name an object happens to have is no column", async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    const r = await e.docker('top', 'web', '-o', 'pid,comm');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PID {17}COMMAND\n\d+ +sleep\n$/);
    // procps's words, passed on by the daemon (as a real docker 20.10 prints them).
    expect(await e.docker('top', 'web', '-o', 'constructor,pid')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: ps: error: unknown user-defined format specifier "constructor"\n',
    });
  });
});

describe('docker exec, diff, stop, rm', () => {
  it('exec runs in the merged root; diff shows the change; stop and rm print their argument', async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    expect((await e.docker('exec', 'web', 'rm', '/etc/passwd')).code).toBe(0);
    expect(await e.docker('diff', 'web')).toEqual({ code: 0, stdout: 'C /etc\nD /etc/passwd\n', stderr: '' });
    expect(await e.docker('stop', 'web')).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
    const id = e.daemon.getContainer('web').id;
    expect(await e.docker('exec', 'web', 'true')).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error response from daemon: Container ${id} is not running\n`,
    });
    expect(await e.docker('rm', 'web')).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
    expect(await e.docker('rm', 'web')).toEqual({ code: 1, stdout: '', stderr: 'Error: No such container: web\n' });
  });

  it('rm of a running container needs -f', async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    const id = e.daemon.getContainer('web').id;
    expect((await e.docker('rm', 'web')).stderr).toBe(
      `Error response from daemon: You cannot remove a running container ${id}. Stop the container before attempting removal or force remove\n`,
    );
    expect(await e.docker('rm', '-f', 'web')).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
  });

  it("exec of a program the image lacks is runc's error and status 126 (busybox has no bash)", async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    const prefix = 'OCI runtime exec failed: exec failed: unable to start container process: exec: ';
    // The daemon writes the failure into the exec's stdout stream (a real 20.10.24's `| awk` saw it).
    expect(await e.docker('exec', 'web', 'bash')).toEqual({
      code: 126,
      stdout: `${prefix}"bash": executable file not found in $PATH: unknown\r\n`,
      stderr: '',
    });
    expect(await e.docker('exec', '-it', 'web', 'bash')).toMatchObject({ code: 126 });
    expect(e.entered).toHaveLength(0);
    expect((await e.docker('exec', 'web', '/bin/nosuch')).stdout).toBe(
      `${prefix}"/bin/nosuch": stat /bin/nosuch: no such file or directory: unknown\r\n`,
    );
    // Go's findExecutable: a directory or a file without x is EACCES.
    await e.docker('exec', 'web', 'sh', '-c', 'echo x > /plain');
    for (const path of ['/etc', '/plain'])
      expect((await e.docker('exec', 'web', path)).stdout).toBe(`${prefix}"${path}": permission denied: unknown\r\n`);
    expect((await e.docker('exec', 'web', 'sh', '-c', 'echo ok')).stdout).toBe('ok\n');
  });

  it('exec -it with a shell enters the container', async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'web', 'busybox', 'sleep', '1000');
    await e.docker('exec', '-it', 'web', 'sh');
    expect(e.entered[0]?.root).toBe(e.daemon.mergedDir(e.daemon.getContainer('web')));
  });
});

describe('docker inspect of a container', () => {
  it('GraphDriver.Data names the init layer first and the container dirs', async () => {
    const e = await withBusybox();
    await e.docker('create', '--name', 'web', 'busybox', 'sleep', '1000');
    const c = e.daemon.getContainer('web');
    const r = await e.docker('inspect', '-f', '{{json .GraphDriver}}', 'web');
    const dir = `/var/lib/docker/overlay2/${c.rw.mountId}`;
    expect(JSON.parse(r.stdout)).toEqual({
      Data: {
        LowerDir: `${dir}-init/diff:/var/lib/docker/overlay2/${c.image.layer?.cacheId}/diff`,
        MergedDir: `${dir}/merged`,
        UpperDir: `${dir}/diff`,
        WorkDir: `${dir}/work`,
      },
      Name: 'overlay2',
    });
    expect((await e.docker('inspect', '-f', '{{.State.Status}} {{.Name}}', 'web')).stdout).toBe('created /web\n');
    expect(await e.docker('container', 'inspect', 'nosuch')).toEqual({
      code: 1,
      stdout: '[]\n',
      stderr: 'Error: No such container: nosuch\n',
    });
  });
});

describe('CLI errors', () => {
  it('unknown flags, shorthands, commands and missing arguments', async () => {
    const e = makeEnv();
    expect(await e.docker('run', '--bogus', 'busybox')).toEqual({
      code: 125,
      stdout: '',
      stderr: "unknown flag: --bogus\nSee 'docker run --help'.\n",
    });
    expect(await e.docker('ps', '--bogus')).toEqual({
      code: 125,
      stdout: '',
      stderr: "unknown flag: --bogus\nSee 'docker ps --help'.\n",
    });
    expect(await e.docker('images', '-z')).toEqual({
      code: 125,
      stdout: '',
      stderr: "unknown shorthand flag: 'z' in -z\nSee 'docker images --help'.\n",
    });
    expect(await e.docker('bogus')).toEqual({
      code: 1,
      stdout: '',
      stderr: "docker: 'bogus' is not a docker command.\nSee 'docker --help'\n",
    });
    expect(await e.docker('rm')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '"docker rm" requires at least 1 argument.\nSee \'docker rm --help\'.\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n',
    });
    expect((await e.docker('diff')).stderr).toBe(
      "\"docker diff\" requires exactly 1 argument.\nSee 'docker diff --help'.\n\nUsage:  docker diff CONTAINER\n\nInspect changes to files or directories on a container's filesystem\n",
    );
  });

  it('no such container, per command', async () => {
    const e = makeEnv();
    const n = 'nosuchcontainer';
    expect((await e.docker('stop', n)).stderr).toBe(`Error response from daemon: No such container: ${n}\n`);
    expect(await e.docker('start', n)).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error response from daemon: No such container: ${n}\nError: failed to start containers: ${n}\n`,
    });
    expect((await e.docker('kill', n)).stderr).toBe(
      `Error response from daemon: Cannot kill container: ${n}: No such container: ${n}\n`,
    );
    expect((await e.docker('exec', n, 'true')).stderr).toBe(`Error: No such container: ${n}\n`);
    expect((await e.docker('diff', n)).stderr).toBe(`Error response from daemon: No such container: ${n}\n`);
    expect((await e.docker('commit', n, 'x')).stderr).toBe(`Error response from daemon: No such container: ${n}\n`);
  });

  it("create of a missing image prints the pull failure without run's decorations", async () => {
    const e = makeEnv();
    expect(await e.docker('create', 'nosuchimage')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "Unable to find image 'nosuchimage:latest' locally\nError response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    });
  });
});

describe('docker info and system df', () => {
  it('info shows the overlay2 storage section of a 20.10 daemon', async () => {
    const e = makeEnv();
    const r = await e.docker('info');
    expect(r.stdout).toContain(
      ' Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Native Overlay Diff: true\n  userxattr: false\n',
    );
    expect(r.stdout).toContain(' Docker Root Dir: /var/lib/docker\n');
    expect(r.stdout).toMatch(/ ID: ([A-Z2-7]{4}:){11}[A-Z2-7]{4}\n/);
    expect((await e.docker('info', '--format', '{{json .DriverStatus}}')).stdout).toBe(
      '[["Backing Filesystem","extfs"],["Supports d_type","true"],["Native Overlay Diff","true"],["userxattr","false"]]\n',
    );
  });

  it('system df counts shared layers once, and a layer a used and an unused image share as reclaimable', async () => {
    const e = makeEnv();
    await e.docker('pull', 'debian:bookworm-slim');
    await e.docker('pull', 'nginx');
    const sizeOf = (ref: string): number => {
      let n = 0;
      for (let l = e.daemon.getImage(ref).layer; l; l = l.parent) n += l.size;
      return n;
    };
    const total = sizeOf('nginx');
    const base = sizeOf('debian:bookworm-slim');
    const row = (a: string, b: string, c: string, d: string, f: string): string =>
      `${a.padEnd(16)}${b.padEnd(10)}${c.padEnd(10)}${d.padEnd(10)}${f}`;
    let r = await e.docker('system', 'df');
    expect(r.stdout.split('\n')[0]).toMatch(/^TYPE +TOTAL +ACTIVE +SIZE +RECLAIMABLE$/);
    expect(r.stdout.split('\n')[1]).toBe(row('Images', '2', '0', humanSize(total), `${humanSize(total)} (100%)`));
    await e.docker('create', '--name', 'web', 'nginx');
    r = await e.docker('system', 'df');
    // nginx is used, but the debian layer it shares with the unused debian image is reclaimable.
    const pct = Math.trunc((base * 100) / total);
    expect(r.stdout.split('\n')[1]).toBe(row('Images', '2', '1', humanSize(total), `${humanSize(base)} (${pct}%)`));
    r = await e.docker('system', 'df', '--format', '{{.Type}} {{.Active}}');
    expect(r.stdout).toBe('Images 1\nContainers 0\nLocal Volumes 0\nBuild Cache 0\n');
    await e.docker('rmi', 'debian:bookworm-slim');
    r = await e.docker('system', 'df');
    expect(r.stdout.split('\n')[1]).toBe(row('Images', '1', '1', humanSize(total), '0B (0%)'));
  });

  it('system df -v --format runs the template once on the verbose report (no newline after it)', async () => {
    const e = makeEnv();
    await e.docker('pull', 'nginx');
    await e.docker('volume', 'create', 'named');
    await e.docker('create', '--name', 'web', '-v', 'named:/v', 'nginx');
    const sizes = await e.docker(
      'system',
      'df',
      '-v',
      '--format',
      '{{range .Images}}{{.Repository}} {{.Size}}|{{end}}',
    );
    expect(sizes.stdout).toMatch(/^nginx \d+(\.\d+)?MB\|$/);
    const lists = await e.docker(
      'system',
      'df',
      '-v',
      '--format',
      '{{len .Images}} {{len .Containers}} {{json .BuildCache}}',
    );
    expect(lists.stdout).toBe('1 1 []');
    const vol = await e.docker('system', 'df', '-v', '--format', '{{json .Volumes}}');
    expect(JSON.parse(vol.stdout)).toEqual([
      {
        Driver: 'local',
        Labels: '',
        Links: '1',
        Mountpoint: '/var/lib/docker/volumes/named/_data',
        Name: 'named',
        Scope: 'local',
        Size: '0B',
      },
    ]);
    const id = e.daemon.getContainer('web').id;
    expect((await e.docker('system', 'df', '-v', '--format', '{{range .Containers}}{{.ID}}{{end}}')).stdout).toBe(id);
    // An execution error is Go's alone; a parse error and the summary's carry the CLI's prefix.
    const bad = await e.docker('system', 'df', '-v', '--format', '{{.Type}}');
    expect(bad.stderr).toBe(
      'template: :1:2: executing "" at <.Type>: can\'t evaluate field Type in type *formatter.diskUsageContext\n',
    );
    expect(bad.code).toBe(1);
    expect((await e.docker('system', 'df', '-v', '--format', '{{.Nope')).stderr).toBe(
      'template parsing error: template: :1: unclosed action\n',
    );
  });
});

describe('docker logs and management commands', () => {
  it('logs replays what a detached container printed, from its json-file log', async () => {
    const e = makeEnv();
    await e.docker('pull', 'nginx');
    await e.docker('run', '-d', '--name', 'web', 'nginx');
    const r = await e.docker('logs', 'web');
    expect(r.stdout.split('\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    const id = e.daemon.getContainer('web').id;
    const first = e.read(`/var/lib/docker/containers/${id}/${id}-json.log`).split('\n')[0] as string;
    expect(JSON.parse(first)).toMatchObject({
      stream: 'stdout',
      log: '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n',
    });
    expect((await e.docker('logs', 'nosuch')).stderr).toBe('Error: No such container: nosuch\n');
  });

  it('docker image ls and docker container ls are images and ps', async () => {
    const e = await withBusybox();
    expect((await e.docker('image', 'ls', '-q')).stdout).toBe((await e.docker('images', '-q')).stdout);
    expect((await e.docker('container', 'ls', '-a')).stdout).toBe((await e.docker('ps', '-a')).stdout);
    expect((await e.docker('container', 'ls', '--bogus')).stderr).toBe(
      "unknown flag: --bogus\nSee 'docker container ls --help'.\n",
    );
  });
});

describe('docker ps PORTS', () => {
  it('shows exposed ports bare and published ones on both address families', async () => {
    const e = makeEnv();
    await e.docker('pull', 'nginx');
    await e.docker('run', '-d', '--name', 'web', '-p', '8080:80', 'nginx');
    await e.docker('run', '-d', '--name', 'web2', 'nginx');
    expect((await e.docker('ps', '--format', '{{.Names}} {{.Ports}}')).stdout).toBe(
      'web2 80/tcp\nweb 0.0.0.0:8080->80/tcp, :::8080->80/tcp\n',
    );
  });
});

describe('docker run -it through an entrypoint script', () => {
  it('nginx with bash enters the shell: docker-entrypoint.sh execs its arguments', async () => {
    const e = makeEnv();
    await e.docker('pull', 'nginx');
    expect((await e.docker('run', '-it', '--name', 'web', 'nginx', 'bash')).code).toBe(0);
    expect(e.entered).toHaveLength(1);
  });
});

describe('docker logs --since/--until values', () => {
  it("reads Go durations, Unix times and RFC 3339 dates as the daemon's timetypes do", async () => {
    const { logTime } = await import('../../src/shell/commands/docker/containers.js');
    const now = Date.UTC(2026, 0, 2, 12, 0, 0);
    expect(logTime('1h30m', now)).toBe(now - 5_400_000);
    expect(logTime('500ms', now)).toBe(now - 500);
    expect(logTime('1700000000', now)).toBe(1_700_000_000_000);
    expect(logTime('2026-01-01', now)).toBe(Date.UTC(2026, 0, 1));
    expect(logTime('2026-01-01T10:00:00+02:00', now)).toBe(Date.UTC(2026, 0, 1, 8));
    expect(logTime('nonsense', now)).toBeUndefined();
    expect(logTime('10x', now)).toBeUndefined();
  });
});

describe('labels, ps --filter, Config.Volumes and docker top with BSD options', () => {
  it('--label and -l set Config.Labels; ps filters on them and prints {{.Labels}} and {{.Label}}', async () => {
    const e = await withBusybox();
    await e.docker('create', '--name', 'web1', '--label', 'tier=web', 'busybox');
    await e.docker('create', '--name', 'db1', '-l', 'tier=db', '-l', 'owner=me', 'busybox');
    await e.docker('create', '--name', 'other', 'busybox');
    const names = async (...f: string[]) =>
      (await e.docker('ps', '-a', ...f.flatMap((x) => ['--filter', x]), '--format', '{{.Names}}')).stdout;
    expect(await names('label=tier')).toBe('db1\nweb1\n');
    expect(await names('label=tier=db')).toBe('db1\n');
    expect(await names('label=owner', 'label=tier=web')).toBe('');
    expect(await names('name=^/web')).toBe('web1\n');
    expect(await names('status=created', 'name=1')).toBe('db1\nweb1\n');
    expect(
      (await e.docker('ps', '-a', '--filter', 'label=tier=db', '--format', '{{.Labels}} {{.Label "owner"}}')).stdout,
    ).toBe('owner=me,tier=db me\n');
    expect((await e.docker('inspect', '-f', '{{json .Config.Labels}}', 'db1')).stdout).toBe(
      '{"owner":"me","tier":"db"}\n',
    );
    expect(await e.docker('ps', '--filter', 'foo=bar')).toMatchObject({
      stderr: "Error response from daemon: Invalid filter 'foo'\n",
      code: 1,
    });
    expect((await e.docker('ps', '--filter', 'label')).code).toBe(125);
    expect((await e.docker('create', '--label-file', '/nope', 'busybox')).stderr).toBe(
      "docker: open /nope: no such file or directory.\nSee 'docker create --help'.\n",
    );
  });

  it('Config.Volumes holds -v anonymous volumes and the image VOLUME paths, which get volumes too', async () => {
    const e = await withBusybox();
    await e.docker('volume', 'create', 'named');
    await e.docker('create', '--name', 'v1', '-v', '/data', '-v', 'named:/n', '-v', '/tmp:/h', 'busybox');
    expect((await e.docker('inspect', '-f', '{{.Config.Volumes}}', 'v1')).stdout).toBe('map[/data:{}]\n');
    await e.docker('commit', 'v1', 'withvol:1');
    await e.docker('create', '--name', 'v2', 'withvol:1');
    expect((await e.docker('inspect', '-f', '{{.Config.Volumes}} {{len .Mounts}}', 'v2')).stdout).toBe(
      'map[/data:{}] 1\n',
    );
  });

  it('docker top passes BSD options through: aux gives the user-oriented columns', async () => {
    const e = await withBusybox();
    await e.docker('run', '-d', '--name', 'top1', 'busybox', 'sleep', '1000');
    const out = (await e.docker('top', 'top1', 'aux')).stdout.split('\n');
    expect(out[0]?.split(/ +/)).toEqual([
      'USER',
      'PID',
      '%CPU',
      '%MEM',
      'VSZ',
      'RSS',
      'TTY',
      'STAT',
      'START',
      'TIME',
      'COMMAND',
    ]);
    expect(out[1]).toMatch(/^root +\d+ +0\.0 +0\.0 +\d+ +\d+ +\? +Ss +\d\d:\d\d +0:00 +sleep 1000$/);
  });
});
