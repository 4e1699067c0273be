# Two images share layers; rmi keeps what the other still uses.
docker load -i /tmp/layered.tar
docker tag layered:latest second:1
docker rmi second:1
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker load -i /tmp/base.tar
docker rmi busybox-static:latest
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
