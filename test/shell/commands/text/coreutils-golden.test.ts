// coreutils golden: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from './text-harness.js';

const cases: GoldenCase[] = [
 {
  "line": "echo -n \"sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c\" | sha256sum",
  "stdin": "",
  "out": "6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c  -\n",
  "err": "",
  "code": 0
 },
 {
  "line": "echo -n \"sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c\" | sha256sum | awk '{print $1}'",
  "stdin": "",
  "out": "6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr ':' ' '",
  "stdin": "/var/lib/docker/overlay2/4f7a1e2b9c3d/diff:/var/lib/docker/overlay2/8b2c5d7e1f0a/diff\n",
  "out": "/var/lib/docker/overlay2/4f7a1e2b9c3d/diff /var/lib/docker/overlay2/8b2c5d7e1f0a/diff\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cat link | xargs echo",
  "stdin": "",
  "files": {
   "link": "l/ABCDEFGHIJKLMNOPQRSTUVWXYZ\n"
  },
  "out": "l/ABCDEFGHIJKLMNOPQRSTUVWXYZ\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cat lower | xargs echo",
  "stdin": "",
  "files": {
   "lower": "l/AAAA:l/BBBB:l/CCCC"
  },
  "out": "l/AAAA:l/BBBB:l/CCCC\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -10 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n 3 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 13\nline 14\nline 15\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n +13 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 13\nline 14\nline 15\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -c 8 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 15\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -3 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 1\nline 2\nline 3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -n -12 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 1\nline 2\nline 3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "head -c 10 nginx.conf",
  "stdin": "",
  "files": {
   "nginx.conf": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n"
  },
  "out": "line 1\nlin",
  "err": "",
  "code": 0
 },
 {
  "line": "head -n 2 a b",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n",
   "b": "x\ny\nz"
  },
  "out": "==> a <==\nhello world\nfoo bar baz\n\n==> b <==\nx\ny\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tail -n 1 a b",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n",
   "b": "x\ny\nz"
  },
  "out": "==> a <==\nlast\n\n==> b <==\nz",
  "err": "",
  "code": 0
 },
 {
  "line": "head nosuch",
  "stdin": "",
  "out": "",
  "err": "head: cannot open 'nosuch' for reading: No such file or directory\n",
  "code": 1
 },
 {
  "line": "tail nosuch",
  "stdin": "",
  "out": "",
  "err": "tail: cannot open 'nosuch' for reading: No such file or directory\n",
  "code": 1
 },
 {
  "line": "head -n x a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "",
  "err": "head: invalid number of lines: ‘x’\n",
  "code": 1
 },
 {
  "line": "tail -n 2",
  "stdin": "a\nb\nc",
  "out": "b\nc",
  "err": "",
  "code": 0
 },
 {
  "line": "head -n 1",
  "stdin": "",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "wc a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": " 4  6 30 a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -l a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "4 a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc a b",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n",
   "b": "x y\nz"
  },
  "out": " 4  6 30 a\n 1  3  5 b\n 5  9 35 total\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc",
  "stdin": "hi\n",
  "out": "      1       1       3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -l",
  "stdin": "hi\n",
  "out": "1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -lw",
  "stdin": "hello world\nfoo bar baz\n\nlast\n",
  "out": "      4       6\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -c a b",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n",
   "b": "x y\nz"
  },
  "out": "30 a\n 5 b\n35 total\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc nosuch a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": " 4  6 30 a\n 4  6 30 total\n",
  "err": "wc: nosuch: No such file or directory\n",
  "code": 1
 },
 {
  "line": "wc -m",
  "stdin": "héllo\n",
  "out": "6\n",
  "err": "",
  "code": 0
 },
 {
  "line": "wc -L a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "11 a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: -f2",
  "stdin": "a:b:c\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -f1,3",
  "stdin": "a\tb\tc\n",
  "out": "a\tc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -c2-4",
  "stdin": "abcdef\n",
  "out": "bcd\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: -f2-",
  "stdin": "a:b:c\n",
  "out": "b:c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: -f5",
  "stdin": "a:b:c\n",
  "out": "\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: -f2",
  "stdin": "nodelim\n",
  "out": "nodelim\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: -s -f2",
  "stdin": "nodelim\na:b\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -x",
  "stdin": "",
  "out": "",
  "err": "cut: invalid option -- 'x'\nTry 'cut --help' for more information.\n",
  "code": 1
 },
 {
  "line": "cut a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "",
  "err": "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
  "code": 1
 },
 {
  "line": "cut -d: -f0 a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "",
  "err": "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n",
  "code": 1
 },
 {
  "line": "cut -d ab -f1 a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "",
  "err": "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n",
  "code": 1
 },
 {
  "line": "cut -f x a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "",
  "err": "cut: invalid field value ‘x’\nTry 'cut --help' for more information.\n",
  "code": 1
 },
 {
  "line": "cut -d: --output-delimiter=/ -f1,3",
  "stdin": "a:b:c\n",
  "out": "a/c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d: --complement -f2",
  "stdin": "a:b:c\n",
  "out": "a:c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -c -3,5-",
  "stdin": "abcdefg\n",
  "out": "abcefg\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cut -d/ -f5",
  "stdin": "/var/lib/docker/overlay2/4f7a1e2b9c3d/diff:/var/lib/docker/overlay2/8b2c5d7e1f0a/diff\n",
  "out": "overlay2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr a-z A-Z",
  "stdin": "Hello World\n",
  "out": "HELLO WORLD\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr '[:upper:]' '[:lower:]'",
  "stdin": "Hello World\n",
  "out": "hello world\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -s ' '",
  "stdin": "aaa    bbb\n",
  "out": "aaa bbb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -d '[:digit:]'",
  "stdin": "hello 123\n",
  "out": "hello \n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -cd '[:digit:]\\n'",
  "stdin": "hello 123\n",
  "out": "123\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr abc x",
  "stdin": "abc\n",
  "out": "xxx\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr",
  "stdin": "",
  "out": "",
  "err": "tr: missing operand\nTry 'tr --help' for more information.\n",
  "code": 1
 },
 {
  "line": "tr a",
  "stdin": "",
  "out": "",
  "err": "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n",
  "code": 1
 },
 {
  "line": "tr '\\\\' /",
  "stdin": "a\\b\n",
  "out": "a/b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -s 'a-c'",
  "stdin": "aabbcc\n",
  "out": "abc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -t abc xy",
  "stdin": "abc\n",
  "out": "xyc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -d ':\\n'",
  "stdin": "/var/lib/docker/overlay2/4f7a1e2b9c3d/diff:/var/lib/docker/overlay2/8b2c5d7e1f0a/diff\n",
  "out": "/var/lib/docker/overlay2/4f7a1e2b9c3d/diff/var/lib/docker/overlay2/8b2c5d7e1f0a/diff",
  "err": "",
  "code": 0
 },
 {
  "line": "tr '\\n' ' '",
  "stdin": "a\nb\nc\n",
  "out": "a b c ",
  "err": "",
  "code": 0
 },
 {
  "line": "tr -c 'a-z\\n' '_'",
  "stdin": "a-b c!\n",
  "out": "a_b_c_\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort",
  "stdin": "b 2\na 10\nc 1\na 10\n",
  "out": "a 10\na 10\nb 2\nc 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -n -k2",
  "stdin": "b 2\na 10\nc 1\na 10\n",
  "out": "c 1\nb 2\na 10\na 10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -u",
  "stdin": "b 2\na 10\nc 1\na 10\n",
  "out": "a 10\nb 2\nc 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -r",
  "stdin": "b 2\na 10\nc 1\na 10\n",
  "out": "c 1\nb 2\na 10\na 10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -t' ' -k2,2n",
  "stdin": "b 2\na 10\nc 1\na 10\n",
  "out": "c 1\nb 2\na 10\na 10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -k2 -rn",
  "stdin": "b 2\na 10\nc 1\na 10\n",
  "out": "a 10\na 10\nb 2\nc 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -h",
  "stdin": "1K\n2M\n100\n",
  "out": "100\n1K\n2M\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -V",
  "stdin": "v1.10\nv1.2\nv1.9\n",
  "out": "v1.2\nv1.9\nv1.10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort",
  "stdin": "B\na\nC\n",
  "out": "B\nC\na\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -f",
  "stdin": "B\na\nC\n",
  "out": "a\nB\nC\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -n",
  "stdin": "10\n9\nx\n-1\n",
  "out": "-1\nx\n9\n10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort",
  "stdin": " b\na\n",
  "out": " b\na\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -nr",
  "stdin": "3\n10\n2\n",
  "out": "10\n3\n2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort nosuch",
  "stdin": "",
  "out": "",
  "err": "sort: cannot read: nosuch: No such file or directory\n",
  "code": 2
 },
 {
  "line": "sort -k x a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "",
  "err": "sort: invalid number at field start: invalid count at start of ‘x’\n",
  "code": 2
 },
 {
  "line": "sort -un",
  "stdin": "1\n01\n2\n",
  "out": "1\n2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort -t: -k3n pw",
  "stdin": "",
  "files": {
   "pw": "root:x:0:0\nnginx:x:101:101\ndaemon:x:1:1\n"
  },
  "out": "root:x:0:0\ndaemon:x:1:1\nnginx:x:101:101\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sort | uniq -c | sort -rn",
  "stdin": "b\na\nb\nc\nb\na\n",
  "out": "      3 b\n      2 a\n      1 c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -c",
  "stdin": "a\na\nb\na\n",
  "out": "      2 a\n      1 b\n      1 a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -d",
  "stdin": "a\na\nb\n",
  "out": "a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -u",
  "stdin": "a\na\nb\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq",
  "stdin": "x\nx\ny\n",
  "out": "x\ny\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq -i",
  "stdin": "a\nA\nb\n",
  "out": "a\nb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "uniq nosuch",
  "stdin": "",
  "out": "",
  "err": "uniq: nosuch: No such file or directory\n",
  "code": 1
 },
 {
  "line": "sha256sum a b",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n",
   "b": "x"
  },
  "out": "d474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  a\n2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881  b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sha256sum a nosuch",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "d474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  a\n",
  "err": "sha256sum: nosuch: No such file or directory\n",
  "code": 1
 },
 {
  "line": "md5sum",
  "stdin": "hi",
  "out": "49f68a5c8493ec2c0bf489821c21fc3b  -\n",
  "err": "",
  "code": 0
 },
 {
  "line": "cat a | sha256sum - a",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n"
  },
  "out": "d474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  -\nd474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sha256sum -c sums",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\n",
   "sums": "d474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  a\n"
  },
  "out": "a: OK\n",
  "err": "",
  "code": 0
 },
 {
  "line": "sha256sum -c sums",
  "stdin": "",
  "files": {
   "a": "hello world\nfoo bar baz\n\nlast\nx",
   "sums": "d474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  a\n"
  },
  "out": "a: FAILED\n",
  "err": "sha256sum: WARNING: 1 computed checksum did NOT match\n",
  "code": 1
 },
 {
  "line": "sha256sum -c sums",
  "stdin": "",
  "files": {
   "sums": "d474c0566d0a7d335f80a15b18278191b144abb506295638f45033dc0971c8d8  gone\n"
  },
  "out": "gone: FAILED open or read\n",
  "err": "sha256sum: gone: No such file or directory\nsha256sum: WARNING: 1 listed file could not be read\n",
  "code": 1
 },
 {
  "line": "xargs",
  "stdin": "a b\nc\n",
  "out": "a b c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -n 1",
  "stdin": "a b\nc\n",
  "out": "a\nb\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -n 2 echo x",
  "stdin": "1 2 3 4 5\n",
  "out": "x 1 2\nx 3 4\nx 5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -t echo",
  "stdin": "a b\n",
  "out": "a b\n",
  "err": "echo a b\n",
  "code": 0
 },
 {
  "line": "xargs -t -n1 echo",
  "stdin": "a 'b c'\n",
  "out": "a\nb c\n",
  "err": "echo a\necho 'b c'\n",
  "code": 0
 },
 {
  "line": "xargs -I {} echo pre-{}-post",
  "stdin": "x\ny z\n",
  "out": "pre-x-post\npre-y z-post\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -I{} -t echo {}",
  "stdin": "a\nb\n",
  "out": "a\nb\n",
  "err": "echo a\necho b\n",
  "code": 0
 },
 {
  "line": "xargs echo hi",
  "stdin": "",
  "out": "hi\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -0 -n1 echo",
  "stdin": "a\u0000b c\u0000",
  "out": "a\nb c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs echo",
  "stdin": "a 'b\n",
  "out": "a\n",
  "err": "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n",
  "code": 1
 },
 {
  "line": "xargs -n x",
  "stdin": "",
  "out": "",
  "err": "xargs: invalid number \"x\" for -n option\nTry 'xargs --help' for more information.\n",
  "code": 1
 },
 {
  "line": "xargs echo",
  "stdin": "\"quoted arg\" plain\\ space\n",
  "out": "quoted arg plain space\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs -d, -n1 echo",
  "stdin": "a,b,c",
  "out": "a\nb\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "xargs false",
  "stdin": "a\n",
  "out": "",
  "err": "",
  "code": 123
 },
 {
  "line": "xargs -L1 echo",
  "stdin": "a b\nc\n",
  "out": "a b\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tee out | tr a-z A-Z",
  "stdin": "hello\n",
  "out": "HELLO\n",
  "err": "",
  "code": 0
 },
 {
  "line": "tee /nonexist/x",
  "stdin": "data\n",
  "out": "data\n",
  "err": "tee: /nonexist/x: No such file or directory\n",
  "code": 1
 },
 {
  "line": "nl",
  "stdin": "a\n\nb\nc\n",
  "out": "     1\ta\n       \n     2\tb\n     3\tc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "nl -ba",
  "stdin": "a\n\nb\n",
  "out": "     1\ta\n     2\t\n     3\tb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "base64",
  "stdin": "hello\n",
  "out": "aGVsbG8K\n",
  "err": "",
  "code": 0
 },
 {
  "line": "base64 -d",
  "stdin": "aGVsbG8K\n",
  "out": "hello\n",
  "err": "",
  "code": 0
 },
 {
  "line": "rev",
  "stdin": "abc\nxyz\n",
  "out": "cba\nzyx\n",
  "err": "",
  "code": 0
 }
];

describeGolden('coreutils golden', cases);
