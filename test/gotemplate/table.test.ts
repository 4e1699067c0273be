// How the docker CLI drives templates: list commands' --format (table directive, header row,
// tabwriter 10/1/3) and docker inspect's typed pass with raw-JSON fallback.
import { describe, expect, it } from 'vitest';
import { goStruct } from '../../src/gotemplate/index.js';
import {
  DOCKER_LISTS,
  displayWidth,
  dockerTemplateString,
  dockerTypedView,
  formatDockerInspect,
  formatDockerList,
  isTableFormat,
  tabwrite,
} from '../../src/gotemplate/table.js';

const images = [
  {
    Repository: 'alpine',
    Tag: '3.19',
    ID: '1d34ffeaf190',
    CreatedSince: '2 weeks ago',
    CreatedAt: '2024-04-17 10:00:00 +0000 UTC',
    Size: '7.38MB',
    Digest: '<none>',
  },
  {
    Repository: 'ubuntu',
    Tag: '24.04',
    ID: 'bf3dc08bfed0',
    CreatedSince: '',
    CreatedAt: '',
    Size: '76.2MB',
    Digest: '<none>',
  },
];
const history = [
  {
    ID: '1d34ffeaf190',
    CreatedSince: '2 weeks ago',
    CreatedAt: '2024-04-17T10:00:00Z',
    CreatedBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]',
    Size: '0B',
    Comment: '',
  },
  {
    ID: '<missing>',
    CreatedSince: '2 weeks ago',
    CreatedAt: '2024-04-17T09:59:59Z',
    CreatedBy: '/bin/sh -c #(nop) ADD file:d0764a717d1e9d0a in / ',
    Size: '7.38MB',
    Comment: '',
  },
];

describe('format strings are pre-processed like formatter.Format.templateString', () => {
  it('drops the table prefix, trims spaces and turns the two characters \\t and \\n into tab and newline', () => {
    expect(dockerTemplateString('table {{.Repository}}\\t{{.Tag}} ')).toBe('{{.Repository}}\t{{.Tag}}');
    expect(dockerTemplateString('{{.ID}}\\n')).toBe('{{.ID}}\n');
    expect(dockerTemplateString('json')).toBe('{{json .}}');
    expect(dockerTemplateString('table')).toBe('');
    expect(isTableFormat('table {{.ID}}')).toBe(true);
    expect(isTableFormat('{{.ID}} table')).toBe(false);
  });
});

describe('docker images / history / ps --format', () => {
  it('prints a header row from the column names and aligns columns with tabwriter (padding 3, min width 10)', () => {
    const r = formatDockerList('table {{.Repository}}\\t{{.Tag}}', images, DOCKER_LISTS.images);
    expect(r.error).toBeUndefined();
    expect(r.output).toBe('REPOSITORY   TAG\nalpine       3.19\nubuntu       24.04\n');
  });
  it('uses the default table for --format table (N/A for an unknown creation time)', () => {
    expect(formatDockerList('table', images, DOCKER_LISTS.images).output).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE',
        'alpine       3.19      1d34ffeaf190   2 weeks ago   7.38MB',
        'ubuntu       24.04     bf3dc08bfed0   N/A           76.2MB',
        '',
      ].join('\n'),
    );
  });
  it('prints one line per row without a header for a non-table format', () => {
    const r = formatDockerList('{{.ID}}: {{.CreatedBy}}', history, DOCKER_LISTS.history);
    expect(r.output).toBe(
      '1d34ffeaf190: /bin/sh -c #(nop)  CMD ["/bin/sh"]\n<missing>: /bin/sh -c #(nop) ADD file:d0764a717d1e9d0a in / \n',
    );
  });
  it('names history columns as the CLI does', () => {
    const r = formatDockerList(
      'table {{.ID}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}',
      history,
      DOCKER_LISTS.history,
    );
    expect(r.output.split('\n')[0]).toBe(
      'IMAGE          CREATED BY                                          SIZE      COMMENT',
    );
  });
  it('keeps header names intact under json/upper/lower/title/split/join/truncate, but pads with pad', () => {
    const r = formatDockerList(
      'table {{upper .Repository}}\\t{{json .Tag}}\\t{{truncate .ID 4}}|{{pad .Size 1 1}}|',
      images.slice(0, 1),
      DOCKER_LISTS.images,
    );
    expect(r.output).toBe('REPOSITORY   TAG       IMAGE ID| SIZE |\nALPINE       "3.19"    1d34| 7.38MB |\n');
  });
  it('prints <no value> in the header for a column the header does not know, even with no rows', () => {
    expect(formatDockerList('table {{.Nope}}', [], DOCKER_LISTS.images).output).toBe('<no value>\n');
  });
  it('fails the whole listing with the row type in the error when a field does not exist', () => {
    const r = formatDockerList('table {{.Repository}}\\t{{.Foo}}', images, DOCKER_LISTS.images);
    expect(r.output).toBe('');
    expect(r.error?.message).toBe(
      'template parsing error: template: :1:18: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext',
    );
  });
  it('reports a format that does not parse', () => {
    expect(formatDockerList('{{.ID', images, DOCKER_LISTS.images).error?.message).toBe(
      'template parsing error: template: :1: unclosed action',
    );
  });
  it("prints {{json .}} of a row as a map with sorted keys and < > & escaped, as the CLI's MarshalJSON does", () => {
    const r = formatDockerList('json', images.slice(0, 1), DOCKER_LISTS.images);
    expect(r.output).toBe(
      '{"CreatedAt":"2024-04-17 10:00:00 +0000 UTC","CreatedSince":"2 weeks ago","Digest":"\\u003cnone\\u003e","ID":"1d34ffeaf190","Repository":"alpine","Size":"7.38MB","Tag":"3.19"}\n',
    );
  });
  it("calls row methods such as ps's .Label and the header's Label", () => {
    const row = goStruct(
      '*formatter.ContainerContext',
      { ID: 'f3a1c9d2e4b5', Names: 'web' },
      { methods: { Label: { params: ['string'], fn: () => 'docs' } } },
    );
    const r = formatDockerList('table {{.Names}}\\t{{.Label "com.example.team-name"}}', [row], DOCKER_LISTS.ps);
    expect(r.output).toBe('NAMES     team name\nweb       docs\n');
  });
});

describe('tabwriter', () => {
  it('restarts alignment after a line without tabs and never pads the last cell', () => {
    expect(tabwrite('a\tbb\tc\nlonger cell\tx\n\nno tabs\nq\tw\n')).toBe(
      'a             bb        c\nlonger cell   x\n\nno tabs\nq         w\n',
    );
  });
  it("measures wide characters as two columns, as docker's go-runewidth copy does", () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(tabwrite('名前\tx\nabcdefghijkl\ty\n')).toBe('名前           x\nabcdefghijkl   y\n');
  });
});

/** docker inspect JSON for one container (trimmed). */
const c1 = {
  Id: 'f3a1c9d2e4b5',
  Name: '/c1',
  State: { Status: 'running', Running: true, Pid: 4242, Health: null },
  Config: { Cmd: ['sh', '-c', 'sleep 1000'], Labels: { team: 'docs' } },
  GraphDriver: { Data: { UpperDir: '/var/lib/docker/overlay2/4d5a/diff' }, Name: 'overlay2' },
  RootFS: { Type: 'layers', Layers: ['sha256:d4fc', 'sha256:5f70'] },
};

describe('docker inspect --format: typed pass, then the raw JSON with missingkey=error', () => {
  it('prints one line per element', () => {
    const r = formatDockerInspect('{{.GraphDriver.Data.UpperDir}}', [
      c1,
      { ...c1, GraphDriver: { Data: { UpperDir: '/u2' }, Name: 'overlay2' } },
    ]);
    expect(r).toEqual({ output: '/var/lib/docker/overlay2/4d5a/diff\n/u2\n', exitCode: 0 });
  });
  it("prints structs in field order, as the CLI's typed structs do", () => {
    expect(formatDockerInspect('{{json .RootFS}}|{{.State}}|{{.State.Health}}', [c1]).output).toBe(
      '{"Type":"layers","Layers":["sha256:d4fc","sha256:5f70"]}|{running true 4242 <nil>}|<nil>\n',
    );
  });
  it('treats label maps as maps: a missing label is <no value>, or "" through index', () => {
    expect(
      formatDockerInspect('{{.Config.Labels.nope}}|{{index .Config.Labels "nope"}}|{{.Config.Labels.team}}', [c1])
        .output,
    ).toBe('<no value>||docs\n');
  });
  it("reports a missing field with the raw pass's text, prints an empty line and exits 1", () => {
    const r = formatDockerInspect('{{.Foo}}', [c1]);
    expect(r.output).toBe('\n');
    expect(r.exitCode).toBe(1);
    expect(r.error?.message).toBe(
      'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
  });
  it('keeps the output of elements that worked and joins the errors of those that did not', () => {
    const r = formatDockerInspect('{{.State.Health.Status}}', [
      { ...c1, State: { ...c1.State, Health: { Status: 'healthy' } } },
      c1,
    ]);
    expect(r.output).toBe('healthy\n');
    expect(r.error?.message).toBe(
      'template parsing error: template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating interface {}.Status',
    );
  });
  it('exits 64 when the format does not parse', () => {
    expect(formatDockerInspect('{{.Id', [c1])).toMatchObject({ output: '', exitCode: 64 });
  });
  it('joins string arrays even for docker 25.0, whose join only takes a []string', () => {
    expect(formatDockerInspect('{{join .Config.Cmd " "}}', [c1], { docker: '25.0' }).output).toBe('sh -c sleep 1000\n');
  });
  it('builds the typed view without changing the input', () => {
    const copy = structuredClone(c1);
    dockerTypedView(c1);
    expect(c1).toEqual(copy);
  });
});
