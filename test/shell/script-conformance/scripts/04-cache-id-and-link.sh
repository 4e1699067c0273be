# From a ChainID to the layer's directory, its link and the l/ symlink.
docker load -i /tmp/layered.tar
L0=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}')
CACHE=$(cat /var/lib/docker/image/overlay2/layerdb/sha256/${L0#sha256:}/cache-id)
ls /var/lib/docker/overlay2/$CACHE
LINK=$(cat /var/lib/docker/overlay2/$CACHE/link)
readlink /var/lib/docker/overlay2/l/$LINK
echo ${#LINK}
ls /var/lib/docker/overlay2/$CACHE/diff
