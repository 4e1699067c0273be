# Loading a saved image and listing it.
docker load -i /tmp/layered.tar
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'
docker image inspect layered:latest --format '{{.Id}}'
docker image inspect layered:latest --format '{{len .RootFS.Layers}} layers'
