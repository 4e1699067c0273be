# A volume made with the local driver's tmpfs options is a tmpfs mounted on its _data while a
# container uses it (what it holds is on no disk, and gone when the last user stops); the
# driver's option errors. -u runs the container's process as another user: its ids and groups
# from the image's passwd and group, files it makes owned by it in the upper dir, what the
# kernel refuses it (mode bits, the sticky /tmp, chmod and chown of another's file), exec -u,
# and the daemon's words for a user or group the image lacks.
docker load -i /tmp/layered.tar
docker volume create -o type=tmpfs -o device=tmpfs -o o=size=1m tv
docker volume inspect tv | grep -v CreatedAt
docker volume create --opt type=tmpfs --opt device=tmpfs tv2
docker volume inspect -f '{{json .Options}} {{json .Labels}}' tv2
ls -A /var/lib/docker/volumes/tv
cat /var/lib/docker/volumes/tv/opts.json; echo
stat -c '%a %s' /var/lib/docker/volumes/tv/opts.json
docker run --rm -v tv:/data layered:latest sh -c 'grep data /proc/mounts; echo x > /data/x; ls /data'
ls -A /var/lib/docker/volumes/tv/_data | wc -l
docker run -d --name tvrun -v tv:/data layered:latest sh -c 'echo hi > /data/f; sleep 1000'
docker exec tvrun cat /data/f
ls /var/lib/docker/volumes/tv/_data
grep -q " /var/lib/docker/volumes/tv/_data tmpfs " /proc/mounts && echo mounted
docker run --rm -v tv:/data layered:latest cat /data/f
docker run --rm -v tv:/data:ro layered:latest sh -c 'grep data /proc/mounts; touch /data/g 2>&1'
docker rm -f tvrun
grep -q " /var/lib/docker/volumes/tv/_data tmpfs " /proc/mounts || echo unmounted
docker run --rm -v tv:/data layered:latest ls /data
docker volume create -o type=tmpfs -o device=tmpfs -o o=size=1m,uid=1000,mode=750 tvu
docker run --rm -v tvu:/data layered:latest sh -c 'grep data /proc/mounts; ls -ldn /data | cut -c1-30'
docker volume create -o foo=bar tv3
docker volume create -o type=tmpfs tv4
docker volume create -o o=size=1m tv5
docker volume ls -q | sort
docker volume create -o type=tmpfs -o device=tmpfs -o o=bogus tvb
docker run --rm -v tvb:/data layered:latest true
echo $?
docker create --mount type=volume,src=vx,dst=/t,volume-opt=type=tmpfs layered:latest
docker run --rm --mount type=volume,src=vy,dst=/t,volume-opt=type=tmpfs,volume-opt=device=tmpfs layered:latest sh -c 'grep " /t " /proc/mounts'
docker volume inspect -f '{{json .Options}}' vy
docker volume rm tv tv2 tvu tvb vy
mkdir -p /root/ctx
printf 'FROM layered:latest\nRUN mkdir -p /home/app && echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd && echo "app:x:1000:1000:app:/home/app:/bin/sh" >> /etc/passwd && echo "root:x:0:" > /etc/group && echo "app:x:1000:" >> /etc/group && echo "staff:x:50:app" >> /etc/group && chown 1000:1000 /home/app && chmod 700 /home/app && echo secret > /etc/secret && chmod 600 /etc/secret && chmod 1777 /tmp\n' > /root/ctx/Dockerfile
docker build -q -t users:1 /root/ctx > /dev/null
docker run --rm -u 1000 layered:latest id
docker run --rm -u 1000:1000 layered:latest id
docker run --rm -u 0:1000 layered:latest id
docker run --rm -u 33 layered:latest sh -c 'whoami 2>&1; echo $?; echo $HOME'
docker run --rm -u nobody layered:latest id
echo $?
docker run --rm -u 1000:nosuch layered:latest id
echo $?
docker run --rm -u app users:1 id
docker run --rm -u app:staff users:1 id
docker run --rm -u 1000 users:1 sh -c 'id; whoami; echo $HOME'
docker run --rm -u root users:1 id
docker run --rm -u app:0 users:1 id
docker run --rm -u 2000 users:1 sh -c 'id; echo $HOME'
docker run --rm -u 1000 --tmpfs /run users:1 sh -c 'touch /run/x && ls -ln /run'
docker run --rm -u 1000 -v uv:/data users:1 sh -c 'touch /data/x 2>&1; ls -ldn /data | cut -c1-25'
docker run -d --name wk -u 1000 users:1 sh -c 'echo a > /tmp/a; touch /b; echo $? > /tmp/st; sleep 1000'
docker inspect -f '{{.Config.User}}' wk
ls -ln $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' wk)/tmp | awk '{print $1, $3, $4, $NF}'
docker exec wk cat /tmp/st
docker exec wk sh -c '{ touch /etc/x; echo $?; cat /etc/secret; echo $?; ls /home/app; echo $?; mkdir /home/app/x; echo $?; } 2>&1'
docker exec wk sh -c '{ rm /etc/passwd; echo $?; echo hi >> /etc/group; echo $?; chmod 777 /etc; echo $?; } 2>&1'
docker exec wk sh -c '{ chown 1000 /tmp/a; echo $?; chown 0 /tmp/a; echo $?; } 2>&1'
docker exec wk sh -c 'rm -f /tmp/st; echo $?; mv /tmp/a /tmp/b; echo $?; chmod 600 /tmp/b; ls -ln /tmp/b | cut -c1-10'
docker exec -u 0 wk sh -c 'echo r > /tmp/root; chmod 644 /tmp/root'
docker exec wk sh -c '{ rm /tmp/root; echo $?; cat /tmp/root; echo more >> /tmp/root; echo $?; } 2>&1'
docker exec -u 0 wk id
docker exec -u 0 wk cat /etc/secret
docker exec -u app wk sh -c 'id; touch /tmp/byapp; ls -ln /tmp/byapp | cut -c1-30; echo $HOME'
docker exec -u 50 wk id
docker exec -u nosuch wk id
echo $?
docker exec -u app:nosuch wk id
echo $?
docker diff wk | sort
ls -ln $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' wk)/home/app | awk '{print $1, $3, $4, $NF}'
docker rm -f wk
docker create --name uu -u nosuch users:1 id
docker start uu
echo $?
docker inspect -f '{{.State.Status}}' uu
docker rm uu
docker volume rm uv
