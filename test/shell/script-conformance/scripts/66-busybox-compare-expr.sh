# Inside a busybox-static container a learner compares files and counts: expr (arithmetic, the `:`
# match, its statuses and error texts), cmp (-s, -l, EOF), diff (busybox's unified output, -q, -r
# between two directories, statuses), od -t f / -t x1 / -A, dd status=none and status=progress
# (busybox has no progress level), tar -c | tar -tv and tar -czf. A line that prints an error and
# then a status joins stderr to stdout inside the container, so the two streams keep their order.
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box expr 6 \* 7
docker exec box sh -c 'expr 7 / 2; expr 7 % 3; expr 5 - 9; expr length overlay; expr substr overlay 5 3'
docker exec box sh -c 'expr lowerdir=/a : "lowerdir=\(.*\)"; expr abc : "a."; expr index upper p'
docker exec box sh -c 'expr abc : x; echo $?; expr 0 \& 3; echo $?; expr 2 \> 10; expr a \< b'
docker exec box sh -c 'expr 1 / 0 2>&1; echo $?; expr a + 1 2>&1; echo $?; expr 1 + 2>&1; echo $?; expr 2>&1; echo $?'
docker exec box sh -c 'i=0; while [ $i -lt 3 ]; do i=$(expr $i + 1); done; echo $i'
docker exec box sh -c 'printf "one\ntwo\nthree\nfour\n" > /tmp/a; printf "one\nTWO\nthree\nfour\nfive\n" > /tmp/b; printf "one\ntwo\n" > /tmp/c'
docker exec box sh -c 'cmp /tmp/a /tmp/b; echo $?; cmp -s /tmp/a /tmp/b; echo $?; cmp /tmp/a /tmp/a; echo $?'
docker exec box sh -c 'cmp -l /tmp/a /tmp/b 2>&1; cmp /tmp/a /tmp/c 2>&1; echo $?; cmp /tmp/a /nosuch 2>&1; echo $?'
docker exec box sh -c 'diff /tmp/a /tmp/b; echo $?; diff -u /tmp/a /tmp/c; diff -q /tmp/a /tmp/b; diff /tmp/a /tmp/a; echo $?'
docker exec box sh -c 'printf x > /tmp/n; diff /tmp/n /tmp/a; diff /tmp/a /nosuch 2>&1; echo $?'
docker exec box sh -c 'mkdir -p /u1/etc /u2/etc /u1/only; echo x > /u1/etc/f; echo y > /u2/etc/f; echo n > /u2/etc/new; echo o > /u1/only/z'
docker exec box sh -c 'diff -r /u1 /u2; echo $?; diff -rq /u1 /u2; diff /u1 /u2; diff /u1/etc /u2/etc | head -2'
docker exec box sh -c 'printf "abcdefgh12345678" > /tmp/f16; od -t f /tmp/f16; od -t f4 /tmp/f16; od -A n -t x1 /tmp/f16'
docker exec box sh -c 'od -A x -t x1 /tmp/f16; od -A d -c /tmp/c; od -t f2 /tmp/f16 2>&1; echo $?'
docker exec box sh -c 'dd if=/dev/zero of=/tmp/z bs=1k count=4 status=none; echo $?; ls -l /tmp/z | awk "{print \$5}"'
docker exec box sh -c 'dd if=/dev/zero of=/tmp/z bs=1k count=4 status=noxfer 2>&1; dd if=/dev/zero of=/tmp/z count=1 status=progress 2>&1; echo $?'
docker exec box sh -c 'mkdir -p /tt/sub; echo hello > /tt/a; ln -s a /tt/l; echo b > /tt/sub/b; tar -cf - /tt 2>&1 >/dev/null'
docker exec box sh -c 'tar -cf - /tt 2>/dev/null | tar -tvf - | awk "{print \$1, \$2, \$3, \$6, \$7, \$8}" | sort -k4'
docker exec box sh -c 'cd / && tar -czf /tmp/t.tgz tt && tar -tzf /tmp/t.tgz | sort; tar -cf /tmp/z.tar nosuch 2>&1; echo $?'
docker exec box sh -c 'cd / && tar -cf /tmp/t.tar tt && cd /tmp && tar -xf t.tar && diff -r /tt /tmp/tt; echo $?'
docker exec box sh -c 'rm /etc/group; echo x > /etc/new'
docker run -d --name box2 busybox-static:latest sleep 1000
docker exec box2 sh -c 'echo y > /etc/new; mkdir /etc/only2'
U1=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' box); U2=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' box2)
file -b $U1/etc/group; file -b $U1/etc/new; file -b $U1; cmp $U1/etc/new $U2/etc/new; echo $?
cd $U1 && diff -r etc $U2/etc | sed "s#$U2#U2#"; echo $?; cd
diff -u $U1/etc/new $U2/etc/new | tail -n +3; diff -rq $U1 $U2 | sed "s#$U1#U1#; s#$U2#U2#"
L=$(docker inspect -f '{{.GraphDriver.Data.LowerDir}}' box | tr : '\n' | tail -1); file -b $L/bin/busybox
file -b /var/lib/docker/image/overlay2/layerdb/sha256/*/tar-split.json.gz | sort -u | sed 's/, original size.*//'
docker stop -t 1 box box2
