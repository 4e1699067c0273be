# rename, pause and unpause, port, restart, kill and wait: the container layer stays the same.
docker load -i /tmp/base.tar
docker run -d --name web -p 8080:80 busybox-static:latest sleep 1000
UP=$(docker inspect web --format '{{.GraphDriver.Data.UpperDir}}')
docker exec web sh -c 'echo x > /kept'
docker rename web site
docker ps --format '{{.Names}}'
docker inspect site --format '{{.Name}}'
docker rename site site
docker rename nosuch other
docker create --name other busybox-static:latest
docker rename site other
docker port site | grep -v :::
docker port site 80 | grep -v :::
docker port site 80/tcp | grep -v :::
docker port site 81
docker port nosuch
docker pause site
docker ps --format '{{.Names}} {{.Status}}' | sed 's/Up .* (/Up (/'
docker inspect site --format '{{.State.Status}} {{.State.Paused}} {{.State.Running}}'
docker pause site
docker exec site true
docker unpause site
docker unpause site
docker inspect site --format '{{.State.Status}} {{.State.Paused}}'
docker pause site
docker stop site
docker inspect site --format '{{.State.Status}} {{.State.Paused}}'
docker restart site
docker inspect site --format '{{.State.Status}} {{.RestartCount}}'
test "$(docker inspect site --format '{{.GraphDriver.Data.UpperDir}}')" = "$UP" && echo same upper
cat $UP/kept
docker kill -s TERM site
docker inspect site --format '{{.State.Status}}'
docker kill site
docker inspect site --format '{{.State.Status}} {{.State.ExitCode}}'
docker wait site
docker kill site
docker pause site
docker run --name quick busybox-static:latest sh -c 'exit 3'
docker wait quick site
docker wait nosuch
docker wait other
docker rm site quick other
