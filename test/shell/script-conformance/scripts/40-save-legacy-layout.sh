# docker save writes Docker 20.10's legacy layout: a <v1 id>/ directory per layer (VERSION, json,
# layer.tar), the config as <image id>.json, manifest.json and repositories; byte for byte the
# same archive (the first 16 hex digits of its sha256 are compared as they are).
docker load -i /tmp/base.tar
docker save busybox-static:latest | tar -tv
docker save busybox-static:latest | tar -xO manifest.json
docker save busybox-static:latest | tar -xO repositories
docker save busybox-static:latest | sha256sum | cut -c1-16
docker load -i /tmp/layered.tar
docker tag layered:latest layered:v2
docker save layered:latest | tar -tv
docker save layered | tar -xO manifest.json repositories
docker save layered | sha256sum | cut -c1-16
docker save -o /tmp/l.tar layered:latest
mkdir /tmp/l && tar -xf /tmp/l.tar -C /tmp/l
cat /tmp/l/*/json
cat /tmp/l/*/VERSION
sha256sum /tmp/l/*/layer.tar | cut -c1-16
docker save layered busybox-static | tar -t | sort
docker save $(docker images -q layered) | tar -xO manifest.json
docker rmi layered:latest layered:v2
docker load -i /tmp/l.tar
docker images layered --format '{{.Repository}}:{{.Tag}}'
docker save nosuch
docker save busybox-static:nosuch
