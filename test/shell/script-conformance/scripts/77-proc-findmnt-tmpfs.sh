# What the kernel shows a learner about a container beside its files: /proc/stat's lines (one for
# each CPU), /proc/1/status's fields in the kernel's order (memory figures by form), the cgroup,
# the container's network through /proc/net/dev and /proc/net/route (Docker's default bridge),
# /proc/sys (its hostname, read-only), /proc/<pid>/task; and on the host a tmpfs of 1 MiB filled
# by GNU dd, with df, df -i for nr_inodes= and findmnt -A, --list and -o.
docker load -i /tmp/layered.tar
docker run -d --name pr layered:latest sleep 1000
docker exec pr sh -c 'cut -d" " -f1 /proc/stat | sed "s/[0-9]*$//" | uniq'
docker exec pr sh -c 'test $(grep -c "^cpu[0-9]" /proc/stat) = $(nproc) && echo one line a CPU'
docker exec pr sh -c 'grep -c "^cpu " /proc/stat; grep -c "^btime [0-9]*$" /proc/stat'
docker exec pr grep -E '^(Name|Umask|State|Tgid|Ngid|Pid|PPid|TracerPid|Uid|Gid|FDSize|Groups|NStgid|NSpid|NSpgid|NSsid|Threads|CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp|Seccomp_filters):' /proc/1/status
docker exec pr grep -E '^(Vm|Rss)' /proc/1/status
docker exec pr cat /proc/self/cgroup
docker exec pr ls /proc/1/task
docker exec pr sh -c 'ls /proc/1/task/1 > /dev/null && echo the thread has its directory'
docker exec pr sh -c 'head -2 /proc/net/dev; cut -d: -f1 /proc/net/dev | tail -n +3'
docker exec pr cat /proc/net/route
docker exec pr sh -c 'test "$(cat /proc/sys/kernel/hostname)" = "$(hostname)" && echo hostname agrees'
# (net.ipv4.ip_forward is not read: a new network namespace copies the host's value, which depends on
# the machine and on whether some dockerd with iptables on has run there.)
docker exec pr cat /proc/sys/kernel/ostype /proc/sys/kernel/pid_max
docker exec pr sh -c '{ echo x > /proc/sys/kernel/hostname; } 2>&1; echo $?'
docker exec pr sh -c 'ls /proc/sys | grep -E "^(kernel|net)$"; ls /proc/sys/net | grep -c ipv4'
docker exec pr sh -c 'cat /proc/1/cmdline | od -c'
docker rm -f pr
docker run --rm --network none layered:latest sh -c 'cut -d: -f1 /proc/net/dev | tail -n +3; wc -l < /proc/net/route'
mkdir -p /tmp/t
mount -t tmpfs -o size=1m tmpfs /tmp/t
dd if=/dev/zero of=/tmp/t/f bs=64k count=100 2>&1 | grep -v copied; echo ${PIPESTATUS[0]}
ls -l /tmp/t/f | cut -d' ' -f1-5
df /tmp/t
echo x > /tmp/t/g 2>/dev/null
echo $?
findmnt -A /tmp/t
findmnt --list /tmp/t
findmnt -A -o TARGET,SOURCE,FSTYPE /tmp/t
findmnt -A -t tmpfs -o TARGET,SIZE,USED /tmp/t
findmnt --list -o TARGET,FSTYPE,OPTIONS /tmp/t
findmnt -o SIZE,USED,AVAIL,USE% /tmp/t
rm /tmp/t/f
dd if=/dev/urandom of=/tmp/t/r bs=100k count=20 2>&1 | grep -v copied
ls -l /tmp/t/r | cut -d' ' -f5
umount /tmp/t
mount -t tmpfs -o nr_inodes=3 tmpfs /tmp/t
touch /tmp/t/a /tmp/t/b /tmp/t/c
df -i /tmp/t
grep /tmp/t /proc/mounts
umount /tmp/t
mount -t tmpfs -o nr_inodes=x tmpfs /tmp/t 2>&1 | head -1
mount -t tmpfs -o nr_inodes=x tmpfs /tmp/t 2>/dev/null; echo $?
