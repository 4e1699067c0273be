// The applets that look at a container's network: they ask the daemon what it holds.
import type { DockerEngine } from '../../../docker/engine/index.js';
import type { CommandSpec } from '../../command.js';
import { busyboxHostname, busyboxNslookup } from './nslookup.js';
import { busyboxPing } from './ping.js';
import { busyboxIfconfig, busyboxIp } from './ip-command.js';
import { busyboxRoute } from './ip-route.js';
import { busyboxHttpd } from './httpd.js';
import { busyboxNc } from './nc.js';
import { busyboxNetstat } from './netstat.js';
import { busyboxWget } from './wget.js';

export function busyboxNetApplets(docker: () => DockerEngine | undefined): CommandSpec[] {
  return [
    busyboxPing(docker),
    busyboxNslookup(docker),
    busyboxHostname(docker),
    busyboxIp(docker),
    busyboxRoute(docker),
    busyboxIfconfig(docker),
    busyboxNetstat(docker),
    busyboxWget(docker),
    busyboxHttpd(docker),
    busyboxNc(docker),
  ];
}
