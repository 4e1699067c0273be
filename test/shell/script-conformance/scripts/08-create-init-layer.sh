# docker create makes the container layer and its -init layer.
docker load -i /tmp/layered.tar
docker create --name c1 layered:latest
UP=$(docker inspect c1 --format '{{.GraphDriver.Data.UpperDir}}')
D=$(dirname $UP)
ls $D
ls ${D}-init
ls ${D}-init/diff
find ${D}-init/diff -type f | sort
cat ${D}-init/lower | tr ':' '\n' | wc -l
