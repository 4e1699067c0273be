// busybox's httpd (networking/httpd.c, 1.35): the applet binds its socket in the container's
// namespace (engine/sockets.ts) and, without -f, forks into the background, its parent exiting 0;
// and the answer it gives a request, read from the files under its home in the serving container:
// a file with its Last-Modified, ETag ("mtime-size" in hex) and Content-Length (Content-type by
// the suffix, none for one httpd does not know), a directory without its slash redirected (302),
// a directory's index.html, and the error pages (404, 400 for a path out of home or a line that is
// no request, 501 for a method other than GET and HEAD).
import { type Container, type DockerEngine, listen, listenersOf, parseHttpd } from '../../../docker/engine/index.js';
import type { Proc } from '../../../kernel/index.js';
import type { CommandSpec } from '../../command.js';
import { containerOf } from './net-lookup.js';

const MIME: ReadonlyArray<[string[], string]> = [
  [['txt', 'h', 'c', 'cc', 'cpp'], 'text/plain'],
  [['htm', 'html'], 'text/html'],
  [['jpg', 'jpeg'], 'image/jpeg'],
  [['gif'], 'image/gif'],
  [['png'], 'image/png'],
  [['svg'], 'image/svg+xml'],
  [['css'], 'text/css'],
  [['js'], 'application/javascript'],
  [['wav'], 'audio/wav'],
  [['avi'], 'video/x-msvideo'],
  [['qt', 'mov'], 'video/quicktime'],
  [['mpe', 'mpeg'], 'video/mpeg'],
  [['mid', 'midi'], 'audio/midi'],
  [['mp3'], 'audio/mpeg'],
];

const REASONS: Record<number, [string, string | undefined]> = {
  200: ['OK', undefined],
  302: ['Found', undefined],
  400: ['Bad Request', 'Unsupported method'],
  404: ['Not Found', 'The requested URL was not found'],
  501: ['Not Implemented', 'The requested method is not recognized'],
};

/** An HTTP response: its status, header lines (without the status line) and body. */
export interface HttpResponse {
  status: number;
  statusLine: string;
  headers: string[];
  body: Uint8Array;
}

const enc = new TextEncoder();

function response(status: number, nowMs: number, extra: string[], body?: Uint8Array): HttpResponse {
  const [reason, info] = REASONS[status] ?? ['Error', ''];
  const statusLine = `HTTP/1.1 ${status} ${reason}`;
  const headers = [`Date: ${new Date(nowMs).toUTCString()}`, 'Connection: close', ...extra];
  if (info !== undefined && status !== 200)
    body = enc.encode(
      `<HTML><HEAD><TITLE>${status} ${reason}</TITLE></HEAD>\n` +
        `<BODY><H1>${status} ${reason}</H1>\n${info}\n</BODY></HTML>\n`,
    );
  return { status, statusLine, headers, body: body ?? new Uint8Array(0) };
}

/** The answer httpd (home `home`, files read through `server`) gives to the request `text`. */
export function httpdAnswer(server: Proc, home: string, text: string, nowMs: number): HttpResponse {
  const line = text.split(/\r?\n/)[0] ?? '';
  const m = /^(\S+)\s+(\/\S*)(\s+HTTP\/\d\.\d)?\s*$/.exec(line);
  const html = 'Content-type: text/html';
  if (!m) return response(400, nowMs, [html]);
  const [, method = '', url = ''] = m;
  if (method !== 'GET' && method !== 'HEAD') return response(501, nowMs, [html]);
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return response(400, nowMs, [html]);
  }
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return response(400, nowMs, [html]);
      parts.pop();
    } else parts.push(p);
  }
  const rel = parts.join('/');
  let file = `${home.replace(/\/$/, '')}/${rel}`;
  try {
    let st = server.stat(file);
    if (st.type === 'dir') {
      if (!path.endsWith('/')) return response(302, nowMs, [html, `Location: /${rel}/`]);
      file = `${file.replace(/\/$/, '')}/index.html`;
      st = server.stat(file);
    }
    if (st.type !== 'file') return response(404, nowMs, [html]);
    const body = server.readFile(file);
    const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
    const mime = MIME.find(([exts]) => exts.includes(ext))?.[1];
    const mtime = Math.floor(st.mtimeMs / 1000);
    return response(
      200,
      nowMs,
      [
        ...(mime ? [`Content-type: ${mime}`] : []),
        'Accept-Ranges: bytes',
        `Last-Modified: ${new Date(mtime * 1000).toUTCString()}`,
        `ETag: "${mtime.toString(16)}-${body.length.toString(16)}"`,
        `Content-Length: ${body.length}`,
      ],
      body,
    );
  } catch {
    return response(404, nowMs, [html]);
  }
}

/** The response as it goes over the wire. */
export function responseBytes(r: HttpResponse): Uint8Array {
  const head = enc.encode(`${[r.statusLine, ...r.headers].join('\r\n')}\r\n\r\n`);
  const out = new Uint8Array(head.length + r.body.length);
  out.set(head);
  out.set(r.body, head.length);
  return out;
}

/** A process rooted in the serving container, to read its files. */
export function serverProc(d: DockerEngine, server: Container): Proc {
  return d.kernel.proc({ root: d.mergedDir(server) });
}

export function busyboxHttpd(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'httpd',
    summary: "busybox's web server, in a container",
    async run(ctx) {
      const parsed = parseHttpd(ctx.argv.slice(1), ctx.proc.getcwd());
      if ('usage' in parsed) {
        ctx.stderr(`httpd: invalid option -- '${parsed.usage}'\nTry 'httpd --help' for more information.\n`);
        return 1;
      }
      const where = containerOf(ctx, docker);
      if ('bad' in parsed || !where) {
        const what = 'bad' in parsed ? ` ${parsed.bad}` : ' outside a running container';
        ctx.stderr(`httpd${what}: not simulated here (httpd -f -p [IP:]PORT -h HOME in a container is)\n`);
        return 1;
      }
      const taken = listenersOf(where.d, where.c).some(
        (x) => x.port === parsed.port && (x.ip === '' || parsed.ip === '' || x.ip === parsed.ip),
      );
      if (taken || (!parsed.foreground && !listen(where.d, where.c, parsed))) {
        ctx.stderr('httpd: bind: Address already in use\n');
        return 1;
      }
      if (parsed.foreground) {
        // Serving until stopped is the main process's (process.ts); run by hand it would never end.
        ctx.stderr('httpd -f: serving in the foreground of an exec is not simulated here (without -f it is)\n');
        return 1;
      }
      return 0;
    },
  };
}
