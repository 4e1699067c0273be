# docker system df -v and --format as the 20.10 CLI prints them: the four verbose tables (images
# with shared and unique sizes, containers with their volumes, volumes with links, the build
# cache), {{json .}} of each summary row and of the verbose report's lists (Mounts left out: the
# daemon lists a container's mounts in Go map order), table formats, and the
# template error of a field the verbose context lacks.
docker load -i /tmp/base.tar
docker load -i /tmp/layered.tar
docker volume create named
docker run -d -v named:/v -v /anon --name vc busybox-static:latest sleep 1000
docker run --name done layered:latest sh -c 'echo hi > /f'
docker system df -v | sed -E 's/Up [0-9A-Za-z ]+ second[s]?/Up X/; s/  +/  /g' | grep -v -E '^(named|[0-9a-f]{64})  '
docker system df -v | grep -E '^(named|[0-9a-f]{64}) ' | sed -E 's/[0-9a-f]{64}/<vol>/' | sort
docker system df --format '{{json .}}'
docker system df --format 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}'
docker system df --format '{{.Type}}: {{.Size}} ({{.Reclaimable}})'
docker system df -v --format '{{json .Images}}' | sed -E 's/"(CreatedAt|CreatedSince)":"[^"]*",?//g; s/[0-9a-f]{64}/<id>/g'
echo
docker system df -v --format '{{json .Containers}}' | sed -E 's/"(CreatedAt|RunningFor|Status|Mounts)":"[^"]*",?//g; s/[0-9a-f]{64}/<id>/g'
echo
docker system df -v --format '{{range .Volumes}}{{println .Name .Links .Size .Driver .Scope}}{{end}}' | sed -E 's/[0-9a-f]{64}/<vol>/' | sort
docker system df -v --format '{{json .BuildCache}} {{range .Images}}{{.Repository}}:{{.Tag}} {{.Containers}} {{.Size}} {{.VirtualSize}}|{{end}}'
echo
docker system df -v --format '{{len .Images}} {{len .Containers}} {{len .Volumes}} {{len .BuildCache}}'
docker system df -v --format 'table {{.Type}}'
docker system df -v --format 'x'
echo
docker system df -v --format '{{range .Images}}{{.Nope}}{{end}}'
echo $?
docker system df -v --format '{{.Nope'
docker system df --format '{{.Nope}}'
echo $?
