# The lower file of an upper layer lists its parents' short names.
docker load -i /tmp/layered.tar
TOP=$(docker image inspect layered:latest --format '{{.GraphDriver.Data.UpperDir}}')
echo $TOP
D=$(dirname $TOP)
ls $D
cat $D/lower
echo
cat $D/lower | tr ':' '\n' | wc -l
