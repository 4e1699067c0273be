# docker export flattens a container's filesystem, the init layer's files included; docker import
# makes a one-layer image of such a tar.
docker load -i /tmp/layered.tar
docker create --name ctr layered:latest
docker export ctr | tar -t | sort
docker export ctr | tar -tv | awk '{print $1, $2, $3, $6}' | grep -E ' (\.dockerenv|dev/console|etc/hostname|etc/mtab|dev/)'
docker export -o /tmp/c.tar ctr
tar -tf /tmp/c.tar | wc -l
docker import /tmp/c.tar flat:1
docker images flat --format '{{.Repository}} {{.Tag}} {{.Size}}'
docker history flat:1 --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}'
docker inspect flat:1 --format '{{len .RootFS.Layers}} {{.Architecture}} {{.Os}} {{.Comment}}'
docker image inspect flat:1 --format '{{json .Config}}'
cat /tmp/c.tar | docker import - flat:2
docker import -m 'by hand' /tmp/c.tar flat:3
docker history flat:3 --format '{{.Comment}}'
docker export nosuch
docker export
docker import /tmp/nosuch.tar
ls /var/lib/docker/image/overlay2/imagedb/metadata/sha256 | wc -l
