// awk golden: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from '../text-harness.js';

const cases: GoldenCase[] = [
 {
  "line": "awk -F: '{for (i=1; i<=NF; i++) print \"Layer \" i \": \" $i}' | sed 's/\"//g'",
  "stdin": "\"/var/lib/docker/overlay2/4f7a1e2b9c3d/diff:/var/lib/docker/overlay2/8b2c5d7e1f0a/diff:/var/lib/docker/overlay2/c3d9e8f7a6b5/diff\"\n",
  "out": "Layer 1: /var/lib/docker/overlay2/4f7a1e2b9c3d/diff\nLayer 2: /var/lib/docker/overlay2/8b2c5d7e1f0a/diff\nLayer 3: /var/lib/docker/overlay2/c3d9e8f7a6b5/diff\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F: '{for (i=1; i<=NF; i++) print \"Layer \" i \": \" $i}'",
  "stdin": "\"/var/lib/docker/overlay2/4f7a1e2b9c3d/diff:/var/lib/docker/overlay2/8b2c5d7e1f0a/diff:/var/lib/docker/overlay2/c3d9e8f7a6b5/diff\"\n",
  "out": "Layer 1: \"/var/lib/docker/overlay2/4f7a1e2b9c3d/diff\nLayer 2: /var/lib/docker/overlay2/8b2c5d7e1f0a/diff\nLayer 3: /var/lib/docker/overlay2/c3d9e8f7a6b5/diff\"\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{print $1}'",
  "stdin": "970a948bffa8de94d6e22d747ba8c95030e6e546909f98f54e99a13005e173a8  -\n",
  "out": "970a948bffa8de94d6e22d747ba8c95030e6e546909f98f54e99a13005e173a8\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'NR>1 {print $1, $2}'",
  "stdin": "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS     NAMES\n592347294aa1   nginx     \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes   80/tcp    web\n1a2b3c4d5e6f   ubuntu    \"bash\"                   5 hours ago     Exited (0)               quirky_ride\n",
  "out": "592347294aa1 nginx\n1a2b3c4d5e6f ubuntu\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{print $NF}'",
  "stdin": "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS     NAMES\n592347294aa1   nginx     \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes   80/tcp    web\n1a2b3c4d5e6f   ubuntu    \"bash\"                   5 hours ago     Exited (0)               quirky_ride\n",
  "out": "NAMES\nweb\nquirky_ride\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '$5 ~ /%/ {sub(/%/, \"\", $5); if ($5+0 > 10) print $6, $5}'",
  "stdin": "Filesystem     1K-blocks    Used Available Use% Mounted on\noverlay         61255492 9876544  48234512  17% /\ntmpfs              65536       0     65536   0% /dev\n/dev/sda1       61255492 9876544  48234512  17% /etc/hosts\n",
  "out": "/ 17\n/etc/hosts 17\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'NR==1{next} {used+=$3} END {print \"total used:\", used, \"KB\"}'",
  "stdin": "Filesystem     1K-blocks    Used Available Use% Mounted on\noverlay         61255492 9876544  48234512  17% /\ntmpfs              65536       0     65536   0% /dev\n/dev/sda1       61255492 9876544  48234512  17% /etc/hosts\n",
  "out": "total used: 19753088 KB\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F: '$3 >= 100 {print $1 \" uses \" $7}' etc/pw",
  "stdin": "",
  "files": {
   "etc/pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n"
  },
  "out": "nginx uses /bin/false\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F: -v OFS=, '{$2=\"\"; print}' etc/pw",
  "stdin": "",
  "files": {
   "etc/pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n"
  },
  "out": "root,,0,0,root,/root,/bin/bash\ndaemon,,1,1,daemon,/usr/sbin,/usr/sbin/nologin\nnginx,,101,101,nginx user,/nonexistent,/bin/false\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F: '{print NR\": \"$1; n++} END{print n \" users\"}' etc/pw",
  "stdin": "",
  "files": {
   "etc/pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n"
  },
  "out": "1: root\n2: daemon\n3: nginx\n3 users\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%d %s %5.2f|%-5s|%x %c %c %e %g %i %o %%\\n\", 42.9, \"s\", 3.14159, \"ab\", 255, 65, \"hello\", 12345.678, 0.0001234, -3.9, 8 }'",
  "stdin": "",
  "out": "42 s  3.14|ab   |ff A h 1.234568e+04 0.0001234 -3 10 %\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{print length(\"héllo\"), substr(\"hello\",0,2), substr(\"hello\",-1), substr(\"hello\", 2.5, 2), index(\"abc\",\"c\"), toupper(\"aé\")}'",
  "stdin": "",
  "out": "5 he hello el 3 AÉ\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{print 1e30, 0.1+0.2, 100000*100000, 1/3, 2^53+1, -0, 1e6, 1e-5, 123456789.123}'",
  "stdin": "",
  "out": "1000000000000000019884624838656 0.3 10000000000 0.333333 9007199254740992 0 1000000 1e-05 1.23457e+08\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{x; print (x==0), (x==\"\"), length(x)}'",
  "stdin": "",
  "out": "1 1 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { n = split(\"a:b:c\", arr, \":\"); print n, arr[1], arr[3] }'",
  "stdin": "",
  "out": "3 a c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{s=\"hello world\"; gsub(/o/,\"[&]\",s); print s; t=\"aaa\"; print gsub(/a/,\"\\\\&\",t), t}'",
  "stdin": "",
  "out": "hell[o] w[o]rld\n3 &&&\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{print match(\"foobar\", /o+/), RSTART, RLENGTH}'",
  "stdin": "",
  "out": "2 2 2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{print -3 % 2, 7%3, 2**3, 2^3^2, -2^2, 2^-1}'",
  "stdin": "",
  "out": "-1 1 8 512 -4 0.5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ count[$1]++ } END { for (w in count) n++; print n; print count[\"a\"], count[\"b\"] }'",
  "stdin": "a\nb\na\nc\na\n",
  "out": "3\n3 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ $2 = \"X\"; print; print NF }'",
  "stdin": "a b c\n1  2   3\n",
  "out": "a X c\n3\n1 X 3\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ $5 = \"e\"; print; print NF }'",
  "stdin": "a b c\n",
  "out": "a b c  e\n5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ NF = 2; print }'",
  "stdin": "a b c d\n",
  "out": "a b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -v n=3 'BEGIN { for (i = 0; i < n; i++) s = s i; print s }'",
  "stdin": "",
  "out": "012\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { i = 0; do { i++ } while (i < 5); print i; while (i > 0) { i -= 2; if (i == 1) break }; print i }'",
  "stdin": "",
  "out": "5\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '/nginx/,/ubuntu/ { print NR }'",
  "stdin": "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS     NAMES\n592347294aa1   nginx     \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes   80/tcp    web\n1a2b3c4d5e6f   ubuntu    \"bash\"                   5 hours ago     Exited (0)               quirky_ride\n",
  "out": "2\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '!seen[$0]++'",
  "stdin": "a\nb\na\nc\nb\n",
  "out": "a\nb\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'length > 3'",
  "stdin": "ab\nabcd\nabcdef\n",
  "out": "abcd\nabcdef\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print length }'",
  "stdin": "ab\nabcd\n\n",
  "out": "2\n4\n0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '$1 == \"10\"'",
  "stdin": "10\n10.0\n1e1\nabc\n",
  "out": "10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '$1 < $2 { print $1 \" < \" $2 }'",
  "stdin": "10 9\nabc abd\n2 10\n",
  "out": "abc < abd\n2 < 10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { a[\"x\"] = 1; delete a[\"x\"]; print (\"x\" in a); a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] } }'",
  "stdin": "",
  "out": "0\n1 2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'function f(a, b) { return a * b } BEGIN { print f(3, 4), f(2) }'",
  "stdin": "",
  "out": "12 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'function fill(arr) { arr[\"k\"] = \"v\" } BEGIN { fill(x); print x[\"k\"] }'",
  "stdin": "",
  "out": "v\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf(\"%5s|%-5d|%05d|%+d|%.3s|%c\\n\", \"ab\", 42, 42, 7, \"abcdef\", 256) }'",
  "stdin": "",
  "out": "   ab|42   |00042|+7|abc|Ā\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%.2f %.0f %.0f %.0f %e %g %g %g\\n\", 2.675, 0.5, 1.5, 2.5, 0, 1e100, 123456789, 0.1 }'",
  "stdin": "",
  "out": "2.67 0 2 2 0.000000e+00 1e+100 1.23457e+08 0.1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { x = sprintf(\"%08.3f\", -3.14159); print x; print toupper(substr(\"docker\", 1, 1)) substr(\"docker\", 2) }'",
  "stdin": "",
  "out": "-003.142\nDocker\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { s = \"a.b.c\"; n = gsub(\".\", \"-\", s); print n, s; t = \"a.b.c\"; gsub(/\\./, \"-\", t); print t }'",
  "stdin": "",
  "out": "5 -----\na-b-c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print index(\"hello\", \"l\"), int(-3.7), int(\"4x\"), \"3\" + \"4\", \"3\" \"4\" }'",
  "stdin": "",
  "out": "3 -3 4 7 34\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { CONVFMT = \"%.2g\"; x = 3.14159; y = x \"\"; print y; OFMT = \"%.3f\"; print x, 10 }'",
  "stdin": "",
  "out": "3.1\n3.142 10\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print $1 > \"out.txt\" } END { close(\"out.txt\"); while ((getline line < \"out.txt\") > 0) print \"got\", line }'",
  "stdin": "one\ntwo\n",
  "out": "got one\ngot two\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { RS = \"\" } { print NR \": \" $1 \"/\" NF }'",
  "stdin": "a b\nc\n\n\nd e f\n",
  "out": "1: a/3\n2: d/3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { FS = \",\" } { print $2 }' f.csv",
  "stdin": "",
  "files": {
   "f.csv": "name,size\nnginx,142MB\nubuntu,77.8MB\n"
  },
  "out": "size\n142MB\n77.8MB\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F '[:/]' '{ print $2, $NF }'",
  "stdin": "a:b/c:d\n",
  "out": "b d\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print NR, FNR, FILENAME }' a b",
  "stdin": "",
  "files": {
   "a": "1\n2\n",
   "b": "3\n"
  },
  "out": "1 1 a\n2 2 a\n3 1 b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'END { print NR, $0 }'",
  "stdin": "x\ny\nlast line\n",
  "out": "3 last line\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { exit 3 } END { print \"end\" }'",
  "stdin": "",
  "out": "end\n",
  "err": "",
  "code": 3
 },
 {
  "line": "awk '{ print 1/$2 }'",
  "stdin": "a 0\n",
  "out": "",
  "err": "awk: cmd. line:1: (FILENAME=- FNR=1) fatal: division by zero attempted\n",
  "code": 2
 },
 {
  "line": "awk '{print $1'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n",
  "code": 1
 },
 {
  "line": "awk 'BEGIN{x=1+}'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:1: BEGIN{x=1+}\nawk: cmd. line:1:           ^ syntax error\n",
  "code": 1
 },
 {
  "line": "awk 'BEGIN { if (x) }'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:1: BEGIN { if (x) }\nawk: cmd. line:1:                ^ syntax error\n",
  "code": 1
 },
 {
  "line": "awk 'BEGIN { printf \"%s %s\\n\", \"a\" }'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s %s\n'\n\t    ^ ran out for this one\n",
  "code": 2
 },
 {
  "line": "awk 'BEGIN{a[1]=1; a=2}'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:1: fatal: attempt to use array `a' in a scalar context\n",
  "code": 2
 },
 {
  "line": "awk 'BEGIN{print \"a\\.b\"}'",
  "stdin": "",
  "out": "a.b\n",
  "err": "awk: cmd. line:1: warning: escape sequence `\\.' treated as plain `.'\n",
  "code": 0
 },
 {
  "line": "awk '{print $1}' nosuch",
  "stdin": "",
  "out": "",
  "err": "awk: fatal: cannot open file `nosuch' for reading: No such file or directory\n",
  "code": 2
 },
 {
  "line": "awk -v 'x=a\\tb' 'BEGIN{print x}'",
  "stdin": "",
  "out": "a\tb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{RS=\";\"}{print NR\": \"$0}'",
  "stdin": "a;b;c\n",
  "out": "1: a\n2: b\n3: c\n\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { while ((\"x\" ~ /y/) == 0 && i < 3) i++; print i; print 1==1.0, \"a\" < \"b\", 2 < 10, \"2\" < \"10\" }'",
  "stdin": "",
  "out": "3\n1 1 1 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print ($1 > 5 ? \"big\" : \"small\") }'",
  "stdin": "3\n7\n",
  "out": "small\nbig\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ $0 = toupper($0); print $2 }'",
  "stdin": "ab cd\n",
  "out": "CD\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { s = \"foo bar foo\"; print sub(/foo/, \"baz\", s), s; print gensub(/(o+)/, \"<\\\\1>\", \"g\", \"foo boo\") }'",
  "stdin": "",
  "out": "1 baz bar foo\nf<oo> b<oo>\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '/^#/ { next } NF { print $1 }'",
  "stdin": "# comment\n\nkey value\n  spaced  out\n",
  "out": "key\nspaced\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ sum += $2 } END { printf \"%.1f average\\n\", sum / NR }'",
  "stdin": "a 1\nb 2\nc 4\n",
  "out": "2.3 average\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%d items\\n\", \"12abc\"; printf \"%s\\n\", 1e6; printf \"%s\\n\", 0.1 + 0.2; print 1e6 \"\" }'",
  "stdin": "",
  "out": "12 items\n1000000\n0.3\n1000000\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F'\\t' '{ print $2 }'",
  "stdin": "a\tb c\td\n",
  "out": "b c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ n = split($0, parts, /[,;]/); for (i = n; i > 0; i--) printf \"%s%s\", parts[i], (i > 1 ? \" \" : \"\\n\") }'",
  "stdin": "a,b;c\n",
  "out": "c b a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print substr(\"hello\", 2), substr(\"hello\", 2, 100), substr(\"\", 1, 2) \"|\" }'",
  "stdin": "",
  "out": "ello ello |\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'NR % 2 == 0'",
  "stdin": "1\n2\n3\n4\n5\n",
  "out": "2\n4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print $(NF-1) }'",
  "stdin": "a b c\nx y\n",
  "out": "b\nx\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ $1 = $1; print }' OFS=-",
  "stdin": "  a   b  c  \n",
  "out": "a-b-c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print length() }'",
  "stdin": "",
  "out": "0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%5.1f%%\\n\", 17.456; printf \"[%*d]\\n\", 6, 42; printf \"[%-*s]\\n\", 4, \"x\" }'",
  "stdin": "",
  "out": " 17.5%\n[    42]\n[x   ]\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print 10 % 3, -10 % 3, 10.5 % 3; print 2 ^ 0.5; print 1e300 * 1e300; print log(0) }'",
  "stdin": "",
  "out": "1 -1 1.5\n1.41421\n+inf\n-inf\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { x[\"a\"]; if (\"a\" in x) print \"yes\"; if (!(\"b\" in x)) print \"no\"; print length(x) }'",
  "stdin": "",
  "out": "yes\nno\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ for (i = NF; i > 0; i--) printf \"%s \", $i; print \"\" }'",
  "stdin": "one two three\n",
  "out": "three two one \n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { a = \"10\"; b = 9; print (a > b), (\"10\" > \"9\") }'",
  "stdin": "",
  "out": "0 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '$1 > 5'",
  "stdin": "10\n3\n 6\nabc\n",
  "out": "10\n 6\nabc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -v x=5 '$1 == x { print \"match:\", $0 }'",
  "stdin": "5\n5.0\n05\nfive\n",
  "out": "match: 5\nmatch: 5.0\nmatch: 05\n",
  "err": "",
  "code": 0
 }
];

describeGolden('awk golden', cases);
