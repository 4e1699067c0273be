# Go templates as the 20.10 CLI renders them on every listing (Docker's functions: json, join, split,
# upper, lower, title, pad, truncate, len, index, printf; range, with, if/else, table), and the
# listings' own options: history -q/--no-trunc/--format, images --digests/-a/filters, ps -n/-l/-q/--size,
# inspect -s, --type and several names, some missing.
docker load -i /tmp/base.tar
docker load -i /tmp/layered.tar
docker tag layered:latest my-repo/layered:v1.2
docker images --format '{{upper .Repository}} {{lower "ABC"}} {{title .Tag}}' | sort
docker images --format '{{split .Repository "-"}} {{join (split .Repository "/") "+"}}' | sort
docker images --format '{{len .Repository}} {{printf "%-8s|%5.2f" .Tag 3.14159}}' | sort
docker images --format '{{pad .Tag 2 3}}|{{truncate .Repository 4}}|' | sort
docker images --format 'table {{.Repository}}\t{{.Tag}}' | sort
docker images --format 'table' | sed -E 's/  +/  /g' | sort
docker images --format '{{if eq .Tag "latest"}}L{{else if eq .Tag "v1.2"}}V{{else}}N{{end}} {{.Repository}}' | sort
docker images --format '{{with .Tag}}[{{.}}]{{end}}{{with ""}}never{{else}}empty{{end}}' | sort
docker images --format '{{.Repository | printf "%q"}} {{.Tag | len}}' | sort
docker images --format '{{range $i, $e := split .Repository "-"}}{{$i}}={{$e}} {{end}}' | sort
docker images --format '{{.Nope}}'
echo $?
docker images --format '{{.Repository'
echo $?
docker images --format '{{index .Repository 0}}' | sort
docker images --format '{{slice .Repository 0 3}}' | sort
docker images --format '{{"a" | upper | printf "%s!"}} {{and 1 0}} {{or 0 "x"}} {{not true}}' | head -1
docker images --format '{{println "x"}}' | head -3
docker image inspect layered:latest --format '{{range $i, $l := .RootFS.Layers}}{{$i}} {{end}}'
docker image inspect layered:latest --format '{{len .RootFS.Layers}} {{.RootFS.Type}}'
docker image inspect layered:latest --format '{{index .RootFS.Layers 9}}'
echo $?
docker image inspect layered:latest --format '{{.Config.Entrypoint}} {{.Config.Labels}} {{.Metadata.LastTagTime}}' | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)? /DATE /'
docker image inspect layered:latest --format '{{.Config.ExposedPorts}} {{.Config.Healthcheck}} {{.Config.Shell}} [{{.Config.StopSignal}}] {{.ContainerConfig.Healthcheck}} [{{.RootFS.BaseLayer}}]'
docker image inspect layered:latest --format '{{json .Config.ExposedPorts}} {{json .Config.Healthcheck}} {{json .Config.Shell}} {{json .ContainerConfig.StopTimeout}}'
docker image inspect layered:latest --format '{{json .RootFS}}'
docker image inspect layered:latest --format '{{.Architecture}}/{{.Os}} [{{.Variant}}] {{.Size}} {{.VirtualSize}}'
docker image inspect --format '{{json .Config.Cmd}} {{.Config.Cmd}} {{index .Config.Cmd 0}}' layered:latest
docker image inspect --format '{{.RepoTags}} {{len .RepoDigests}}' layered:latest
docker image inspect --format '{{json .GraphDriver.Name}} {{.GraphDriver.Data.MergedDir}}' layered
docker inspect --format '{{.RepoTags}}' layered busybox-static nosuch
echo $?
docker inspect --format '{{.Nope}}' layered
docker inspect --format '{{.Nope.Deeper}}' layered
docker create --name c1 layered:latest
docker inspect -s c1 --format '{{.SizeRw}} {{.SizeRootFs}}'
docker inspect c1 --format '[{{.SizeRw}}] [{{.SizeRootFs}}]'
docker inspect --size c1 --format '{{json .SizeRw}}'
docker inspect c1 --format '{{json .SizeRw}} {{.Node}} {{.State.Health}} {{.HostConfig.Init}} {{.Config.Healthcheck}} {{.Config.ExposedPorts}}'
docker inspect c1 --format '{{.Config.Healthcheck.Test}}'
docker inspect c1 --format '{{json .State}}' | sed -E 's/"(StartedAt|FinishedAt)":"[^"]*"/"\1":T/g'
docker inspect --type container -f '{{.Name}} {{.Path}} {{json .Args}} {{.State.Status}}' c1
docker inspect -f '{{.Name}}' c1 nosuch c1
echo $?
docker container inspect -f '{{.Name}}' layered
docker image inspect -f '{{.Id}}' c1
docker ps -a --format '{{.Names}}|{{.Mounts}}|{{.Networks}}|{{.Ports}}|{{.Labels}}|{{.State}}'
docker ps -a --format 'table {{.Names}}\t{{.Image}}\t{{.Command}}'
docker ps -a --size --format 'table {{.Names}}\t{{.Size}}'
docker ps -a --format '{{json .Names}} {{json .ID | len}}'
docker run --name c2 layered:latest sh -c 'echo hi > /hi'
docker ps -a -n 1 --format '{{.Names}}'
docker ps -a -n 5 --format '{{.Names}}'
docker ps -l -q | wc -c
docker ps -aq | wc -l
docker ps -a -s --format '{{.Names}} {{.Size}}' | sort
docker ps --format '{{.Names}}' -a --filter exited=0 --filter name=c
docker history -q layered:latest
docker history -q --no-trunc layered:latest | cut -c1-7
docker history --format 'table {{.ID}}\t{{.Size}}' layered | head -2
docker history --format '{{json .}}' layered:latest | head -1 | sed 's/"CreatedAt":"[^"]*"/"CreatedAt":T/; s/"CreatedSince":"[^"]*"/"CreatedSince":S/'
docker history --no-trunc --format '{{.CreatedBy}}' layered | tail -1
docker history layered | head -1 | tr -s ' '
docker history --human=false --format '{{.Size}}|{{.Comment}}' layered:latest | head -2
docker history nosuch
docker history
docker images --digests --format 'table {{.Repository}}\t{{.Digest}}' | sort
docker images --digests | head -1 | tr -s ' '
docker images -a --format '{{.Repository}}' | sort
docker images --filter reference='my-repo/*' --format '{{.Repository}}:{{.Tag}}'
docker images --filter reference=layered --filter reference='*:v1.2' --format '{{.Repository}}:{{.Tag}}' | sort
docker images --filter since=busybox-static --filter before=layered --format '{{.Repository}}'
docker images --filter dangling=true -q
docker images --filter dangling=yes
docker images my-repo/layered | tr -s ' '
docker images my-repo/layered:nosuch
docker images -q --filter reference=busybox-static | wc -l
docker images --format '{{json .}}' layered | sed 's/"CreatedAt":"[^"]*"/"CreatedAt":T/; s/"CreatedSince":"[^"]*"/"CreatedSince":S/'
docker volume create fv
docker volume ls --format '{{json .}}'
docker volume ls --format 'table {{.Name}}\t{{.Mountpoint}}'
docker volume inspect -f '{{.Labels}} {{.Options}} {{json .Options}} {{.Status}} {{.UsageData}}' fv
docker volume inspect -f '{{json .}}' fv | sed 's/"CreatedAt":"[^"]*"/"CreatedAt":T/'
docker system df --format '{{.Type | printf "%q"}} {{.TotalCount}}'
docker rm c1 c2
