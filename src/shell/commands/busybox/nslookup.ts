// busybox's nslookup (networking/nslookup.c, the resolver of its own it has since 1.28) and
// hostname (networking/hostname.c: -i -f -s -d), as they run in a container. nslookup asks the
// name server of /etc/resolv.conf (or the one given) straight, never /etc/hosts: an A and an AAAA
// query for a name (one of -type's), a PTR query for an address. Docker's embedded DNS server
// answers the containers it knows with an address and an empty AAAA answer; a name it forwards
// times out after 5 s (net-lookup.ts says why). The real one prints the A and AAAA answers in the
// order they arrive, which changes from run to run; here the A answer comes first.
import type { DockerEngine } from '../../../docker/engine/index.js';
import type { CommandSpec } from '../../command.js';
import { hostnameOf } from '../fs/system.js';
import { advanceClock, containerOf, dnsQuery, hostsEntry, isIPv4, nameServers, resolveHost } from './net-lookup.js';

const TYPES = ['soa', 'ns', 'a', 'aaaa', 'cname', 'mx', 'txt', 'ptr', 'srv', 'any'];

export function busyboxNslookup(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'nslookup',
    summary: "query DNS about a host (busybox's, in a container)",
    async run(ctx) {
      let type: string | undefined;
      const operands: string[] = [];
      for (const a of ctx.argv.slice(1)) {
        const t = /^-(?:type|querytype|q|query)=(.*)$/i.exec(a);
        if (t) {
          type = (t[1] ?? '').toLowerCase();
          if (!TYPES.includes(type)) {
            ctx.stderr(`nslookup: invalid query type "${t[1]}"\n`);
            return 1;
          }
        } else if (a === '-debug' || a === '-nodebug') continue;
        else operands.push(a);
      }
      if (operands.length < 1 || operands.length > 2) {
        ctx.stderr("Try 'nslookup --help' for more information.\n");
        return 1;
      }
      const [host = '', given] = operands;
      const server = given !== undefined ? (resolveHost(ctx, undefined, given) ?? given) : nameServers(ctx)[0];
      const where = containerOf(ctx, docker);
      const queries: Array<'a' | 'aaaa' | 'ptr'> = [];
      let name = host;
      if (isIPv4(host) && (type === undefined || type === 'ptr')) {
        name = `${host.split('.').reverse().join('.')}.in-addr.arpa`;
        queries.push('ptr');
      } else if (type === undefined) queries.push('a', 'aaaa');
      else if (type === 'a' || type === 'aaaa' || type === 'ptr') queries.push(type);
      else {
        ctx.stdout(';; connection timed out; no servers could be reached\n\n');
        advanceClock(ctx, 5_000);
        return 1;
      }
      const answers = queries.map((q) => ({ q, a: dnsQuery(where, server, name, q) }));
      const unreachable = answers.find((x) => x.a.kind === 'unreachable');
      if (unreachable) {
        ctx.stderr(`nslookup: can't connect to remote host (${server}): Network is unreachable\n`);
        return 1;
      }
      if (answers.every((x) => x.a.kind === 'timeout')) {
        advanceClock(ctx, 5_000);
        ctx.stdout(';; connection timed out; no servers could be reached\n\n');
        return 1;
      }
      let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
      for (const { q, a } of answers) {
        out += 'Non-authoritative answer:\n';
        if (a.kind === 'answer')
          out += q === 'ptr' ? `${name}\tname = ${a.value}\n` : `Name:\t${host}\nAddress: ${a.value}\n`;
        out += '\n';
      }
      ctx.stdout(out);
      return 0;
    },
  };
}

/** busybox's hostname: the UTS name (or /etc/hostname's), and with -i, -f, -s or -d what the
 * resolver finds for it (/etc/hosts' line, else DNS). Setting the name is not modelled. */
export function busyboxHostname(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'hostname',
    summary: "print the host name (busybox's: -i -f -s -d)",
    async run(ctx) {
      const args = ctx.argv.slice(1);
      const flags = new Set<string>();
      for (const a of args) {
        if (!/^-[isfd]+$/.test(a)) {
          ctx.stderr('hostname: setting the host name is not simulated here\n');
          return 1;
        }
        for (const f of a.slice(1)) flags.add(f);
      }
      const name = hostnameOf(ctx);
      if (flags.size === 0) {
        ctx.stdout(`${name}\n`);
        return 0;
      }
      if (flags.has('s')) {
        ctx.stdout(`${name.split('.')[0]}\n`);
        return 0;
      }
      const entry = hostsEntry(ctx, name);
      const ip = entry?.ip ?? resolveHost(ctx, containerOf(ctx, docker), name);
      if (!ip) {
        ctx.stderr(`hostname: ${name}: Host name lookup failure\n`);
        return 1;
      }
      const fqdn = entry?.names[0] ?? name;
      if (flags.has('i')) ctx.stdout(`${ip}\n`);
      else if (flags.has('f')) ctx.stdout(`${fqdn}\n`);
      else if (fqdn.includes('.')) ctx.stdout(`${fqdn.slice(fqdn.indexOf('.') + 1)}\n`);
      return 0;
    },
  };
}
