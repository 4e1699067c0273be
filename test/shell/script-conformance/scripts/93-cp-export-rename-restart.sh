# A curious learner's follow-ups around cp, export, import, rename and restart: cp into a created
# container then diff and its upper dir, an export of a container with whiteouts and an opaque dir
# read with tar -t/-tv, import then history/inspect/run, rename then ps/inspect/logs, restart keeping
# the upper dir and the logs, and typos along the way.
docker load -i /tmp/layered.tar
docker load -i /tmp/base.tar
docker create --name fresh layered:latest
UP=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' fresh)
ls -la $UP
docker diff fresh
echo 'new text' > /tmp/note
docker cp /tmp/note fresh:/data/note
docker cp /tmp/note fresh:/data/sub/
docker cp /tmp/note fresh:/etc/passwd
docker diff fresh | sort
find $UP | sed "s|$UP|UP|" | sort
ls -l $UP/data | awk '{print $1, $2, $5, $NF}'
getfattr -d -m - $UP/data 2>&1 | sed "s|$UP|UP|" | grep -v overlay.origin
docker cp fresh:/data - | tar -tv | awk '{print $1, $2, $3, $6}' | sort -k4
docker cp fresh:/data/sub/new.txt -
docker cp fresh:/etc/doomed /tmp/
docker cp fresh:data/a.txt /tmp/a.txt && cat /tmp/a.txt
docker cp fresh:/data/a.txt /tmp/nodir/
docker cp fresh/data/a.txt /tmp/
docker cp fresh:/data/a.txt
docker cp /tmp/note fresh:/data/a.txt/inner
docker start -a fresh
docker diff fresh | sort
docker run --name wh layered:latest sh -c 'rm /data/a.txt; rm -r /data/sub; mkdir /data/sub; echo z > /data/sub/z; rm /bin/cat'
docker diff wh | sort -k2
WUP=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' wh)
ls -la $WUP/data $WUP/bin | awk '{print $1, $5, $6, $NF}'
getfattr -n trusted.overlay.opaque $WUP/data/sub 2>&1 | sed "s|$WUP|UP|"
docker export wh | tar -t | grep -E '^(data|bin/cat|etc/doomed|tmp/)' | sort
docker export wh | tar -tv | grep -c ' c---------'
docker export wh | tar -t | grep -c wh\\.
docker export wh | tar -x -O data/sub/z
docker export wh | tar -xO data/a.txt
docker export wh > /tmp/wh.tar
tar -tvf /tmp/wh.tar .dockerenv etc/hostname etc/hosts etc/resolv.conf dev/console etc/mtab | awk '{print $1, $2, $3, $6, $7, $8}'
tar -tf /tmp/wh.tar | head -5
docker export -o /tmp/nodir/x.tar wh
docker export --output
docker container export wh | wc -c | awk '{print ($1 % 512)}'
docker import /tmp/wh.tar flat:wh
docker images flat --format 'table {{.Repository}}\t{{.Tag}}\t{{.Size}}'
docker import /tmp/wh.tar flat:wh
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker history flat:wh --format 'table {{.ID}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
docker history --no-trunc --format '{{.ID}} {{.CreatedBy}} {{.Comment}}' flat:wh | sed 's/sha256:[0-9a-f]*/ID/'
docker inspect -f '{{.Config.Cmd}} {{.Config.Entrypoint}} {{.Config.Env}} {{.Container}} {{.Parent}}' flat:wh
docker inspect -f '{{.RootFS.Type}} {{len .RootFS.Layers}} {{.Author}} {{.DockerVersion}}' flat:wh
docker run --rm flat:wh
docker run --rm flat:wh ls /data /data/sub
docker run --rm flat:wh cat /bin/cat
docker run --rm flat:wh ls -a /dev
docker run --rm flat:wh cat /.dockerenv /etc/hostname | wc -c
docker import /tmp/wh.tar Flat:upper
docker import /tmp/wh.tar flat:wh extra
docker import -c 'BOGUS x' /tmp/wh.tar flat:bad
docker import -c 'FROM busybox' /tmp/wh.tar flat:bad
docker import -c 'CMD echo hi' --message m /tmp/wh.tar flat:cmd
docker run --rm flat:cmd
docker inspect -f '{{json .Config.Cmd}} {{.Comment}}' flat:cmd
docker rm wh
docker run -d --name first busybox-static:latest sh -c 'echo started; echo x > /kept; sleep 1000'
FUP=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' first)
docker rename first second
docker ps --format '{{.Names}} {{.Command}} {{.Image}}'
docker ps -a --filter name=first --format '{{.Names}}'
docker ps -a --filter name=second --format '{{.Names}}'
docker inspect -f '{{.Name}} {{.State.Running}}' second
docker inspect first
docker logs second
docker logs first
docker exec second cat /kept
docker rename second
docker rename second second2 third
docker rename second fresh
docker rename second ""
docker container rename second third
docker restart third
docker logs third
test "$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' third)" = "$FUP" && echo same upper
ls $FUP
docker inspect -f '{{.RestartCount}} {{.State.Running}} {{.Name}}' third
docker restart -t 0 third fresh
docker logs fresh
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' fresh
docker restart --time=x third
docker restart
docker stop -t 0 third
docker restart third
docker exec third cat /kept
docker top third | awk '{print $NF}' | tail -n +2
docker rm -f third fresh
ls $FUP
