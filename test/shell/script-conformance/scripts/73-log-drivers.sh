# Logging drivers and --log-opt: json-file's max-size/max-file rotation (and compress), its attrs (labels,
# env, tag) and --details, option checks at create and at start in the daemon's words, the local driver's
# files and records, the checks of drivers that send logs elsewhere, docker logs' options. (Whether
# syslog, journald, gelf or fluentd can start depends on the machine's services: not simulated, not here.)
docker load -i /tmp/base.tar
docker run --name j1 --log-opt max-size=1k --log-opt max-file=3 busybox-static:latest sh -c 'i=0; while [ $i -lt 60 ]; do echo line $i is here padded out; i=$((i+1)); done'
ID=$(docker inspect -f '{{.Id}}' j1)
ls /var/lib/docker/containers/$ID | sed "s/$ID/ID/" | sort
for f in /var/lib/docker/containers/$ID/$ID-json.log*; do wc -l < $f; done
docker logs j1 | head -3
docker logs j1 | wc -l
docker logs --tail 2 j1
docker inspect -f '{{.HostConfig.LogConfig}}' j1
docker inspect -f '{{json .HostConfig.LogConfig}}' j1
docker run --rm --log-opt max-size=abc busybox-static:latest true
docker run --rm --log-opt max-size=0 busybox-static:latest true
docker run --rm --log-opt max-file=0 busybox-static:latest true
docker run --rm --log-opt max-file=x busybox-static:latest true
docker run --rm --log-opt compress=true busybox-static:latest true
docker run --rm --log-opt compress=maybe --log-opt max-size=1k --log-opt max-file=2 busybox-static:latest true
docker run --rm --log-opt foo=bar busybox-static:latest true
docker run --rm --log-opt foo busybox-static:latest true
docker run --rm --log-opt mode=fast busybox-static:latest true
docker run --rm --log-opt max-buffer-size=4m busybox-static:latest true
docker create --log-opt foo=bar busybox-static:latest
docker create --name bad --log-opt max-size=12q busybox-static:latest echo never > /dev/null
docker start bad
docker logs bad
docker inspect -f '{{.State.Status}} {{json .HostConfig.LogConfig}}' bad
docker run --rm --log-driver none --log-opt max-size=1k busybox-static:latest true
docker run --rm --log-driver nosuch busybox-static:latest true
docker run --name jc --log-opt max-size=1k --log-opt max-file=3 --log-opt compress=true busybox-static:latest sh -c 'i=0; while [ $i -lt 60 ]; do echo line $i is here padded out; i=$((i+1)); done'
ID=$(docker inspect -f '{{.Id}}' jc)
ls /var/lib/docker/containers/$ID | sed "s/$ID/ID/" | sort
docker logs jc | wc -l
docker run --name jl --label a=1 --label b=2 -e E1=x --log-opt labels=a,b --log-opt env=E1 --log-opt tag='{{.Name}}/{{.ImageName}}' busybox-static:latest echo hi
ID=$(docker inspect -f '{{.Id}}' jl)
sed 's/"time":"[^"]*"/"time":"T"/' /var/lib/docker/containers/$ID/$ID-json.log
docker logs --details jl
docker run --name lo --log-driver local busybox-static:latest sh -c 'echo one; sleep 0.5; echo two >&2'
ID=$(docker inspect -f '{{.Id}}' lo)
ls /var/lib/docker/containers/$ID | sed "s/$ID/ID/" | sort
ls -l /var/lib/docker/containers/$ID/local-logs | awk '{print $1, $5, $9}'
od -An -tx1 -N12 /var/lib/docker/containers/$ID/local-logs/container.log
wc -c < /var/lib/docker/containers/$ID/local-logs/container.log
docker logs lo
docker inspect -f '{{.LogPath}}|{{.HostConfig.LogConfig}}' lo
docker run --rm --log-driver local --log-opt max-file=2 --log-opt foo=1 busybox-static:latest true
docker run --rm --log-driver local --log-opt max-size=1k --log-opt compress=false busybox-static:latest echo ok
docker run --rm --log-driver local --log-opt max-file=1 busybox-static:latest true
docker run --rm --log-driver local --log-opt max-size=zz busybox-static:latest true
docker run --name ge --log-driver gelf busybox-static:latest echo hi
docker run --rm --log-driver syslog --log-opt max-size=1k busybox-static:latest true
docker run --rm --log-driver awslogs busybox-static:latest true
docker run --rm --log-driver splunk busybox-static:latest true
docker ps -a --format '{{.Names}} {{.Status}}' | sort
docker logs -f j1 | tail -1
docker logs --tail 0 j1
docker logs -n 1 --timestamps j1 | sed 's/^[0-9T:.-]*Z/TIME/'
docker logs --since 1h --until 0 --tail 1 -t j1 | sed 's/^[0-9T:.-]*Z/TIME/'
docker rm -f $(docker ps -aq) > /dev/null
