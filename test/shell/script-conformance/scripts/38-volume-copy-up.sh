# A volume is filled from the image when a container that mounts it is created (moby's
# populateVolumes, at create time, not at start): an image's VOLUME gets an anonymous volume
# holding what the image has at that path, a new named volume on a path with content too, with
# modes, owners and links kept, and the volume's own directory taking the path's mode and owner.
# A volume that already holds something is not filled again.
docker load -i /tmp/layered.tar
mkdir -p /root/ctx
printf 'FROM layered:latest\nRUN mkdir -p /data/sub && echo hi > /data/f && ln -s f /data/l && chmod 700 /data/sub && chown 33:33 /data/f && chmod 750 /data\nVOLUME /data\n' > /root/ctx/Dockerfile
docker build -q -t vol:1 /root/ctx > /dev/null
docker create --name c1 vol:1
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}{{end}}' c1
v=$(docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' c1)
ls -la /var/lib/docker/volumes/$v/_data | awk '{print $1, $2, $3, $4, $NF}'
ls -l /var/lib/docker/volumes/$v/_data/sub | wc -l
stat -c '%a %u %g' /var/lib/docker/volumes/$v/_data
readlink /var/lib/docker/volumes/$v/_data/l
docker volume create named
docker create --name c2 -v named:/data vol:1
ls /var/lib/docker/volumes/named/_data
stat -c '%a' /var/lib/docker/volumes/named/_data
docker create --name c3 -v named:/etc layered:latest
ls /var/lib/docker/volumes/named/_data
docker volume create empty
docker create --name c4 -v empty:/etc layered:latest
ls /var/lib/docker/volumes/empty/_data | head -3
docker create --name c5 -v fresh:/nothere layered:latest
ls -la /var/lib/docker/volumes/fresh/_data | wc -l
docker run --rm -v named:/data vol:1 cat /data/f
docker run --rm -v named:/data vol:1 sh -c 'echo changed > /data/f'
docker run --rm vol:1 cat /data/f
cat /var/lib/docker/volumes/named/_data/f
docker create --name c6 -v /anon2 vol:1
docker inspect -f '{{len .Mounts}}' c6
