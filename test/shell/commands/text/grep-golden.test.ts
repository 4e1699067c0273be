// grep golden: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from './text-harness.js';

const cases: GoldenCase[] = [
  {
    line: 'grep nginx',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '1048633 nginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -c nginx',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '1\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -v params',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '1048626 conf.d\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -n params',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '2:1048630 fastcgi_params\n6:1048634 scgi_params\n7:1048635 uwsgi_params\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -i NGINX',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '1048633 nginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -w conf',
    stdin: 'conf.d\nnginx.conf\nconfig\n',
    out: 'conf.d\nnginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -x modules',
    stdin: 'modules\nmodules.d\n',
    out: 'modules\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o '[0-9]\\+'",
    stdin: 'a1b22\nc333\n',
    out: '1\n22\n333\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -E 'mime|uwsgi'",
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '1048631 mime.types\n1048635 uwsgi_params\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -F '.conf'",
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\nnginxXconf\n',
    out: '1048633 nginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: "grep 'nginx.conf'",
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\nnginxXconf\n',
    out: '1048633 nginx.conf\nnginxXconf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -q nginx',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '',
    err: '',
    code: 0,
  },
  {
    line: 'grep -q nothing',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '',
    err: '',
    code: 1,
  },
  {
    line: 'grep nothing',
    stdin:
      '1048626 conf.d\n1048630 fastcgi_params\n1048631 mime.types\n1048632 modules\n1048633 nginx.conf\n1048634 scgi_params\n1048635 uwsgi_params\n',
    out: '',
    err: '',
    code: 1,
  },
  {
    line: 'grep -e error -e pid nginx.conf',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'error_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -n worker nginx.conf missing.conf',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'nginx.conf:2:worker_processes  auto;\nnginx.conf:9:    worker_connections  1024;\n',
    err: 'grep: missing.conf: No such file or directory\n',
    code: 2,
  },
  {
    line: 'grep -s worker missing.conf',
    stdin: '',
    out: '',
    err: '',
    code: 2,
  },
  {
    line: 'grep -l worker nginx.conf other',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
      other: 'nothing\n',
    },
    out: 'nginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -L worker nginx.conf other',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
      other: 'nothing\n',
    },
    out: 'other\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -c worker nginx.conf other',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
      other: 'nothing\n',
    },
    out: 'nginx.conf:2\nother:0\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -h worker nginx.conf other',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
      other: 'nothing\n',
    },
    out: 'worker_processes  auto;\n    worker_connections  1024;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -H worker nginx.conf',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'nginx.conf:worker_processes  auto;\nnginx.conf:    worker_connections  1024;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -r worker etc',
    stdin: '',
    files: {
      'etc/nginx/nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'etc/nginx/nginx.conf:worker_processes  auto;\netc/nginx/nginx.conf:    worker_connections  1024;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -rn worker_connections etc/nginx',
    stdin: '',
    files: {
      'etc/nginx/nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'etc/nginx/nginx.conf:9:    worker_connections  1024;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -rl worker etc',
    stdin: '',
    files: {
      'etc/nginx/nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'etc/nginx/nginx.conf\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep worker etc',
    stdin: '',
    files: {
      'etc/nginx/nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: '',
    err: 'grep: etc: Is a directory\n',
    code: 2,
  },
  {
    line: 'grep -A1 events nginx.conf',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: 'events {\n    worker_connections  1024;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -B2 -n pid nginx.conf',
    stdin: '',
    files: {
      'nginx.conf':
        'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    },
    out: '3-\n4-error_log  /var/log/nginx/error.log notice;\n5:pid        /var/run/nginx.pid;\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -C1 -e 2 -e 6',
    stdin: '1\n2\n3\n4\n5\n6\n7\n',
    out: '1\n2\n3\n--\n5\n6\n7\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep -m1 o',
    stdin: 'one\ntwo\nthree\n',
    out: 'one\n',
    err: '',
    code: 0,
  },
  {
    line: "grep '^[[:space:]]*worker'",
    stdin:
      'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    out: 'worker_processes  auto;\n    worker_connections  1024;\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -E '^[a-z_]+ +[a-z]+;$'",
    stdin:
      'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    out: 'user  nginx;\nworker_processes  auto;\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -E 'a('",
    stdin: 'a(\n',
    out: '',
    err: 'grep: Unmatched ( or \\(\n',
    code: 2,
  },
  {
    line: "grep 'a\\('",
    stdin: 'a(\n',
    out: '',
    err: 'grep: Unmatched ( or \\(\n',
    code: 2,
  },
  {
    line: "grep '['",
    stdin: 'x\n',
    out: '',
    err: 'grep: Invalid regular expression\n',
    code: 2,
  },
  {
    line: 'grep',
    stdin: '',
    out: '',
    err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    code: 2,
  },
  {
    line: 'grep -z x',
    stdin: '',
    out: '',
    err: '',
    code: 1,
  },
  {
    line: "grep -E 'x{2,}'",
    stdin: 'x\nxx\nxxx\n',
    out: 'xx\nxxx\n',
    err: '',
    code: 0,
  },
  {
    line: "grep 'x\\{2\\}'",
    stdin: 'x\nxx\n',
    out: 'xx\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -v '^$'",
    stdin: 'a\n\nb\n',
    out: 'a\nb\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -c ''",
    stdin: 'a\n\nb\n',
    out: '3\n',
    err: '',
    code: 0,
  },
  {
    line: "grep '\\<is\\>'",
    stdin: 'this is it\nthis\n',
    out: 'this is it\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -ow 'is'",
    stdin: 'this is it\n',
    out: 'is\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -iE '^(user|pid)'",
    stdin:
      'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n',
    out: 'user  nginx;\npid        /var/run/nginx.pid;\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -n '' ",
    stdin: 'a\nb',
    out: '1:a\n2:b\n',
    err: '',
    code: 0,
  },
  {
    line: 'grep sha256 | cut -c1-20',
    stdin: 'sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b\nfoo\n',
    out: 'sha256:9f54eef412758\n',
    err: '',
    code: 0,
  },
];

describeGolden('grep golden', cases);
