# Volumes live in /var/lib/docker/volumes/<name>/_data, beside the volume store's own files.
docker load -i /tmp/base.tar
ls /var/lib/docker/volumes
docker volume ls
docker volume create data
docker volume create data
stat -c '%A %s %n' /var/lib/docker/volumes/* | sed 's|/var/lib/docker/volumes/||'
stat -c '%A %n' /var/lib/docker/volumes/data/_data /var/lib/docker/volumes
docker volume ls
docker volume ls -q
docker volume inspect data
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Mountpoint}} {{.Scope}}' data
docker run --name user -v data:/data busybox-static:latest sh -c 'echo kept > /data/f'
cat /var/lib/docker/volumes/data/_data/f
docker volume rm data
docker run -d --name anon -v /scratch busybox-static:latest sleep 1000
docker volume ls -q | wc -l
docker inspect anon --format '{{range .Mounts}}{{.Type}} {{.Destination}} {{.Driver}} {{.RW}}{{end}}'
docker rm -f anon
docker volume ls -q | wc -l
docker run -d --name anon2 -v /scratch busybox-static:latest sleep 1000
docker rm -fv anon2
docker volume ls -q | wc -l
docker rm user
docker volume create spare
docker volume prune -f | sed 's/^[0-9a-f]\{64\}$/<anonymous-volume>/' | sort
docker volume ls
docker volume rm data
docker volume rm data
docker volume inspect nosuch
docker volume create
docker volume ls -q | wc -l
