// Root filesystems of the small tutorial images (busybox, alpine, hello-world) and nginx's layers
// above its Debian base. nginx's config files are the image's real defaults.
import type { LayerEntry } from '../layer-tar.js';
import {
  NGINX_50X_HTML,
  NGINX_CONF,
  NGINX_COPYRIGHT,
  NGINX_DEFAULT_CONF,
  NGINX_FASTCGI_PARAMS,
  NGINX_INDEX_HTML,
  NGINX_MIME_TYPES,
  NGINX_SCGI_PARAMS,
  NGINX_UWSGI_PARAMS,
} from './texts/nginx-conf.js';
import {
  NGINX_ENTRYPOINT_SH,
  NGINX_ENVSUBST_ON_TEMPLATES_SH,
  NGINX_LISTEN_ON_IPV6_SH,
  NGINX_LOCAL_RESOLVERS_ENVSH,
  NGINX_TUNE_WORKER_PROCESSES_SH,
} from './texts/nginx-entrypoint.js';
import { BOOKWORM_GROUPS, BOOKWORM_PASSWD, groupLines, TreeBuilder } from './rootfs.js';

const BUSYBOX_APPLETS = (
  'ar arch ash awk base64 basename bc cat chgrp chmod chown chroot cksum clear cmp cp cpio cut date dc dd df diff ' +
  'dirname dmesg dnsdomainname du echo ed egrep env expand expr false fdisk fgrep find fold free fsync getopt grep ' +
  'groups gunzip gzip halt head hexdump hostid hostname id ifconfig install ip ipcalc kill killall less link ln ' +
  'logger login ls lsof md5sum mkdir mkfifo mknod mktemp more mount mv nc netstat nice nl nohup nproc nslookup od ' +
  'passwd paste patch pidof ping pipe_progress printenv printf ps pwd readlink realpath reboot renice reset rev rm ' +
  'rmdir route sed seq sh sha1sum sha256sum sha512sum sleep sort split stat strings stty su sync sysctl tac tail ' +
  'tar tee telnet test time timeout top touch tr traceroute true truncate tty umount uname uniq unlink unzip uptime ' +
  'usleep uudecode uuencode vi watch wc wget which who whoami xargs yes zcat'
).split(' ');

export const BUSYBOX_APPLET_NAMES: readonly string[] = BUSYBOX_APPLETS;

const BUSYBOX_MTIME = 1_686_000_000; // 2023-06-05

/** busybox:latest: bin/busybox and every applet as a hard link to it, as the official image has. */
export function busyboxRoot(): LayerEntry[] {
  const t = new TreeBuilder(BUSYBOX_MTIME);
  // The glibc variant: busybox and the C library it is linked against (weights as the real files').
  t.binary('bin/busybox', 1_131_000, 1);
  t.binary('lib/libc.so.6', 2_216_000, 1).binary('lib/libm.so.6', 907_000, 1).binary('lib/libresolv.so.2', 68_000, 1);
  t.binary('lib/libnss_files.so.2', 14_000, 1).binary('lib/libnss_dns.so.2', 14_000, 1);
  t.binary('lib64/ld-linux-x86-64.so.2', 236_000, 1);
  for (const a of BUSYBOX_APPLETS) t.hardlink(`bin/${a}`, 'bin/busybox');
  t.dir('dev').dir('home').dir('root', 0o700).dir('tmp', 0o1777).dir('usr/sbin').dir('var/spool/mail').dir('var/www');
  t.file(
    'etc/group',
    [
      'root:x:0:',
      'daemon:x:1:',
      'bin:x:2:',
      'sys:x:3:',
      'adm:x:4:',
      'tty:x:5:',
      'disk:x:6:',
      'wheel:x:10:root',
      'mail:x:12:',
      'www-data:x:33:',
      'nobody:x:65534:',
      '',
    ].join('\n'),
  );
  t.file(
    'etc/passwd',
    [
      'root:x:0:0:root:/root:/bin/sh',
      'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
      'bin:x:2:2:bin:/bin:/bin/false',
      'sys:x:3:3:sys:/dev:/bin/false',
      'sync:x:100:100:sync:/bin:/bin/sync',
      'mail:x:8:8:mail:/var/spool/mail:/bin/false',
      'www-data:x:33:33:www-data:/var/www:/bin/false',
      'operator:x:37:37:Operator:/var:/bin/false',
      'nobody:x:65534:65534:nobody:/home:/bin/false',
      '',
    ].join('\n'),
  );
  t.file('etc/shadow', 'root:*:10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n', 0o600);
  t.file('etc/localtime', new Uint8Array(114), 0o644);
  t.file('etc/network/if-up.d/.keep', '').dir('etc/network/if-down.d');
  return t.list();
}

const ALPINE_MTIME = 1_691_000_000; // 2023-08-02

/** alpine:latest: busybox with symlinks, musl, apk's database, /etc of Alpine 3.18. */
export function alpineRoot(): LayerEntry[] {
  const t = new TreeBuilder(ALPINE_MTIME);
  t.binary('bin/busybox', 800_000, 1);
  for (const a of BUSYBOX_APPLETS.filter(
    (a) =>
      ![
        'ar',
        'bc',
        'dc',
        'ed',
        'less',
        'strings',
        'time',
        'traceroute',
        'unzip',
        'wget',
        'which',
        'top',
        'nc',
        'telnet',
        'ip',
        'passwd',
        'halt',
        'reboot',
        'route',
        'ifconfig',
        'free',
        'uptime',
        'watch',
        'killall',
        'hexdump',
        'uudecode',
        'uuencode',
        'lsof',
        'nslookup',
        'patch',
        'pipe_progress',
        'fsync',
        'ipcalc',
        'cpio',
        'vi',
        'xargs',
        'find',
        'cmp',
        'diff',
        'expand',
        'fold',
        'nl',
        'paste',
        'split',
        'tac',
        'tee',
        'tr',
        'uniq',
        'wc',
        'yes',
        'whoami',
        'who',
        'md5sum',
        'sha1sum',
        'sha256sum',
        'sha512sum',
        'cksum',
        'hostid',
        'nproc',
        'realpath',
        'seq',
        'sort',
        'timeout',
        'truncate',
        'tty',
        'logger',
        'install',
        'dnsdomainname',
        'renice',
        'reset',
        'clear',
        'nohup',
        'printenv',
        'id',
        'groups',
        'env',
        'expr',
        'head',
        'tail',
        'test',
        'od',
        'dirname',
        'basename',
        'cut',
        'awk',
        'base64',
      ].includes(a),
  ))
    t.symlink(`bin/${a}`, '/bin/busybox');
  for (const a of [
    'awk',
    'basename',
    'base64',
    'cksum',
    'clear',
    'cmp',
    'cut',
    'diff',
    'dirname',
    'env',
    'expand',
    'expr',
    'find',
    'fold',
    'free',
    'groups',
    'head',
    'hexdump',
    'hostid',
    'id',
    'install',
    'killall',
    'less',
    'logger',
    'md5sum',
    'nl',
    'nohup',
    'nproc',
    'nslookup',
    'od',
    'paste',
    'printenv',
    'realpath',
    'reset',
    'seq',
    'sha1sum',
    'sha256sum',
    'sha512sum',
    'sort',
    'split',
    'strings',
    'tac',
    'tail',
    'tee',
    'test',
    'time',
    'timeout',
    'top',
    'tr',
    'traceroute',
    'truncate',
    'tty',
    'uniq',
    'unzip',
    'uptime',
    'uudecode',
    'uuencode',
    'vi',
    'watch',
    'wc',
    'wget',
    'which',
    'who',
    'whoami',
    'xargs',
    'yes',
  ])
    t.symlink(`usr/bin/${a}`, '/bin/busybox');
  t.binary('lib/ld-musl-x86_64.so.1', 600_000, 1).symlink('lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  t.binary('lib/libz.so.1.2.13', 90_000, 1).symlink('lib/libz.so.1', 'libz.so.1.2.13');
  t.binary('lib/libcrypto.so.3', 400_000, 1)
    .binary('lib/libssl.so.3', 200_000, 1)
    .binary('lib/libapk.so.3.12.0', 200_000, 1);
  t.binary('sbin/apk', 60_000, 1).binary('sbin/ldconfig', 300, 1).symlink('sbin/init', '/bin/busybox');
  t.binary('usr/bin/getconf', 30_000, 1)
    .binary('usr/bin/getent', 40_000, 1)
    .binary('usr/bin/ssl_client', 14_000, 1)
    .binary('usr/bin/scanelf', 80_000, 1);
  t.file('etc/alpine-release', '3.18.3\n');
  t.file(
    'etc/os-release',
    [
      'NAME="Alpine Linux"',
      'ID=alpine',
      'VERSION_ID=3.18.3',
      'PRETTY_NAME="Alpine Linux v3.18"',
      'HOME_URL="https://alpinelinux.org/"',
      'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
      '',
    ].join('\n'),
  );
  t.file('etc/issue', 'Welcome to Alpine Linux 3.18\nKernel \\r on an \\m (\\l)\n\n');
  t.file(
    'etc/passwd',
    [
      'root:x:0:0:root:/root:/bin/ash',
      'bin:x:1:1:bin:/bin:/sbin/nologin',
      'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
      'nobody:x:65534:65534:nobody:/:/sbin/nologin',
      '',
    ].join('\n'),
  );
  t.file('etc/group', 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nnobody:x:65533:\n');
  t.file('etc/shadow', 'root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n', 0o640, 42);
  t.file('etc/hostname', 'localhost\n').file(
    'etc/hosts',
    '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n',
  );
  t.file(
    'etc/profile',
    'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n',
  );
  t.file('etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n').file('etc/motd', 'Welcome to Alpine!\n');
  t.file(
    'etc/apk/repositories',
    'https://dl-cdn.alpinelinux.org/alpine/v3.18/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.18/community\n',
  );
  t.file('etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n').file(
    'etc/apk/arch',
    'x86_64\n',
  );
  t.file(
    'lib/apk/db/installed',
    [
      'C:Q1abc',
      'P:musl',
      'V:1.2.4-r1',
      'A:x86_64',
      '',
      'P:busybox',
      'V:1.36.1-r2',
      'A:x86_64',
      '',
      'P:alpine-baselayout',
      'V:3.4.3-r1',
      'A:x86_64',
      '',
      '',
    ].join('\n'),
  );
  for (const d of [
    'dev',
    'home',
    'media/cdrom',
    'media/floppy',
    'media/usb',
    'mnt',
    'opt',
    'proc',
    'run',
    'srv',
    'sys',
    'usr/local/bin',
    'usr/local/lib',
    'usr/local/share',
    'usr/share/apk/keys',
    'var/cache/apk',
    'var/empty',
    'var/lib/misc',
    'var/log',
    'var/mail',
    'var/opt',
    'var/spool/cron/crontabs',
  ])
    t.dir(d);
  t.dir('root', 0o700)
    .dir('tmp', 0o1777)
    .dir('var/tmp', 0o1777)
    .symlink('var/run', '/run')
    .symlink('var/lock', '/run/lock');
  return t.list();
}

export const HELLO_MESSAGE = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

/** hello-world: one static binary, /hello. Its bytes embed the message it prints. */
export function helloRoot(): LayerEntry[] {
  const msg = new TextEncoder().encode(HELLO_MESSAGE);
  const content = new Uint8Array(13_256);
  content.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  content.set(msg, 0x1000);
  return [{ path: 'hello', type: 'file', mode: 0o775, content, mtime: 1_683_000_000 }];
}

const NGINX_MTIME = 1_692_000_000;

const NGINX_DEPENDENCIES: [string, number][] = [
  ['libicudata.so.72.1', 31_000_000],
  ['libicui18n.so.72.1', 3_400_000],
  ['libicuuc.so.72.1', 2_100_000],
  ['libcrypto.so.3', 4_700_000],
  ['libssl.so.3', 700_000],
  ['libxml2.so.2.9.14', 2_000_000],
  ['libxslt.so.1.1.35', 260_000],
  ['libexslt.so.0.8.20', 90_000],
  ['libgd.so.3.0.11', 430_000],
  ['libtiff.so.6.0.0', 560_000],
  ['libwebp.so.7.1.5', 530_000],
  ['libjpeg.so.62.3.0', 430_000],
  ['libpng16.so.16.39.0', 220_000],
  ['libfreetype.so.6.18.3', 800_000],
  ['libfontconfig.so.1.12.0', 290_000],
  ['libX11.so.6.4.0', 1_300_000],
  ['libxcb.so.1.1.0', 170_000],
  ['libgeoip.so.1.6.12', 130_000],
  ['libedit.so.2.0.70', 240_000],
  ['libperl.so.5.36.0', 3_900_000],
  ['libgcrypt.so.20.4.1', 1_300_000],
  ['libstdc++.so.6.0.30', 2_200_000],
];

/** The layers nginx:latest adds on its Debian base, in order (install, entrypoint, its four scripts). */
export function nginxLayers(): LayerEntry[][] {
  const install = new TreeBuilder(NGINX_MTIME);
  install.binary('usr/sbin/nginx', 1_200_000, 1).binary('usr/sbin/nginx-debug', 1_300_000, 1);
  // What apt-get install brings along (libxml2 → ICU, whose data is most of the layer; njs; GD),
  // weighted as the real files are.
  for (const [lib, weight] of NGINX_DEPENDENCIES) install.binary(`usr/lib/x86_64-linux-gnu/${lib}`, weight, 1);
  install.file('etc/nginx/nginx.conf', NGINX_CONF).file('etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
  install
    .file('etc/nginx/mime.types', NGINX_MIME_TYPES)
    .file('etc/nginx/fastcgi_params', NGINX_FASTCGI_PARAMS)
    .file('etc/nginx/scgi_params', NGINX_SCGI_PARAMS)
    .file('etc/nginx/uwsgi_params', NGINX_UWSGI_PARAMS);
  install.symlink('etc/nginx/modules', '/usr/lib/nginx/modules');
  for (const m of [
    'ngx_http_geoip_module.so',
    'ngx_http_image_filter_module.so',
    'ngx_http_js_module.so',
    'ngx_http_xslt_filter_module.so',
    'ngx_stream_geoip_module.so',
    'ngx_stream_js_module.so',
  ])
    install.binary(`usr/lib/nginx/modules/${m}`, 40_000, 30_000);
  install
    .file('usr/share/nginx/html/index.html', NGINX_INDEX_HTML)
    .file('usr/share/nginx/html/50x.html', NGINX_50X_HTML);
  install.dir('var/cache/nginx').dir('var/log/nginx');
  install.symlink('var/log/nginx/access.log', '/dev/stdout').symlink('var/log/nginx/error.log', '/dev/stderr');
  // groupadd --system --gid 101 nginx && useradd --system … --uid 101 nginx: one line more in each.
  install.file('etc/passwd', [...BOOKWORM_PASSWD, 'nginx:x:101:101:nginx user:/nonexistent:/bin/false', ''].join('\n'));
  install.file('etc/group', [...groupLines(BOOKWORM_GROUPS), 'nginx:x:101:', ''].join('\n'));
  install.file('usr/share/doc/nginx/copyright', NGINX_COPYRIGHT);
  const entrypoint = new TreeBuilder(NGINX_MTIME + 1);
  entrypoint.file('docker-entrypoint.sh', NGINX_ENTRYPOINT_SH, 0o775);
  const listen = new TreeBuilder(NGINX_MTIME + 2);
  listen.file('docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', NGINX_LISTEN_ON_IPV6_SH, 0o775);
  const resolvers = new TreeBuilder(NGINX_MTIME + 3);
  resolvers.file('docker-entrypoint.d/15-local-resolvers.envsh', NGINX_LOCAL_RESOLVERS_ENVSH, 0o775);
  const envsubst = new TreeBuilder(NGINX_MTIME + 4);
  envsubst.file('docker-entrypoint.d/20-envsubst-on-templates.sh', NGINX_ENVSUBST_ON_TEMPLATES_SH, 0o775);
  const tune = new TreeBuilder(NGINX_MTIME + 5);
  tune.file('docker-entrypoint.d/30-tune-worker-processes.sh', NGINX_TUNE_WORKER_PROCESSES_SH, 0o775);
  return [install.list(), entrypoint.list(), listen.list(), resolvers.list(), envsubst.list(), tune.list()];
}
