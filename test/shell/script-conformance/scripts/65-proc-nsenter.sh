# A container's processes through /proc, from inside (its own pid namespace: pid 1 is its command,
# /proc/self the reader) and from the host (the pid docker inspect gives, NSpid naming both pids,
# the cgroup the cgroupfs driver makes, the namespaces' links, root leading into merged/), and
# nsenter into its namespaces. The machine's own figures (memory, load, uptime, CPU model, the
# namespaces' numbers) are compared by form through the normaliser; the CPU count by agreement.
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box cat /proc/1/comm
docker exec box sh -c 'cat /proc/1/cmdline | tr "\0" " "; echo'
docker exec box sh -c 'cat /proc/1/environ | tr "\0" "\n"'
docker exec box grep -E '^(Name|State|Tgid|Pid|PPid|NStgid|NSpid|Uid|Gid|Groups|Threads|CapEff|Seccomp):' /proc/1/status
docker exec box cat /proc/1/cgroup
docker exec box readlink /proc/1/cwd
docker exec box readlink /proc/1/root
docker exec box readlink /proc/1/exe
docker exec box ls -l /proc/1/fd | cut -c1-10
docker exec box sh -c 'ls /proc/1/fd; readlink /proc/1/fd/0'
docker exec box grep '^overlay' /proc/1/mounts | cut -d' ' -f1-3
docker exec box cat /proc/self/comm
docker exec box sh -c 'cat /proc/self/cmdline | tr "\0" " "; echo'
docker exec box readlink /proc/self/exe
docker exec box ls /proc/self/fd
docker exec box grep -E '^(Name|State|PPid):' /proc/self/status
docker exec box ls /proc/2/comm
docker exec box sh -c 'cut -f1,2,4 /proc/cgroups'
docker exec box cat /proc/loadavg
docker exec box cat /proc/uptime
docker exec box head -5 /proc/meminfo
docker exec box grep -E '^(SwapTotal|HugePages_Total|Hugepagesize):' /proc/meminfo
docker exec box grep -m1 '^model name' /proc/cpuinfo
docker exec box sh -c 'test $(grep -c ^processor /proc/cpuinfo) = $(busybox nproc) && echo nproc agrees'
docker exec box busybox free
docker exec box busybox free -m
docker exec box busybox uptime
docker exec box busybox nproc --ignore=abc
docker exec box busybox uptime -x
docker exec box busybox free -x
docker exec box grep -cw overlay /proc/filesystems
docker exec box cat /proc/version
PID=$(docker inspect -f '{{.State.Pid}}' box)
test -d /proc/$PID && echo the pid docker inspect gives is a host process
cat /proc/$PID/comm
cat /proc/$PID/cmdline | tr '\0' ' '; echo
grep -E '^(Name|NStgid|NSpid|Uid|Threads):' /proc/$PID/status | sed "s/$PID/PID/"
cat /proc/$PID/cgroup
readlink /proc/$PID/root /proc/$PID/cwd /proc/$PID/exe
ls /proc/$PID/root/
cat /proc/$PID/root/etc/hostname
ls /proc/$PID/ns
ls -l /proc/$PID/ns | awk '{print $1, $9, $10, $11}'
readlink /proc/$PID/ns/pid /proc/$PID/ns/pid_for_children /proc/$PID/ns/user
grep ' - overlay ' /proc/$PID/mountinfo | awk '{print $4, $5, $9}'
PPID2=$(awk '/^PPid/{print $2}' /proc/$PID/status); cat /proc/$PPID2/comm
nsenter -t $PID -m ls /
nsenter --target $PID --mount cat /etc/hostname
nsenter -t $PID -m cat /proc/mounts
nsenter -t $PID -m -p grep '^overlay' /proc/mounts | cut -d' ' -f1-3
nsenter -t $PID -m -u -i -n -p hostname
nsenter -t $PID -a sh -c 'cat /proc/1/comm; readlink /proc/1/exe'
nsenter -t $PID -m readlink /proc/1/exe
nsenter -t $PID -a ps
echo $?
nsenter -t $PID -m nosuch
echo $?
nsenter -t 999999 -m ls
echo $?
nsenter -t abc -m ls
echo $?
nsenter -m ls
echo $?
nsenter -x
echo $?
nsenter -t $PID -u hostname | wc -c
test $(nproc) = $(grep -c ^processor /proc/cpuinfo) && echo nproc agrees
nproc --ignore=100
free
free -m
free -h
free -w
uptime
docker stop -t 1 box
test -d /proc/$PID || echo gone once stopped
