# Hard links, renames, opaque directories, whiteouts and overlay xattrs in a container's upper dir,
# made in the container and by hand from the host (a whiteout mknod'ed, trusted.overlay.opaque set
# and removed while it is stopped; overlay's own xattrs refused through merged, a user xattr copying a
# file up without docker diff listing it), with docker diff after each; then a hard link committed into a
# lower layer and copied up by a write (index=off: the link breaks, its other name keeps the old
# bytes and the lower's link count), and what docker rm leaves of overlay2/.
docker load -i /tmp/layered.tar
docker run -d --name c1 layered:latest sleep 1000
UP=$(docker inspect c1 --format '{{.GraphDriver.Data.UpperDir}}')
MG=$(docker inspect c1 --format '{{.GraphDriver.Data.MergedDir}}')
docker exec c1 ln /data/a.txt /data/hl
docker diff c1 | sort
cd $UP
find . | sort
stat -c '%n %h %s %F' data/a.txt data/hl data
[ "$(stat -c %i data/a.txt)" = "$(stat -c %i data/hl)" ] && echo one inode in upper
docker exec c1 stat -c '%n %h %s' /data/a.txt /data/hl
[ "$(docker exec c1 stat -c %i /data/a.txt)" = "$(docker exec c1 stat -c %i /data/hl)" ] && echo one inode in the container
getfattr -m - data data/a.txt data/hl 2>&1 | sort
getfattr -d -m - data 2>&1 | grep -v origin
docker exec c1 sh -c 'echo more >> /data/hl; cat /data/a.txt'
stat -c '%n %h %s' data/a.txt data/hl
docker exec c1 mv /data/hl /hl-moved
docker diff c1 | sort
stat -c '%n %h' data/a.txt hl-moved
find . -links 2 -type f | sort
find $MG -samefile $MG/data/a.txt | sed "s#$MG##" | sort
find . -inum $(stat -c %i hl-moved) | sort
docker exec c1 sh -c 'rm -r /tmp; mkdir /tmp; echo x > /tmp/x'
getfattr -n trusted.overlay.opaque --only-values tmp; echo
stat -c '%n %a %h' tmp
docker exec c1 ls -la /tmp | awk '{print $1, $2, $NF}'
docker diff c1 | sort
docker exec c1 rm /bin/cat /data/sub/new.txt
stat -c '%n %F %t %T %h %s %a %U %b' bin/cat data/sub/new.txt
ls -l bin | awk '{print $1, $2, $5, $6, $NF}'
find . -type c | sort
find . -type c -newer data/a.txt | sort
docker exec c1 ls /bin | wc -l
docker exec c1 cat /bin/cat
docker diff c1 | sort
getfattr -m - bin data/sub 2>&1 | sort
docker stop -t 1 c1
mkdir etc && mknod etc/mtab c 0 0
setfattr -n trusted.overlay.opaque -v y data
getfattr -n trusted.overlay.opaque data
docker start c1
docker exec c1 ls -a /data
docker exec c1 ls /data/sub
docker exec c1 ls /etc
docker diff c1 | sort
setfattr -n trusted.overlay.opaque -v y $MG/tmp
getfattr -d -m - $MG/data
getfattr -n trusted.overlay.origin $MG/data/a.txt
setfattr -h -n user.note -v hi $MG/bin/sh
setfattr -n user.note -v hi $MG/bin/busybox
getfattr -n user.note bin/busybox
getfattr -d $MG/bin/busybox
docker exec c1 ls -l /bin/busybox | awk '{print $1, $2, $5}'
docker diff c1 | sort
docker stop -t 1 c1
setfattr -x trusted.overlay.opaque data
getfattr -n trusted.overlay.opaque data
rm data/sub/new.txt etc/mtab
docker start c1
docker exec c1 ls /data /data/sub
docker exec c1 ls /etc
docker diff c1 | sort
docker commit c1 linked:1 | cut -c1-7
docker image inspect linked:1 --format '{{len .RootFS.Layers}}'
docker run -d --name c2 linked:1 sleep 1000
U2=$(docker inspect c2 --format '{{.GraphDriver.Data.UpperDir}}')
docker exec c2 ln /data/a.txt /data/hl2
docker commit c2 linked:2 > /dev/null
docker rm -f c2
docker run -d --name c3 linked:2 sleep 1000
U3=$(docker inspect c3 --format '{{.GraphDriver.Data.UpperDir}}')
M3=$(docker inspect c3 --format '{{.GraphDriver.Data.MergedDir}}')
docker exec c3 stat -c '%n %h' /data/a.txt /data/hl2
docker exec c3 sh -c 'echo again >> /data/a.txt'
docker exec c3 stat -c '%n %h %s' /data/a.txt /data/hl2
docker exec c3 head /data/hl2
[ "$(stat -c %i $M3/data/a.txt)" != "$(stat -c %i $M3/data/hl2)" ] && echo the copy-up broke the link
find $U3 | sed "s#$U3##" | sort
stat -c '%n %h' $U3/data/a.txt | sed "s#$U3##"
docker diff c3 | sort
N=$(ls /var/lib/docker/overlay2 | wc -l)
docker rm -f c1 c3
echo $((N - $(ls /var/lib/docker/overlay2 | wc -l)))
ls $UP 2>&1 | sed "s#$UP#UP#"
docker rmi linked:1 linked:2 | grep -c Deleted
ls /var/lib/docker/overlay2 | wc -l
