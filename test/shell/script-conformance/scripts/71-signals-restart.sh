# PID 1 and signals (stop's grace period, a TERM trap, -t 0, kill -s), and a daemon restart: the
# restart policies, and a container whose image rmi -f removed (it stays, and starts).
docker load -i /tmp/base.tar
docker run -d --name sl busybox-static:latest sleep 1000
docker run -d --name shl busybox-static:latest sh -c 'sleep 1000'
docker run -d --name trap busybox-static:latest sh -c 'trap "exit 0" TERM; while :; do sleep 1; done'
docker run -d --name trap3 busybox-static:latest sh -c 'trap "exit 3" TERM; while :; do sleep 1; done'
S=$(date +%s); docker stop sl; E=$(date +%s); echo $((E-S >= 10)) $((E-S < 30))
docker inspect sl --format '{{.State.Status}} {{.State.ExitCode}}'
S=$(date +%s); docker stop trap; E=$(date +%s); echo $((E-S < 8))
docker inspect trap --format '{{.State.Status}} {{.State.ExitCode}}'
docker stop -t 0 shl
docker inspect shl --format '{{.State.Status}} {{.State.ExitCode}}'
docker kill -s TERM trap3
docker wait trap3
docker inspect trap3 --format '{{.State.Status}} {{.State.ExitCode}}'
docker start trap
docker kill -s USR1 trap
docker inspect trap --format '{{.State.Status}}'
docker kill -s 15 trap
docker wait trap
S=$(date +%s); docker restart -t 0 sl; E=$(date +%s); echo $((E-S < 8))
docker inspect sl --format '{{.State.Status}} {{.RestartCount}}'
docker kill -s TERM sl
docker inspect sl --format '{{.State.Status}}'
docker kill sl
docker inspect sl --format '{{.State.Status}} {{.State.ExitCode}}'
docker rm sl shl trap trap3
docker load -i /tmp/layered.tar
docker create --name made layered:latest echo made
docker rmi -f layered:latest | sed 's/:.*//'
docker run -d --name always --restart always busybox-static:latest sleep 1000
docker run -d --name always2 --restart always busybox-static:latest sleep 1000
docker run -d --name unless --restart unless-stopped busybox-static:latest sleep 1000
docker run -d --name unless2 --restart unless-stopped busybox-static:latest sleep 1000
docker run -d --name never busybox-static:latest sleep 1000
docker run -d --name onfail --restart on-failure busybox-static:latest sleep 1000
docker stop -t 0 always2 unless2
UP=$(docker inspect always --format '{{.GraphDriver.Data.MergedDir}}')
systemctl restart docker
docker ps -a --format '{{.Names}} {{.Status}}' | sed 's/ ago$//; s/Up .*/Up/; s/) .*/)/' | sort
docker inspect always --format '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}'
grep -c " $UP " /proc/mounts
docker ps -a --filter name=made --format '{{.Names}} {{.Image}} {{.Status}}'
docker inspect made --format '{{.Config.Image}} {{.State.Status}}'
docker start -a made
docker images --format '{{.Repository}}:{{.Tag}}'
docker rm -f always always2 unless unless2 never onfail made
