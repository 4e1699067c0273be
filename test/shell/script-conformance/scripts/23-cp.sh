# docker cp both ways; into a container that never ran, the file lands in its upper dir.
docker load -i /tmp/base.tar
docker create --name box busybox-static:latest sh
UP=$(docker inspect box --format '{{.GraphDriver.Data.UpperDir}}')
mkdir -p /tmp/lab/dir/sub && echo hello > /tmp/lab/note.txt && echo deep > /tmp/lab/dir/sub/f
docker cp /tmp/lab/note.txt box:/note.txt
find $UP | sort
cat $UP/note.txt
docker cp /tmp/lab/dir box:/tmp/
find $UP/tmp | sort
docker cp /tmp/lab/dir box:/newdir
ls $UP/newdir
docker cp box:/note.txt /tmp/lab/back.txt
cat /tmp/lab/back.txt
docker cp box:/tmp/dir /tmp/lab/copy
docker cp box:/tmp/dir/. /tmp/lab/contents
ls /tmp/lab/contents
find /tmp/lab/copy | sort
docker cp box:/bin/busybox /tmp/lab/
ls -l /tmp/lab/busybox | cut -c1-33
docker cp box:/bin - | tar -t | head -3
docker cp box:/note.txt - | tar -tv | awk '{print $1, $2, $3, $6}'
docker cp box:/tmp/dir - | tar -t
docker cp /tmp/lab/nope box:/x
docker cp box:/nope /tmp/lab/
docker cp nosuch:/etc/passwd /tmp/lab/
docker cp /tmp/lab/note.txt nosuch:/x
docker cp /tmp/lab/note.txt box:/nodir/x
docker cp /tmp/lab/note.txt /tmp/lab/x
docker cp box:/note.txt box:/y
docker cp
docker cp box:/note.txt - > /tmp/lab/t.tar
docker cp - box:/tmp < /tmp/lab/t.tar
docker cp - box:/note.txt < /tmp/lab/t.tar
docker diff box | sort
docker rm box
