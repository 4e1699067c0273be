// docker inspect --format renders the CLI's typed structs: a nil slice or map of a known field
// prints as Go prints it ([] and map[], null in JSON), and time.Time prints in Go's String form.
// The expected texts are what a real docker 20.10 CLI printed for the same inspect JSON.
import { describe, expect, it } from 'vitest';
import { formatDockerInspect, goTimeText } from '../../src/gotemplate/table.js';

const image = {
  Id: 'sha256:abc',
  RepoTags: ['busybox-static:latest'],
  RepoDigests: [],
  Config: { Cmd: ['/bin/sh'], Entrypoint: null, OnBuild: null, Labels: null, Env: null, Healthcheck: null },
  Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
};

const render = (format: string, el: unknown = image): string => formatDockerInspect(format, [el]).output;

describe('typed nil fields and times in docker inspect --format', () => {
  it('prints a nil slice as [] and a nil map as map[], as real docker does', () => {
    expect(render('{{.Config.Entrypoint}} {{.Config.OnBuild}} {{.Config.Labels}}')).toBe('[] [] map[]\n');
    expect(render('{{.Config.Env}} {{len .Config.Entrypoint}} {{.Config.Cmd}}')).toBe('[] 0 [/bin/sh]\n');
  });

  it('keeps a nil pointer <nil> and a nil slice null in JSON', () => {
    expect(render('{{.Config.Healthcheck}}')).toBe('<nil>\n');
    expect(render('{{json .Config.Entrypoint}} {{json .Config.Labels}} {{json .RepoDigests}}')).toBe('null null []\n');
  });

  it('ranges over a nil slice or map as over an empty one', () => {
    expect(render('{{range .Config.Entrypoint}}x{{end}}{{range $k, $v := .Config.Labels}}y{{end}}.')).toBe('.\n');
    expect(render('{{if .Config.Labels}}some{{else}}none{{end}}')).toBe('none\n');
  });

  it("prints time.Time in Go's String() form and marshals it back to RFC 3339", () => {
    expect(render('{{.Metadata.LastTagTime}}')).toBe('0001-01-01 00:00:00 +0000 UTC\n');
    expect(render('{{json .Metadata.LastTagTime}}')).toBe('"0001-01-01T00:00:00Z"\n');
    expect(goTimeText('2026-12-06T18:33:51.120000000Z')).toBe('2026-12-06 18:33:51.12 +0000 UTC');
    expect(goTimeText('2026-12-06T18:33:51+08:00')).toBe('2026-12-06 18:33:51 +0800 +0800');
  });
});

describe('structs whose JSON leaves out empty fields', () => {
  it('a bind mount has an empty Name and Driver, in types.MountPoint field order (real docker 20.10)', () => {
    const c = {
      Mounts: [
        { Type: 'bind', Source: '/tmp', Destination: '/hostdir', Mode: '', RW: true, Propagation: 'rprivate' },
        {
          Type: 'volume',
          Name: 'vol1',
          Source: '/var/lib/docker/volumes/vol1/_data',
          Destination: '/data',
          Driver: 'local',
          Mode: 'z',
          RW: true,
          Propagation: '',
        },
      ],
    };
    expect(render('{{range .Mounts}}{{.Type}} {{.Name}} {{.Source}} {{.Driver}}|{{end}}', c)).toBe(
      'bind  /tmp |volume vol1 /var/lib/docker/volumes/vol1/_data local|\n',
    );
    expect(render('{{.Mounts}}', c)).toBe(
      '[{bind  /tmp /hostdir   true rprivate} {volume vol1 /var/lib/docker/volumes/vol1/_data /data local z true }]\n',
    );
  });
});
