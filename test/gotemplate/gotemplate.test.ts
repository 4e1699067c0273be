// Go's text/template as the docker CLI uses it. Expected outputs and error texts were checked
// against Go's own text/template (go1.19, docker 20.10's Go) and the sources of later releases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GoTemplate,
  GoTemplateError,
  goStruct,
  renderGoTemplate,
  type GoTemplateOptions,
} from '../../src/gotemplate/index.js';

/** `docker inspect c1` (trimmed to the fields lessons use), as the Engine API returns it. */
const container = {
  Id: 'f3a1c9d2e4b5a69788127c3b0d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70',
  Created: '2024-05-01T10:00:00.123456789Z',
  Path: 'sh',
  Args: ['-c', 'sleep 1000'],
  State: {
    Status: 'running',
    Running: true,
    Paused: false,
    Pid: 4242,
    ExitCode: 0,
    StartedAt: '2024-05-01T10:00:01Z',
    Health: null,
  },
  Image: 'sha256:1d34ffeaf190be23d3de5a8de0a436676b758f48f835c3a2d4768b798c15a7f1',
  Name: '/c1',
  RestartCount: 0,
  Driver: 'overlay2',
  Mounts: [
    {
      Type: 'volume',
      Name: 'data',
      Source: '/var/lib/docker/volumes/data/_data',
      Destination: '/data',
      Driver: 'local',
      Mode: 'z',
      RW: true,
      Propagation: '',
    },
    { Type: 'bind', Source: '/home/me/src', Destination: '/src', Mode: '', RW: false, Propagation: 'rprivate' },
  ],
  Config: {
    Hostname: 'f3a1c9d2e4b5',
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['sh', '-c', 'sleep 1000'],
    Image: 'alpine:3.19',
    Labels: { 'com.example.team': 'docs', maintainer: 'me' },
  },
  GraphDriver: {
    Data: {
      LowerDir: '/var/lib/docker/overlay2/4d5a-init/diff:/var/lib/docker/overlay2/9f1e/diff',
      MergedDir: '/var/lib/docker/overlay2/4d5a/merged',
      UpperDir: '/var/lib/docker/overlay2/4d5a/diff',
      WorkDir: '/var/lib/docker/overlay2/4d5a/work',
    },
    Name: 'overlay2',
  },
  NetworkSettings: {
    IPAddress: '172.17.0.2',
    Networks: { bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1' } },
  },
};

/** `docker image inspect alpine:3.19` (trimmed). */
const image = {
  Id: 'sha256:1d34ffeaf190be23d3de5a8de0a436676b758f48f835c3a2d4768b798c15a7f1',
  RepoTags: ['alpine:3.19'],
  Architecture: 'amd64',
  Os: 'linux',
  Size: 7382298,
  Config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
  RootFS: {
    Type: 'layers',
    Layers: [
      'sha256:d4fc045c9e3a848011de66f34b81f052d4f2c15a17bb196d637e526349601820',
      'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
    ],
  },
};

function render(template: string, data: unknown, options?: GoTemplateOptions): string {
  const r = renderGoTemplate(template, data, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.output;
}

function failure(template: string, data: unknown, options?: GoTemplateOptions): string {
  const r = renderGoTemplate(template, data, options);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.output)}`);
  return r.error.goMessage;
}

describe('the docker --format examples learners type, on inspect JSON', () => {
  const cases: [string, unknown, string][] = [
    ['{{.GraphDriver.Data.UpperDir}}', container, '/var/lib/docker/overlay2/4d5a/diff'],
    [
      '{{.GraphDriver.Name}}: {{.GraphDriver.Data.LowerDir}}',
      container,
      'overlay2: /var/lib/docker/overlay2/4d5a-init/diff:/var/lib/docker/overlay2/9f1e/diff',
    ],
    [
      '{{json .RootFS}}',
      image,
      '{"Layers":["sha256:d4fc045c9e3a848011de66f34b81f052d4f2c15a17bb196d637e526349601820","sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef"],"Type":"layers"}',
    ],
    ['{{index .RootFS.Layers 0}}', image, 'sha256:d4fc045c9e3a848011de66f34b81f052d4f2c15a17bb196d637e526349601820'],
    ['{{len .RootFS.Layers}}', image, '2'],
    ['{{range .RootFS.Layers}}{{println .}}{{end}}', image, `${image.RootFS.Layers[0]}\n${image.RootFS.Layers[1]}\n`],
    ['{{range $i, $l := .RootFS.Layers}}{{$i}}:{{slice $l 7 19}} {{end}}', image, '0:d4fc045c9e3a 1:5f70bf18a086 '],
    ['{{.State.Status}} {{.State.Pid}} {{.State.Running}}', container, 'running 4242 true'],
    [
      '{{range .Mounts}}{{.Type}} {{.Source}} -> {{.Destination}}{{if not .RW}} (ro){{end}}\n{{end}}',
      container,
      'volume /var/lib/docker/volumes/data/_data -> /data\nbind /home/me/src -> /src (ro)\n',
    ],
    ['{{join .Config.Cmd " "}}', container, 'sh -c sleep 1000'],
    ['{{.Config.Labels}}', container, 'map[com.example.team:docs maintainer:me]'],
    ['{{index .Config.Labels "com.example.team"}}', container, 'docs'],
    [
      '{{range $net, $cfg := .NetworkSettings.Networks}}{{$net}}={{$cfg.IPAddress}}{{end}}',
      container,
      'bridge=172.17.0.2',
    ],
    ['{{with .State.Health}}{{.Status}}{{else}}no healthcheck{{end}}', container, 'no healthcheck'],
    [
      '{{if eq .State.Status "running" "restarting"}}up{{else}}down{{end}} since {{.State.StartedAt}}',
      container,
      'up since 2024-05-01T10:00:01Z',
    ],
    [
      '{{.Architecture}}/{{.Os}} {{.Size}} bytes, tags {{join .RepoTags ", "}}',
      image,
      'amd64/linux 7382298 bytes, tags alpine:3.19',
    ],
    ['{{slice .Id 0 12}} {{printf "%.12s" .Image}}', container, 'f3a1c9d2e4b5 sha256:1d34f'],
    [
      '{{$c := .}}{{range .Config.Env}}{{$c.Name}} {{.}}{{end}}',
      container,
      '/c1 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ],
  ];
  it.each(cases)('%s', (template, data, expected) => expect(render(template, data)).toBe(expected));
});

describe('syntax: trim markers, comments, variables, pipelines, control structures', () => {
  it('trims spaces and newlines next to {{- and -}}, and drops comments', () => {
    expect(render('a  {{- .Name -}}  b|{{/* x */}}|{{- /* y */ -}}  |x\n  {{- 3 }}', container)).toBe('a/c1b|||x3');
    expect(render('x{{-3}}y', {})).toBe('x-3y');
  });
  it('declares and assigns variables, scoped to their block, with $ as the data', () => {
    expect(render('{{$x := .Name}}{{$x}}{{$x = "y"}} {{$x}} {{$.Driver}}', container)).toBe('/c1 y overlay2');
    expect(render('{{$x := 1}}{{if true}}{{$x = 2}}{{$y := 3}}{{end}}{{$x}}', {})).toBe('2');
  });
  it('pipes values as the last argument and evaluates parenthesised pipelines and chains', () => {
    expect(
      render('{{.Name | printf "%s!" | upper}} {{(index .Mounts 1).Type}} {{(.State).Pid | printf "%05d"}}', container),
    ).toBe('/C1! bind 04242');
  });
  it('chains if / else if / else and with / else', () => {
    const t = '{{if .Missing}}a{{else if .State.Paused}}b{{else if eq .State.Pid 4242}}c{{else}}d{{end}}';
    expect(render(t, container)).toBe('c');
    expect(render('{{with .Config}}{{.Image}}{{end}}|{{with .Nope}}x{{else}}none{{end}}', container)).toBe(
      'alpine:3.19|none',
    );
    expect(render('{{with .Nope}}a{{else with .Name}}{{.}}{{end}}', container)).toBe('/c1');
  });
  it('ranges over slices, maps (sorted keys), ints, with else, break and continue', () => {
    expect(render('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}', container)).toBe(
      'com.example.team=docs;maintainer=me;',
    );
    expect(render('{{range .Nope}}x{{else}}empty{{end}} {{range 3}}{{.}}{{end}}', container)).toBe('empty 012');
    expect(
      render(
        '{{range .Config.Cmd}}{{if eq . "-c"}}{{continue}}{{end}}{{if eq . "sleep 1000"}}{{break}}{{end}}{{.}}{{end}}',
        container,
      ),
    ).toBe('sh');
  });
  it('compares with and/or/not/eq/ne/lt/le/gt/ge, and/or short-circuiting', () => {
    expect(
      render(
        '{{and 1 0 "x"}}|{{or 0 "" "z"}}|{{not .Config.Env}}|{{ne .Name "x"}}|{{lt 1 2}}|{{le 2 2}}|{{gt "b" "a"}}|{{ge 1 2}}',
        container,
      ),
    ).toBe('0|z|false|true|true|true|true|false');
    expect(render('{{or .Name .Nope.Deeper.Still}}', container, { missingKey: 'error' })).toBe('/c1');
  });
  it('defines templates and calls them with {{template}} and {{block}}', () => {
    expect(
      render(
        '{{define "m"}}[{{.}}]{{end}}{{template "m" .Name}}{{range .Mounts}}{{template "m" .Type}}{{end}}',
        container,
      ),
    ).toBe('[/c1][volume][bind]');
    expect(render('{{block "b" .Driver}}<{{.}}>{{end}}', container)).toBe('<overlay2>');
  });
  it('accepts newlines inside actions and raw strings', () => {
    expect(render('{{if\n  .State.Running}}{{`raw\\n`}}{{end}}', container)).toBe('raw\\n');
  });
});

describe("error texts are Go's, wrapped the way docker prints them", () => {
  it('wraps both parse and execution errors in "template parsing error:" and keeps Go\'s text', () => {
    const parse = renderGoTemplate('{{foo}}', container);
    expect(!parse.ok && parse.error).toBeInstanceOf(GoTemplateError);
    expect(!parse.ok && parse.error.message).toBe('template parsing error: template: :1: function "foo" not defined');
    expect(!parse.ok && parse.error.phase).toBe('parse');
    const exec = renderGoTemplate('{{.Foo}}', container, { missingKey: 'error' });
    expect(!exec.ok && exec.error.message).toBe(
      'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
    expect(!exec.ok && exec.error.phase).toBe('exec');
  });

  const parseErrors: [string, string][] = [
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{.Foo-bar}}', "template: :1: bad character U+002D '-'"],
    ['{{.Name', 'template: :1: unclosed action'],
    ['{{.Name}', "template: :1: bad character U+007D '}'"],
    ['{{if .Name}}', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{range}}', 'template: :1: missing value for range'],
    ['{{if .Name}}a{{else}}b{{else}}c{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{.Name | 1}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{$x, $y := .Name}}', 'template: :1: too many declarations in command'],
    ['{{/* c }}', 'template: :1: unclosed comment'],
    ['{{/* c */ .Name}}', 'template: :1: comment ends before closing delimiter'],
    ['{{"\\q"}}', 'template: :1: invalid syntax'],
    ['{{"open}}', 'template: :1: unterminated quoted string'],
    ['{{1a}}', 'template: :1: bad number syntax: "1a"'],
    ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
    ['{{.Name)}}', 'template: :1: unexpected right paren'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{..Name}}', 'template: :1: unexpected . after term "."'],
    ['{{€}}', "template: :1: unrecognized character in action: U+20AC '€'"],
    ['line1\nline2 {{if}}', 'template: :2: missing value for if'],
  ];
  it.each(parseErrors)('parse error for %j', (template, expected) => {
    const r = GoTemplate.parse(template);
    expect(!r.ok && r.error.goMessage).toBe(expected);
  });

  const execErrors: [string, string][] = [
    ['{{.Foo}}', 'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"'],
    ['{{.State.Foo}}', 'template: :1:8: executing "" at <.State.Foo>: map has no entry for key "Foo"'],
    [
      '{{.State.Health.Status}}',
      'template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating interface {}.Status',
    ],
    ['{{.Name.Foo}}', 'template: :1:7: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type interface {}'],
    [
      '{{index .Config.Cmd 9}}',
      'template: :1:2: executing "" at <index .Config.Cmd 9>: error calling index: index out of range: 9',
    ],
    [
      '{{index .Config.Cmd 3}}',
      'template: :1:2: executing "" at <index .Config.Cmd 3>: error calling index: reflect: slice index out of range',
    ],
    [
      '{{index .Name "x"}}',
      'template: :1:2: executing "" at <index .Name "x">: error calling index: cannot index slice/array with type string',
    ],
    ['{{len .State.Pid}}', 'template: :1:2: executing "" at <len .State.Pid>: error calling len: len of type int'],
    ['{{printf}}', 'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0'],
    ['{{upper 5}}', 'template: :1:8: executing "" at <5>: expected string; found 5'],
    [
      '{{upper .State.Pid}}',
      'template: :1:14: executing "" at <.State.Pid>: wrong type for value; expected string; got int',
    ],
    ['{{"a" .Name}}', 'template: :1:2: executing "" at <"a">: can\'t give argument to non-function "a"'],
    ['{{nil}}', 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ['{{.Name 1}}', 'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments'],
    [
      '{{slice .Name 3 1}}',
      'template: :1:2: executing "" at <slice .Name 3 1>: error calling slice: invalid slice index: 3 > 1',
    ],
    ['{{range .Name}}{{end}}', 'template: :1:8: executing "" at <.Name>: range can\'t iterate over /c1'],
    [
      '{{template "x"}}{{define "x"}}{{.Foo}}{{end}}',
      'template: :1:32: executing "x" at <.Foo>: nil data; no entry for key "Foo"',
    ],
    ['a\nb {{.Nope}}', 'template: :2:4: executing "" at <.Nope>: map has no entry for key "Nope"'],
    [
      '{{eq .State.Pid "x"}}',
      'template: :1:2: executing "" at <eq .State.Pid "x">: error calling eq: incompatible types for comparison: int and string',
    ],
    [
      '{{range $i, $v := 3}}{{end}}',
      'template: :1:18: executing "" at <3>: can\'t use 3 to iterate over more than one variable',
    ],
    ['{{template "nope"}}', 'template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined'],
  ];
  it.each(execErrors)('execution error for %j (missingkey=error)', (template, expected) => {
    expect(failure(template, container, { missingKey: 'error' })).toBe(expected);
  });

  it("reports struct fields as Go does for typed data (docker's formatter contexts)", () => {
    const row = goStruct('*formatter.ContainerContext', { ID: 'f3a1c9d2e4b5', Names: 'c1' });
    expect(failure('{{.Foo}}', row)).toBe(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(failure('{{.ID 1}}', row)).toBe(
      'template: :1:2: executing "" at <.ID>: ID has arguments but cannot be invoked as function',
    );
    const withMethod = goStruct(
      '*formatter.ContainerContext',
      { Names: 'c1' },
      { methods: { Label: { params: ['string'], fn: (k: string) => `label ${k}` } } },
    );
    expect(render('{{.Label "com.example"}}', withMethod)).toBe('label com.example');
    expect(failure('{{.Label}}', withMethod)).toBe(
      'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
    );
  });

  it('prints <no value> for a missing map key under the default missingkey', () => {
    expect(render('{{.Foo}}|{{.Config.Labels.nope}}|{{index .Config.Labels "nope"}}', container)).toBe(
      '<no value>|<no value>|<no value>',
    );
  });
});

describe('docker CLI eras follow the Go release each was built with', () => {
  it('docker 20.10 (go1.19): no range over ints, no else-with, plain comparison error, old ")" error', () => {
    const old: GoTemplateOptions = { docker: '20.10' };
    expect(failure('{{range 3}}{{.}}{{end}}', container, old)).toBe(
      'template: :1:8: executing "" at <3>: range can\'t iterate over 3',
    );
    expect(failure('{{with .Name}}a{{else with .Nope}}b{{end}}', container, old)).toBe(
      'template: :1: unexpected <with> in else',
    );
    expect(failure('{{eq .State.Pid "x"}}', container, old)).toBe(
      'template: :1:2: executing "" at <eq .State.Pid "x">: error calling eq: incompatible types for comparison',
    );
    expect(failure('{{.Name)}}', container, old)).toBe('template: :1: unexpected ")" in command');
  });
  it('docker 25.0 (go1.21) join wants a []string; the latest CLI joins any slice or map', () => {
    expect(failure('{{join .Config.Cmd " "}}', container, { docker: '25.0' })).toBe(
      'template: :1:14: executing "" at <.Config.Cmd>: wrong type for value; expected []string; got []interface {}',
    );
    expect(render('{{join .Config.Labels ","}} [{{join .Nope ","}}]', container)).toBe('docs,me []');
    expect(failure('{{join .Name ","}}', container)).toBe(
      'template: :1:2: executing "" at <join .Name ",">: error calling join: expected slice, got string',
    );
  });
});

describe('the public API never throws', () => {
  it('turns runaway templates into errors instead of hanging or overflowing the stack', () => {
    expect(failure('{{range 100000000}}x{{end}}', {}, { maxSteps: 10_000 })).toMatch(
      /overlay-tutor: template execution exceeded 10000 steps$/,
    );
    expect(failure('{{define "r"}}{{template "r"}}{{end}}{{template "r"}}', {})).toBe(
      'template: :1:25: executing "r" at <{{template "r"}}>: exceeded maximum template depth (1000)',
    );
    expect(GoTemplate.parse('{{'.repeat(1) + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}}').ok).toBe(false);
  });

  const alphabet = [
    '{{',
    '}}',
    '{{- ',
    ' -}}',
    '{{/*',
    '*/',
    ' ',
    '\n',
    '.',
    'Name',
    '.State',
    '.Pid',
    '$',
    '$x',
    ':=',
    '=',
    '|',
    '(',
    ')',
    '"',
    '`',
    "'",
    'if',
    'else',
    'end',
    'range',
    'with',
    'define',
    'template',
    'block',
    'break',
    'continue',
    'nil',
    'true',
    '1',
    '-2',
    '1.5',
    '0x',
    'len',
    'index',
    'slice',
    'printf',
    '"%d"',
    'json',
    'eq',
    'and',
    'or',
    'not',
    'join',
    'split',
    ',',
    'é',
    '\\',
    'x',
  ];
  const arbTemplate = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((parts) => parts.join(''));
  const arbData = fc.oneof(fc.constant(container), fc.constant(image), fc.jsonValue());

  it("returns a result (ok or a GoTemplateError with docker's text) for random templates and data", () => {
    fc.assert(
      fc.property(arbTemplate, arbData, fc.constantFrom('20.10', '25.0', 'latest'), (template, data, docker) => {
        const r = renderGoTemplate(template, data, { docker: docker as GoTemplateOptions['docker'], maxSteps: 20_000 });
        if (r.ok) return typeof r.output === 'string';
        return (
          r.error instanceof GoTemplateError &&
          r.error.message.startsWith('template parsing error: template: ') &&
          !r.error.message.includes('overlay-tutor: ')
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings either', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (template) => {
        const r = renderGoTemplate(template, container, { maxSteps: 20_000 });
        return r.ok || r.error.message.startsWith('template parsing error: ');
      }),
      { numRuns: 2000 },
    );
  });
});
