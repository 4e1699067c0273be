# docker top, stats --no-stream, logs with its options.
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker top box | awk '{print $1, $6, $7, $8, $9}'
docker top box -o pid,comm | sed 's/  */ /g; s/^[0-9][0-9]* /PID /'
docker top box -o uid,user,args | sed 's/  */ /g'
docker top box -o user,pid,args | sed 's/  */ /g; s/ [0-9][0-9]* / PID /'
docker top box -o nosuch
docker top nosuch
docker stats --no-stream --format '{{.Name}} {{.Container}} {{.CPUPerc}} {{.MemPerc}} {{.BlockIO}} {{.PIDs}}'
docker stats --no-stream --format 'table {{.Name}}\t{{.CPUPerc}}\t{{.PIDs}}'
docker stats --no-stream box --format '{{.Container}} {{.ID}}'
docker stats --no-stream nosuch
docker stats --no-stream box nosuch
docker kill box
docker top box
docker stats --no-stream --format '{{.Name}}'
docker stats --no-stream -a --format '{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}'
docker run --name talk busybox-static:latest sh -c 'echo one; echo two; echo three'
docker run --name errs busybox-static:latest sh -c 'echo out; echo err >&2' >/dev/null 2>&1
docker logs errs 2>/dev/null
docker logs errs 2>&1 >/dev/null
docker logs talk
docker logs --tail 2 talk
docker logs --tail 0 talk
docker logs -n 1 talk
docker logs --tail x talk
docker logs -t talk | sed 's/^[0-9T:.-]*Z /TIME /'
docker logs --since 1h talk
docker logs --since 1h30m talk 2>&1 | wc -l
docker logs --until 1h talk
docker logs --since 2030-01-01 talk
docker logs --since 2000-01-01T00:00:00Z talk 2>&1 | wc -l
docker logs --since nonsense talk
docker logs --until 10x talk
docker logs -f talk
docker logs --details talk
docker logs nosuch
