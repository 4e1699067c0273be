// sort, sed, grep, tr, xargs and friends in pipelines, golden: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from './text-harness.js';

const cases: GoldenCase[] = [
 {
  "line": "sort -k2,2 -k1,1",
  "stdin": "b x\na y\nc x\n",
  "out": "b x\nc x\na y\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -t: -k3,3n -k1,1r",
  "stdin": "a:1:5\nb:1:5\nc:1:2\n",
  "out": "c:1:2\nb:1:5\na:1:5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -k5 -h",
  "stdin": "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE\nnginx        latest    605c77e624dd   2 years ago    141MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\nalpine       3.18      c1aabb73d233   6 months ago   7.33MB\nredis        7         7614ae9453d1   2 years ago    113MB\n",
  "out": "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE\nalpine       3.18      c1aabb73d233   6 months ago   7.33MB\nnginx        latest    605c77e624dd   2 years ago    141MB\nredis        7         7614ae9453d1   2 years ago    113MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n +2 | sort -k5 -h",
  "stdin": "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE\nnginx        latest    605c77e624dd   2 years ago    141MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\nalpine       3.18      c1aabb73d233   6 months ago   7.33MB\nredis        7         7614ae9453d1   2 years ago    113MB\n",
  "out": "alpine       3.18      c1aabb73d233   6 months ago   7.33MB\nnginx        latest    605c77e624dd   2 years ago    141MB\nredis        7         7614ae9453d1   2 years ago    113MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n +2 | sort -k1,1",
  "stdin": "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE\nnginx        latest    605c77e624dd   2 years ago    141MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\nalpine       3.18      c1aabb73d233   6 months ago   7.33MB\nredis        7         7614ae9453d1   2 years ago    113MB\n",
  "out": "alpine       3.18      c1aabb73d233   6 months ago   7.33MB\nnginx        latest    605c77e624dd   2 years ago    141MB\nredis        7         7614ae9453d1   2 years ago    113MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n +2 | awk '{print $3}' | cut -c1-4",
  "stdin": "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE\nnginx        latest    605c77e624dd   2 years ago    141MB\nubuntu       20.04     ba6acccedd29   2 years ago    72.8MB\nalpine       3.18      c1aabb73d233   6 months ago   7.33MB\nredis        7         7614ae9453d1   2 years ago    113MB\n",
  "out": "605c\nba6a\nc1aa\n7614\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -c",
  "stdin": "a\nc\nb\n",
  "out": "",
  "err": "sort: -:3: disorder: b\n",
  "code": 1
 },
 {
  "line": "sort -s -k1,1",
  "stdin": "b 2\na 2\nb 1\na 1\n",
  "out": "a 2\na 1\nb 2\nb 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -k1.2,1.3",
  "stdin": "xba\nyab\nzaa\n",
  "out": "zaa\nyab\nxba\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -rk2",
  "stdin": "x 1\ny 3\nz 2\n",
  "out": "y 3\nz 2\nx 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -b -k2",
  "stdin": "x   b\ny a\n",
  "out": "y a\nx   b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -g",
  "stdin": "1e3\n10\n-2.5\n",
  "out": "-2.5\n10\n1e3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -o out in",
  "stdin": "",
  "files": {
   "in": "b\na\n"
  },
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -c",
  "stdin": "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\ny\n",
  "out": "     12 x\n      1 y\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -f1",
  "stdin": "1 a\n2 a\n3 b\n",
  "out": "1 a\n3 b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -s2",
  "stdin": "aax\nbbx\nccy\n",
  "out": "aax\nccy\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -w1",
  "stdin": "ab\nac\nbc\n",
  "out": "ab\nbc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -c -5",
  "stdin": "hello world\n",
  "out": "hello w",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -c +7",
  "stdin": "hello world\n",
  "out": "world\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -n 0",
  "stdin": "a\n",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n 0",
  "stdin": "a\n",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -q -n1 a b",
  "stdin": "",
  "files": {
   "a": "1\n",
   "b": "2\n"
  },
  "out": "1\n2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -v -n1 a",
  "stdin": "",
  "files": {
   "a": "1\n2\n"
  },
  "out": "==> a <==\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -",
  "stdin": "x\ny\n",
  "out": "x\ny\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -w",
  "stdin": "  one   two\tthree\nfour\n",
  "out": "4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -c",
  "stdin": "héllo",
  "out": "6\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d' ' -f2,4",
  "stdin": "a b c d e\n",
  "out": "b d\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: -f1 --",
  "stdin": "a:b\n",
  "out": "a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -f2",
  "stdin": "a\tb\nno tab\n",
  "out": "b\nno tab\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr '[a*3]' x",
  "stdin": "aaa\n",
  "out": "xxx\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr 'a-c' 'A-C'",
  "stdin": "abcd\n",
  "out": "ABCd\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -s '\\n'",
  "stdin": "a\n\n\nb\n",
  "out": "a\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -d '\\r'",
  "stdin": "dos\r\nline\r\n",
  "out": "dos\nline\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr '{}' '()'",
  "stdin": "{x}\n",
  "out": "(x)\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -s '[:space:]' ' '",
  "stdin": "a \t\n b\n",
  "out": "a b ",
  "err": "",
  "code": 0
 },
 {
  "line": "tr '[:lower:]' '[:upper:]'",
  "stdin": "héllo\n",
  "out": "HéLLO\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr z-a x",
  "stdin": "a\n",
  "out": "",
  "err": "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n",
  "code": 1
 },
 {
  "line": "tr -x a b",
  "stdin": "a\n",
  "out": "",
  "err": "tr: invalid option -- 'x'\nTry 'tr --help' for more information.\n",
  "code": 1
 },
 {
  "line": "xargs -r echo none",
  "stdin": "",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -n 1 -I X echo [X]",
  "stdin": "a b\nc\n",
  "out": "[a b]\n[c]\n",
  "err": "xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value\n",
  "code": 0
 },
 {
  "line": "xargs -I % sh -c 'echo %'",
  "stdin": "",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -n2",
  "stdin": "1 2 3 4 5\n",
  "out": "1 2\n3 4\n5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -0",
  "stdin": "a\nb\u0000c\u0000",
  "out": "a\nb c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "nl -w2 -s: ",
  "stdin": "a\nb\n",
  "out": " 1:a\n 2:b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "base64 -w 8",
  "stdin": "hello world, this is base64\n",
  "out": "aGVsbG8g\nd29ybGQs\nIHRoaXMg\naXMgYmFz\nZTY0Cg==\n",
  "err": "",
  "code": 0
 },
 {
  "line": "base64 -d",
  "stdin": "!!!\n",
  "out": "",
  "err": "base64: invalid input\n",
  "code": 1
 },
 {
  "line": "rev nosuch",
  "stdin": "",
  "out": "",
  "err": "rev: cannot open nosuch: No such file or directory\n",
  "code": 1
 },
 {
  "line": "md5sum --tag",
  "stdin": "abc",
  "out": "MD5 (-) = 900150983cd24fb0d6963f7d28e17f72\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sha256sum -b f",
  "stdin": "",
  "files": {
   "f": "x\n"
  },
  "out": "73cb3858a687a8494ca3323053016282f3dad39d42cf62ca4e79dda2aac7d9ac *f\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sha1sum f",
  "stdin": "",
  "files": {
   "f": "x\n"
  },
  "out": "6fcf9dfbd479ed82697fee719b9f8c610a11ff2a  f\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '1!G;h;$!d'",
  "stdin": "1\n2\n3\n",
  "out": "3\n2\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '2{p;q}'",
  "stdin": "1\n2\n3\n",
  "out": "2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/\\(.*\\)@\\(.*\\)/\\2 at \\1/'",
  "stdin": "user@host\n",
  "out": "host at user\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -E 's/^([^:]+):([^:]+).*/\\2=\\1/'",
  "stdin": "root:x:0:0:root:/root:/bin/bash\n",
  "out": "x=root\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '/^$/N;/\\n$/D'",
  "stdin": "a\n\n\n\nb\n",
  "out": "a\n\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/[aeiou]/\\U&/g'",
  "stdin": "docker overlay\n",
  "out": "dOckEr OvErlAy\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -e '1i\\' -e 'header'",
  "stdin": "body\n",
  "out": "header\nbody\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '$a\\footer'",
  "stdin": "body\n",
  "out": "body\nfooter\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 'a\\\\  indented'",
  "stdin": "x\n",
  "out": "x\n  indented\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '/start/,/end/{//!p}'",
  "stdin": "start\na\nend\n",
  "out": "a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/x/y/w /dev/stdout'",
  "stdin": "x\nz\n",
  "out": "y\ny\nz\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed --expression='s/a/b/' --quiet",
  "stdin": "a\n",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n -e '/a/=' ",
  "stdin": "a\nb\na\n",
  "out": "1\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 'n;d'",
  "stdin": "1\n2\n3\n4\n5\n",
  "out": "1\n3\n5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '2,4!d'",
  "stdin": "1\n2\n3\n4\n5\n",
  "out": "2\n3\n4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '/2/,+2d'",
  "stdin": "1\n2\n3\n4\n5\n6\n",
  "out": "1\n5\n6\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '2~3d'",
  "stdin": "1\n2\n3\n4\n5\n6\n7\n8\n",
  "out": "1\n3\n4\n6\n7\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/a/b/I'",
  "stdin": "A\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/A/b/gi'",
  "stdin": "aAa\n",
  "out": "bbb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -z 's/\\n/,/g'",
  "stdin": "a\nb\nc\n",
  "out": "a,b,c,",
  "err": "",
  "code": 0
 },
 {
  "line": "sed y/abc/ABC/",
  "stdin": "aabbcc\n",
  "out": "AABBCC\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 's/.\\{3\\}/&-/g'",
  "stdin": "abcdefgh\n",
  "out": "abc-def-gh\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -E 's/(a|b)+/X/g'",
  "stdin": "aabbc abc\n",
  "out": "Xc Xc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 'q5'",
  "stdin": "a\nb\n",
  "out": "a\n",
  "err": "",
  "code": 5
 },
 {
  "line": "sed '2Q'",
  "stdin": "a\nb\nc\n",
  "out": "a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n '/b/{=;p}'",
  "stdin": "a\nb\n",
  "out": "2\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed --posix -n p",
  "stdin": "x\n",
  "out": "x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -x p",
  "stdin": "",
  "out": "",
  "err": "sed: invalid option -- 'x'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n",
  "code": 1
 },
 {
  "line": "sed",
  "stdin": "",
  "out": "",
  "err": "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n",
  "code": 1
 },
 {
  "line": "grep -E '^[^#]' | grep -v '^$'",
  "stdin": "# c\n\nkey=v\n",
  "out": "key=v\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -c '^' a b",
  "stdin": "",
  "files": {
   "a": "1\n2\n",
   "b": ""
  },
  "out": "a:2\nb:0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -n -v x",
  "stdin": "x\ny\nx\nz\n",
  "out": "2:y\n4:z\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -e",
  "stdin": "",
  "out": "",
  "err": "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
  "code": 2
 },
 {
  "line": "grep -E '(' ",
  "stdin": "x\n",
  "out": "",
  "err": "grep: Unmatched ( or \\(\n",
  "code": 2
 },
 {
  "line": "grep -o 'a*'",
  "stdin": "baaac\n",
  "out": "aaa\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -b x",
  "stdin": "x\n",
  "out": "0:x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -wc the",
  "stdin": "the then the\nother\n",
  "out": "1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -A 1 -B 1 m",
  "stdin": "a\nb\nm\nc\nd\nm\ne\n",
  "out": "b\nm\nc\nd\nm\ne\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -ri NGINX d",
  "stdin": "",
  "files": {
   "d/f.conf": "user nginx;\n"
  },
  "out": "d/f.conf:user nginx;\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -l x -",
  "stdin": "x\n",
  "out": "(standard input)\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -H x",
  "stdin": "x\n",
  "out": "(standard input):x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -x -F 'a.b'",
  "stdin": "a.b\naxb\n",
  "out": "a.b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -f pats",
  "stdin": "alpha\nbeta\ngamma\n",
  "files": {
   "pats": "alp\nmm\n"
  },
  "out": "alpha\ngamma\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -E 'colou?r'",
  "stdin": "color\ncolour\ncolr\n",
  "out": "color\ncolour\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -P '\\d+'",
  "stdin": "abc\na1\n",
  "out": "a1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -e a -e b -c",
  "stdin": "a\nb\nc\nab\n",
  "out": "3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --color=always x",
  "stdin": "x\n",
  "out": "\u001b[01;31m\u001b[Kx\u001b[m\u001b[K\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --color=always -n -H o f",
  "stdin": "",
  "files": {
   "f": "foo\nbar\nboo\n"
  },
  "out": "\u001b[35m\u001b[Kf\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[32m\u001b[K1\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[Kf\u001b[01;31m\u001b[Ko\u001b[m\u001b[K\u001b[01;31m\u001b[Ko\u001b[m\u001b[K\n\u001b[35m\u001b[Kf\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[32m\u001b[K3\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[Kb\u001b[01;31m\u001b[Ko\u001b[m\u001b[K\u001b[01;31m\u001b[Ko\u001b[m\u001b[K\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --colour=always -C1 -c o f",
  "stdin": "",
  "files": {
   "f": "foo\n"
  },
  "out": "1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -ob o",
  "stdin": "foo\nboo\n",
  "out": "1:o\n2:o\n5:o\n6:o\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -c f",
  "stdin": "",
  "files": {
   "f": "b\na\n"
  },
  "out": "",
  "err": "sort: f:2: disorder: a\n",
  "code": 1
 },
 {
  "line": "sort -C",
  "stdin": "b\na\n",
  "out": "",
  "err": "",
  "code": 1
 },
 {
  "line": "sort -cu",
  "stdin": "a\na\n",
  "out": "",
  "err": "sort: -:2: disorder: a\n",
  "code": 1
 },
 {
  "line": "wc d f",
  "stdin": "",
  "files": {
   "d/x": "1\n",
   "f": "a b\n"
  },
  "out": "      0       0       0 d\n      1       2       4 f\n      1       2       4 total\n",
  "err": "wc: d: Is a directory\n",
  "code": 1
 },
 {
  "line": "wc -l d",
  "stdin": "",
  "files": {
   "d/x": "1\n"
  },
  "out": "0 d\n",
  "err": "wc: d: Is a directory\n",
  "code": 1
 },
 {
  "line": "sed -n l",
  "stdin": "a\tb\\c\u0001é\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
  "out": "a\\tb\\\\c\\001\\303\\251\\177$\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\\nxxxxxxxxxxxx$\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n 'N;l'",
  "stdin": "a\nb\n",
  "out": "a\\nb$\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n l",
  "stdin": "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc\tZ\n",
  "out": "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc\\\n\\tZ$\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -oE 'a|ab|abc'",
  "stdin": "abcd ab a\n",
  "out": "abc\nab\na\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -o 'over\\|overlay2\\|lay'",
  "stdin": "overlay2 overlay\n",
  "out": "overlay2\nover\nlay\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -E 's/(a|ab)(c|bcd)/[\\1,\\2]/'",
  "stdin": "abcd\n",
  "out": "[a,bcd]\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -E 's/x|xy/Z/g'",
  "stdin": "xyx xy\n",
  "out": "ZZ Z\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ n = gsub(/a|ab/, \"<&>\"); print n, $0; print match(\"xxabab\", /ab|abab/), RSTART, RLENGTH }'",
  "stdin": "abab a\n",
  "out": "3 <ab><ab> <a>\n3 3 4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -r --include='*.conf' user etc",
  "stdin": "",
  "files": {
   "etc/nginx/nginx.conf": "user nginx;\n",
   "etc/nginx/mime.types": "user x\n"
  },
  "out": "etc/nginx/nginx.conf:user nginx;\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -r --exclude='*.conf' user etc",
  "stdin": "",
  "files": {
   "etc/nginx/nginx.conf": "user nginx;\n",
   "etc/nginx/mime.types": "user x\n"
  },
  "out": "etc/nginx/mime.types:user x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -r --exclude-dir=nginx user etc",
  "stdin": "",
  "files": {
   "etc/nginx/nginx.conf": "user nginx;\n",
   "etc/other.conf": "user y\n"
  },
  "out": "etc/other.conf:user y\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --include='*.conf' user a.types b.conf",
  "stdin": "",
  "files": {
   "a.types": "user\n",
   "b.conf": "user\n"
  },
  "out": "b.conf:user\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --exclude='*.conf' user a.types b.conf",
  "stdin": "",
  "files": {
   "a.types": "user\n",
   "b.conf": "user\n"
  },
  "out": "a.types:user\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print > \"nodir/x\" }'",
  "stdin": "a\n",
  "out": "",
  "err": "awk: cmd. line:1: (FILENAME=- FNR=1) fatal: cannot redirect to `nodir/x': No such file or directory\n",
  "code": 2
 },
 {
  "line": "uniq in nodir/out",
  "stdin": "",
  "files": {
   "in": "a\n"
  },
  "out": "",
  "err": "uniq: nodir/out: No such file or directory\n",
  "code": 1
 },
 {
  "line": "sed -i s/a/b/ nosuch",
  "stdin": "",
  "out": "",
  "err": "sed: can't read nosuch: No such file or directory\n",
  "code": 2
 },
 {
  "line": "xargs -a list echo got",
  "stdin": "ignored\n",
  "files": {
   "list": "a\nb\n"
  },
  "out": "got a b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -a nolist echo",
  "stdin": "",
  "out": "",
  "err": "xargs: Cannot open input file ‘nolist’: No such file or directory\n",
  "code": 1
 },
 {
  "line": "sed --help",
  "stdin": "",
  "out": "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-sed@gnu.org>.\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed --version",
  "stdin": "",
  "out": "sed (GNU sed) 4.9\nPackaged by Debian\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jay Fenlason, Tom Lord, Ken Pizzini,\nPaolo Bonzini, Jim Meyering, and Assaf Gordon.\n\nThis sed program was built with SELinux support.\nSELinux is disabled on this system.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-sed@gnu.org>.\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --help",
  "stdin": "",
  "out": "Usage: grep [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\nPATTERNS can contain multiple patterns separated by newlines.\n\nPattern selection and interpretation:\n  -E, --extended-regexp     PATTERNS are extended regular expressions\n  -F, --fixed-strings       PATTERNS are strings\n  -G, --basic-regexp        PATTERNS are basic regular expressions\n  -P, --perl-regexp         PATTERNS are Perl regular expressions\n  -e, --regexp=PATTERNS     use PATTERNS for matching\n  -f, --file=FILE           take PATTERNS from FILE\n  -i, --ignore-case         ignore case distinctions in patterns and data\n      --no-ignore-case      do not ignore case distinctions (default)\n  -w, --word-regexp         match only whole words\n  -x, --line-regexp         match only whole lines\n  -z, --null-data           a data line ends in 0 byte, not newline\n\nMiscellaneous:\n  -s, --no-messages         suppress error messages\n  -v, --invert-match        select non-matching lines\n  -V, --version             display version information and exit\n      --help                display this help text and exit\n\nOutput control:\n  -m, --max-count=NUM       stop after NUM selected lines\n  -b, --byte-offset         print the byte offset with output lines\n  -n, --line-number         print line number with output lines\n      --line-buffered       flush output on every line\n  -H, --with-filename       print file name with output lines\n  -h, --no-filename         suppress the file name prefix on output\n      --label=LABEL         use LABEL as the standard input file name prefix\n  -o, --only-matching       show only nonempty parts of lines that match\n  -q, --quiet, --silent     suppress all normal output\n      --binary-files=TYPE   assume that binary files are TYPE;\n                            TYPE is 'binary', 'text', or 'without-match'\n  -a, --text                equivalent to --binary-files=text\n  -I                        equivalent to --binary-files=without-match\n  -d, --directories=ACTION  how to handle directories;\n                            ACTION is 'read', 'recurse', or 'skip'\n  -D, --devices=ACTION      how to handle devices, FIFOs and sockets;\n                            ACTION is 'read' or 'skip'\n  -r, --recursive           like --directories=recurse\n  -R, --dereference-recursive  likewise, but follow all symlinks\n      --include=GLOB        search only files that match GLOB (a file pattern)\n      --exclude=GLOB        skip files that match GLOB\n      --exclude-from=FILE   skip files that match any file pattern from FILE\n      --exclude-dir=GLOB    skip directories that match GLOB\n  -L, --files-without-match  print only names of FILEs with no selected lines\n  -l, --files-with-matches  print only names of FILEs with selected lines\n  -c, --count               print only a count of selected lines per FILE\n  -T, --initial-tab         make tabs line up (if needed)\n  -Z, --null                print 0 byte after FILE name\n\nContext control:\n  -B, --before-context=NUM  print NUM lines of leading context\n  -A, --after-context=NUM   print NUM lines of trailing context\n  -C, --context=NUM         print NUM lines of output context\n  -NUM                      same as --context=NUM\n      --group-separator=SEP  print SEP on line between matches with context\n      --no-group-separator  do not print separator for matches with context\n      --color[=WHEN],\n      --colour[=WHEN]       use markers to highlight the matching strings;\n                            WHEN is 'always', 'never', or 'auto'\n  -U, --binary              do not strip CR characters at EOL (MSDOS/Windows)\n\nWhen FILE is '-', read standard input.  With no FILE, read '.' if\nrecursive, '-' otherwise.  With fewer than two FILEs, assume -h.\nExit status is 0 if any line is selected, 1 otherwise;\nif any error occurs and -q is not given, the exit status is 2.\n\nReport bugs to: bug-grep@gnu.org\nGNU grep home page: <https://www.gnu.org/software/grep/>\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep --version",
  "stdin": "",
  "out": "grep (GNU grep) 3.8\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk --version",
  "stdin": "",
  "out": "GNU Awk 5.2.1, API 3.2, PMA Avon 8-g1, (GNU MPFR 4.2.0, GNU MP 6.2.1)\nCopyright (C) 1989, 1991-2022 Free Software Foundation.\n\nThis program is free software; you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 3 of the License, or\n(at your option) any later version.\n\nThis program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\nYou should have received a copy of the GNU General Public License\nalong with this program. If not, see http://www.gnu.org/licenses/.\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk --help",
  "stdin": "",
  "out": "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\nPOSIX options:\t\tGNU long options: (standard)\n\t-f progfile\t\t--file=progfile\n\t-F fs\t\t\t--field-separator=fs\n\t-v var=val\t\t--assign=var=val\nShort options:\t\tGNU long options: (extensions)\n\t-b\t\t\t--characters-as-bytes\n\t-c\t\t\t--traditional\n\t-C\t\t\t--copyright\n\t-d[file]\t\t--dump-variables[=file]\n\t-D[file]\t\t--debug[=file]\n\t-e 'program-text'\t--source='program-text'\n\t-E file\t\t\t--exec=file\n\t-g\t\t\t--gen-pot\n\t-h\t\t\t--help\n\t-i includefile\t\t--include=includefile\n\t-I\t\t\t--trace\n\t-l library\t\t--load=library\n\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n\t-M\t\t\t--bignum\n\t-N\t\t\t--use-lc-numeric\n\t-n\t\t\t--non-decimal-data\n\t-o[file]\t\t--pretty-print[=file]\n\t-O\t\t\t--optimize\n\t-p[file]\t\t--profile[=file]\n\t-P\t\t\t--posix\n\t-r\t\t\t--re-interval\n\t-s\t\t\t--no-optimize\n\t-S\t\t\t--sandbox\n\t-t\t\t\t--lint-old\n\t-V\t\t\t--version\n\nTo report bugs, use the `gawkbug' program.\nFor full instructions, see the node `Bugs' in `gawk.info'\nwhich is section `Reporting Problems and Bugs' in the\nprinted version.  This same information may be found at\nhttps://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\nPLEASE do NOT try to report bugs by posting in comp.lang.awk,\nor by using a web forum such as Stack Overflow.\n\ngawk is a pattern scanning and processing language.\nBy default it reads standard input and writes standard output.\n\nExamples:\n\tawk '{ sum += $1 }; END { print sum }' file\n\tawk -F: '{ print $1 }' /etc/passwd\n",
  "err": "",
  "code": 0
 },
 {
  "line": "grep -V",
  "stdin": "",
  "out": "grep (GNU grep) 3.8\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed 'R other'",
  "stdin": "a\nb\nc\n",
  "files": {
   "other": "1\n2\n"
  },
  "out": "a\n1\nb\n2\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed -n 'N;W /dev/stdout'",
  "stdin": "a\nb\nc\nd\n",
  "out": "a\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sed '1r other'",
  "stdin": "a\nb\n",
  "files": {
   "other": "R1\nR2\n"
  },
  "out": "a\nR1\nR2\nb\n",
  "err": "",
  "code": 0
 }
];

describeGolden('text commands golden, more', cases);
