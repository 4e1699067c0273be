# What the kernel shows a learner inside a container: a user that is not root (-u 1000) meeting a
# directory it may not search (no x: nothing behind it is reached, not even by stat) or not read
# (no r: its names are not listed, yet a known name opens), with busybox's words and statuses;
# tmpfs mounts that fill up (--tmpfs size=, --mount tmpfs-size=, nr_inodes=) and what dd, ash,
# touch and df say then; /dev: /dev/null, /dev/full (ENOSPC), /dev/zero and /dev/urandom read,
# /dev/tty without a terminal, the listing with majors and minors, /dev/shm a tmpfs that takes files.
docker load -i /tmp/layered.tar
docker run -d --name pu -u 1000 layered:latest sleep 1000
docker exec -u 0 pu sh -c 'mkdir -p /root/d /nox /nor; echo x > /root/x; echo y > /nox/f; echo z > /nor/f; chmod 700 /root; chmod 711 /nor; chmod 744 /nox'
docker exec pu sh -c 'ls /root 2>&1; echo $?'
docker exec pu sh -c 'cd /root 2>&1; echo $?'
docker exec pu sh -c 'cat /root/x 2>&1; echo $?'
docker exec pu sh -c 'touch /root/x 2>&1; echo $?; touch /root/y 2>&1; echo $?'
docker exec pu sh -c 'ls -l /root 2>&1; echo $?'
docker exec pu sh -c 'ls -l /nox 2>&1; echo $?'
docker exec pu sh -c 'ls /nox 2>&1; echo $?; cat /nox/f 2>&1; echo $?'
docker exec pu sh -c 'ls /nor 2>&1; echo $?; cat /nor/f; ls -l /nor/f | cut -c1-45'
docker exec pu sh -c 'stat /nox/f 2>&1; echo $?'
docker exec pu sh -c 'find /nox /root 2>/dev/null; echo $?'
docker exec pu sh -c 'find /nox /root 2>&1 >/dev/null'
docker exec pu sh -c '{ echo hi > /root/z; } 2>&1; echo $?'
docker exec pu sh -c 'mkdir /root/q 2>&1; rm /root/x 2>&1; rm -f /root/x 2>&1; ls -ld /root/d 2>&1; echo $?'
docker exec pu sh -c 'cd /nor && pwd; ls 2>&1; echo $?'
docker exec pu sh -c 'head /root/x 2>&1; wc -l /nox/f 2>&1; echo $?'
docker exec pu sh -c 'test -r /root/x; echo $?; test -e /root/x; echo $?; test -x /nor; echo $?; test -r /nor; echo $?; test -w /tmp; echo $?'
docker exec -u 1000:1000 pu sh -c 'id; ls /root 2>&1'
docker exec pu sh -c 'ls -ld /root /nox /nor | cut -c1-10'
docker rm -f pu
docker run -d --name tl --tmpfs /t:size=1m --mount type=tmpfs,dst=/m,tmpfs-size=1048576 --tmpfs /n:nr_inodes=5 --tmpfs /o:mode=700 layered:latest sleep 1000
docker exec tl sh -c 'dd if=/dev/zero of=/t/f bs=64k count=100 2>&1; echo $?; ls -l /t/f | cut -c1-45'
docker exec tl sh -c 'df /t /m; df -h /t'
docker exec tl sh -c 'dd if=/dev/zero of=/m/f bs=64k count=100 2>&1; echo $?; ls -l /m/f | cut -c1-45'
docker exec tl sh -c '{ echo x > /m/g; } 2>&1; echo $?; ls -l /m/g | cut -c1-45'
docker exec tl sh -c 'rm /m/f; echo x > /m/g; echo $?; cat /m/g'
docker exec tl sh -c 'dd if=/dev/urandom of=/m/r bs=64k count=20 2>&1; echo $?; ls -l /m/r | cut -c1-45'
docker exec tl sh -c 'for i in 1 2 3 4 5 6; do touch /n/$i 2>&1 || echo fail $i; done'
docker exec tl ls /n
docker exec tl sh -c 'mkdir /n/d 2>&1; echo $?; df -i /n'
docker exec tl sh -c 'ls -ld /o /t /n | cut -c1-45'
docker exec tl sh -c 'grep -E " /(t|m|n|o) " /proc/mounts | sort'
docker rm -f tl
docker run --rm --tmpfs /t:size=1m,nr_inodes=3 layered:latest sh -c 'df -i /t; grep " /t " /proc/mounts'
docker run -d --name dv layered:latest sleep 1000
docker exec dv sh -c 'echo hi > /dev/null; echo $?'
docker exec dv sh -c '{ echo hi > /dev/full; } 2>&1; echo $?'
docker exec dv sh -c 'dd if=/dev/zero of=/dev/full bs=1 count=1 2>&1; echo $?'
docker exec dv sh -c 'head -c 8 /dev/zero | od -An -tx1'
docker exec dv sh -c 'head -c 4 /dev/zero | od -c'
docker exec dv sh -c 'head -c 5 /dev/full | od -An -c'
docker exec dv sh -c 'head -c 16 /dev/urandom | wc -c; cat /dev/null | wc -c'
docker exec dv sh -c 'dd if=/dev/urandom of=/tmp/r bs=1k count=2 2>&1; wc -c /tmp/r'
docker exec dv sh -c 'cat /dev/tty 2>&1; echo $?'
docker exec dv ls -l /dev
docker exec dv ls -la /dev
docker exec dv ls -l /dev/pts /dev/shm /dev/mqueue
docker exec dv sh -c 'ls -ld /dev/pts /dev/shm /dev/mqueue'
docker exec dv sh -c 'stat /dev/null | grep -v Device; stat -c "%n %F %t %T %a %h" /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty /dev/ptmx'
docker exec dv sh -c 'stat /dev/console 2>&1'
docker exec dv grep -E ' /dev' /proc/mounts
docker exec dv sh -c 'echo x > /dev/shm/a; ls -l /dev/shm | cut -c1-45; df /dev/shm'
docker exec dv sh -c 'dd if=/dev/zero of=/dev/shm/big bs=1M count=70 2>&1; echo $?; ls -l /dev/shm/big | cut -c1-45'
docker exec -u 1000 dv sh -c 'echo x > /dev/null; echo $?; { echo x > /dev/full; } 2>&1; echo $?; cat /dev/zero | head -c 3 | wc -c'
docker rm -f dv
