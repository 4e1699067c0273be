# What a layerdb entry holds.
docker load -i /tmp/layered.tar
L0=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}')
ls /var/lib/docker/image/overlay2/layerdb/sha256/${L0#sha256:}
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
ls /var/lib/docker/image/overlay2
ls /var/lib/docker/image/overlay2/layerdb
