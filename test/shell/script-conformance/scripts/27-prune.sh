# prune: stopped containers, dangling and unused images, and what goes from overlay2/ and layerdb.
docker load -i /tmp/layered.tar
docker load -i /tmp/base.tar
docker run --name done busybox-static:latest true
ls /var/lib/docker/overlay2 | wc -l
docker container prune < /dev/null
echo
docker container prune -f
docker ps -a --format '{{.Names}}'
ls /var/lib/docker/overlay2 | wc -l
docker create --name keep layered:latest
docker image prune -f
docker tag busybox-static:latest spare:1
docker rmi busybox-static:latest
docker image prune -a -f
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
docker run --name gone layered:latest true
docker rm keep
docker system prune < /dev/null
echo
docker system prune -a -f
docker images -q | wc -l
ls /var/lib/docker/overlay2
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
docker system prune -f
