# commit and import with --change (moby's BuildFromConfig): the instructions a commit may carry,
# what they leave in the image config, and the daemon's refusals; export -o and save -o make 0600
# files.
docker load -i /tmp/base.tar
docker create --name c1 busybox-static:latest sh
docker commit c1 plain:1
docker inspect -f '{{json .Config.Labels}} {{json .Config.Cmd}} {{json .Config.Env}}' plain:1
docker commit -c 'ENV X=1' -c 'LABEL a=b' -c 'EXPOSE 80 53/udp' c1 ch:1
docker inspect -f '{{json .Config.Labels}} {{json .Config.Env}} {{json .Config.ExposedPorts}}' ch:1
docker commit --change 'ENTRYPOINT ["/bin/echo"]' c1 ch:2
docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ch:2
docker run --rm ch:2 hi
docker commit -c 'CMD echo from-cmd' -c 'WORKDIR sub' -c 'WORKDIR /srv' -c 'WORKDIR app' c1 ch:3
docker inspect -f '{{json .Config.Cmd}} {{.Config.WorkingDir}}' ch:3
docker commit -c 'RUN true' c1 ch:4
docker commit -c 'FROM x' c1 ch:5
docker commit -c 'HEALTHCHECK --interval=5s --retries=2 CMD true' -c 'ONBUILD RUN echo x' -c 'USER 1:1' c1 ch:6
docker inspect -f '{{json .Config.Healthcheck}} {{json .Config.OnBuild}} {{.Config.User}}' ch:6
docker commit -c 'HEALTHCHECK NONE' -c 'VOLUME ["/a","/b"]' c1 ch:7
docker inspect -f '{{json .Config.Healthcheck}} {{json .Config.Volumes}}' ch:7
docker commit -c 'EXPOSE 8000-8002' -c 'ENV A 1 2' c1 ch:8
docker inspect -f '{{json .Config.ExposedPorts}} {{json .Config.Env}}' ch:8
docker commit -c 'EXPOSE abc' c1 ch:9
docker commit -c 'STOPSIGNAL 9' c1 ch:10
docker commit -c 'cmd ["sh"]' c1 ch:11
docker inspect -f '{{json .Config.Cmd}}' ch:11
docker history --format '{{.CreatedBy}}' ch:3 | head -1
docker export c1 -o /tmp/c1.tar
ls -l /tmp/c1.tar | cut -c1-10
docker import -c 'CMD ["sh"]' -c 'ENV A=1' /tmp/c1.tar imp:1
docker inspect -f '{{json .Config.Cmd}} {{json .Config.Env}} {{json .Config.Labels}}' imp:1
docker run --rm imp:1 sh -c 'echo $A'
docker import --change 'RUN echo hi' /tmp/c1.tar imp:4
docker import --change 'BOGUS x' /tmp/c1.tar imp:5
docker import /tmp/c1.tar Bad:Name
docker import /tmp/nosuch.tar Bad:Name
docker tag imp:1 BB
docker save -o /tmp/s.tar imp:1
ls -l /tmp/s.tar | cut -c1-10
docker save -o /tmp/nodir/s.tar imp:1
docker export -o /tmp/nodir/c.tar c1
touch /tmp/exists.tar && chmod 644 /tmp/exists.tar && docker export -o /tmp/exists.tar c1 && ls -l /tmp/exists.tar | cut -c1-10
ls -a /tmp | grep -c docker_temp
docker images --format '{{.Repository}}:{{.Tag}}' | sort
