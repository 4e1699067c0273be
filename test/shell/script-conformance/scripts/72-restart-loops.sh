# Restart loops (restartmanager's backoff: 100 ms doubling): on-failure:N giving up after N retries,
# RestartCount, a restarting container's state, ps STATUS, and what rm/exec/pause/unpause/start/stop/
# kill/restart/wait do to it; the upper dir and the log kept across the runs. caught() waits for the
# start of a backoff of 3.2 s or more (the 6th on), so the real daemon's timing cannot race the
# commands that need the container restarting; the others print the same whatever its state.
docker load -i /tmp/base.tar
exited() { until [ "$(docker inspect -f '{{.State.Status}}' "$1")" = exited ]; do sleep 0.05; done; }
caught() { local n; n=$(docker inspect -f '{{.RestartCount}}' "$1"); [ "$n" -lt 5 ] && n=5; until [ "$(docker inspect -f '{{.State.Restarting}}{{.RestartCount}}' "$1")" = "true$((n + 1))" ]; do sleep 0.05; done; }
docker run -d --name us --restart unless-stopped busybox-static:latest sh -c 'exit 5' > /dev/null
docker run -d --name of2 --restart on-failure:2 busybox-static:latest sh -c 'echo x >> /count; echo run $(wc -l < /count); exit 3' > /dev/null
exited of2
docker inspect -f '{{.RestartCount}} {{.State.Restarting}} {{.State.Status}} {{.State.ExitCode}} {{.State.Running}} {{.State.Pid}}' of2
docker logs of2
docker ps -a --filter name=of2 --format '{{.Status}}'
docker wait of2
cat $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' of2)/count | wc -l
docker run -d --name of0 --restart on-failure busybox-static:latest sh -c 'echo ok' > /dev/null
exited of0
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' of0
docker run -d --name al --restart always busybox-static:latest sh -c 'echo tick; exit 3' > /dev/null
caught al; docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Restarting}} {{.State.Pid}} {{.State.ExitCode}}' al; docker ps --filter status=restarting --format '{{.Names}}: {{.Status}}' | grep '^al:'
caught al; docker rm al; docker exec al true; docker pause al
docker unpause al
docker start al
docker stop al
docker inspect -f '{{.State.Status}} {{.State.Restarting}} {{.State.ExitCode}}' al
[ "$(docker inspect -f '{{.RestartCount}}' al)" -ge 7 ] && echo restarted 7 times or more
docker logs al | sort | uniq
docker kill us
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' us
docker run -d --name al2 --restart always busybox-static:latest sh -c 'exit 4' > /dev/null
docker wait al2
docker restart al2
docker rm -f al2
docker ps -a --format '{{.Names}}' | sort
docker rm -f of2 of0 al us
