# --rm on run and create (the container goes when its process ends, however it ends) and run --pull.
docker load -i /tmp/base.tar
docker run --rm --name gone busybox-static:latest echo bye
docker ps -a --format '{{.Names}}'
docker create --rm --name later busybox-static:latest echo later
docker ps -a --format '{{.Names}} {{.Status}}'
docker start -a later
docker ps -a --format '{{.Names}}'
docker run --rm -d --name rmd busybox-static:latest sleep 100
docker kill rmd
sleep 2
docker ps -a --format '{{.Names}}'
docker run --rm --pull never busybox-static:latest echo never
docker run --rm --pull never nosuch:latest true
docker run --rm --pull never nosuch true
docker run --rm --pull missing busybox-static:latest echo missing
docker create --pull never nosuch:latest
docker ps -a --format '{{.Names}}'
