expr 1 + 2; expr 5 - 7; expr 7 / 2; expr 7 % 3; expr 3 \* 4; expr 10 / 3 \* 2; expr 3 - 1 - 1
expr 1 / 0; echo $?
expr a + 1; echo $?
expr abc : 'a\(.\)'; expr abc : 'a.'; expr abc : 'x'; echo $?
expr length abc; expr substr hello 2 3; expr index hello l; expr match abc ab; expr length abcd + 1
expr 1 = 1; expr a \< b; expr 10 \> 9; expr a10 \> a9; expr abc = abd; echo $?
expr 0 \| 3; expr 0 \& 3; echo $?; expr '' \| 0; echo $?; expr 0 \| ''; echo $?
expr 1 +; echo $?
expr; echo $?
expr 1 2; echo $?
expr length; expr substr hello 2; expr '(' 1; expr '(' 1 2; expr '(' 1 + 2 ')' \* 3
expr 99999999999999999999 + 1; expr -1 + 1; echo $?; expr + match; expr abc : '\('; echo $?
busybox expr 1 + 2; busybox expr a + 1; echo $?; busybox expr 1 +; echo $?; busybox expr; echo $?
busybox expr 99999999999999999999 + 1; busybox expr + 1; echo $?; busybox expr quote length; busybox expr 1 / 0
busybox expr abc : 'a\(.\)'; busybox expr '' \| 0; echo $?; busybox expr abc : '\('; echo $?
printf 'one\ntwo\nthree\nfour\n' > a; printf 'one\nTWO\nthree\nfour\nfive\n' > b; printf 'one\ntwo\n' > c; cp a a2
cmp a b; echo $?; cmp -s a b; echo $?; cmp a a2; echo $?; cmp a c; echo $?
cmp -l a b 2>/dev/null; cmp -l a c; cmp a nosuch; echo $?; cmp -s a c; echo $?
: > empty; printf x > x1; printf xy > x2; printf 'a\nb' > y1; printf 'a\nbc' > y2; cmp empty a; cmp x1 x2; cmp y1 y2
printf 'one\ntwo\n' | cmp a; echo $?; cmp a < /dev/null
busybox cmp a b; busybox cmp -l a b 2>/dev/null; busybox cmp a c; busybox cmp empty a; busybox cmp a nosuch; echo $?
printf 'x' > nonl; printf 'a\0b' > bin1; printf 'a\0c' > bin2
diff a b; echo $?; diff a a2; echo $?; diff a c; diff c a
diff nonl a; diff a nonl; diff empty a; diff a nosuch; echo $?
diff -u a b | tail -n +3; diff -u a b | head -2 | cut -c1-4; diff -q a b; diff -q a a2; echo $?
diff -u empty a | tail -n +3; diff -u a empty | tail -n +3; diff -U1 a b | tail -n +3
diff bin1 bin2; echo $?; diff -q bin1 bin2; diff; echo $?; diff a; diff a b c; echo $?
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > n1; sed 's/^2$/X/; s/^11$/Y/' n1 > n2; diff -u n1 n2 | tail -n +3; diff n1 n2
mkdir -p d1/sub d2/sub d1/only1; echo x > d1/f; echo y > d2/f; echo s > d1/sub/g; echo s > d2/sub/g; echo n > d2/new
echo o > d1/only1/z; echo q > d1/gone; echo w > d2/sub/added; echo a > d1/aa
diff -r d1 d2; echo $?; diff d1 d2; diff -rq d1 d2; diff -r -u d1 d2 | grep -v '^[-+][-+][-+] '
diff -r d1 d2/f; diff a d1; echo $?; diff -r d1 d1; echo $?
busybox diff a b; echo $?; busybox diff a c; busybox diff nonl a; busybox diff empty a; busybox diff -q a b
busybox diff -r d1 d2; echo $?; busybox diff -rq d1 d2; busybox diff d1 d2; busybox diff a nosuch; echo $?
busybox diff -U1 a b; busybox diff bin1 bin2; busybox diff a d1; echo $?
printf 'A  b\nx\n' > w1; printf 'a b \nx\n' > w2; printf 'Ab\nx' > w3; printf ' a\n' > w4; printf 'a\n' > w5
diff -s a a2; diff -s a b > /dev/null; echo $?; diff -i w1 w2; echo $?; diff -i -b w1 w2; echo $?; diff -w w1 w3; echo $?
diff -b w4 w5; diff -Z w2 w1; echo $?; diff -w -s w1 w3; diff -s -i -b w1 w2; diff -a bin1 bin2; diff -a -q bin1 bin2
diff -L old -L new -u a b; diff --label=one -u a b | head -2 | cut -c1-9; diff -i -u a b | tail -n +3; diff --ignore-case a b
busybox diff -s a a2; busybox diff -i a b; echo $?; busybox diff -b w4 w5; busybox diff -w w1 w3; echo $?
busybox diff -u a c; busybox diff -L old -L new a b; busybox diff -L x a b; busybox diff -a bin1 bin2; busybox diff -i -b -s w1 w2
printf 'abcdefgh12345678' > f16; od -t f f16; od -t f4 f16; od -t f8 f16; od -t fD -A n f16; od -f -A d f16; od -t fF -A x f16
printf '\0\0\200\77\0\0\0\0\0\0\0\0\0\0\360\77' > fl; od -t f4 -t f8 fl; od -A n -t f4 -t x1 fl; od -t f2 fl; printf abc | od -t f4
printf '\0\0\300\177\0\0\200\177\1\0\0\0\0\0\200\377\0\0\300\377' | od -t f4; printf '\0\0\0\0\0\0\360\177\1\0\0\0\0\0\0\0' | od -t f8
busybox od -t f f16; busybox od -t f8 f16; busybox od -A n -t f4 fl; busybox od -t f8 fl; printf abc | busybox od -t f4
printf '\0\0\300\177\0\0\200\177\1\0\0\0\0\0\200\377' | busybox od -t f4; busybox od -t f2 fl; busybox od -A x -t x1 f16
mkdir -p fd; : > fd/empty; echo hi > fd/text; ln -s text fd/lk; ln -s /nonexistent fd/dl; mknod fd/wh c 0 0; file fd fd/*
printf '{"a":1}' | gzip > fd/ts.json.gz; printf 'h\303\251llo\n' > fd/utf; printf 'a\r\nb\r\n' > fd/crlf; printf 'x' > fd/nn; file fd/ts.json.gz fd/utf fd/crlf fd/nn
printf '#!/bin/sh\necho hi\n' > fd/s.sh; printf '#!/bin/bash\n' > fd/b; printf '#!/usr/bin/env python3\n' > fd/p; printf '#!/usr/bin/perl\n' > fd/pl; file fd/s.sh fd/b fd/p fd/pl
echo '{"a": [1, 2]}' > fd/j; echo 123 > fd/n; echo '{"a":}' > fd/bad; printf 'caf\351\n' > fd/latin; printf 'a\001b\n' > fd/ctl; file fd/j fd/n fd/bad fd/latin fd/ctl
printf '%0400d\n' 0 > fd/long; printf 'sha256:%064d' 0 > fd/cid; file -b fd/long fd/cid; file -L fd/lk; file -h fd/lk; file fd/nosuch; echo $?; file; echo $?
file / /dev/null /proc/version
