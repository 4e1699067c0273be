# dd inside a busybox-based container: busybox's records lines (Debian's build prints no third
# line), its errors; then a big file dd made, committed into a lower layer, copied up whole into
# a new container's upper dir when the container appends one byte to it (du of the upper dir).
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box dd if=/dev/zero of=/big bs=1M count=5
docker exec box ls -ln /big
docker exec box dd if=/nope of=/tmp/x
echo $?
docker exec box dd if=/dev/zero of=/tmp/x bs=1x count=1
docker exec box dd if=/dev/zero of=/tmp/x conv=bad count=1
docker exec box dd if=/dev/zero of=/tmp/x count=1 status=noxfer
docker exec box dd if=/dev/zero of=/tmp/x count=1 status=none
docker exec box sh -c 'printf "hello world" | dd bs=4 skip=1 count=1 status=none; echo'
docker exec box sh -c 'dd if=/dev/zero bs=1k count=3 2>/dev/null | wc -c'
docker exec box sh -c 'yes | head -3'
docker exec box rm /tmp/x
docker stop -t 1 box
docker commit box bigimg
docker run -d --name app bigimg sleep 1000
du -sk $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' app)
docker exec app sh -c 'echo x >> /big'
du -sk $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' app)
ls -ln $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' app)/big
docker diff app
