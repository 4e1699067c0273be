# docker cp, export/import, volumes and save/load off the lesson path: a created container's dirs
# with `/.`, a file onto a dir, `-` from stdin, -a, export piped to import with --change and -m,
# volume create with labels and -o, inspect several, rm in use, an image's VOLUME, save/load by
# pipes and several images.
docker load -i /tmp/base.tar
docker create --name box busybox-static:latest
mkdir -p /tmp/lab/d/e && echo one > /tmp/lab/d/a && echo two > /tmp/lab/d/e/b
docker cp /tmp/lab/d/. box:/etc
docker cp box:/etc - | tar -t | sort
docker cp /tmp/lab/d box:/etc
docker cp box:/etc/d - | tar -t | sort
docker cp /tmp/lab/d/a box:/etc/d
docker cp box:/etc/d/a - | tar -xO
docker cp box:/etc/a /tmp/lab/d/e
cat /tmp/lab/d/e/a
docker cp box:/etc/. /tmp/lab/etc2
ls /tmp/lab/etc2 | sort
docker cp box:/etc/passwd /tmp/lab/d/a/
docker cp box:/etc/d/. /tmp/lab/d/a
docker cp /tmp/lab/d/. box:/etc/passwd
docker cp /tmp/lab/d/a/. box:/x
docker cp /tmp/lab/d/a/x box:/x
docker cp /tmp/lab/nodir/x box:/x
docker cp box:/etc/passwd/. /tmp/lab/x
tar -cf - -C /tmp/lab d | docker cp - box:/srv
docker cp box:/srv - | tar -t | sort
echo garbage | docker cp - box:/srv
docker cp - box:/nosuchdir < /dev/null
docker cp box:/srv/d/a - | tar -xO
docker cp -a box:/etc/passwd /tmp/lab/pw
stat -c '%u %g %a' /tmp/lab/pw
docker cp a
docker cp box:/etc/passwd
docker cp -x a b:c
docker cp box:/etc/passwd /tmp/lab/p1 /tmp/lab/p2
docker diff box | sort
docker export box | tar -t | grep -E '^(etc/a|etc/d/|srv/)' | sort
docker export box | docker import - imp:1
docker export box | docker import -m 'from a pipe' -c 'ENV K=v' -c 'WORKDIR /srv' - imp:2
docker image inspect -f '{{.Comment}}|{{json .Config.Env}}|{{.Config.WorkingDir}}|{{json .Config.Cmd}}' imp:2
docker history --format '{{.Comment}}|{{.CreatedBy}}' imp:2
docker run --rm imp:2 sh -c 'echo $K; pwd; cat d/a'
docker run --rm -w /new/dir imp:1 pwd
docker create --name wd -w /made/here busybox-static:latest
docker diff wd
docker create -w /etc/hostname/x busybox-static:latest
docker create -w /bin/busybox busybox-static:latest
docker rm wd
docker export box | docker import - 
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
docker import
docker import a b c
docker export box nosuch
docker volume create --label a=1 --label b -o type=tmpfs -o device=tmpfs -o o=size=1m tv
docker volume inspect -f '{{json .Labels}} {{json .Options}} {{.Driver}}' tv
docker volume create -d local --name named2
docker volume create -d nosuch dv
docker volume create --opt bogus=1 badopt
docker volume inspect tv named2 nosuch --format '{{.Name}}'
echo $?
docker volume inspect
docker volume ls -q | sort
docker volume ls -f dangling=true --format '{{.Name}} {{.Driver}}' | sort
docker run -d --name u1 -v named2:/m busybox-static:latest sleep 1000
docker create --name u2 -v named2:/m busybox-static:latest
docker volume rm named2 2>&1 | sed -E 's/[0-9a-f]{64}/ID/g'
docker volume rm tv named2 2>&1 | sed -E 's/[0-9a-f]{64}/ID/g'
docker volume ls -q
docker volume prune < /dev/null
echo
docker volume prune -f --filter label=a
docker rm -f u1 u2
docker volume rm named2
printf 'FROM busybox-static:latest\nVOLUME /data /cache\n' > /tmp/lab/Dockerfile
docker build -q -t withvol /tmp/lab > /dev/null
docker create --name v1 withvol
docker volume ls -q | wc -l
docker inspect -f '{{range .Mounts}}{{.Destination}} {{.Type}} {{.RW}}|{{end}}' v1 | tr '|' '\n' | sort
docker rm -v v1
docker volume ls -q | wc -l
docker volume prune -f | tail -1
docker save busybox-static withvol | docker load | sort
docker save busybox-static withvol > /tmp/lab/two.tar
docker rmi withvol imp:1 imp:2
docker load < /tmp/lab/two.tar | sort
docker save -o /tmp/lab/one.tar withvol:latest && docker rmi withvol && docker load -q < /tmp/lab/one.tar
echo nothing | docker load
docker load -i /tmp/lab/nosuch.tar
docker load -i /tmp/lab/d/a
docker save
docker save -o /tmp/lab/x.tar busybox-static nosuch
docker rm box
