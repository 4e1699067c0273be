# An image a container uses cannot be removed.
docker load -i /tmp/layered.tar
docker create --name keep layered:latest
docker rmi layered:latest
echo "exit $?"
docker rm keep
docker rmi layered:latest | head -1
