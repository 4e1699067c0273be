# docker diff lists what changed in the container layer.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
docker exec ctr sh -c 'echo x > /tmp/added && rm /data/a.txt && echo y >> /tmp/newfile'
docker diff ctr | sort
docker stop -t 1 ctr
