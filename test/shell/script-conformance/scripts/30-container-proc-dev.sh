# Inside a container: its own /dev (tmpfs with the device nodes, devpts, mqueue, shm) and /proc
# with the container's mount table, overlay on /; the host's view of merged/ keeps the init layer's.
# A program the image lacks is runc's error and status 126.
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box bash
echo $?
docker exec box nosuch arg
echo $?
docker exec box /bin/nosuch
echo $?
docker exec box ls /dev
docker exec box ls /dev/pts /dev/shm /dev/mqueue
docker exec box stat -c '%A %h %s %t %T %n' /dev /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty
docker exec box stat -c '%A %h %s %t %T %n' /dev/pts /dev/pts/ptmx /dev/shm /dev/mqueue
docker exec box readlink /dev/fd
docker exec box readlink /dev/stderr
docker exec box readlink /dev/ptmx
docker exec box head -c 3 /dev/zero | wc -c
docker exec box sh -c 'echo gone > /dev/null && cat /dev/null | wc -c'
docker exec box cat /proc/mounts | grep -v cgroup | awk '{print $1, $2, $3}'
docker exec box grep '^overlay' /proc/mounts
docker exec box cat /proc/mounts | grep -v cgroup | grep -v ' ext4 ' | awk '{print $2, $4}'
docker exec box cat /proc/self/mountinfo | grep -v cgroup | grep -v ' - ext4 ' | sed 's/.* - //'
docker exec box cat /proc/self/mountinfo | grep -v cgroup | awk '{print $4, $5}'
docker exec box busybox mount | grep -v cgroup | sed 's/ (.*//'
docker exec box busybox mount | grep '^overlay'
docker exec box ls /proc/self/mountinfo /proc/mounts
MERGED=$(docker inspect box --format '{{.GraphDriver.Data.MergedDir}}')
ls $MERGED/dev
grep -c " $MERGED/proc " /proc/mounts
docker kill box
