# Storage flags of docker run: --read-only mounts the rootfs read-only in the container (writes
# fail with EROFS, /etc/hostname, hosts and resolv.conf too; the upper dir is still made, and
# stays empty); --tmpfs and --mount type=tmpfs put a tmpfs there, so what is written there is in
# no layer (docker diff and the upper dir show only the mountpoint); :ro and readonly binds and
# volumes are read-only inside while the host writes on; --mount and -v specs the daemon refuses,
# in its words; inspect's Mounts, HostConfig.Mounts, Tmpfs and ReadonlyRootfs.
docker load -i /tmp/layered.tar
D=/var/tmp/ot-sf63
rm -rf $D && mkdir -p $D && echo host > $D/f
docker run --rm --read-only layered:latest touch /y
echo $?
docker run --rm --read-only layered:latest sh -c '{ echo hi > /etc/hostname; echo x >> /etc/hosts; mkdir /data/new; rm /data/a.txt; echo $?; } 2>&1'
docker run --rm --read-only layered:latest grep -E '^overlay' /proc/mounts | cut -d' ' -f1-3,4 | cut -d, -f1
docker run --rm --read-only layered:latest sh -c 'grep -E " /etc/(hostname|hosts|resolv.conf) " /proc/mounts | cut -d" " -f2,4 | cut -d, -f1'
docker create --name ro --read-only layered:latest sh -c 'touch /x; echo $?'
docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' ro
U=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' ro)
docker start -a ro
ls -A $U | wc -l
docker inspect -f '{{.State.ExitCode}} {{.HostConfig.ReadonlyRootfs}}' ro
docker run --rm --read-only --tmpfs /tmp layered:latest sh -c 'echo a > /tmp/a && cat /tmp/a; grep " /tmp " /proc/mounts'
docker run --rm --tmpfs /run layered:latest sh -c 'grep /run /proc/mounts; echo a > /run/a; ls -l /run | cut -c1-10'
docker run --rm --tmpfs /run:rw,size=64k,mode=1777 layered:latest grep /run /proc/mounts
docker run --rm --tmpfs /run:ro layered:latest sh -c 'grep /run /proc/mounts; touch /run/x 2>&1'
docker run --rm --tmpfs /run:exec,size=65536 layered:latest grep /run /proc/mounts
docker run --rm --tmpfs /run:mode=755,uid=1000,gid=50,size=1g layered:latest sh -c 'grep /run /proc/mounts; ls -ldn /run'
docker run --rm --tmpfs /etc layered:latest ls /etc
docker run -d --name tm --tmpfs /scratch layered:latest sh -c 'echo hi > /scratch/a; echo b > /b; sleep 1000'
docker exec tm cat /scratch/a
docker diff tm | sort
ls $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' tm)
ls -A $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' tm)/scratch | wc -l
docker inspect -f '{{json .HostConfig.Tmpfs}} {{json .Mounts}} {{json .HostConfig.Mounts}}' tm
docker rm -f tm
docker run -d --name tm2 --mount type=tmpfs,destination=/scratch,tmpfs-size=1m,tmpfs-mode=700 layered:latest sleep 1000
docker exec tm2 grep scratch /proc/mounts
docker inspect -f '{{json .HostConfig.Mounts}}' tm2
docker inspect -f '{{json .Mounts}} {{json .HostConfig.Tmpfs}}' tm2
docker rm -f tm2
docker run --rm -v $D:/h:ro layered:latest sh -c '{ cat /h/f; touch /h/y; echo x >> /h/f; rm /h/f; mkdir /h/d; echo $?; } 2>&1'
touch $D/hostside && ls $D
docker run --rm -v $D:/h:ro layered:latest sh -c 'grep " /h " /proc/mounts | cut -d" " -f1-3,4 | cut -d, -f1'
docker create --name b1 -v $D:/h:ro layered:latest
docker inspect -f '{{json .Mounts}} {{json .HostConfig.Binds}} {{json .HostConfig.Mounts}}' b1
docker create --name b2 -v vol:/data:ro layered:latest
docker inspect -f '{{json .Mounts}}' b2
docker run --rm -v vol:/data:ro layered:latest sh -c 'ls /data; touch /data/x 2>&1'
echo added > /var/lib/docker/volumes/vol/_data/by-host
docker run --rm -v vol:/data:ro layered:latest cat /data/by-host
docker create --name b3 -v vol:/data -v /anon layered:latest
docker inspect -f '{{range .Mounts}}{{.Destination}} {{.Mode}} {{.RW}}|{{end}}' b3
docker create --name b4 --mount type=bind,source=$D,target=/h,readonly layered:latest
docker inspect -f '{{json .Mounts}}' b4
docker inspect -f '{{json .HostConfig.Mounts}} {{json .HostConfig.Binds}}' b4
docker create --name b5 --mount type=volume,src=v5,dst=/data,readonly,volume-nocopy layered:latest
docker inspect -f '{{json .Mounts}}' b5
docker inspect -f '{{json .HostConfig.Mounts}}' b5
docker create --name b6 --mount type=volume,target=/anon layered:latest
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Mode}} {{.RW}} {{.Driver}}{{end}}' b6
docker run --rm --mount type=bind,src=$D,dst=/h,ro=true layered:latest sh -c 'touch /h/q 2>&1; grep " /h " /proc/mounts | cut -d" " -f4 | cut -d, -f1'
docker run --rm --mount type=bind,src=$D,dst=/h,readonly=false layered:latest sh -c 'touch /h/q && ls /h'
docker run --rm --mount type=bind,source=$D/nope,target=/h layered:latest true
docker run --rm --mount type=bind,source=rel,target=/h layered:latest true
docker run --rm --mount type=bind,target=/h layered:latest true
docker run --rm --mount type=bind,source=$D layered:latest true
echo $?
docker run --rm --mount type=foo,target=/h layered:latest true
docker run --rm --mount source=$D,target=/h layered:latest true
docker run --rm --mount type=bind,src=$D,dst=/h,readonly=maybe layered:latest true
docker run --rm --mount type=bind,src=$D,dst=/h,bogus=1 layered:latest true
docker run --rm --mount type=bind,src=$D,dst=h layered:latest true
docker run --rm --mount type=bind,src=$D,dst=/h,volume-nocopy layered:latest true
docker run --rm --mount type=tmpfs,dst=/t,bind-propagation=shared layered:latest true
docker run --rm --mount type=tmpfs layered:latest true
docker run --rm --mount type=tmpfs,src=/x,dst=/y layered:latest true
docker create --mount type=tmpfs,dst=/t,tmpfs-size=abc layered:latest
docker create --mount type=volume,dst=/data,readonly layered:latest
docker create --mount type=bind,src=$D,dst=/ layered:latest
docker run --rm --mount type=bind,src=$D,dst=/h -v $D:/h layered:latest true
docker run --rm --tmpfs run layered:latest true
docker create --tmpfs / layered:latest
docker run --rm --tmpfs /run:size=abc layered:latest true
echo $?
docker run --rm -v rel/p:/h layered:latest true
docker run --rm -v $D:/h:rx layered:latest true
docker run --rm -v /a:/b:/c:/d layered:latest true
docker run --rm -v $D: layered:latest true
docker run --rm -v $D::ro layered:latest true
docker run --rm -v $D:h layered:latest true
docker run --rm -v $D:/h:ro,rw layered:latest true
docker run --rm -v $D:/h:rw,nocopy layered:latest true
docker create -v $D:/ layered:latest
docker run --rm -v $D:/h:z layered:latest ls /h
docker ps -aq | wc -l
docker rm b1 b2 b3 b4 b5 b6 ro
rm -rf $D
