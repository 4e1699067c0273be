# docker cp off the lesson path: -L follows a link on either side, a link is copied as a link
# without it, into a stopped container and a volume, and pkg/archive's and the CLI's own errors.
docker load -i /tmp/base.tar
docker run -d --name run1 busybox-static:latest sleep 1000
mkdir -p /tmp/lab && echo hi > /tmp/lab/a.txt && ln -s a.txt /tmp/lab/link
docker cp /tmp/lab/link run1:/tmp/
docker exec run1 ls -l /tmp/link | awk '{print $1, $NF}'
docker cp -L /tmp/lab/link run1:/tmp/deref
docker exec run1 ls -l /tmp/deref | awk '{print $1, $5, $NF}'
docker cp run1:/tmp/link /tmp/lab/back
ls -l /tmp/lab/back | cut -c1-10
docker cp -L run1:/tmp/link /tmp/lab/back2
ls -l /tmp/lab/back2 | cut -c1-10
docker exec run1 sh -c 'mkdir /w && echo x > /w/f && chown 1000:1000 /w/f'
docker cp run1:/w /tmp/lab/w
stat -c '%u %g %n' /tmp/lab/w/f
docker cp --archive /tmp/lab/a.txt run1:/tmp/arch.txt
docker exec run1 stat -c '%u %g' /tmp/arch.txt
docker stop run1
docker cp /tmp/lab/a.txt run1:/stopped.txt
UP=$(docker inspect run1 --format '{{.GraphDriver.Data.UpperDir}}')
ls $UP
docker cp run1:/stopped.txt - | tar -t
docker start run1
docker exec run1 cat /stopped.txt
docker volume create vol
docker run -d --name v1 -v vol:/data busybox-static:latest sleep 1000
docker cp /tmp/lab/a.txt v1:/data/
ls /var/lib/docker/volumes/vol/_data
docker cp v1:/data/a.txt /tmp/lab/fromvol
cat /tmp/lab/fromvol
docker cp /tmp/lab/a.txt v1:/tmp/x.txt/
docker cp /tmp/lab/a.txt v1:
docker cp /tmp/lab v1:/bin/busybox
docker cp v1:/etc/hostname /tmp/lab/nodir/
docker cp v1:/etc /tmp/lab/a.txt
docker cp v1:/bin/ /tmp/lab/a.txt/
docker cp v1:/bin/sh /tmp/lab/a.txt/x
docker cp v1:/etc/hostname /nodir/x
docker cp v1: /tmp/x
docker cp v1:/proc/version /tmp/lab/
docker cp -q /tmp/lab/a.txt v1:/
docker cp /tmp/lab/a.txt v1:relative.txt
docker exec v1 ls /relative.txt
docker container cp /tmp/lab/a.txt v1:/cc.txt
docker diff v1 | sort
docker rm -f run1 v1
