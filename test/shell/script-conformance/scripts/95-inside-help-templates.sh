# A tester's follow-ups inside a container and on the host: --help of several commands, exec of a
# program the image lacks, mount/findmnt/proc inside, /dev, du of an upper dir with copied-up
# dirs, df and stat -f of the layers, lsattr, Go templates (nil slices and maps, times, json
# escaping, index and range over mounts), inspect -f of a missing image, typos along the way.
docker load -i /tmp/layered.tar
docker exec --help | head -5
docker rename --help
docker volume rm --help | tail -4
docker image prune --help | head -4
docker cp --hlep
docker help rename | head -3
docker rename -h | head -2
docker volume -h | head -3
docker -h | head -3
docker run -d --name box layered:latest sleep 1000
docker exec box bash
echo $?
docker exec box /bin/bash -c true
echo $?
docker exec box /data
echo $?
docker exec box /data/a.txt
echo $?
docker exec -it box sh -c 'echo tty'
docker exec box mount | head -3
docker exec box cat /proc/mounts | awk '{print $1, $2, $3}' | head -5
docker exec box sh -c 'ls -l /dev | awk "{print \$1, \$NF}"'
docker exec box ls /dev/pts /dev/shm /dev/mqueue
docker exec box df -h / | awk '{print $1, $NF}'
docker exec box stat -f -c '%T' /
docker exec box sh -c 'echo more >> /data/a.txt; echo n > /data/sub/n; mkdir -p /etc/x/y; touch /etc/x/y/z'
UP=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' box)
du -sh $UP | sed "s|$UP|UP|"
du -s --apparent-size $UP/data | sed "s|$UP|UP|"
du -a $UP | sort -k2 | sed "s|$UP|UP|"
stat -f -c '%T' $UP /var/lib/docker/overlay2/*/merged
stat -f -c '%T %n' / /proc /dev/shm
stat -c '%F %h %s' $UP/data $UP/data/sub
lsattr -d $UP/data
lsattr $UP/data | sort -k2
df -h $UP | head -1
df --output=fstype,target $UP/../merged | tail -1
findmnt -n -o FSTYPE,TARGET --target $UP/../merged | head -1
docker inspect -f '{{.Config.Entrypoint}} {{.Config.Labels}} {{.HostConfig.Binds}} {{.Config.Volumes}}' box
docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Labels}} {{json .HostConfig.Binds}}' box
docker image inspect -f '{{.Metadata.LastTagTime}}' layered:latest
docker image inspect -f '{{.Config.Entrypoint}}|{{.Config.OnBuild}}|{{.Config.ExposedPorts}}|{{.ContainerConfig.Labels}}' layered:latest
docker inspect -f '{{.State.FinishedAt}}' box
docker inspect -f '{{json .State.FinishedAt}} {{.State.Pid | printf "%T"}}' box
docker run --name esc --label 'a=<b>&c' -e 'X=<&>' layered:latest true
docker inspect -f '{{json .Config.Labels}} {{json .Config.Env}}' esc
docker inspect -f '{{.Config.Labels}}' esc
docker ps -a --filter name=esc --format '{{json .Labels}}'
docker ps -a --filter name=esc --format '{{.Label "a"}}|{{.Label "nosuch"}}|{{.Names}}'
docker inspect -f '{{index .Config.Labels "a"}}' esc
docker inspect -f '{{index .Config.Labels "nosuch"}}' esc
docker inspect -f '{{index .Config.Env 5}}' esc
docker inspect -f '{{.Nosuch}}' esc
docker inspect -f '{{.Config.Nosuch}}' esc
docker inspect -f '{{range .Mounts}}x{{end}}|{{len .Mounts}}' esc
docker volume create vv
docker run --name mm -v vv:/v -v /tmp:/h:ro layered:latest true
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Name}} {{.Source}} {{.Destination}} {{.RW}} {{.Mode}}{{println}}{{end}}' mm | sort
docker inspect -f '{{range $i, $m := .Mounts}}{{$i}}{{end}} {{len (index .Mounts 0).Destination}}' mm
docker inspect -f '{{upper .Name}} {{lower "AB"}} {{title "ab cd"}} {{split "a:b" ":"}} {{join (split "a:b" ":") "-"}}' mm
docker inspect -f '{{.Name | printf "%q"}} {{printf "%5.2f" 3.14159}} {{printf "%x" 255}}' mm
docker inspect -f '{{if .State.Running}}up{{else}}down{{end}} {{eq .State.ExitCode 0}} {{ne 1 2}} {{and 1 0}} {{or 0 "x"}} {{not true}}' mm
docker inspect -f '{{.State.ExitCode | printf "%03d"}} {{html "<a>"}} {{js "a<b"}} {{urlquery "a b"}}' mm
docker image inspect -f '{{.Id}}' nosuch
docker image inspect -f '{{.Id}}' nosuch layered:latest | cut -c1-7
docker inspect --type=image -f '{{.Id}}' box
docker inspect --type=container -f '{{.Id}}' layered:latest
docker inspect --type=volume -f '{{.Name}}' vv
docker inspect --type=bogus vv
docker inspect -f '{{.Name}' box
docker inspect -f '{{.Name}}{{end}}' box
docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' esc
docker images --format '{{.Size}} {{.VirtualSize}} {{.SharedSize}}' layered
docker system df --format '{{.Type}} {{.Size}} {{.Reclaimable}}'
docker ps -a -s --format '{{.Names}} {{.Size}}' | sort
docker rm -f box esc mm
