// nginx's start writes into its container layer as on a real host (nginx 1.25.2's entrypoint and
// nginx itself): docker diff of a fresh container is not empty.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

const dec = new TextDecoder();

async function shell() {
  const host = createSimHost({ seed: 7, interactive: false });
  return async (line: string) => {
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
