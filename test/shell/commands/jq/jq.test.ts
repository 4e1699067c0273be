// The simulated shell's jq (src/shell/commands/jq/index.ts): the lines learners type in the seeds, on JSON shaped
// as Docker writes it, the errors and exit statuses of the real jq 1.8.2, sequential calls, and how
// the WebAssembly module is loaded. Expected texts were checked against the real jq 1.8.2 command;
// jq-golden.test.ts holds a larger table recorded from it.
import { createHash } from 'node:crypto';
import { afterEach, assert, beforeAll, describe, expect, it } from 'vitest';
import { JQ_WASM_FILE, loadJqWasmBinary } from '../../../../src/io/jq-wasm-loader.js';
import {
  JQ_VERSION,
  preloadJq,
  runJq,
  setJqWasmSource,
  type JqReadFile,
} from '../../../../src/shell/commands/jq/index.js';

// ---------------------------------------------------------------------------------------------
// Docker-shaped fixtures

const hex = (seed: string): string => createHash('sha256').update(seed).digest('hex');

/** Go's encoding/json escapes <, > and & in strings; docker inspect prints that. */
const goJSON = (value: unknown, indent?: number): string =>
  JSON.stringify(value, null, indent).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const ROOT = '/var/lib/docker/overlay2';
const CACHE_IDS = Array.from({ length: 7 }, (_, i) => hex(`layer ${i}`)); // bottom first
const DIFF_IDS = Array.from({ length: 7 }, (_, i) => `sha256:${hex(`diff ${i}`)}`);
const MOUNT_ID = hex('nginx rw layer');
const IMAGE_ID = `sha256:${hex('nginx image')}`;
const CONTAINER_ID = hex('nginx container');
const LOWER = [`${ROOT}/${MOUNT_ID}-init/diff`, ...[...CACHE_IDS].reverse().map((id) => `${ROOT}/${id}/diff`)].join(
  ':',
);
const UPPER = `${ROOT}/${MOUNT_ID}/diff`;
const MERGED = `${ROOT}/${MOUNT_ID}/merged`;
const MAINTAINER = 'NGINX Docker Maintainers <docker-maint@nginx.com>';

/** `docker inspect nginx` for a running container named nginx: 4-space indent and a newline. */
const DOCKER_INSPECT_NGINX =
  goJSON(
    [
      {
        Id: CONTAINER_ID,
        Created: '2025-02-19T02:51:09.123456789Z',
        Path: '/docker-entrypoint.sh',
        Args: ['nginx', '-g', 'daemon off;'],
        State: { Status: 'running', Running: true, Paused: false, Pid: 4242, ExitCode: 0 },
        Image: IMAGE_ID,
        Name: '/nginx',
        RestartCount: 0,
        Driver: 'overlay2',
        Platform: 'linux',
        ExecIDs: null,
        GraphDriver: {
          Data: { LowerDir: LOWER, MergedDir: MERGED, UpperDir: UPPER, WorkDir: `${ROOT}/${MOUNT_ID}/work` },
          Name: 'overlay2',
        },
        Mounts: [],
        Config: {
          Hostname: CONTAINER_ID.slice(0, 12),
          ExposedPorts: { '80/tcp': {} },
          Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.27.4'],
          Cmd: ['nginx', '-g', 'daemon off;'],
          Image: 'nginx',
          Entrypoint: ['/docker-entrypoint.sh'],
          Labels: { maintainer: MAINTAINER },
          StopSignal: 'SIGQUIT',
        },
        NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] }, IPAddress: '172.17.0.2' },
      },
    ],
    4,
  ) + '\n';

/** `docker image inspect nginx`. */
const DOCKER_IMAGE_INSPECT_NGINX =
  goJSON(
    [
      {
        Id: IMAGE_ID,
        RepoTags: ['nginx:latest'],
        Architecture: 'amd64',
        Os: 'linux',
        Size: 191996719,
        GraphDriver: {
          Data: {
            LowerDir: CACHE_IDS.slice(0, -1)
              .reverse()
              .map((id) => `${ROOT}/${id}/diff`)
              .join(':'),
            MergedDir: `${ROOT}/${CACHE_IDS[6]}/merged`,
            UpperDir: `${ROOT}/${CACHE_IDS[6]}/diff`,
            WorkDir: `${ROOT}/${CACHE_IDS[6]}/work`,
          },
          Name: 'overlay2',
        },
        RootFS: { Type: 'layers', Layers: DIFF_IDS },
        Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
      },
    ],
    4,
  ) + '\n';

/** The reference store: json.Marshal, so compact and with no newline at the end. */
const REPOSITORIES_JSON = goJSON({ Repositories: { nginx: { 'nginx:latest': IMAGE_ID } } });
const REPOSITORIES_PATH = '/var/lib/docker/image/overlay2/repositories.json';

const DISK: Record<string, string> = { [REPOSITORIES_PATH]: REPOSITORIES_JSON };
const readFile: JqReadFile = (path) => DISK[path] ?? null;

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
/** The two lines jq adds to every command-line error. */
const DIE =
  'Use jq --help for help with command-line options,\n' +
  'or see the jq manpage, or online docs at https://jqlang.org\n';

beforeAll(() => {
  setJqWasmSource(loadJqWasmBinary);
});

// ---------------------------------------------------------------------------------------------

describe('loading the WebAssembly jq', () => {
  afterEach(() => setJqWasmSource(loadJqWasmBinary));

  it('loads jq.wasm on the first call only, and keeps it (timings printed)', async () => {
    let loads = 0;
    setJqWasmSource(async () => {
      loads++;
      return loadJqWasmBinary();
    });
    expect(loads).toBe(0); // nothing happens before the first jq

    const t0 = performance.now();
    expect(await runJq(['-r', '.[0].GraphDriver.Data.UpperDir'], DOCKER_INSPECT_NGINX)).toEqual(ok(`${UPPER}\n`));
    const cold = performance.now() - t0;

    const calls = 100;
    const tw = performance.now();
    for (let i = 0; i < calls; i++) await runJq(['.[0].GraphDriver.Data.LowerDir'], DOCKER_INSPECT_NGINX);
    const warming = (performance.now() - tw) / calls; // V8 still optimising jq's code meanwhile
    const t1 = performance.now();
    for (let i = 0; i < calls; i++) await runJq(['.[0].GraphDriver.Data.LowerDir'], DOCKER_INSPECT_NGINX);
    const warm = (performance.now() - t1) / calls;
    const t2 = performance.now();
    for (let i = 0; i < calls; i++) await runJq(['-r', '.[0].GraphDriver.Data.LowerDir'], DOCKER_INSPECT_NGINX);
    const warmRaw = (performance.now() - t2) / calls;

    expect(loads).toBe(1);
    console.log(
      `jq cold load + first call: ${cold.toFixed(1)} ms; next ${calls} calls: ` +
        `${warming.toFixed(2)} ms each; then per call: ${warm.toFixed(2)} ms (JSON output), ` +
        `${warmRaw.toFixed(2)} ms (-r, two runs)`,
    );
  });

  it('reads the jq.wasm that the jq-wasm package ships', async () => {
    const bytes = await loadJqWasmBinary();
    expect(JQ_WASM_FILE).toBe('jq.wasm');
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
    expect(bytes.length).toBeGreaterThan(500_000);
  });

  it('is jq 1.8.2', async () => {
    expect(JQ_VERSION).toBe('jq-1.8.2');
    expect(await runJq(['--version'], '')).toEqual(ok('jq-1.8.2\n'));
  });

  it('reports a module that cannot load as exit 127, and tries again on the next call', async () => {
    setJqWasmSource(() => Promise.reject(new Error('no jq.wasm here')));
    expect(await runJq(['.'], '1\n')).toEqual({
      stdout: '',
      stderr: 'jq: cannot load jq: no jq.wasm here\n',
      exitCode: 127,
    });
    setJqWasmSource(loadJqWasmBinary);
    expect(await runJq(['.'], '1\n')).toEqual(ok('1\n'));
  });

  it('preloadJq loads it ahead of the first call', async () => {
    let loads = 0;
    setJqWasmSource(async () => {
      loads++;
      return loadJqWasmBinary();
    });
    await preloadJq();
    expect(loads).toBe(1);
    expect(await runJq(['-n', '1+1'], '')).toEqual(ok('2\n'));
    expect(loads).toBe(1);
  });

  it("leaves the host process's exit code alone", async () => {
    const before = process.exitCode;
    try {
      process.exitCode = undefined;
      await runJq(['.foo'], '[1]\n'); // jq exits 5 inside
      expect(process.exitCode).toBeUndefined();
      process.exitCode = 3;
      await runJq(['.'], '1\n');
      expect(process.exitCode).toBe(3);
    } finally {
      process.exitCode = before;
    }
  });

  it('answers a jq that runs out of memory as the real one dies, and works again after', async () => {
    expect(await runJq(['def f: 1 + f; f'], '1\n')).toEqual({
      stdout: '',
      stderr: 'jq: error: cannot allocate memory\n',
      exitCode: 134, // the real jq aborts: 128 + SIGABRT
    });
    expect(await runJq(['-c', '[.[] * 2]'], '[1,2]\n')).toEqual(ok('[2,4]\n'));
  });
});

describe('the seed lines, on docker inspect output', () => {
  it("docker inspect nginx | jq '.[0].GraphDriver.Data.LowerDir'", async () => {
    expect(await runJq(['.[0].GraphDriver.Data.LowerDir'], DOCKER_INSPECT_NGINX)).toEqual(ok(`"${LOWER}"\n`));
  });

  it("docker inspect nginx | jq -r '.[0].GraphDriver.Data.UpperDir' (and MergedDir)", async () => {
    expect(await runJq(['-r', '.[0].GraphDriver.Data.UpperDir'], DOCKER_INSPECT_NGINX)).toEqual(ok(`${UPPER}\n`));
    expect(await runJq(['-r', '.[0].GraphDriver.Data.MergedDir'], DOCKER_INSPECT_NGINX)).toEqual(ok(`${MERGED}\n`));
  });

  it("jq -r LowerDir | tr ':' ' ' gives the -init layer first, then the image's layers top down", async () => {
    const { stdout } = await runJq(['-r', '.[0].GraphDriver.Data.LowerDir'], DOCKER_INSPECT_NGINX);
    const dirs = stdout.trimEnd().split(':');
    expect(dirs).toHaveLength(8);
    expect(dirs[0]).toBe(`${ROOT}/${MOUNT_ID}-init/diff`);
    expect(dirs[7]).toBe(`${ROOT}/${CACHE_IDS[0]}/diff`);
  });

  it('jq . on repositories.json, a file and as stdin', async () => {
    const pretty =
      '{\n' +
      '  "Repositories": {\n' +
      '    "nginx": {\n' +
      `      "nginx:latest": "${IMAGE_ID}"\n` +
      '    }\n' +
      '  }\n' +
      '}\n';
    expect(await runJq(['.', REPOSITORIES_PATH], '', { readFile })).toEqual(ok(pretty));
    expect(await runJq(['.'], REPOSITORIES_JSON)).toEqual(ok(pretty));
  });

  it("jq -r '.RootFS.Layers[]' on an image's inspect", async () => {
    const image = (await runJq(['.[0]'], DOCKER_IMAGE_INSPECT_NGINX)).stdout;
    expect(await runJq(['-r', '.RootFS.Layers[]'], image)).toEqual(ok(DIFF_IDS.map((d) => `${d}\n`).join('')));
    expect(await runJq(['-r', '.[0].RootFS.Layers | length'], DOCKER_IMAGE_INSPECT_NGINX)).toEqual(ok('7\n'));
  });

  it('jq -c', async () => {
    expect(await runJq(['-c', '.[0].RootFS'], DOCKER_IMAGE_INSPECT_NGINX)).toEqual(
      ok(`{"Type":"layers","Layers":[${DIFF_IDS.map((d) => `"${d}"`).join(',')}]}\n`),
    );
    expect(await runJq(['-c', '.[0].State'], DOCKER_INSPECT_NGINX)).toEqual(
      ok('{"Status":"running","Running":true,"Paused":false,"Pid":4242,"ExitCode":0}\n'),
    );
  });

  it('jq --arg', async () => {
    const filter = '.[] | select(.Name == "/" + $name) | .GraphDriver.Data.UpperDir';
    expect(await runJq(['-r', '--arg', 'name', 'nginx', filter], DOCKER_INSPECT_NGINX)).toEqual(ok(`${UPPER}\n`));
    expect(await runJq(['-r', '--arg', 'name', 'web', filter], DOCKER_INSPECT_NGINX)).toEqual(ok(''));
    expect(await runJq(['--argjson', 'n', '2', '-n', '$n * 21'], '')).toEqual(ok('42\n'));
  });

  it("decodes Go's \\u003c escapes as jq does", async () => {
    expect(await runJq(['-r', '.[0].Config.Labels.maintainer'], DOCKER_INSPECT_NGINX)).toEqual(ok(`${MAINTAINER}\n`));
  });

  it('a filter chain over the whole document', async () => {
    const filter = '.[0] | {name: .Name, pid: .State.Pid, layers: (.GraphDriver.Data.LowerDir | split(":") | length)}';
    expect(await runJq(['-c', filter], DOCKER_INSPECT_NGINX)).toEqual(ok('{"name":"/nginx","pid":4242,"layers":8}\n'));
  });
});

describe("jq's errors and exit statuses", () => {
  it('indexing an array with a name: exit 5, located at <stdin> and its line', async () => {
    // jq 1.6 and 1.7 print `Cannot index array with string "foo"`; 1.8 puts the key in parentheses.
    expect(await runJq(['.foo'], '[1]\n')).toEqual({
      stdout: '',
      stderr: 'jq: error (at <stdin>:1): Cannot index array with string ("foo")\n',
      exitCode: 5,
    });
    // printf '[1]' | jq .foo: no newline read yet, so line 0.
    expect((await runJq(['.foo'], '[1]')).stderr).toBe(
      'jq: error (at <stdin>:0): Cannot index array with string ("foo")\n',
    );
    expect((await runJq(['.[0].GraphDriver.Data.LowerDir.x'], DOCKER_INSPECT_NGINX)).stderr).toBe(
      `jq: error (at <stdin>:${DOCKER_INSPECT_NGINX.split('\n').length - 1}): Cannot index string with string ("x")\n`,
    );
  });

  it('the outputs before a runtime error are kept', async () => {
    expect(await runJq(['.[] | .foo'], '[{"foo":1}, 2]\n')).toEqual({
      stdout: '1\n',
      stderr: 'jq: error (at <stdin>:1): Cannot index number with string ("foo")\n',
      exitCode: 5,
    });
  });

  it('a file operand is named in the location', async () => {
    expect(await runJq(['.Repositories[0]', REPOSITORIES_PATH], '', { readFile })).toEqual({
      stdout: '',
      stderr: `jq: error (at ${REPOSITORIES_PATH}:0): Cannot index object with number (0)\n`,
      exitCode: 5,
    });
  });

  it('a filter that does not parse: exit 3 with jq 1.8 message and caret', async () => {
    expect(await runJq(['.[0'], '{}\n')).toEqual({
      stdout: '',
      stderr:
        "jq: error: syntax error, unexpected end of file, expecting '|' or ',' or ':' or ']' at <top-level>, line 1, column 3:\n" +
        '    .[0\n' +
        '      ^\n' +
        'jq: 1 compile error\n',
      exitCode: 3,
    });
    expect(await runJq(['$x'], '1\n')).toEqual({
      stdout: '',
      stderr: 'jq: error: $x is not defined at <top-level>, line 1, column 1:\n    $x\n    ^^\njq: 1 compile error\n',
      exitCode: 3,
    });
  });

  it('an unknown option: exit 2', async () => {
    expect(await runJq(['--bogus', '.'], '1\n')).toEqual({
      stdout: '',
      stderr: `jq: Unknown option --bogus\n${DIE}`,
      exitCode: 2,
    });
    expect((await runJq(['-rx', '.'], '1\n')).stderr).toBe(`jq: Unknown option -x\n${DIE}`);
  });

  it('a missing option parameter: exit 2, as jq words it', async () => {
    expect(await runJq(['.', '--indent'], '1\n')).toEqual({
      stdout: '',
      stderr: `jq: --indent takes one parameter\n${DIE}`,
      exitCode: 2,
    });
    expect((await runJq(['--arg', 'x'], '1\n')).stderr).toBe(
      `jq: --arg takes two parameters (e.g. --arg varname value)\n${DIE}`,
    );
    expect((await runJq(['--indent', '9', '.'], '1\n')).stderr).toBe(
      `jq: --indent takes a number between -1 and 7\n${DIE}`,
    );
  });

  it('input that is not JSON: exit 5', async () => {
    expect(await runJq(['.'], '{"a":1\n')).toEqual({
      stdout: '',
      stderr: 'jq: parse error: Unfinished JSON term at EOF at line 2, column 0\n',
      exitCode: 5,
    });
  });

  it('a missing file: exit 2, the other files still read', async () => {
    expect(await runJq(['-c', '.', '/nope.json', REPOSITORIES_PATH], '', { readFile })).toEqual({
      stdout: `${REPOSITORIES_JSON}\n`,
      stderr: 'jq: error: Could not open file /nope.json: No such file or directory\n',
      exitCode: 2,
    });
  });

  it('-e: 1 for a last output of null or false, 4 for none', async () => {
    expect((await runJq(['-e', '.[0].GraphDriver.Data.Nope'], DOCKER_INSPECT_NGINX)).exitCode).toBe(1);
    expect((await runJq(['-e', '.[0].State.Running'], DOCKER_INSPECT_NGINX)).exitCode).toBe(0);
    expect((await runJq(['-e', 'empty'], '1\n')).exitCode).toBe(4);
  });
});

describe("raw output keeps jq's exact whitespace", () => {
  it('-r: leading, trailing and empty strings', async () => {
    expect(await runJq(['-r', '.[]'], '["  a", "", "b  ", " "]\n')).toEqual(ok('  a\n\nb  \n \n'));
    expect(await runJq(['-r', '.'], '""\n')).toEqual(ok('\n'));
    expect(await runJq(['-r', '.[]'], '[{"a":1}, "x  "]\n')).toEqual(ok('{\n  "a": 1\n}\nx  \n'));
  });

  it('-j joins without newlines', async () => {
    expect(await runJq(['-j', '.[]'], '["  a", "b  ", 1, {"c":2}]\n')).toEqual(ok('  ab  1{\n  "c": 2\n}'));
  });

  it('-rc, --tab and --indent', async () => {
    expect(await runJq(['-rc', '.[0].RootFS.Type, .[0].RootFS'], DOCKER_IMAGE_INSPECT_NGINX)).toEqual(
      ok(`layers\n{"Type":"layers","Layers":[${DIFF_IDS.map((d) => `"${d}"`).join(',')}]}\n`),
    );
    expect(await runJq(['--tab', '.'], '{"a":[1]}\n')).toEqual(ok('{\n\t"a": [\n\t\t1\n\t]\n}\n'));
    expect(await runJq(['--indent', '1', '.'], '{"a":[1]}\n')).toEqual(ok('{\n "a": [\n  1\n ]\n}\n'));
  });
});

describe('many calls in a row', () => {
  it('carry no state from one call to the next', async () => {
    const lines: [string[], string][] = [
      [['-r', '.[0].GraphDriver.Data.UpperDir'], DOCKER_INSPECT_NGINX],
      [['.[0].GraphDriver.Data.UpperDir'], DOCKER_INSPECT_NGINX],
      [['-c', '.'], '{"b":1,"a":2}\n'],
      [['-S', '-c', '.'], '{"b":1,"a":2}\n'],
      [['--arg', 'x', 'one', '-n', '$x'], ''],
      [['-n', '$x'], ''],
      [['-e', '.'], 'null\n'],
      [['.'], 'null\n'],
      [['-s', '-c', '.'], '1 2 3\n'],
      [['-c', '.'], '1 2 3\n'],
      [['.foo'], '[1]\n'],
      [['-n', '[inputs]', '-c'], '1 2\n'],
      [['.[0'], '{}\n'],
      [['-j', '.[]'], '["a","b"]\n'],
    ];
    const first = [];
    for (const [args, stdin] of lines) first.push(await runJq(args, stdin));
    expect(first[0]).not.toEqual(first[1]);
    expect(first[2]).not.toEqual(first[3]);
    expect(first[4]).toEqual(ok('"one"\n'));
    expect(first[5]?.exitCode).toBe(3);
    expect(first[6]?.exitCode).toBe(1);
    expect(first[7]?.exitCode).toBe(0);
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < lines.length; k++) {
        const i = (k * 5 + round) % lines.length; // another order each round
        const [args, stdin] = lines[i] ?? [];
        assert(args !== undefined && stdin !== undefined);
        expect(await runJq(args, stdin)).toEqual(first[i]);
      }
    }
  });

  it('run one at a time when started together', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => runJq(['-n', '--argjson', 'i', String(i), '$i * $i'], '')),
    );
    expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 30 }, (_, i) => `${i * i}\n`));
  });
});

describe('the terminal', () => {
  it('colours JSON when stdout is the terminal, as jq does, unless -M', async () => {
    const coloured =
      '\x1b[1;39m{\x1b[0m\n  \x1b[1;34m"a"\x1b[0m\x1b[1;39m:\x1b[0m \x1b[0;32m"x"\x1b[0m\n\x1b[1;39m}\x1b[0m\n';
    expect(await runJq(['.'], '{"a":"x"}\n', { stdoutIsTerminal: true })).toEqual(ok(coloured));
    expect(await runJq(['-C', '.'], '{"a":"x"}\n')).toEqual(ok(coloured));
    expect(await runJq(['-M', '.'], '{"a":"x"}\n', { stdoutIsTerminal: true })).toEqual(ok('{\n  "a": "x"\n}\n'));
    expect(await runJq(['-r', '.a'], '{"a":"x"}\n', { stdoutIsTerminal: true })).toEqual(ok('x\n'));
  });

  it('no filter: `.` on piped input, the short usage when stdin is the terminal', async () => {
    expect(await runJq([], '{"a":1}\n')).toEqual(ok('{\n  "a": 1\n}\n'));
    const usage = await runJq([], '', { stdinIsTerminal: true });
    expect(usage.exitCode).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toMatch(/^jq - commandline JSON processor \[version 1\.8\.2\]\n\nUsage:\tjq \[options\]/);
    expect(usage.stderr).toMatch(/\}\n\nFor listing the command options, use jq --help\.\n$/);
  });
});
