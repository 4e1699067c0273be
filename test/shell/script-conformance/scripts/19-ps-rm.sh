# Containers come and go; their layers go with them.
docker load -i /tmp/layered.tar
docker create --name one layered:latest
docker create --name two layered:latest
docker ps -a --format '{{.Names}} {{.Image}} {{.Status}}' | sort
ls /var/lib/docker/image/overlay2/layerdb/mounts | wc -l
docker rm one two
ls /var/lib/docker/image/overlay2/layerdb/mounts | wc -l
