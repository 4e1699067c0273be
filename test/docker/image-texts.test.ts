// The image files a learner reads are the real files, byte for byte (src/docker/registry/texts/ says
// where each comes from): their sizes and sha256 are the ones measured on the sources (nginxinc/
// docker-nginx at tag 1.25.2, nginx/pkg-oss 1.25.2-1, nginx release-1.25.2, Ubuntu focal's base-files
// and bash, focal's base-passwd 3.5.47 and jammy's 3.5.52build1), and `cat`, `sha256sum` and `wc -c`
// in a container read them so.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as nginxConf from '../../src/docker/registry/texts/nginx-conf.js';
import * as nginxEntrypoint from '../../src/docker/registry/texts/nginx-entrypoint.js';
import * as ubuntu from '../../src/docker/registry/texts/ubuntu-shell-files.js';
import * as debian from '../../src/docker/registry/texts/debian-shell-files.js';
import * as accounts from '../../src/docker/registry/texts/ubuntu-accounts.js';
import { transcriptShell } from '../shell/shell-harness.js';

const shell = async () => transcriptShell();

/** Where each text sits in its image, its size and its sha256, as measured on the source file. */
const REAL: Record<string, [path: string, size: number, sha256: string]> = {
  NGINX_ENTRYPOINT_SH: [
    '/docker-entrypoint.sh',
    1620,
    '3372fd90162da30d09f62c245e9c6bfd620fb0bb5b48ab54b16e804c2b9e8aae',
  ],
  NGINX_LISTEN_ON_IPV6_SH: [
    '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    2125,
    '8c5d2c912416126c7d65651600b166c00ad9ca3e3af82487ddd5a5da94fb8fb5',
  ],
  NGINX_LOCAL_RESOLVERS_ENVSH: [
    '/docker-entrypoint.d/15-local-resolvers.envsh',
    298,
    '18cb166b07aac0992725ca6eace13f2386f4f8eda16fece504303d4acc258cbf',
  ],
  NGINX_ENVSUBST_ON_TEMPLATES_SH: [
    '/docker-entrypoint.d/20-envsubst-on-templates.sh',
    3018,
    '253c8724acff9f5c0d0e8938e71fe7c33097d40031a5bc9c7f59dfd2ba5f1377',
  ],
  NGINX_TUNE_WORKER_PROCESSES_SH: [
    '/docker-entrypoint.d/30-tune-worker-processes.sh',
    4619,
    '1f068aa49da8df46bfd5a917debf110af9b115370739e3be34af83ebf583fbce',
  ],
  NGINX_CONF: ['/etc/nginx/nginx.conf', 648, '078266b9ee3e3c9c8ff30a342e089d7015c3e148bb9d1d41493d38615ae8adec'],
  NGINX_DEFAULT_CONF: [
    '/etc/nginx/conf.d/default.conf',
    1072,
    '48801b39b849818cd0a79221fa1e2b60aa198453368fdd46071d4b9883f5777c',
  ],
  NGINX_MIME_TYPES: ['/etc/nginx/mime.types', 5349, '6f95d1d7d75e3c072907d845622a69d23110d1266c16ff122b3109b8b21f3ae9'],
  NGINX_FASTCGI_PARAMS: [
    '/etc/nginx/fastcgi_params',
    1007,
    'f37852d0113de30fa6bfc3d9b180ef99383c06739530dd482a8538503afd5a58',
  ],
  NGINX_SCGI_PARAMS: [
    '/etc/nginx/scgi_params',
    636,
    'f27b2027c571ccafcfb0fbb3f54d7aeee11a984e3a0f5a1fdf14629030fc9011',
  ],
  NGINX_UWSGI_PARAMS: [
    '/etc/nginx/uwsgi_params',
    664,
    '015cb581c2eb84b1a1ac9b575521d5881f791f632bfa62f34b26ba97d70c0d4f',
  ],
  NGINX_INDEX_HTML: [
    '/usr/share/nginx/html/index.html',
    615,
    'fb47468a2cd3953c7131431991afcc6a2703f14640520102eea0a685a7e8d6de',
  ],
  NGINX_50X_HTML: [
    '/usr/share/nginx/html/50x.html',
    497,
    '876766b4e80133fd490603e073d3567425b88794828a9292104244c9e40875ed',
  ],
  NGINX_COPYRIGHT: [
    '/usr/share/doc/nginx/copyright',
    1377,
    '4f72e2bccf0bcd839dd447ab6f359336f428caa1987a9afec2bc9ade5711658a',
  ],
  UBUNTU_ROOT_BASHRC: ['/root/.bashrc', 3106, '34fbc467b8c624d92abcdf3edcf35ee46032618a6f23b210efab0e6824978126'],
  UBUNTU_ROOT_PROFILE: ['/root/.profile', 161, 'bbee58b1e0787bb851e7f7a4d0c187a8122d68eb67e5fa464696310398ac005b'],
  UBUNTU_SKEL_BASHRC: ['/etc/skel/.bashrc', 3771, '342099da4dd28c394d3f8782d90d7465cb2eaa611193f8f378d6918261cb9bb8'],
  UBUNTU_SKEL_PROFILE: ['/etc/skel/.profile', 807, '28b4a453b68dde64f814e94bab14ee651f4f162e15dd9920490aa1d49f05d2a4'],
  UBUNTU_SKEL_BASH_LOGOUT: [
    '/etc/skel/.bash_logout',
    220,
    '26882b79471c25f945c970f8233d8ce29d54e9d5eedcd2884f88affa84a18f56',
  ],
  UBUNTU_BASH_BASHRC: ['/etc/bash.bashrc', 2319, '29128d49b590338131373ec431a59c0b5318330050aac9ac61d5098517ac9a25'],
  FOCAL_PASSWD: ['/etc/passwd', 926, '5baf19ce6561538119dfe32d561d6ab8509703606f768fea72723a01ee4264b7'],
  JAMMY_PASSWD: ['/etc/passwd', 922, '7a4141683fb585190aaa61c6827a61afd471a1f528e8e0b98746d084a1a3a1a1'],
  UBUNTU_GROUP: ['/etc/group', 446, '639aef8980b6ea2ea640187f4117523b4ade4b7289a5f8b3ef8ad7bb1a731fa7'],
  FOCAL_PROFILE: ['/etc/profile', 581, '3358f609b4bc5c0b50f1dd3cffb3861404027bee127580370cbad3db7cc5b209'],
  JAMMY_PROFILE: ['/etc/profile', 582, '66f4510566d71c4a49717f54a29d8c4268fd332a49595dbe78c072e06e5ca60f'],
  DEBIAN_ROOT_BASHRC: ['/root/.bashrc', 571, '373b7d3b2ab90d75daf94ca16d61339d088c12020ad43b65d1b34ea80b0c0818'],
  DEBIAN_SKEL_BASHRC: ['/etc/skel/.bashrc', 3526, 'afae8986f549c6403410e029f9cce7983311512d04b1f02af02e4ce0af0dd2bf'],
  DEBIAN_BASH_BASHRC: ['/etc/bash.bashrc', 1994, 'af4f09eb27cb7f140dfee7f3285574a68ca50ac1db2019652cef4196ee346307'],
  DEBIAN_PROFILE: ['/etc/profile', 769, '75656c9c0f960573c7530d29286d273f6cef68d9b17cfeb0d74c712860d56b74'],
};

const TEXTS: Record<string, string> = { ...ubuntu, ...accounts, ...debian, ...nginxConf, ...nginxEntrypoint };
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const names = (prefix: string) => Object.keys(REAL).filter((k) => k.startsWith(prefix));
/** What each image holds of the shell start-up files (Debian's bash and base-files share three with Ubuntu's). */
const SHARED = ['UBUNTU_ROOT_PROFILE', 'UBUNTU_SKEL_PROFILE', 'UBUNTU_SKEL_BASH_LOGOUT'];
const HELD: Record<string, string[]> = {
  'ubuntu:20.04': [...names('UBUNTU_'), 'FOCAL_PROFILE', 'FOCAL_PASSWD'],
  'ubuntu:22.04': [...names('UBUNTU_'), 'JAMMY_PROFILE', 'JAMMY_PASSWD'],
  'debian:bookworm-slim': [...names('DEBIAN_'), ...SHARED],
  nginx: [...names('DEBIAN_'), ...SHARED, ...names('NGINX_')],
};
/** `sha256sum` of the files, as coreutils prints it. */
const sums = (held: string[]) => held.map((n) => `${REAL[n]?.[2]}  ${REAL[n]?.[0]}\n`).join('');
const pathsOf = (held: string[]) => held.map((n) => REAL[n]?.[0]).join(' ');

describe('the texts of the tutorial images', () => {
  it('are the real files: every text held is listed, with its size and sha256', () => {
    expect(Object.keys(TEXTS).sort()).toEqual(Object.keys(REAL).sort());
    for (const [name, [, size, hash]] of Object.entries(REAL)) {
      const text = TEXTS[name] as string;
      expect([name, Buffer.byteLength(text, 'utf8'), sha256(text)]).toEqual([name, size, hash]);
    }
  });

  it('the Debian-family images hold their own: sha256sum in a container', async () => {
    const sh = await shell();
    for (const image of ['ubuntu:20.04', 'ubuntu:22.04', 'debian:bookworm-slim']) {
      await sh(`docker pull -q ${image}`);
      const held = HELD[image] as string[];
      expect(await sh(`docker run --rm ${image} sha256sum ${pathsOf(held)}`)).toBe(sums(held));
    }
  });

  it('ubuntu:20.04: wc -c counts the real size, cat shows the first and last lines', async () => {
    const sh = await shell();
    await sh('docker pull -q ubuntu:20.04');
    expect(await sh('docker run --rm ubuntu:20.04 wc -c /root/.bashrc')).toBe('3106 /root/.bashrc\n');
    const bashrc = (await sh('docker run --rm ubuntu:20.04 cat /root/.bashrc')).split('\n');
    expect(bashrc[0]).toBe('# ~/.bashrc: executed by bash(1) for non-login shells.');
    expect(bashrc.slice(-4)).toEqual([
      '#if [ -f /etc/bash_completion ] && ! shopt -oq posix; then',
      '#    . /etc/bash_completion',
      '#fi',
      '',
    ]);
    expect(bashrc.filter((l) => /^#+$/.test(l))).toEqual([]); // no padding lines
    expect(await sh('docker run --rm ubuntu:20.04 tail -1 /root/.profile')).toBe('mesg n 2> /dev/null || true\n');
  });

  it('nginx holds them: sha256sum in a container, cat shows the scripts first and last lines', async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name web nginx');
    const held = HELD.nginx as string[];
    // default.conf is the packaged one in the image; the running container's has the entrypoint's edit.
    expect(await sh(`docker run --rm --entrypoint sha256sum nginx ${pathsOf(held)}`)).toBe(sums(held));
    expect(await sh('docker exec web cat /docker-entrypoint.sh | head -4')).toBe(
      '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n',
    );
    expect(await sh('docker exec web tail -1 /docker-entrypoint.sh')).toBe('exec "$@"\n');
    expect(await sh('docker exec web cat /docker-entrypoint.d/30-tune-worker-processes.sh | tail -1')).toBe(
      `sed -i.bak -r 's/^(worker_processes)(.*)$/# Commented out by '"$ME"' on '"$(date)"'\\n#\\1\\2\\n\\1 '"$ncpu"';/'` +
        ' /etc/nginx/nginx.conf\n',
    );
    expect(await sh('docker exec web tail -1 /docker-entrypoint.d/15-local-resolvers.envsh')).toBe(
      'export NGINX_LOCAL_RESOLVERS\n',
    );
    expect(await sh('docker exec web head -2 /etc/nginx/nginx.conf')).toBe('\nuser  nginx;\n');
    expect(await sh('docker exec web grep -c "#####" /docker-entrypoint.d/20-envsubst-on-templates.sh')).toBe('0\n');
  });

  it("debian:bookworm-slim's passwd and group are base-passwd 3.6.1's; nginx's layer adds its user and group", async () => {
    const sh = await shell();
    await sh('docker pull -q debian:bookworm-slim && docker pull -q nginx');
    // A Debian 12 system's: 18 and 38 lines, _apt a static uid 42 before nobody, no gnats.
    expect(await sh('docker run --rm debian:bookworm-slim wc -lc /etc/passwd /etc/group')).toBe(
      '  18  839 /etc/passwd\n  38  434 /etc/group\n  56 1273 total\n',
    );
    expect(await sh('docker run --rm debian:bookworm-slim sed -n 16,18p /etc/passwd')).toBe(
      'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n' +
        'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    );
    const inNginx = (cmd: string) => sh(`docker run --rm --entrypoint sh nginx -c '${cmd}'`);
    expect(await inNginx('wc -l /etc/passwd /etc/group; tail -1 /etc/passwd; tail -1 /etc/group')).toBe(
      '  19 /etc/passwd\n  39 /etc/group\n  58 total\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\nnginx:x:101:\n',
    );
  });

  it("nginx's scripts run as themselves in the container, and say what the real ones say", async () => {
    const sh = await shell();
    await sh('docker pull -q nginx && docker run -d --name web nginx');
    // The entrypoint execs what it is given when that is not nginx.
    expect(await sh('docker exec web /docker-entrypoint.sh echo hi')).toBe('hi\n');
    // Without their variables set, the scripts leave at once, saying nothing.
    expect(await sh('docker exec web /docker-entrypoint.d/30-tune-worker-processes.sh; echo $?')).toBe('0\n');
    expect(await sh('docker exec web /docker-entrypoint.d/20-envsubst-on-templates.sh; echo $?')).toBe('0\n');
  });
});
