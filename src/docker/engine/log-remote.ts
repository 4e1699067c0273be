// The log drivers that send a container's output to a service (syslog, journald, gelf, fluentd), as
// a 20.10 daemon checks their addresses at create (ValidateLogOpt) and dials them at start (New),
// on the simulated host: it runs no syslog daemon (no /dev/log), no journald socket, and nothing
// listens on its loopback, so a dial there is refused (TCP, a unix socket) or sent unanswered
// (UDP), as on a real host without those services. An address beyond the host is not simulated.
// What each says was checked against a real dockerd 20.10 (conformance script 92).
import { NotSimulatedError } from './types.js';

/** The daemon's view of the host's files: a unix socket's path is stat'ed and dialled there. */
export interface HostPaths {
  exists(path: string): boolean;
}

/** urlutil.IsTransportURL's prefixes. */
const TRANSPORT = /^(tcp|tcp\+tls|udp|unix|unixgram):\/\//;

const FACILITIES = new Set(
  (
    'kern user mail daemon auth syslog lpr news uucp cron authpriv ftp ' +
    'local0 local1 local2 local3 local4 local5 local6 local7'
  ).split(' '),
);

/** url.Parse of a transport URL: scheme, host (with port), path; Go's error for a bad port. */
function parseUrl(address: string): { scheme: string; host: string; path: string } {
  const m = /^([a-z+]+):\/\/([^/]*)(.*)$/.exec(address) as RegExpExecArray;
  const [, scheme = '', host = '', path = ''] = m;
  const port = /:([^:\]]*)$/.exec(host)?.[1];
  if (port !== undefined && !/^\d*$/.test(port))
    throw new Error(`parse "${address}": invalid port ":${port}" after host`);
  return { scheme, host, path };
}

/** net.SplitHostPort's verdict: the port, or undefined for a missing one. */
function portOf(host: string): string | undefined {
  const m = /^(\[[^\]]*\]|[^:]*):(\d*)$/.exec(host);
  return m ? m[2] : undefined;
}

/** ValidateLogOpt's address and value checks for a driver that ships logs, in its order. */
export function validateRemoteOpts(type: string, cfg: Record<string, string>, host: HostPaths): void {
  if (type === 'syslog') {
    const address = cfg['syslog-address'] ?? '';
    if (address !== '') {
      if (!TRANSPORT.test(address)) throw new Error(`syslog-address should be in form proto://address, got ${address}`);
      const url = parseUrl(address);
      if ((url.scheme === 'unix' || url.scheme === 'unixgram') && !host.exists(url.path))
        throw new Error(`stat ${url.path}: no such file or directory`);
    }
    const facility = cfg['syslog-facility'];
    if (facility !== undefined && facility !== '' && !FACILITIES.has(facility)) {
      const n = /^\d+$/.test(facility) ? Number(facility) : -1;
      if (n < 0 || n > 23) throw new Error('invalid syslog facility');
    }
    const format = cfg['syslog-format'];
    if (format !== undefined && !['', 'rfc3164', 'rfc5424', 'rfc5424micro'].includes(format))
      throw new Error('Invalid syslog format');
  }
  if (type === 'gelf') {
    const address = cfg['gelf-address'] ?? '';
    if (address === '') throw new Error('gelf-address is a required parameter');
    if (!TRANSPORT.test(address)) throw new Error(`gelf-address should be in form proto://address, got ${address}`);
    const url = parseUrl(address);
    if (url.scheme !== 'udp' && url.scheme !== 'tcp') throw new Error('gelf: endpoint needs to be TCP or UDP');
    if (portOf(url.host) === undefined) throw new Error('gelf: please provide gelf-address as proto://host:port');
  }
  if (type === 'fluentd') {
    fluentdAddress(cfg['fluentd-address'] ?? '');
    for (const k of ['fluentd-async', 'fluentd-async-connect', 'fluentd-sub-second-precision', 'fluentd-request-ack']) {
      const v = cfg[k];
      if (
        v !== undefined &&
        !['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)
      )
        throw new Error(`strconv.ParseBool: parsing "${v}": invalid syntax`);
    }
  }
}

/** fluentd's parseAddress: tcp to 127.0.0.1:24224 unless told otherwise. */
function fluentdAddress(address: string): { proto: string; target: string } {
  if (address === '') return { proto: 'tcp', target: '127.0.0.1:24224' };
  let proto = 'tcp';
  let given = address;
  if (TRANSPORT.test(address)) {
    const url = parseUrl(address);
    proto = url.scheme;
    given = url.host;
    if (proto === 'unix') return { proto, target: url.path };
  }
  if (proto !== 'tcp') throw new Error(`unsupported scheme: '${proto}'`);
  const m = /^(.*):([^:]*)$/.exec(given);
  if (!m) return { proto, target: `${given}:24224` };
  if (!/^[+-]?\d+$/.test(m[2] ?? ''))
    throw new Error(`invalid fluentd-address ${given}: strconv.Atoi: parsing "${m[2]}": invalid syntax`);
  return { proto, target: `${m[1]}:${Number(m[2])}` };
}

const isTrue = (v: string | undefined) => ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v ?? '');

/** net.Dial from the host: a unix socket path the host has no listener on, or its loopback. */
function dial(proto: 'tcp' | 'udp' | 'unix' | 'unixgram', target: string, host: HostPaths): string | undefined {
  if (proto === 'unix' || proto === 'unixgram')
    return host.exists(target)
      ? `dial ${proto} ${target}: connect: connection refused`
      : `dial ${proto} ${target}: connect: no such file or directory`;
  const name = target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(name))
    throw new NotSimulatedError(
      `logging to ${target} is not simulated here (only the host itself is: nothing listens on its loopback)`,
    );
  // UDP has no connection to refuse: the dial succeeds and the records go nowhere.
  return proto === 'udp'
    ? undefined
    : `dial tcp ${target.replace(/^localhost:/, '127.0.0.1:')}: connect: connection refused`;
}

/** The driver's New on the simulated host: why it cannot start (the error after "failed to
 * initialize logging driver: "), or undefined when it runs. */
export function remoteLoggerError(type: string, cfg: Record<string, string>, host: HostPaths): string | undefined {
  switch (type) {
    case 'journald':
      return 'journald is not enabled on this host';
    case 'syslog': {
      const address = cfg['syslog-address'] ?? '';
      // srslog tries /dev/log, /var/run/syslog and /var/run/log; no syslog daemon listens on any.
      if (address === '') return 'Unix syslog delivery error';
      const url = parseUrl(address);
      if (url.scheme === 'unix' || url.scheme === 'unixgram') return dial(url.scheme, url.path, host);
      if (url.scheme === 'tcp+tls')
        throw new NotSimulatedError('syslog over TLS is not simulated here (tcp, udp and unix sockets are)');
      const target = portOf(url.host) === undefined ? `${url.host}:514` : url.host;
      return dial(url.scheme as 'tcp' | 'udp', target, host);
    }
    case 'gelf': {
      const url = parseUrl(cfg['gelf-address'] ?? '');
      const why = dial(url.scheme as 'tcp' | 'udp', url.host, host);
      return why && `gelf: cannot connect to GELF endpoint: ${url.host} ${why}`;
    }
    case 'fluentd': {
      const { proto, target } = fluentdAddress(cfg['fluentd-address'] ?? '');
      // With an async connection the logger starts at once and connects (and retries) later.
      if (isTrue(cfg['fluentd-async']) || isTrue(cfg['fluentd-async-connect'])) return undefined;
      return dial(proto as 'tcp' | 'unix', target, host);
    }
    default:
      return 'not simulated';
  }
}

/** 20.10's dual logging: a driver that cannot be read keeps a local-format copy for docker logs,
 * unless cache-disabled says not to. */
export function keepsLocalCache(cfg: Record<string, string>): boolean {
  return !isTrue(cfg['cache-disabled']);
}
