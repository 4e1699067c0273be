# rmi -f of an image a container uses (the image goes, its layers stay under the container layer),
# what a detached shell writes before its endless loop, logs --until 0, and the errors of kill,
# rename, stop, pause, wait over several containers.
docker load -i /tmp/base.tar
docker create --name c1 busybox-static:latest
ls /var/lib/docker/overlay2 | wc -l
docker rmi busybox-static:latest
docker rmi -f busybox-static:latest
docker ps -a --format '{{.Image}}' | cut -c1-7
docker images -a
ls /var/lib/docker/overlay2 | wc -l
docker rm c1
ls /var/lib/docker/overlay2 | wc -l
docker load -i /tmp/base.tar
docker run -d --name lf busybox-static:latest sh -c 'echo started; sleep 1000'
docker logs lf
docker logs --until 0 lf
docker run -d --name lf2 busybox-static:latest sh -c 'echo a > /f && mkdir /d; while true; do sleep 1; done'
docker exec lf2 cat /f
docker diff lf2 | sort
docker rmi -f busybox-static:latest
docker images --format '{{.Repository}}:{{.Tag}}'
docker kill -s 0 nosuch
docker kill -s BOGUS lf
docker kill -s 0 lf
docker rename lf "bad name"
docker rename lf /slash
docker ps --format '{{.Names}}' | sort
docker stop nosuch slash
docker pause nosuch lf2
docker unpause nosuch lf2
docker wait nosuch slash
docker restart nosuch slash
docker rm -f nosuch slash lf2
echo $?
docker rm nosuch
echo $?
