// Every command line of the seed articles, run in order in one session on a simulated host, with
// the few setup lines that put the host where the article's prompt was (its working directory,
// a Dockerfile, entering the nginx container). Each line must run: no "command not found", no
// syntax or internal error, and exit 0 — except the lines listed in NAMES_THE_ARTICLES_HOST,
// which name ids and paths of the article author's own machine and fail as they would on any
// other host.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../../src/host/sim-host.js';
import type { CommandIO } from '../../../src/shell/command.js';
import { SEED_COMMAND_LINES } from './seed-corpus.js';

/** Setup run before a seed line (by its `where`), and after it. */
const BEFORE: Record<string, string[]> = {
  '000:52': ['cd /root', `printf 'FROM ubuntu:20.04\\n\\nRUN echo "Hello world" > /tmp/newfile\\n' > Dockerfile`],
  '000:92': ['cd /var/lib/docker'],
  '000:183': ['cd /var/lib/docker/image/overlay2'],
  '003:23': [`cd $(dirname $(docker image inspect ubuntu:20.04 -f '{{.GraphDriver.Data.UpperDir}}'))`],
  '003:29': [`cd $(dirname $(docker image inspect hello-ubuntu -f '{{.GraphDriver.Data.UpperDir}}'))`],
  '003:148': ['docker exec -it nginx bash', 'cd /etc/nginx'],
  '003:162': ['docker exec -it nginx bash', 'cd /etc/nginx'],
};
const AFTER: Record<string, string[]> = {
  '003:88': ['exit'],
  '003:148': ['exit'],
  '003:162': ['exit'],
};

/** Lines naming the article author's ids and paths: on another host they do not exist. */
const NAMES_THE_ARTICLES_HOST: Record<string, string> = {
  '000:160': "the article's image ID",
  '000:203': "the article's ChainID",
  '000:225': 'the cd before it failed (the article’s ChainID)',
  '000:249': 'the article dropped a slash: layerdb/sha2566613b1…',
  '000:251': 'follows the failed cd',
  '000:254': 'follows the failed cd',
  '000:264': "the article's cache-id",
  '000:275': 'follows the failed cd',
  '000:278': 'follows the failed cd',
  '000:281': 'follows the failed cd',
  '001:72': 'no daemon.json until the learner writes one',
  '001:157': "the article's cache-id",
  '001:161': "the article's cache-id",
  '001:165': "the article's cache-id",
  '001:174': "the article's cache-id",
  '001:178': "the article's cache-id",
  '001:182': "the article's cache-id",
  '001:190': "the article's cache-id",
  '001:232': 'the legacy overlay driver is not in use (overlay2 is)',
  '001:245': 'the legacy overlay driver is not in use (overlay2 is)',
  '001:270': 'the legacy overlay driver is not in use (overlay2 is)',
  '003:182': 'a snap-installed Docker path on the article’s host',
  '003:202': 'a snap-installed Docker path on the article’s host',
};

describe('every seed command line on the simulated host', () => {
  it('runs in order, each as the article ran it', async () => {
    const host = createSimHost({ seed: 9, interactive: false });
    const failures: string[] = [];
    const run = async (line: string): Promise<{ code: number; out: string }> => {
      let out = '';
      const io: CommandIO = {
        stdin: new Uint8Array(0),
        stdout: (d) => void (out += String(d)),
        stderr: (d) => void (out += String(d)),
        // The articles' lines were typed at a terminal (`docker exec -it` needs one).
        stdinIsTerminal: true,
        stdoutIsTerminal: false,
      };
      const r = await host.session.run(line, io);
      return { code: r.exitCode, out };
    };
    for (const { where, line } of SEED_COMMAND_LINES) {
      for (const s of BEFORE[where] ?? []) await run(s);
      const { code, out } = await run(line);
      for (const s of AFTER[where] ?? []) await run(s);
      if (code === 127 || /syntax error|internal error/.test(out)) failures.push(`${where} ${line}: ${out.trim()}`);
      else if (code !== 0 && !(where in NAMES_THE_ARTICLES_HOST))
        failures.push(`${where} exited ${code}: ${line}\n${out.trim()}`);
      else if (code === 0 && where in NAMES_THE_ARTICLES_HOST)
        failures.push(`${where} is listed as failing but ran: ${line}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
