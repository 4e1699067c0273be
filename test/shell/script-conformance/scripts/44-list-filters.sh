# docker images and docker ps with the filters a learner tries: reference patterns, dangling,
# before/since, label; ps's status (which lists stopped containers), exited, ancestor, before,
# since, volume; -q once a tag, -n, -l, --no-trunc.
docker load -i /tmp/base.tar
docker load -i /tmp/layered.tar
docker tag layered:latest layered:v2
docker tag layered:latest other/layered:1.0
docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' | sort
docker images -q | sort
docker images -q --no-trunc | sort | cut -c1-10
docker images layered --format '{{.Repository}}:{{.Tag}}'
docker images 'layered:v*' --format '{{.Tag}}'
docker images --filter reference=layered --format '{{.Repository}}:{{.Tag}}' | sort
docker images --filter 'reference=*/*' --format '{{.Repository}}:{{.Tag}}'
docker images --filter reference='*:latest' --format '{{.Repository}}' | sort
docker images -f dangling=true
docker images -f dangling=false --format '{{.Repository}}' | sort
docker images --filter before=layered:latest --format '{{.Repository}}'
docker images --filter since=busybox-static:latest --format '{{.Repository}}:{{.Tag}}' | sort
docker images --filter label=nosuch
docker images --filter bogus=1
docker images --filter before=nosuch
docker image list -q | wc -l
docker rmi layered:v2 other/layered:1.0
docker create --name a1 busybox-static:latest
docker run --name a2 busybox-static:latest true
docker run --name a3 layered:latest sh -c 'exit 2'
docker run -d --name a4 -v /data busybox-static:latest sleep 1000
docker ps --format '{{.Names}}'
docker ps -n 2 --format '{{.Names}}'
docker ps -l --format '{{.Names}}'
docker container ls -n=1 --format '{{.Names}}'
docker ps -a --filter status=created --format '{{.Names}}'
docker ps --filter status=exited --format '{{.Names}}'
docker ps -a --filter exited=0 --format '{{.Names}}'
docker ps -a --filter exited=2 --format '{{.Names}}'
docker ps -a --filter exited=x
docker ps -a --filter ancestor=busybox-static --format '{{.Names}}'
docker ps -a --filter ancestor=layered:latest --format '{{.Names}}'
docker ps -a --filter ancestor=nosuch --format '{{.Names}}'
docker ps -a --filter before=a3 --format '{{.Names}}'
docker ps -a --filter since=a2 --format '{{.Names}}'
docker ps -a --filter since=nosuch
docker ps -a --filter volume=/data --format '{{.Names}}'
docker ps -a --filter is-task=false --format '{{.Names}}' | wc -l
docker ps -a --filter health=none --format '{{.Names}}' | wc -l
docker ps -a --filter name=a4 --format '{{json .}}' | tr ',' '\n' | grep -E 'LocalVolumes|Names|State'
docker ps -a --no-trunc --format '{{.ID}}' | awk '{print length($0)}' | sort -u
docker ps -a --format '{{.Command}}' | sort
docker ps -a --no-trunc --format '{{.Command}}' | sort
docker rm nosuch a1 a2
docker rm -f nosuch a4
docker ps -a --format '{{.Names}}'
