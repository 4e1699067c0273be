# Every file under /var/lib/docker, opened as a learner opens it once the lesson's layerdb walk is done:
# the top-level directories and their modes, overlay2/<id>/{link,lower,committed,work/} of an image
# layer, a container layer and its -init layer, l/'s symlinks, layerdb/mounts/<id>/{init-id,mount-id,
# parent}, imagedb's content and metadata, repositories.json, distribution/, containers/<id>/ and
# volumes/metadata.db; then what a commit adds and what docker rm takes away.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
cd /var/lib/docker
ls
stat -c '%a %U %G %F %n' * | sort -k5
ID=$(docker inspect -f '{{.Id}}' ctr)
IMG=$(docker inspect -f '{{.Image}}' ctr)
UP=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' ctr)
D=$(dirname $UP); C=$(basename $D)
L0=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}')
B=$(cat image/overlay2/layerdb/sha256/${L0#sha256:}/cache-id)
ls -a overlay2/$B
stat -c '%a %s %F %n' overlay2/$B/* | sed "s#overlay2/$B/##"
wc -c < overlay2/$B/link
cat overlay2/$B/link | grep -c '^[A-Z2-7]*$'
[ "$(readlink overlay2/l/$(cat overlay2/$B/link))" = "../$B/diff" ] && echo link names the diff dir
cat overlay2/$B/lower
ls -a $D ${D}-init
stat -c '%a %s %F %n' $D/* ${D}-init/* | sed "s#$D##"
cat ${D}-init/committed | wc -c
tr ':' '\n' < $D/lower | sed 's/[A-Z2-7]\{26\}/LINK/'
[ "$(cut -d: -f1 $D/lower)" = "l/$(cat ${D}-init/link)" ] && echo the init layer is the first lower
wc -c < $D/lower
wc -c < ${D}-init/lower
ls -la $D/work | awk '{print $1, $2, $NF}'
ls -la ${D}-init/work | awk '{print $1, $2, $NF}'
ls -la ${D}-init/work/work | awk '{print $1, $2, $NF}'
find overlay2 -maxdepth 1 -type d | wc -l
find overlay2/l -type l | wc -l
find overlay2/l ! -type l
ls -l overlay2/l | head -1
stat -c '%a %s %F' overlay2/l/$(cat overlay2/$B/link)
stat -L -c '%a %F' overlay2/l/$(cat overlay2/$B/link)
readlink -f overlay2/l/$(cat ${D}-init/link) | sed "s#/$C-init/#/C-init/#"
ls image/overlay2
ls image/overlay2/layerdb
ls image/overlay2/layerdb/mounts/$ID
stat -c '%a %s %n' image/overlay2/layerdb/mounts/$ID/*
[ "$(cat image/overlay2/layerdb/mounts/$ID/mount-id)" = "$C" ] && echo mount-id is the container dir
[ "$(cat image/overlay2/layerdb/mounts/$ID/init-id)" = "$C-init" ] && echo init-id is its -init
cat image/overlay2/layerdb/mounts/$ID/parent | cut -c1-7
docker image inspect layered:latest --format '{{len .RootFS.Layers}}'
ls image/overlay2/imagedb image/overlay2/imagedb/content image/overlay2/imagedb/metadata
ls image/overlay2/imagedb/content/sha256 | wc -l
stat -c '%a %s' image/overlay2/imagedb/content/sha256/${IMG#sha256:}
sha256sum image/overlay2/imagedb/content/sha256/${IMG#sha256:} | cut -c1-64 | grep -c ${IMG#sha256:}
jq -r '.rootfs.type, (.rootfs.diff_ids | length), .config.Cmd[0], .os, .architecture' image/overlay2/imagedb/content/sha256/${IMG#sha256:}
jq -r 'keys[]' image/overlay2/imagedb/content/sha256/${IMG#sha256:}
ls -R image/overlay2/imagedb/metadata
ls image/overlay2/distribution 2>&1
cat image/overlay2/repositories.json; echo
stat -c '%a %s' image/overlay2/repositories.json
jq -r '.Repositories | keys[]' image/overlay2/repositories.json
ls containers | wc -l
ls containers/$ID | sed "s/$ID/ID/" | sort
stat -c '%a %s %n' containers/$ID/* | sed "s#containers/$ID/##; s/$ID/ID/" | awk '$3 ~ /log|json|conf$/ {$2="S"} {print}' | sort -k3
cat containers/$ID/hostname
wc -c < containers/$ID/hostname
[ "$(cat containers/$ID/hostname)" = "${ID:0:12}" ] && echo hostname is the short id
head -3 containers/$ID/hosts
ls -la containers/$ID/mounts | awk '{print $1, $2, $NF}'
ls containers/$ID/checkpoints | wc -l
jq -r '.Driver, .Name, .Path, (.Args|join(" ")), .State.Running, .MountLabel, .HostnamePath, .HostsPath, .LogPath, .ShmPath' containers/$ID/config.v2.json
jq -r 'keys[]' containers/$ID/config.v2.json
jq -c '.NetworkMode, .RestartPolicy, .LogConfig, .ShmSize, .Binds' containers/$ID/hostconfig.json
# (metadata.db is bolt's file, 32 KiB grown by ftruncate with a hole in it: 24 KiB allocated on a real
# disk. The simulated disk keeps no holes, so its block count and ls -l's total are not compared.)
ls -l volumes | awk 'NR > 1 {print $1, $2, $NF}'
stat -c '%n %s %B %a' volumes/metadata.db
docker exec ctr sh -c 'echo hi > /hi.txt'
docker commit ctr snap:1 | cut -c1-7
find overlay2 -maxdepth 1 -type d | wc -l
ls image/overlay2/layerdb/sha256 | wc -l
docker image inspect snap:1 --format '{{len .RootFS.Layers}}'
N=$(docker image inspect snap:1 --format '{{index .RootFS.Layers 3}}')
NC=$(cat image/overlay2/layerdb/sha256/$(echo -n "$(cat image/overlay2/layerdb/mounts/$ID/parent) $N" | sha256sum | cut -c1-64)/cache-id)
ls -a overlay2/$NC
ls -A overlay2/$NC/diff
[ "$(cat overlay2/$NC/lower)" = "$(cut -d: -f2- $D/lower)" ] && echo the new layer has the container\'s lowers less -init
ls image/overlay2/layerdb/sha256/*/ | sort | uniq -c
ls image/overlay2/imagedb/metadata/sha256 | wc -l
ls image/overlay2/imagedb/metadata/sha256/*
docker rm -f ctr
find overlay2 -maxdepth 1 -type d | wc -l
ls $D ${D}-init 2>&1 | sed "s#$D#D#g"
ls image/overlay2/layerdb/mounts | wc -l
ls containers | wc -l
find overlay2/l -type l | wc -l
find -L overlay2/l -type l | wc -l
cat image/overlay2/repositories.json | jq -r '.Repositories | keys[]'
