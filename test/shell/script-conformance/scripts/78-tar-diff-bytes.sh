# Archives and diffs byte for byte. On the host GNU tar 1.34 writes its own format (magic "ustar  ",
# modes without type bits, the 10240-byte record, ././@LongLink); inside a container busybox tar
# writes the same header with numeric owner names and no record padding; docker cp and docker export
# write Go's archive/tar headers. Times are pinned with touch -d @N, and a hash is cut to 16
# characters so it is compared, not read as an id; a listing of what was made in the run keeps no
# time. docker export leaves out the container's bind mounts (/etc/hosts… are the -init layer's empty
# files). GNU diff's -c, -y, -W, -t, -T and --color=always,
# busybox diff's -B, -T, -t and -S in a container.
mkdir -p /tmp/w/d/sub && cd /tmp/w && echo hello > d/a && echo b > d/sub/b && ln -s a d/l && ln d/a d/h
touch -d @1700000000 d/a d/sub/b d/sub d && touch -h -d @1700000000 d/l
tar -cf /tmp/x.tar d/a; wc -c /tmp/x.tar; od -c /tmp/x.tar | head -14; sha256sum /tmp/x.tar | cut -c1-16
tar --sort=name -cf /tmp/d.tar d; wc -c /tmp/d.tar; sha256sum /tmp/d.tar | cut -c1-16; tar -tvf /tmp/d.tar
tar --sort=name -cvf - d 2>&1 >/dev/null; tar --numeric-owner -cf - d/a | sha256sum | cut -c1-16; tar -cf - d/a | tar -tv --numeric-owner
N=$(printf 'n%.0s' $(seq 120)); echo x > $N; ln -s $N sl; touch -h -d @1700000000 $N sl; tar -cf - $N sl | sha256sum | cut -c1-16; tar -cf - $N sl | tar -tv | cut -c1-60
tar --mtime=@0 --sort=name -cvf /tmp/m.tar d 2>&1; sha256sum /tmp/m.tar | cut -c1-16; tar -cf - /tmp/w/d/a | tar -t
tar -czf /tmp/z.tgz d/a; tar -tzvf /tmp/z.tgz; head -c 10 /tmp/z.tgz | od -A d -t x1; gunzip -c /tmp/z.tgz | sha256sum | cut -c1-16
tar -cf /tmp/n.tar nosuch d/a; echo $?; tar -tf /tmp/n.tar; tar -C /tmp/w -cf - d/sub | tar -tv
printf 'one\ntwo\nthree\nfour\n' > a; printf 'one\nTWO\nthree\nfour\nfive\n' > b; printf 'x\ty\n' > t1; printf 'x\tz\n' > t2
diff -c a b | tail -n +3; echo $?; diff -c -L old -L new a b; diff -C1 b a | tail -n +3
diff -y a b; echo $?; diff -y -W 40 --suppress-common-lines a b; diff -y -t -W 50 t1 t2; diff -T t1 t2; diff -t -u t1 t2 | tail -n +3
diff --color=always a b | od -c | head -3; diff --color=always -u a b | tail -n +3 | od -c | head -3; diff -c -u a b; echo $?
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box sh -c 'mkdir -p /p/s && echo hi > /p/f && echo s > /p/s/g && ln -s f /p/l && touch -d @1700000000 /p/f /p/s/g /p/s /p && touch -h -d @1700000000 /p/l'
docker exec box sh -c 'cd / && tar -cf /tmp/b.tar p/f && wc -c /tmp/b.tar && sha256sum /tmp/b.tar | cut -c1-16 && od -c /tmp/b.tar | sed -n 7,10p'
docker exec box sh -c 'cd / && tar -cf - p/f p/l | tar -tv; tar -cf - p | wc -c'
docker cp box:/p/f - | wc -c
docker cp box:/p/f - | sha256sum | cut -c1-16
docker cp box:/p/f - | od -c | sed -n 4,10p
docker cp box:/p - | tar -tv
docker cp box:/p - | sha256sum | cut -c1-16
docker export box | wc -c
docker export box | tar -tv | grep -v ' bin/' | awk '{print $1, $2, $3, $6, $7, $8}'
docker save busybox-static:latest | wc -c
docker save busybox-static:latest | sha256sum | cut -c1-16
docker save busybox-static:latest | tar -tv | awk '{print $1, $2, $3}'
docker exec box sh -c 'printf "a\tb\n\nx\ny\n" > /t1; printf "a\tb\nx\n\nz\n" > /t2; diff -T /t1 /t2; diff -t /t1 /t2; diff -T -t /t1 /t2'
docker exec box sh -c 'printf "a\n\nb\n" > /b1; printf "a\nb\n\n\n" > /b2; diff -B /b1 /b2; echo $?; diff -B -q /b1 /b2; echo $?'
docker exec box sh -c 'mkdir -p /d1/sub /d2/sub; echo x > /d1/f; echo y > /d2/f; echo s > /d1/sub/g; echo t > /d2/sub/g; echo n > /d2/new; echo a > /d1/aa'
docker exec box sh -c 'diff -r -S f /d1 /d2; echo $?; diff -rq -S new /d1 /d2; diff -r -N -S sub /d1 /d2'
docker exec box sh -c 'diff -c /t1 /t2 2>&1 | head -1; diff -y /t1 /t2 2>&1 | head -1'
docker stop -t 1 box
