// nginx's start writes into its container layer and prints as on a real host (nginx 1.25.2's
// entrypoint and nginx itself): docker diff of a fresh container is not empty; docker logs shows the
// entrypoint's lines and nginx's notices, whose worker pids were counted by running the image's
// scripts on Debian bookworm's dash in a pid namespace (see src/docker/engine/nginx-start.ts).
import { describe, expect, it } from 'vitest';
import { transcriptShell } from '../shell/shell-harness.js';

const shell = async () => transcriptShell();

describe("nginx's start in a container", () => {
  it('edits default.conf, makes the temp dirs and the pid file, and logs what the entrypoint did', async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name web nginx');
    expect(await sh('docker diff web | sort')).toBe(
      [
        'A /run/nginx.pid',
        'A /var/cache/nginx/client_temp',
        'A /var/cache/nginx/fastcgi_temp',
        'A /var/cache/nginx/proxy_temp',
        'A /var/cache/nginx/scgi_temp',
        'A /var/cache/nginx/uwsgi_temp',
        'C /etc',
        'C /etc/nginx',
        'C /etc/nginx/conf.d',
        'C /etc/nginx/conf.d/default.conf',
        'C /run',
        'C /var',
        'C /var/cache',
        'C /var/cache/nginx',
        '',
      ].join('\n'),
    );
    expect(await sh('docker exec web head -3 /etc/nginx/conf.d/default.conf')).toBe(
      'server {\n    listen       80;\n    listen  [::]:80;\n',
    );
    // The image's own default.conf is the packaged one, without the IPv6 line.
    expect(await sh('docker run --rm --entrypoint cat nginx /etc/nginx/conf.d/default.conf')).not.toContain('[::]');
    const logs = await sh('docker logs web');
    expect(logs).toContain(
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n',
    );
    expect(logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
    const upper = "$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' web)";
    expect(await sh(`ls -ld ${upper}/var/cache/nginx/client_temp`)).toMatch(/^drwx------ 2 101 root /);
    expect(await sh(`cat ${upper}/run/nginx.pid`)).toBe('1\n');
  });

  it("logs what nginx:1.25.2 logs, its workers' pids the ones its processes take (docker top agrees)", async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name web nginx');
    // Times by form: the simulated clock moves on with every read.
    const logs = (await sh('docker logs web')).replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm, '<time> ');
    expect(logs).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '<time> [notice] 1#1: using the "epoll" event method',
        '<time> [notice] 1#1: nginx/1.25.2',
        '<time> [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
        '<time> [notice] 1#1: OS: Linux 5.15.0-91-generic',
        '<time> [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
        '<time> [notice] 1#1: start worker processes',
        // runc init's threads take 2-6, the entrypoint's 22 processes 7-28 (dash forks counted).
        '<time> [notice] 1#1: start worker process 29',
        '<time> [notice] 1#1: start worker process 30',
        '',
      ].join('\n'),
    );
    // nginx's notices are its stderr, the entrypoint's lines its stdout.
    expect(await sh('docker logs web 2>/dev/null | grep -c notice')).toBe('0\n');
    // docker top: host pids, each worker as far after the master as it is inside the container.
    const top = (await sh("docker top web -o pid,ppid,args | tail -n +2 | awk '{print $1, $2}'")).trim().split('\n');
    const [master, w1, w2] = top.map((l) => l.split(' ').map(Number)) as [number[], number[], number[]];
    expect([(w1[0] as number) - (master[0] as number), (w2[0] as number) - (master[0] as number)]).toEqual([28, 29]);
    expect([w1[1], w2[1]]).toEqual([master[0], master[0]]);
  });

  it('a restart forks fewer (IPv6 already on), the quiet variable silences the entrypoint, $1 must be nginx', async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name web nginx && docker restart web');
    expect(await sh('docker logs web 2>&1 | tail -2 | cut -d" " -f3-')).toBe(
      '[notice] 1#1: start worker process 22\n[notice] 1#1: start worker process 23\n',
    );
    await sh('docker run -d --name quiet -e NGINX_ENTRYPOINT_QUIET_LOGS=1 nginx');
    expect(await sh('docker logs quiet 2>/dev/null | wc -l')).toBe('0\n');
    expect(await sh('docker logs quiet 2>&1 | grep -c notice')).toBe('8\n');
    // Not "nginx" itself: the entrypoint execs it without configuring (no IPv6 line, no forks).
    await sh('docker run -d --name raw nginx /usr/sbin/nginx -g "daemon off;"');
    expect(await sh('docker logs raw 2>/dev/null | wc -l')).toBe('0\n');
    expect(await sh('docker logs raw 2>&1 | tail -1 | cut -d" " -f3-')).toBe('[notice] 1#1: start worker process 8\n');
    expect(await sh('docker diff raw | grep -c default.conf')).toBe('0\n');
  });

  it('on a restart finds IPv6 enabled already; stopping removes the pid file', async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name web nginx');
    await sh('docker stop web');
    // /run keeps no change below it, and the naive diff does not compare a directory's own times.
    expect(await sh('docker diff web | grep run')).toBe('');
    await sh('docker start web');
    expect(await sh('docker logs web')).toContain(
      '10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n',
    );
    expect(await sh('docker diff web | grep -c nginx.pid')).toBe('1\n');
  });

  it('an nginx run without the entrypoint still makes its temp dirs, and prints no entrypoint lines', async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name raw --entrypoint nginx nginx -g "daemon off;"');
    expect(await sh('docker logs raw')).not.toContain('docker-entrypoint');
    expect(await sh('docker diff raw | sort | head -2')).toBe('A /run/nginx.pid\nA /var/cache/nginx/client_temp\n');
  });
});
