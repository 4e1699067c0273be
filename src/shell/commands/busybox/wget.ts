// busybox's wget (networking/wget.c, 1.35) in a container: each URL's host looked up as getaddrinfo
// does (net-lookup.ts), a TCP connection to it (engine/sockets.ts: refused, no route, timed out, or
// a server), and what the server answers (httpd.ts), followed through its redirects. Its lines on
// stderr — "Connecting to", -S's headers, "saving to", the progress bar as it ends without a
// terminal, "saved" — or only the errors with -q; the body to -O FILE, stdout (-O -) or the URL's
// last name in -P DIR (refused when it exists: busybox opens it O_EXCL).
import { connectTo, type DockerEngine } from '../../../docker/engine/index.js';
import { isKernelError } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { httpdAnswer, serverProc } from './httpd.js';
import { advanceClock, containerOf, resolveHost } from './net-lookup.js';

interface WgetOptions {
  quiet: boolean;
  headers: boolean;
  spider: boolean;
  output?: string;
  dir: string;
  urls: string[];
}

const WITH_VALUE = new Set(['O', 'P', 'T', 'o', 'U', 'Y']);
const LONG: Record<string, string> = {
  quiet: 'q',
  'server-response': 'S',
  'output-document': 'O',
  'directory-prefix': 'P',
  timeout: 'T',
};

function parse(ctx: CommandContext, argv: readonly string[]): WgetOptions | number {
  const o: WgetOptions = { quiet: false, headers: false, spider: false, dir: '', urls: [] };
  const set = (f: string, value?: string): number | undefined => {
    if (f === 'q') o.quiet = true;
    else if (f === 'S') o.headers = true;
    else if (f === 'O') o.output = value;
    else if (f === 'P') o.dir = value ?? '';
    else if (f !== 'T') {
      ctx.stderr(`wget -${f}: not simulated here (-q, -S, -O, -P, -T and --spider are)\n`);
      return 1;
    }
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--spider') o.spider = true;
    else if (a.startsWith('--') && a.length > 2) {
      const [name = '', inline] = a.slice(2).split(/=(.*)/s);
      const f = LONG[name];
      if (!f) {
        ctx.stderr(`wget ${a}: not simulated here (-q, -S, -O, -P, -T and --spider are)\n`);
        return 1;
      }
      const value = WITH_VALUE.has(f) ? (inline ?? argv[++i]) : undefined;
      const bad = set(f, value);
      if (bad !== undefined) return bad;
    } else if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const f = a[j] as string;
        if (!'qScOPToUY'.includes(f)) {
          ctx.stderr(`wget: invalid option -- '${f}'\nTry 'wget --help' for more information.\n`);
          return 1;
        }
        let value: string | undefined;
        if (WITH_VALUE.has(f)) {
          value = a.length > j + 1 ? a.slice(j + 1) : argv[++i];
          if (value === undefined) {
            ctx.stderr(`wget: option requires an argument -- '${f}'\nTry 'wget --help' for more information.\n`);
            return 1;
          }
        }
        const bad = set(f, value);
        if (bad !== undefined) return bad;
        if (value !== undefined) break;
      }
    } else o.urls.push(a);
  }
  if (o.urls.length === 0) {
    ctx.stderr("Try 'wget --help' for more information.\n");
    return 1;
  }
  return o;
}

/** The progress bar's last state, as bb_progress_update draws it for a finished transfer. */
function progressLine(name: string, size: number): string {
  let n = size;
  let unit = 0;
  while (n >= 100000) {
    n = Math.floor(n / 1024);
    unit++;
  }
  const shown = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  return `${shown} 100% |${'*'.repeat(32)}|${String(n).padStart(6)}${' kMGTPEZY'[unit]} 0:00:00 ETA\n`;
}

interface Url {
  host: string;
  hostPort: string;
  port: number;
  path: string;
}

/** parse_url: scheme http (default) or ftp, host[:port], the path (/ when none). */
function parseUrl(ctx: CommandContext, text: string): Url | undefined {
  let rest = text;
  let port = 80;
  const scheme = /^([a-z]+):\/\//i.exec(rest);
  if (scheme) {
    const s = (scheme[1] as string).toLowerCase();
    if (s === 'ftp') port = 21;
    else if (s !== 'http') {
      ctx.stderr(`wget: ${s}:// is not simulated here (http:// is)\n`);
      return undefined;
    }
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.indexOf('/');
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '/' : rest.slice(slash);
  const m = /^(.*?)(?::(\d*))?$/.exec(hostPort);
  const host = m?.[1] ?? hostPort;
  if (m?.[2] !== undefined) {
    port = Number(m[2]);
    if (m[2] === '' || port > 65535) {
      ctx.stderr(`wget: bad port '${m[2]}'\n`);
      return undefined;
    }
  }
  return { host, hostPort, port, path };
}

export function busyboxWget(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'wget',
    summary: 'fetch a URL from a server in another container (busybox wget)',
    async run(ctx) {
      const o = parse(ctx, ctx.argv.slice(1));
      if (typeof o === 'number') return o;
      const where = containerOf(ctx, docker);
      if (!where) {
        ctx.stderr('wget: not simulated here outside a container (the tutor models busybox wget in one)\n');
        return 1;
      }
      const say = (line: string): void => {
        if (!o.quiet) ctx.stderr(line);
      };
      for (const text of o.urls) {
        const url = parseUrl(ctx, text);
        if (!url) return 1;
        const ip = resolveHost(ctx, where, url.host);
        if (ip === undefined) {
          ctx.stderr(`wget: bad address '${url.host}'\n`);
          return 1;
        }
        say(`Connecting to ${url.hostPort} (${ip}:${url.port})\n`);
        let path = url.path;
        let answer: ReturnType<typeof httpdAnswer> | undefined;
        for (let hops = 0; hops < 20; hops++) {
          const conn = connectTo(where.d, where.c, ip, url.port);
          if (conn.kind !== 'open') {
            const why = conn.kind === 'timeout' ? 'Connection timed out' : conn.error;
            advanceClock(ctx, conn.kind === 'timeout' ? 127_000 : conn.waitMs);
            ctx.stderr(`wget: can't connect to remote host (${ip}): ${why}\n`);
            return 1;
          }
          const server = serverProc(where.d, conn.server);
          const request = `${o.spider ? 'HEAD' : 'GET'} ${path} HTTP/1.1\r\nHost: ${url.hostPort}\r\n\r\n`;
          answer = httpdAnswer(server, conn.listener.home, request, ctx.proc.kernel.clock.now());
          if (o.headers) {
            ctx.stderr(`  ${answer.statusLine}\n`);
            if (answer.status < 400) for (const h of answer.headers) ctx.stderr(`  ${h}\n`);
          }
          const location = answer.headers.find((h) => h.startsWith('Location: '))?.slice(10);
          if (answer.status !== 302 || !location) break;
          path = location;
        }
        if (!answer) return 1;
        if (answer.status !== 200) {
          ctx.stderr(`wget: server returned error: ${answer.statusLine}\n`);
          return 1;
        }
        if (o.headers) ctx.stderr('  \n');
        if (o.spider) {
          say('remote file exists\n');
          continue;
        }
        const code = save(ctx, o, url.path, answer.body, say);
        if (code !== 0) return code;
      }
      return 0;
    },
  };
}

/** Writes the body where -O/-P/the URL's name says, with the lines wget prints about it. */
function save(
  ctx: CommandContext,
  o: WgetOptions,
  urlPath: string,
  body: Uint8Array,
  say: (line: string) => void,
): number {
  if (o.output === '-') {
    say('writing to stdout\n');
    ctx.stdout(body);
    say(`${progressLine('-', body.length)}written to stdout\n`);
    return 0;
  }
  let file = o.output;
  if (file === undefined) {
    const last =
      urlPath
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() || 'index.html';
    file = o.dir ? `${o.dir.replace(/\/$/, '')}/${last}` : last;
  }
  try {
    // Without -O the name must be new (O_EXCL); -O truncates.
    ctx.proc.writeFile(file, body, { create: true, truncate: true, exclusive: o.output === undefined });
  } catch (e) {
    ctx.stderr(`wget: can't open '${file}': ${isKernelError(e) ? e.text : String(e)}\n`);
    return 1;
  }
  say(`saving to '${file}'\n`);
  say(`${progressLine(file.split('/').pop() ?? file, body.length)}'${file}' saved\n`);
  return 0;
}
