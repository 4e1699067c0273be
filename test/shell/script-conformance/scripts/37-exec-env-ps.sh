# What a process in a container starts with and what busybox's ps lists there: docker exec and
# docker run give exactly PATH, HOSTNAME, TERM with -t, the image's and -e's variables, and HOME
# as runc adds it (/ without an /etc/passwd); a shell adds SHLVL and PWD in ash's table order.
# busybox ps (Debian's build: no TIME column, applets run inside the shell) shows PID 1 and
# itself; the pids of execs depend on the runtime's helpers, so they are masked.
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box busybox env
docker exec -t box busybox env
docker exec -e FOO=bar -e PATH=/x:/bin box busybox env
docker exec -e FOO=bar -e FOO box busybox env
docker exec -u 1000 box busybox env
docker exec box sh -c env
docker exec -w /tmp -e A=1 box sh -c env
docker exec box sh -c 'echo $HOME $HOSTNAME $TERM'
docker run --rm -e A=1 -h myhost busybox-static busybox env
docker run --rm -h myhost busybox-static sh -c 'hostname; cat /etc/hostname'
docker run --rm -t busybox-static busybox env
docker run --rm -e HOME=/h busybox-static busybox env
docker exec box sh -c ps | sed 's/^ *[0-9][0-9]* 0  /    N 0  /; s/^    N 0  \(.*sleep\)/    1 0  \1/'
docker exec box sh -c 'ps; true' | sed -E 's/^ +[0-9]{2,} /    N /'
docker exec box sh -c 'ps -o pid,ppid,pgid,sid,user,group,comm,nice,tty,vsz,stat,args' | sed -E 's/^ +[0-9]{2,} +0 +[0-9]+ +[0-9]+ /    N     0     N     N /'
docker exec box busybox ps | sed -E 's/^ +[0-9]{2,} /    N /'
docker exec box busybox ps -o pid,ruser,rgroup=GRP | sed -E 's/^ +[0-9]{2,} /    N /'
docker exec box busybox ps -o pid=,args= | sed -E 's/^ +[0-9]{2,} /    N /'
docker exec box busybox ps -o pid=P,args | sed -E 's/^[0-9]{2,} /N /'
docker exec box busybox ps -o rgroupx,comm
docker exec box busybox ps -o time
docker exec box busybox ps aux | sed -E 's/^ +[0-9]{2,} /    N /'
docker exec box busybox ps -x
docker exec -t box busybox ps | sed -E 's/^ +[0-9]{2,} /    N /'
docker run --rm busybox-static sh -c ps
docker run --rm busybox-static busybox ps
