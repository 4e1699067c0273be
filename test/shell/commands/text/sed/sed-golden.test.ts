// sed golden: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from '../text-harness.js';

const cases: GoldenCase[] = [
 {
  "line": "sed 's/\"//g'",
  "stdin": "Layer 1: \"/var/lib/docker/overlay2/4f7a/diff\nLayer 2: /var/lib/docker/overlay2/8b2c/diff\"\n",
  "out": "Layer 1: /var/lib/docker/overlay2/4f7a/diff\nLayer 2: /var/lib/docker/overlay2/8b2c/diff\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '2p'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "worker_processes  auto;\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '/events/,/}/p'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "events {\n    worker_connections  1024;\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '/^$/d'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "user  nginx;\nworker_processes  auto;\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\nevents {\n    worker_connections  1024;\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/nginx/NGINX/'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "user  NGINX;\nworker_processes  auto;\n\nerror_log  /var/log/NGINX/error.log notice;\npid        /var/run/NGINX.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/nginx/NGINX/2'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/nginx/NGINX/2g'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -E 's/([a-z_]+) +(.*);/\\2 <- \\1/'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "nginx <- user\nauto <- worker_processes\n\n/var/log/nginx/error.log notice <- error_log\n/var/run/nginx.pid <- pid\n\n\nevents {\n    1024 <- worker_connections\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/\\([a-z]*\\)_\\([a-z]*\\)/\\2_\\1/'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "user  nginx;\nprocesses_worker  auto;\n\nlog_error  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    connections_worker  1024;\n}\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -e 's/a/A/g' -e 's/e/E/g'",
  "stdin": "banana tree\n",
  "out": "bAnAnA trEE\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/a/A/g;s/n/N/'",
  "stdin": "banana\n",
  "out": "bANAnA\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n 's/worker/WORKER/p'",
  "stdin": "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n",
  "out": "WORKER_processes  auto;\n    WORKER_connections  1024;\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '1d;$d'",
  "stdin": "a\nb\nc\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '2q'",
  "stdin": "a\nb\nc\n",
  "out": "a\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '$='",
  "stdin": "a\nb\nc\n",
  "out": "3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '2i\\inserted'",
  "stdin": "a\nb\n",
  "out": "a\ninserted\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '1a appended'",
  "stdin": "a\nb\n",
  "out": "a\nappended\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '2c\\changed'",
  "stdin": "a\nb\nc\n",
  "out": "a\nchanged\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 'y/abc/xyz/'",
  "stdin": "aabbcc\n",
  "out": "xxyyzz\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/x*/-/g'",
  "stdin": "abc\n",
  "out": "-a-b-c-\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/a*/x/g'",
  "stdin": "baaac\n",
  "out": "xbxcx\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/.*/[&]/'",
  "stdin": "hello\n\n",
  "out": "[hello]\n[]\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/[[:upper:]]/\\L&/g'",
  "stdin": "Hello World\n",
  "out": "hello world\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/\\w\\+/\\u&/g'",
  "stdin": "hello big world\n",
  "out": "Hello Big World\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '/^#/!p'",
  "stdin": "# c\nx\n#d\ny\n",
  "out": "x\ny\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '0,/b/s/b/B/'",
  "stdin": "b\nb\nb\n",
  "out": "B\nb\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '2,+1p'",
  "stdin": "1\n2\n3\n4\n5\n",
  "out": "2\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '1~2p'",
  "stdin": "1\n2\n3\n4\n5\n",
  "out": "1\n3\n5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '$!N;s/\\n/ /'",
  "stdin": "1\n2\n3\n4\n5\n",
  "out": "1 2\n3 4\n5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n 'h;n;G;p'",
  "stdin": "1\n2\n3\n4\n",
  "out": "2\n1\n4\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed ':a;N;$!ba;s/\\n/,/g'",
  "stdin": "a\nb\nc\n",
  "out": "a,b,c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's|/var/lib/docker|$ROOT|'",
  "stdin": "/var/lib/docker/overlay2/abc\n",
  "out": "$ROOT/overlay2/abc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/a/b/'",
  "stdin": "no newline at end",
  "out": "no newline bt end",
  "err": "",
  "code": 0
 },
 {
  "line": "sed p",
  "stdin": "x\ny",
  "out": "x\nx\ny\ny",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/a/b'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 5: unterminated `s' command\n",
  "code": 1
 },
 {
  "line": "sed 's/a/b/x'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 7: unknown option to `s'\n",
  "code": 1
 },
 {
  "line": "sed k",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 1: unknown command: `k'\n",
  "code": 1
 },
 {
  "line": "sed '/abc'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 4: unterminated address regex\n",
  "code": 1
 },
 {
  "line": "sed 'p;}'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 3: unexpected `}'\n",
  "code": 1
 },
 {
  "line": "sed '{p'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 0: unmatched `{'\n",
  "code": 1
 },
 {
  "line": "sed 'a'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n",
  "code": 1
 },
 {
  "line": "sed 's/\\(a\\)/\\2/'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 11: invalid reference \\2 on `s' command's RHS\n",
  "code": 1
 },
 {
  "line": "sed '3,'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 2: unexpected `,'\n",
  "code": 1
 },
 {
  "line": "sed 'y/abc/de/'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 9: strings for `y' command are different lengths\n",
  "code": 1
 },
 {
  "line": "sed 'p x'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 3: extra characters after command\n",
  "code": 1
 },
 {
  "line": "sed 'b foo'",
  "stdin": "",
  "out": "",
  "err": "sed: can't find label for jump to `foo'\n",
  "code": 4
 },
 {
  "line": "sed '0p'",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #1, char 2: invalid usage of line address 0\n",
  "code": 1
 },
 {
  "line": "sed -e p -e k",
  "stdin": "",
  "out": "",
  "err": "sed: -e expression #2, char 1: unknown command: `k'\n",
  "code": 1
 },
 {
  "line": "sed p nosuch",
  "stdin": "",
  "out": "",
  "err": "sed: can't read nosuch: No such file or directory\n",
  "code": 2
 },
 {
  "line": "sed -n '/a\\|b/p'",
  "stdin": "a\nb\nc\n",
  "out": "a\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -E 's/(ab)+/X/'",
  "stdin": "ababab c\n",
  "out": "X c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/a\\{2\\}/X/'",
  "stdin": "a aa aaa\n",
  "out": "a X aaa\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/[0-9]\\+/<&>/g'",
  "stdin": "a1b22c333\n",
  "out": "a<1>b<22>c<333>\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed = ",
  "stdin": "a\nb\n",
  "out": "1\na\n2\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -s -n '$p' a b",
  "stdin": "",
  "files": {
   "a": "1\n2\n",
   "b": "3\n4\n"
  },
  "out": "2\n4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '$p' a b",
  "stdin": "",
  "files": {
   "a": "1\n2\n",
   "b": "3\n4\n"
  },
  "out": "4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '/start/,/end/d'",
  "stdin": "a\nstart\nb\nend\nc\n",
  "out": "a\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/^[ \\t]*//;s/[ \\t]*$//'",
  "stdin": "   padded   \n",
  "out": "padded\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/\\./\\n/g'",
  "stdin": "a.b.c\n",
  "out": "a\nb\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/[^/]*$//'",
  "stdin": "/var/lib/docker/overlay2/abc/diff\n",
  "out": "/var/lib/docker/overlay2/abc/\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n 'l'",
  "stdin": "a\tb\\c\n",
  "out": "a\\tb\\\\c$\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '2!d'",
  "stdin": "a\nb\nc\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/o/0/3'",
  "stdin": "foo boo zoo\n",
  "out": "foo b0o zoo\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 'G'",
  "stdin": "a\nb\n",
  "out": "a\n\nb\n\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '/x/{p;p}'",
  "stdin": "x\ny\n",
  "out": "x\nx\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/&/and/;s/a/\\&/'",
  "stdin": "a & b\n",
  "out": "& and b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/b/\\n/'",
  "stdin": "abc\n",
  "out": "a\nc\n",
  "err": "",
  "code": 0
 }
];

describeGolden('sed golden', cases);
