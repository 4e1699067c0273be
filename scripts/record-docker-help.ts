// Records what the real docker 20.10 CLI prints for `docker --help` and every command's and
// subcommand's `--help`, asked of a private dockerd (help hides what the daemon does not
// support), into two files:
// - test/docker/fixtures/docker-help.json: every text as printed (the tests compare with it);
// - src/shell/commands/docker/help-texts.ts: what the simulator prints from. A management
//   command's lists of subcommands are cut out (the command table supplies them: "@management",
//   "@commands"), and a command that only repeats another under a second name (docker ps =
//   docker container ls) is stored as "=<the other's path>".
// Run as root with docker.io installed: node --import tsx scripts/record-docker-help.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRealDocker } from '../test/support/real-docker.js';
import { helpAlias } from '../src/shell/commands/docker/help.js';

const ROOT = join(import.meta.dirname, '..');

function listed(help: string, heading: string): string[] {
  const out: string[] = [];
  let on = false;
  for (const line of help.split('\n')) {
    if (line === heading) on = true;
    else if (line === '') on = false;
    else if (on) out.push(line.trim().split(/\s+/)[0] as string);
  }
  return out;
}

/** The lines under a heading, up to the blank line, become one marker line. */
const cutList = (help: string, heading: string, marker: string): string =>
  help.replace(new RegExp(`(^|\\n)${heading}\\n(  .*\\n)+`), `$1${heading}\n${marker}\n`);

const d = await startRealDocker();
if (typeof d === 'string') throw new Error(`dockerd did not start: ${d}`);
try {
  const texts: Record<string, string> = {};
  const walk = async (path: string[]): Promise<void> => {
    // HOME and an unset DOCKER_CONFIG: the defaults it prints name /root/.docker, as on the host.
    const r = await d.docker([...path, '--help'], { env: { HOME: '/root', DOCKER_CONFIG: '' } });
    if (r.code !== 0) throw new Error(`docker ${path.join(' ')} --help: ${r.stderr}`);
    texts[path.join(' ')] = r.stdout;
    for (const sub of [...listed(r.stdout, 'Management Commands:'), ...listed(r.stdout, 'Commands:')])
      await walk([...path, sub]);
  };
  await walk([]);
  writeFileSync(join(ROOT, 'test/docker/fixtures/docker-help.json'), `${JSON.stringify(texts, null, 2)}\n`);

  const stored: Record<string, string> = {};
  const canonical = new Map<string, string>();
  for (const [path, text] of Object.entries(texts)) {
    if (/^(Management )?Commands:$/m.test(text)) {
      stored[path] = cutList(cutList(text, 'Management Commands:', '@management'), 'Commands:', '@commands');
      continue;
    }
    const key = text
      .split(`docker ${path} `)
      .join('docker @ ')
      .replace(/\nAliases:\n.*\n/, '');
    const other = canonical.get(key);
    if (other !== undefined && helpAlias(texts[other] as string, other, path) === text) stored[path] = `=${other}`;
    else {
      stored[path] = text;
      canonical.set(key, path);
    }
  }
  const body = Object.entries(stored)
    .map(([k, v]) => `  ${JSON.stringify(k)}:\n    ${JSON.stringify(v)},`)
    .join('\n');
  writeFileSync(
    join(ROOT, 'src/shell/commands/docker/help-texts.ts'),
    `// What docker 20.10.24's CLI prints for \`docker [COMMAND...] --help\`, recorded from the real CLI by
// scripts/record-docker-help.ts (do not edit by hand; see there for "@commands" and "=path").
// '' is \`docker --help\`.
export const DOCKER_HELP: Record<string, string> = {
${body}
};
`,
  );
  console.log(`${Object.keys(texts).length} help texts`);
} finally {
  await d.stop();
}
