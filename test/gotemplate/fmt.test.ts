// Go's fmt as templates see it (print, printf, println and the default formatting of {{.}}), and
// the docker CLI's functions. Expected strings were produced by Go's own text/template.
import { describe, expect, it } from 'vitest';
import { GoFloat, goMarshalJson, goSprintf, goStruct, renderGoTemplate } from '../../src/gotemplate/index.js';

const data = {
  Name: '/web',
  Pid: 4242,
  Neg: -7,
  Size: 1.5,
  Ratio: 0.000012,
  Big: 123456789,
  Ok: true,
  Nil: null,
  Env: ['PATH=/usr/bin', 'A=1'],
  Labels: { b: 'two', a: '1' },
  Mounts: [{ Type: 'bind', RW: false }],
  Mixed: [1, 'x', null, 2.5],
  Uni: 'héllo 日本',
  Empty: [],
};

function out(template: string, d: unknown = data): string {
  const r = renderGoTemplate(template, d);
  if (!r.ok) throw new Error(r.error.message);
  return r.output;
}

describe('printf formats values with Go verbs, flags, width and precision', () => {
  const cases: [string, string][] = [
    ['{{printf "%s|%q|%v|%x|%X|%T" .Name .Name .Name .Name .Name .Name}}', '/web|"/web"|/web|2f776562|2F776562|string'],
    [
      '{{printf "%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%O|%b|%c|%q|%U|%#U" .Pid .Pid .Pid .Neg .Pid .Pid .Pid .Pid .Pid 8 8 8 5 65 65 9731 9731}}',
      "4242| 4242|4242 |-0007|+4242| 4242|1092|1092|0x1092|10|010|0o10|101|A|'A'|U+2603|U+2603 '☃'",
    ],
    [
      '{{printf "%v|%g|%e|%E|%f|%.2f|%8.3f|%-8.1f|%+.1e|%G" .Size .Ratio .Big .Ratio .Size .Size .Size .Size .Ratio 1e-10}}',
      '1.5|1.2e-05|%!e(int=123456789)|1.200000E-05|1.500000|1.50|   1.500|1.5     |+1.2e-05|1E-10',
    ],
    [
      '{{printf "%v %v %v %v %v %v" 1e6 123456.0 1234567.0 0.0001 0.00001 100.0}}',
      '1e+06 123456 1.234567e+06 0.0001 1e-05 100',
    ],
    ['{{printf "%.0f %.0f %.0f %.1f %.2f" 0.5 1.5 2.5 0.25 2.675}}', '0 2 2 0.2 2.67'],
    [
      '{{printf "%b|%x|%.3x|%#g|%#.3v" 1.0 1.5 3.14159 2.0 1.0}}',
      '4503599627370496p-52|0x1.8p+00|0x1.922p+01|2.00000|1',
    ],
    [
      '{{printf "%v|%+v|%#v" .Labels .Labels .Labels}}',
      'map[a:1 b:two]|map[a:1 b:two]|map[string]interface {}{"a":"1", "b":"two"}',
    ],
    [
      '{{printf "%v|%d|%s|%q|%#v" .Env .Env .Env .Env .Env}}',
      '[PATH=/usr/bin A=1]|[%!d(string=PATH=/usr/bin) %!d(string=A=1)]|[PATH=/usr/bin A=1]|["PATH=/usr/bin" "A=1"]|[]interface {}{"PATH=/usr/bin", "A=1"}',
    ],
    [
      '{{printf "%v|%#v|%s|%d" .Mixed .Mixed .Mixed .Mixed}}',
      '[1 x <nil> 2.5]|[]interface {}{1, "x", interface {}(nil), 2.5}|[%!s(int=1) x <nil> %!s(float64=2.5)]|[1 %!d(string=x) <nil> %!d(float64=2.5)]',
    ],
    [
      '{{printf "%v|%+v|%#v" .Mounts .Mounts .Mounts}}',
      '[map[RW:false Type:bind]]|[map[RW:false Type:bind]]|[]interface {}{map[string]interface {}{"RW":false, "Type":"bind"}}',
    ],
    ['{{printf "%v|%s|%d|%#v|%T" .Nil .Nil .Nil .Nil .Nil}}', '<nil>|%!s(<nil>)|%!d(<nil>)|<nil>|<nil>'],
    ['{{printf "%t|%v|%s|%d" .Ok .Ok .Ok .Ok}}', 'true|true|%!s(bool=true)|%!d(bool=true)'],
    [
      '{{printf "%6.2s|%-6s|%06s|%.1q|%x|% x|%#x" "hello" "é" "ab" .Uni .Uni "hi" "hi"}}',
      '    he|é     |0000ab|"h"|68c3a96c6c6f20e697a5e69cac|68 69|0x6869',
    ],
    [
      '{{printf "%5v|%-5v|%05v" .Env .Env .Mixed}}',
      '[PATH=/usr/bin   A=1]|[PATH=/usr/bin A=1  ]|[00001 0000x <nil> 002.5]',
    ],
    ['{{printf "%v %v" .Empty (slice .Env 0 0)}}', '[] []'],
  ];
  it.each(cases)('%s', (template, expected) => expect(out(template)).toBe(expected));
});

describe('printf reports misuse the way Go does, inside the output', () => {
  const cases: [string, string][] = [
    ['{{printf "%d %s"}}', '%!d(MISSING) %!s(MISSING)'],
    ['{{printf "%d" 1 2 "x"}}', '1%!(EXTRA int=2, string=x)'],
    ['{{printf "%!|%z|%" 1}}', '%!!(int=1)|%!z(MISSING)|%!(NOVERB)'],
    ['{{printf "%[2]v %[1]v|%[3]v" "a" "b"}}', 'b a|%!v(BADINDEX)'],
    ['{{printf "%*d|%-*d|%.*f|%*d" 4 7 4 7 2 3.14159 "x" 1}}', '   7|7   |3.14|%!(BADWIDTH)1'],
  ];
  it.each(cases)('%s', (template, expected) => expect(out(template)).toBe(expected));
});

describe('print, println and {{.}} use Go default formatting', () => {
  it('puts spaces between operands only when neither is a string (print) and always (println)', () => {
    expect(out('{{print 1 2 "a" "b" 3 .Nil}}|{{println 1 "a" .Nil}}|{{print}}|{{print .Missing}}')).toBe(
      '1 2ab3 <nil>|1 a <nil>\n||<nil>',
    );
  });
  it('prints numbers from data and literals like Go: ints, float64 %g, hex/octal/binary/rune literals', () => {
    expect(
      out("{{.Size}} {{.Ratio}} {{.Big}} {{1e21}} {{1.0}} {{-0.5}} {{0x1F}} {{1_000}} {{0o17}} {{0b101}} {{'a'}}"),
    ).toBe('1.5 1.2e-05 123456789 1e+21 1 -0.5 31 1000 15 5 97');
  });
  it('prints maps sorted by key, slices in brackets, structs in braces, missing values as <no value>', () => {
    expect(out('{{.Labels}} {{.Env}} {{.Mounts}} {{.Missing}}')).toBe(
      'map[a:1 b:two] [PATH=/usr/bin A=1] [map[RW:false Type:bind]] <no value>',
    );
    const state = goStruct('container.State', { Status: 'running', Pid: 7, Health: null });
    expect(out('{{.}}|{{printf "%+v" .}}|{{.Health}}', state)).toBe(
      '{running 7 <nil>}|{Status:running Pid:7 Health:<nil>}|<nil>',
    );
  });
  it('keeps a float64 that happens to be whole a float when marked with GoFloat', () => {
    expect(out('{{.}}', new GoFloat(1e6))).toBe('1e+06');
    expect(out('{{.}}', 1e6)).toBe('1000000');
  });
  it('sorts map keys in Go byte order, not JS UTF-16 order', () => {
    expect(out('{{.}}', { '\u{1F600}': 1, '\uFF5E': 2, a: 3 })).toBe('map[a:3 ～:2 😀:1]');
  });
  it('exposes Sprintf for other modules', () => {
    expect(goSprintf('%-6s|%3d|%v', ['ab', 7, [1, 'x']])).toBe('ab    |  7|[1 x]');
  });
});

describe('json serialises like Go encoding/json with SetEscapeHTML(false), as docker does', () => {
  it('is compact, sorts map keys, keeps struct field order and does not escape <>&', () => {
    expect(out('{{json .Labels}} {{json .Mixed}} {{json .Nil}} {{json .Env}}')).toBe(
      '{"a":"1","b":"two"} [1,"x",null,2.5] null ["PATH=/usr/bin","A=1"]',
    );
    expect(out('{{json .}}', goStruct('T', { Z: '<a&b>', A: 1 }))).toBe('{"Z":"<a&b>","A":1}');
  });
  it('escapes control characters and U+2028 like Go 1.22+ (\\b, \\f) and like Go 1.19 for docker 20.10', () => {
    const s = { S: 'a"\\\n\t\b\f\u0001\u2028é' };
    expect(out('{{json .S}}', s)).toBe('"a\\"\\\\\\n\\t\\b\\f\\u0001\\u2028é"');
    const old = renderGoTemplate('{{json .S}}', s, { docker: '20.10' });
    expect(old.ok && old.output).toBe('"a\\"\\\\\\n\\t\\u0008\\u000c\\u0001\\u2028é"');
  });
  it('HTML-escapes when used as json.Marshal', () => {
    expect(goMarshalJson({ b: '<x>&', a: [1.5, 1e21, 1e-7] })).toBe(
      '{"a":[1.5,1e+21,1e-7],"b":"\\u003cx\\u003e\\u0026"}',
    );
  });
});

describe('docker CLI functions', () => {
  it('split, join, title, lower, upper, pad and truncate behave like the CLI', () => {
    expect(
      out('{{split "a,b,,c" ","}}|{{join .Env ";"}}|{{title "hello wörld-x_y"}}|{{lower "ÀB"}}|{{upper .Name}}'),
    ).toBe('[a b  c]|PATH=/usr/bin;A=1|Hello Wörld-X_y|àb|/WEB');
    expect(
      out('[{{pad .Name 1 2}}][{{pad "" 3 3}}][{{truncate .Name 3}}][{{truncate "héllo" 2}}][{{truncate "ab" 9}}]'),
    ).toBe('[ /web  ][][/we][h\ufffd][ab]');
    expect(out('{{len (split "a:b:c" ":")}} {{index (split "x=y" "=") 1}}')).toBe('3 y');
  });
  it('html, js and urlquery escape like Go', () => {
    expect(out(`{{html "<a href=\\"x\\">&'"}}|{{js "a'b\\"c<d>=&"}}|{{urlquery "a b&c=d/é"}}`)).toBe(
      `&lt;a href=&#34;x&#34;&gt;&amp;&#39;|a\\'b\\"c\\u003Cd\\u003E\\u003D\\u0026|a+b%26c%3Dd%2F%C3%A9`,
    );
  });
  it('reports pad and truncate misuse as Go panics turned into errors', () => {
    const pad = renderGoTemplate('{{pad .Name -1 0}}', data);
    expect(!pad.ok && pad.error.goMessage).toBe(
      'template: :1:2: executing "" at <pad .Name -1 0>: error calling pad: strings: negative Repeat count',
    );
    const tr = renderGoTemplate('{{truncate .Name -1}}', data);
    expect(!tr.ok && tr.error.goMessage).toBe(
      'template: :1:2: executing "" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]',
    );
  });
});
