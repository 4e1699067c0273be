# DiffID -> ChainID -> cache-id, by hand (seed 000).
docker load -i /tmp/layered.tar
L0=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}')
L1=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 1}}')
echo "$L0"
echo -n "$L0 $L1" | sha256sum
C1=sha256:$(echo -n "$L0 $L1" | sha256sum | cut -d' ' -f1)
cat /var/lib/docker/image/overlay2/layerdb/sha256/${C1#sha256:}/diff
echo
cat /var/lib/docker/image/overlay2/layerdb/sha256/${C1#sha256:}/parent
echo
cat /var/lib/docker/image/overlay2/layerdb/sha256/${L0#sha256:}/size
echo
