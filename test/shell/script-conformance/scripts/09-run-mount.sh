# A running container's overlay mount.
docker load -i /tmp/layered.tar
docker run -d --name web layered:latest sleep 1000
docker inspect web --format '{{.State.Running}}'
MERGED=$(docker inspect web --format '{{.GraphDriver.Data.MergedDir}}')
grep "$MERGED" /proc/mounts | cut -d" " -f3 | head -1
ls $MERGED
docker stop -t 1 web
ls $(dirname $MERGED)
