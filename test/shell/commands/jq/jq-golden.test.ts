// Golden answers of the real jq 1.8.2 command (Debian's jq 1.8.2-1: the same upstream release as
// the pinned jq-wasm build), recorded once for each case from a directory holding FILES and DIRS:
// [argv, stdin, stdout, stderr, exit status]. runJq must answer exactly the same, byte for byte.
//
// To check the table against a real jq again, point JQ_REFERENCE at a jq 1.8.2 binary: every case
// is then also run through it and must still match the table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJqWasmBinary } from '../../../../src/io/jq-wasm-loader.js';
import { runJq, setJqWasmSource, type JqReadFile } from '../../../../src/shell/commands/jq/index.js';

const FILES: Record<string, string> = {
  'a.json': '[1]\n',
  'b.json': '{"x": "hi"}\n{"x": 2}\n',
  'bad.json': '{"a":1}\n{"b":',
  'prog.jq': '.x\n',
  'many.json': '1\n2\n3\n',
  'ws.txt': '  hello  \n',
};
const DIRS = ['adir'];

/** A small `docker image inspect`-shaped array, as docker prints it (4-space indent, newline). */
const INSPECT =
  '[\n    {\n        "Id": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",\n        "RepoTags": [\n            "nginx:latest"\n        ],\n        "GraphDriver": {\n            "Data": {\n                "LowerDir": "/var/lib/docker/overlay2/l1/diff:/var/lib/docker/overlay2/l2/diff",\n                "MergedDir": "/m",\n                "UpperDir": "/var/lib/docker/overlay2/u/diff",\n                "WorkDir": "/w"\n            },\n            "Name": "overlay2"\n        },\n        "RootFS": {\n            "Type": "layers",\n            "Layers": [\n                "sha256:1",\n                "sha256:2"\n            ]\n        },\n        "Size": 1,\n        "Big": 12345678901234567000,\n        "Flt": 1.5\n    }\n]\n';

type Case = [args: string[], stdin: string, stdout: string, stderr: string, exitCode: number];

// prettier-ignore
const CASES: Case[] = [
  [
    ['.[0].GraphDriver.Data.LowerDir'],
    INSPECT,
    '"/var/lib/docker/overlay2/l1/diff:/var/lib/docker/overlay2/l2/diff"\n',
    '',
    0,
  ],
  [['-r', '.[0].GraphDriver.Data.UpperDir'], INSPECT, '/var/lib/docker/overlay2/u/diff\n', '', 0],
  [
    ['.'],
    INSPECT,
    '[\n  {\n    "Id": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",\n    "RepoTags": [\n      "nginx:latest"\n    ],\n    "GraphDriver": {\n      "Data": {\n        "LowerDir": "/var/lib/docker/overlay2/l1/diff:/var/lib/docker/overlay2/l2/diff",\n        "MergedDir": "/m",\n        "UpperDir": "/var/lib/docker/overlay2/u/diff",\n        "WorkDir": "/w"\n      },\n      "Name": "overlay2"\n    },\n    "RootFS": {\n      "Type": "layers",\n      "Layers": [\n        "sha256:1",\n        "sha256:2"\n      ]\n    },\n    "Size": 1,\n    "Big": 12345678901234567000,\n    "Flt": 1.5\n  }\n]\n',
    '',
    0,
  ],
  [
    ['-c', '.'],
    INSPECT,
    '[{"Id":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","RepoTags":["nginx:latest"],"GraphDriver":{"Data":{"LowerDir":"/var/lib/docker/overlay2/l1/diff:/var/lib/docker/overlay2/l2/diff","MergedDir":"/m","UpperDir":"/var/lib/docker/overlay2/u/diff","WorkDir":"/w"},"Name":"overlay2"},"RootFS":{"Type":"layers","Layers":["sha256:1","sha256:2"]},"Size":1,"Big":12345678901234567000,"Flt":1.5}]\n',
    '',
    0,
  ],
  [
    ['-S', '.[0]'],
    INSPECT,
    '{\n  "Big": 12345678901234567000,\n  "Flt": 1.5,\n  "GraphDriver": {\n    "Data": {\n      "LowerDir": "/var/lib/docker/overlay2/l1/diff:/var/lib/docker/overlay2/l2/diff",\n      "MergedDir": "/m",\n      "UpperDir": "/var/lib/docker/overlay2/u/diff",\n      "WorkDir": "/w"\n    },\n    "Name": "overlay2"\n  },\n  "Id": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",\n  "RepoTags": [\n    "nginx:latest"\n  ],\n  "RootFS": {\n    "Layers": [\n      "sha256:1",\n      "sha256:2"\n    ],\n    "Type": "layers"\n  },\n  "Size": 1\n}\n',
    '',
    0,
  ],
  [
    ['--tab', '.[0].RootFS'],
    INSPECT,
    '{\n\t"Type": "layers",\n\t"Layers": [\n\t\t"sha256:1",\n\t\t"sha256:2"\n\t]\n}\n',
    '',
    0,
  ],
  [
    ['--indent', '1', '.[0].RootFS'],
    INSPECT,
    '{\n "Type": "layers",\n "Layers": [\n  "sha256:1",\n  "sha256:2"\n ]\n}\n',
    '',
    0,
  ],
  [
    ['--indent', '0', '.[0].RootFS'],
    INSPECT,
    '{\n"Type": "layers",\n"Layers": [\n"sha256:1",\n"sha256:2"\n]\n}\n',
    '',
    0,
  ],
  [
    ['--indent', '9', '.'],
    INSPECT,
    '',
    'jq: --indent takes a number between -1 and 7\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [['-r', '.[0].RootFS.Layers[]'], INSPECT, 'sha256:1\nsha256:2\n', '', 0],
  [['-j', '.[0].RootFS.Layers[]'], INSPECT, 'sha256:1sha256:2', '', 0],
  [['-rc', '.[0].RootFS'], INSPECT, '{"Type":"layers","Layers":["sha256:1","sha256:2"]}\n', '', 0],
  [
    ['-cr', '.[0].RootFS, .[0].Id'],
    INSPECT,
    '{"Type":"layers","Layers":["sha256:1","sha256:2"]}\nsha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n',
    '',
    0,
  ],
  [
    ['--arg', 'n', 'nginx:latest', '.[] | select(.RepoTags[0] == $n) | .Id'],
    INSPECT,
    '"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"\n',
    '',
    0,
  ],
  [['--argjson', 'k', '{"a":[1,2]}', '-n', '$k'], '', '{\n  "a": [\n    1,\n    2\n  ]\n}\n', '', 0],
  [
    ['--argjson', 'k', '{bad', '-n', '$k'],
    '',
    '',
    'jq: invalid JSON text passed to --argjson\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [['-n', '$ARGS', '--arg', 'a', 'b', '-c'], '', '{"positional":[],"named":{"a":"b"}}\n', '', 0],
  [['.foo'], '[1]\n', '', 'jq: error (at <stdin>:1): Cannot index array with string ("foo")\n', 5],
  [['.foo'], '[1]', '', 'jq: error (at <stdin>:0): Cannot index array with string ("foo")\n', 5],
  [
    ['.foo'],
    '[1]\n[2]\n',
    '',
    'jq: error (at <stdin>:1): Cannot index array with string ("foo")\njq: error (at <stdin>:2): Cannot index array with string ("foo")\n',
    5,
  ],
  [['.[] | .foo'], '[{"foo":1}, 2]\n', '1\n', 'jq: error (at <stdin>:1): Cannot index number with string ("foo")\n', 5],
  [
    ['.[0'],
    '{}\n',
    '',
    "jq: error: syntax error, unexpected end of file, expecting '|' or ',' or ':' or ']' at <top-level>, line 1, column 3:\n    .[0\n      ^\njq: 1 compile error\n",
    3,
  ],
  [
    ['.a |'],
    '{}\n',
    '',
    'jq: error: syntax error, unexpected end of file at <top-level>, line 1, column 4:\n    .a |\n       ^\njq: 1 compile error\n',
    3,
  ],
  [
    ['$x'],
    '1\n',
    '',
    'jq: error: $x is not defined at <top-level>, line 1, column 1:\n    $x\n    ^^\njq: 1 compile error\n',
    3,
  ],
  [
    ['{'],
    '1\n',
    '',
    'jq: error: syntax error, unexpected end of file at <top-level>, line 1, column 1:\n    {\n    ^\njq: 1 compile error\n',
    3,
  ],
  [
    ['--bogus', '.'],
    '1\n',
    '',
    'jq: Unknown option --bogus\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['-x', '.'],
    '1\n',
    '',
    'jq: Unknown option -x\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['-rx', '.'],
    '1\n',
    '',
    'jq: Unknown option -x\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['.', '--indent'],
    '1\n',
    '',
    'jq: --indent takes one parameter\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['--arg', 'x'],
    '1\n',
    '',
    'jq: --arg takes two parameters (e.g. --arg varname value)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['--argjson'],
    '1\n',
    '',
    'jq: --argjson takes two parameters (e.g. --argjson varname text)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['--rawfile', 'a'],
    '1\n',
    '',
    'jq: --rawfile takes two parameters (e.g. --rawfile varname filename)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [
    ['-L'],
    '1\n',
    '',
    '-L takes a parameter: (e.g. -L /search/path or -L/search/path)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [['--version'], '', 'jq-1.8.2\n', '', 0],
  [['-V'], '', 'jq-1.8.2\n', '', 0],
  [
    ['-h'],
    '',
    'jq - commandline JSON processor [version 1.8.2]\n\nUsage:\tjq [options] <jq filter> [file...]\n\tjq [options] --args <jq filter> [strings...]\n\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\njq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter\'s results as JSON on\nstandard output.\n\nThe simplest filter is ., which copies jq\'s input to its output\nunmodified except for formatting. For more advanced filters see\nthe jq(1) manpage ("man jq") and/or https://jqlang.org/.\n\nExample:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t  "foo": 0\n\t}\n\nCommand options:\n  -n, --null-input          use `null` as the single input value;\n  -R, --raw-input           read each line as string instead of JSON;\n  -s, --slurp               read all inputs into an array and use it as\n                            the single input value;\n  -c, --compact-output      compact instead of pretty-printed output;\n  -r, --raw-output          output strings without escapes and quotes;\n      --raw-output0         implies -r and output NUL after each output;\n  -j, --join-output         implies -r and output without newline after\n                            each output;\n  -a, --ascii-output        output strings by only ASCII characters\n                            using escape sequences;\n  -S, --sort-keys           sort keys of each object on output;\n  -C, --color-output        colorize JSON output;\n  -M, --monochrome-output   disable colored output;\n      --tab                 use tabs for indentation;\n      --indent n            use n spaces for indentation (max 7 spaces);\n      --unbuffered          flush output stream after each output;\n      --stream              parse the input value in streaming fashion;\n      --stream-errors       implies --stream and report parse error as\n                            an array;\n      --seq                 parse input/output as application/json-seq;\n  -f, --from-file           load the filter from a file;\n  -L, --library-path dir    search modules from the directory;\n      --arg name value      set $name to the string value;\n      --argjson name value  set $name to the JSON value;\n      --slurpfile name file set $name to an array of JSON values read\n                            from the file;\n      --rawfile name file   set $name to string contents of file;\n      --args                consume remaining arguments as positional\n                            string values;\n      --jsonargs            consume remaining arguments as positional\n                            JSON values;\n  -e, --exit-status         set exit status code based on the output;\n  -V, --version             show the version;\n  --build-configuration     show jq\'s build configuration;\n  -h, --help                show the help;\n  --                        terminates argument processing;\n\nNamed arguments are also available as $ARGS.named[], while\npositional arguments are available as $ARGS.positional[].\n',
    '',
    0,
  ],
  [
    ['--help', '--bogus'],
    '',
    'jq - commandline JSON processor [version 1.8.2]\n\nUsage:\tjq [options] <jq filter> [file...]\n\tjq [options] --args <jq filter> [strings...]\n\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\njq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter\'s results as JSON on\nstandard output.\n\nThe simplest filter is ., which copies jq\'s input to its output\nunmodified except for formatting. For more advanced filters see\nthe jq(1) manpage ("man jq") and/or https://jqlang.org/.\n\nExample:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t  "foo": 0\n\t}\n\nCommand options:\n  -n, --null-input          use `null` as the single input value;\n  -R, --raw-input           read each line as string instead of JSON;\n  -s, --slurp               read all inputs into an array and use it as\n                            the single input value;\n  -c, --compact-output      compact instead of pretty-printed output;\n  -r, --raw-output          output strings without escapes and quotes;\n      --raw-output0         implies -r and output NUL after each output;\n  -j, --join-output         implies -r and output without newline after\n                            each output;\n  -a, --ascii-output        output strings by only ASCII characters\n                            using escape sequences;\n  -S, --sort-keys           sort keys of each object on output;\n  -C, --color-output        colorize JSON output;\n  -M, --monochrome-output   disable colored output;\n      --tab                 use tabs for indentation;\n      --indent n            use n spaces for indentation (max 7 spaces);\n      --unbuffered          flush output stream after each output;\n      --stream              parse the input value in streaming fashion;\n      --stream-errors       implies --stream and report parse error as\n                            an array;\n      --seq                 parse input/output as application/json-seq;\n  -f, --from-file           load the filter from a file;\n  -L, --library-path dir    search modules from the directory;\n      --arg name value      set $name to the string value;\n      --argjson name value  set $name to the JSON value;\n      --slurpfile name file set $name to an array of JSON values read\n                            from the file;\n      --rawfile name file   set $name to string contents of file;\n      --args                consume remaining arguments as positional\n                            string values;\n      --jsonargs            consume remaining arguments as positional\n                            JSON values;\n  -e, --exit-status         set exit status code based on the output;\n  -V, --version             show the version;\n  --build-configuration     show jq\'s build configuration;\n  -h, --help                show the help;\n  --                        terminates argument processing;\n\nNamed arguments are also available as $ARGS.named[], while\npositional arguments are available as $ARGS.positional[].\n',
    '',
    0,
  ],
  [['.'], '{"a":1\n', '', 'jq: parse error: Unfinished JSON term at EOF at line 2, column 0\n', 5],
  [['.'], '{"a":1} {', '{\n  "a": 1\n}\n', 'jq: parse error: Unfinished JSON term at EOF at line 1, column 9\n', 5],
  [['.'], '', '', '', 0],
  [['.'], '\n\n', '', '', 0],
  [[], '{"a":1}\n', '{\n  "a": 1\n}\n', '', 0],
  [['-r', '.[]'], '["  a", "", "b  ", " "]\n', '  a\n\nb  \n \n', '', 0],
  [['-r', '.[]'], '["", " "]\n', '\n \n', '', 0],
  [['-r', '.'], '"  lead"\n', '  lead\n', '', 0],
  [['-j', '.[]'], '["  a", "b  ", 1, {"c":2}]\n', '  ab  1{\n  "c": 2\n}', '', 0],
  [['-r', '.[]'], '[{"a":1}, "x  "]\n', '{\n  "a": 1\n}\nx  \n', '', 0],
  [['-r', '.[]'], '["x", {"a":" "}]\n', 'x\n{\n  "a": " "\n}\n', '', 0],
  [['-ra', '.[]'], '[" é ", 1]\n', '" \\u00e9 "\n1\n', '', 0],
  [['-a', '.'], '" é "\n', '" \\u00e9 "\n', '', 0],
  [['--raw-output0', '.[]'], '["a", " b "]\n', 'a\u0000 b \u0000', '', 0],
  [
    ['--seq', '.[]'],
    '[1, [2]]\n',
    '',
    'jq: ignoring parse error: Unfinished abandoned text at EOF at line 2, column 0\n',
    0,
  ],
  [
    ['--seq', '-r', '.[]'],
    '[" a ", [2]]\n',
    '',
    'jq: ignoring parse error: Unfinished abandoned text at EOF at line 2, column 0\n',
    0,
  ],
  [['-r', '.[] | error'], '["x"]\n', '', 'jq: error (at <stdin>:1): x\n', 5],
  [['-r', '.[]'], '["a\\n\\n"]\n', 'a\n\n\n', '', 0],
  [['-e', '.'], 'null\n', 'null\n', '', 1],
  [['-e', '.'], 'false\n', 'false\n', '', 1],
  [['-e', '.'], '1\n', '1\n', '', 0],
  [['-e', 'empty'], '1\n', '', '', 4],
  [['-e', '.a'], '{"a":true}\n', 'true\n', '', 0],
  [['-s', '-c', '.'], '1 2 3\n', '[1,2,3]\n', '', 0],
  [['-n', '[inputs]', '-c'], '1 2 3\n', '[1,2,3]\n', '', 0],
  [['-n', 'input'], '1 2\n', '1\n', '', 0],
  [['-R', '.'], 'a b\nc\n', '"a b"\n"c"\n', '', 0],
  [['-Rs', '.'], 'a b\nc\n', '"a b\\nc\\n"\n', '', 0],
  [['halt_error'], '"bye\\n"\n', '', 'bye\n', 5],
  [['halt_error(1)'], '{"a":1}\n', '', '{"a":1}\n', 1],
  [['error("custom")'], '1\n', '', 'jq: error (at <stdin>:1): custom\n', 5],
  [['error'], '{"a":1}\n', '', 'jq: error (at <stdin>:1) (not a string): {"a":1}\n', 5],
  [['error(null)'], '1\n', '', 'jq: error (at <stdin>:1) (not a string): null\n', 5],
  [['debug'], '1\n', '1\n', '["DEBUG:",1]\n', 0],
  [['.a.b.c'], '{"a":"s"}\n', '', 'jq: error (at <stdin>:1): Cannot index string with string ("b")\n', 5],
  [
    ['.[] | tonumber'],
    '["1","x"]\n',
    '1\n',
    'jq: error (at <stdin>:1): string ("x") cannot be parsed as a number\n',
    5,
  ],
  [['keys'], '1\n', '', 'jq: error (at <stdin>:1): number (1) has no keys\n', 5],
  [
    ['1/0'],
    '1\n',
    '',
    'jq: error (at <stdin>:1): number (1) and number (0) cannot be divided because the divisor is zero\n',
    5,
  ],
  [['.x', 'a.json'], '', '', 'jq: error (at a.json:1): Cannot index array with string ("x")\n', 5],
  [['.foo', 'a.json'], '', '', 'jq: error (at a.json:1): Cannot index array with string ("foo")\n', 5],
  [['.', 'nofile.json'], '', '', 'jq: error: Could not open file nofile.json: No such file or directory\n', 2],
  [
    ['.', 'nofile.json', 'a.json'],
    '',
    '[\n  1\n]\n',
    'jq: error: Could not open file nofile.json: No such file or directory\n',
    2,
  ],
  [['.', 'bad.json'], '', '{\n  "a": 1\n}\n', 'jq: parse error: Unfinished JSON term at EOF at line 2, column 5\n', 5],
  [['.x', 'b.json'], '', '"hi"\n2\n', '', 0],
  [
    ['.foo', 'b.json', 'a.json'],
    '',
    'null\nnull\n',
    'jq: error (at a.json:1): Cannot index array with string ("foo")\n',
    5,
  ],
  [
    ['.foo', 'many.json'],
    '',
    '',
    'jq: error (at many.json:1): Cannot index number with string ("foo")\njq: error (at many.json:2): Cannot index number with string ("foo")\njq: error (at many.json:3): Cannot index number with string ("foo")\n',
    5,
  ],
  [['-f', 'prog.jq', 'b.json'], '', '"hi"\n2\n', '', 0],
  [['-f', 'nofile.jq'], '', '', 'jq: Could not open nofile.jq: No such file or directory\n', 2],
  [['-f', 'adir'], '', '', "jq: Could not open adir: It's a directory\n", 2],
  [['.', 'adir'], '', '', 'jq: error: Is a directory\n', 2],
  [['-n', '--rawfile', 'r', 'ws.txt', '$r'], '', '"  hello  \\n"\n', '', 0],
  [['-n', '--slurpfile', 's', 'b.json', '$s', '-c'], '', '[{"x":"hi"},{"x":2}]\n', '', 0],
  [
    ['-n', '--slurpfile', 's', 'bad.json', '$s'],
    '',
    '',
    'jq: Bad JSON in --slurpfile s bad.json: Unfinished JSON term at EOF at line 2, column 5\n',
    2,
  ],
  [
    ['-n', '--rawfile', 'r', 'nofile', '$r'],
    '',
    '',
    'jq: Bad JSON in --rawfile r nofile: Could not open nofile: No such file or directory\n',
    2,
  ],
  [
    ['-n', '--slurpfile', 's', 'nofile', '$s'],
    '',
    '',
    'jq: Bad JSON in --slurpfile s nofile: Could not open nofile: No such file or directory\n',
    2,
  ],
  [['.[0].Big, .[0].Flt, .[0].Size'], INSPECT, '12345678901234567000\n1.5\n1\n', '', 0],
  [['.[0].Big + 1'], INSPECT, '12345678901234567000\n', '', 0],
  [['-S', '-c', '.'], '{"b":1,"a":{"d":1,"c":2}}\n', '{"a":{"c":2,"d":1},"b":1}\n', '', 0],
  [['--stream', '-c', '.'], '{"a":[1]}\n', '[["a",0],1]\n[["a",0]]\n[["a"]]\n', '', 0],
  [['-n', '"\\u00e9"'], '', '"é"\n', '', 0],
  [['-r', '@csv'], '[1,"a,b"]\n', '1,"a,b"\n', '', 0],
  [['-r', '@sh'], '["a b"]\n', "'a b'\n", '', 0],
  [['-r', '@base64d'], '"aGk="\n', 'hi\n', '', 0],
  [['test("A"; "i")'], '"a"\n', 'true\n', '', 0],
  [['[.[] | ascii_downcase]', '-c'], '["A"]\n', '["a"]\n', '', 0],
  [['-n', '[limit(3; repeat(1))]', '-c'], '', '[1,1,1]\n', '', 0],
  [['-n', 'now | type'], '', '"number"\n', '', 0],
  [['-n', '$__loc__', '-c'], '', '{"file":"<top-level>","line":1}\n', '', 0],
  [['-n', '"\\(1+2)"'], '', '"3"\n', '', 0],
  [['getpath(["a","b"])'], '{"a":null}\n', 'null\n', '', 0],
  [['to_entries', '-c'], '{"a":1}\n', '[{"key":"a","value":1}]\n', '', 0],
  [['paths', '-c'], '{"a":[1]}\n', '["a"]\n["a",0]\n', '', 0],
  [['--', '-1'], '1\n', '-1\n', '', 0],
  [['-n', '--', '-1'], '', '-1\n', '', 0],
  [['.', '-'], '1\n', '1\n', '', 0],
  [['-n', '-r', '"a\\u0000b"'], '', 'a\u0000b\n', '', 0],
  [
    ['--raw-output0', '.'],
    '"a\\u0000b"\n',
    '',
    'jq: error (at <stdin>:1): Cannot dump a string containing NUL with --raw-output0 option\n',
    5,
  ],
  [
    ['-C', '.'],
    '{"a":1}\n',
    '\u001b[1;39m{\u001b[0m\n  \u001b[1;34m"a"\u001b[0m\u001b[1;39m:\u001b[0m \u001b[0;39m1\u001b[0m\n\u001b[1;39m}\u001b[0m\n',
    '',
    0,
  ],
  [
    ['-C', '.'],
    '{"a":[1,"x",null,true,{"b":1.5}]}\n',
    '\u001b[1;39m{\u001b[0m\n  \u001b[1;34m"a"\u001b[0m\u001b[1;39m:\u001b[0m \u001b[1;39m[\u001b[0m\n    \u001b[0;39m1\u001b[0m\u001b[1;39m,\u001b[0m\n    \u001b[0;32m"x"\u001b[0m\u001b[1;39m,\u001b[0m\n    \u001b[0;90mnull\u001b[0m\u001b[1;39m,\u001b[0m\n    \u001b[0;39mtrue\u001b[0m\u001b[1;39m,\u001b[0m\n    \u001b[1;39m{\u001b[0m\n      \u001b[1;34m"b"\u001b[0m\u001b[1;39m:\u001b[0m \u001b[0;39m1.5\u001b[0m\n    \u001b[1;39m}\u001b[0m\n  \u001b[1;39m]\u001b[0m\n\u001b[1;39m}\u001b[0m\n',
    '',
    0,
  ],
  [
    ['-C', '-r', '.[]'],
    '[" x ", [1], "y "]\n',
    ' x \n\u001b[1;39m[\u001b[0m\n  \u001b[0;39m1\u001b[0m\n\u001b[1;39m]\u001b[0m\ny \n',
    '',
    0,
  ],
  [['-CM', '.'], '[1]\n', '[\n  1\n]\n', '', 0],
  [
    ['.foo', '-', 'a.json'],
    '[2]\n',
    '',
    'jq: error (at <stdin>:1): Cannot index array with string ("foo")\njq: error (at a.json:1): Cannot index array with string ("foo")\n',
    5,
  ],
  [
    ['.foo', 'b.json', 'many.json'],
    '',
    'null\nnull\n',
    'jq: error (at many.json:1): Cannot index number with string ("foo")\njq: error (at many.json:2): Cannot index number with string ("foo")\njq: error (at many.json:3): Cannot index number with string ("foo")\n',
    5,
  ],
  [
    ['.x', 'many.json', 'b.json'],
    '',
    '"hi"\n2\n',
    'jq: error (at many.json:1): Cannot index number with string ("x")\njq: error (at many.json:2): Cannot index number with string ("x")\njq: error (at many.json:3): Cannot index number with string ("x")\n',
    0,
  ],
  [['-n', 'input, input', 'a.json'], '', '[\n  1\n]\n', 'jq: error (at a.json:1): break\n', 5],
  [['-n', 'input'], '', '', 'jq: error (at <stdin>:0): break\n', 5],
  [['-n', '[inputs]'], '', '[]\n', '', 0],
  [
    ['--stream-errors', '-c', '.'],
    '{"a":[1,\n',
    '[["a",0],1]\n["Unfinished JSON term at EOF at line 2, column 0",["a",1]]\n',
    '',
    0,
  ],
  [['--seq', '-c', '.'], '\u001e{"a":1}\n\u001e[2]\n', '\u001e{"a":1}\n\u001e[2]\n', '', 0],
  [['-e', 'error("x")'], '1\n', '', 'jq: error (at <stdin>:1): x\n', 5],
  [['halt'], '1\n', '', '', 0],
  [['-r', '.'], '"😀 ünï"\n', '😀 ünï\n', '', 0],
  [['-a', '.'], '"😀 ünï"\n', '"\\ud83d\\ude00 \\u00fcn\\u00ef"\n', '', 0],
  [['-c', 'splits(", ")'], '"a, b"\n', '"a"\n"b"\n', '', 0],
  [['.[] as [$a] | $a'], '[[1],[2]]\n', '1\n2\n', '', 0],
  [['-r', '.[]'], '["\\t tab", "cr\\r", "\\u00a0nbsp"]\n', '\t tab\ncr\r\n nbsp\n', '', 0],
  [['-r', '.[]'], '["\\u2028x"]\n', ' x\n', '', 0],
  [['-j', '.'], '"  "\n', '  ', '', 0],
  [['-r', 'empty'], '1\n', '', '', 0],
  [['-r', '.[]'], '[]\n', '', '', 0],
  [['@json "x\\(.)"', '-r'], '[1]\n', 'x[1]\n', '', 0],
  [
    ['-n', '"\\(1;2)"'],
    '',
    '',
    "jq: error: syntax error, unexpected ';', expecting QQSTRING_INTERP_END or '|' or ',' at <top-level>, line 1, column 5:\n    \"\\(1;2)\"\n        ^\njq: 1 compile error\n",
    3,
  ],
  [
    ['.a = '],
    '{}\n',
    '',
    'jq: error: syntax error, unexpected end of file at <top-level>, line 1, column 5:\n    .a = \n        ^\njq: 1 compile error\n',
    3,
  ],
  [
    ['if . then 1'],
    '1\n',
    '',
    "jq: error: syntax error, unexpected end of file at <top-level>, line 1, column 11:\n    if . then 1\n              ^\njq: error: Possibly unterminated 'if' statement at <top-level>, line 1, column 1:\n    if . then 1\n    ^^^^^^^^^^^\njq: 2 compile errors\n",
    3,
  ],
  [['def f: f; 1'], '1\n', '1\n', '', 0],
  [['reduce .[] as $x (0; . + $x)'], '[1,2,3]\n', '6\n', '', 0],
  [['--indent', '7', '.'], '{"a":[1]}\n', '{\n       "a": [\n              1\n       ]\n}\n', '', 0],
  [['--indent', '-1', '.'], '{"a":[1]}\n', '{\n\t"a": [\n\t\t1\n\t]\n}\n', '', 0],
  [
    ['--indent', 'x', '.'],
    '{"a":[1]}\n',
    '',
    'jq: --indent takes a number between -1 and 7\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n',
    2,
  ],
  [['--tab', '-c', '.'], '{"a":[1]}\n', '{"a":[1]}\n', '', 0],
  [['-c', '--tab', '.'], '{"a":[1]}\n', '{\n\t"a": [\n\t\t1\n\t]\n}\n', '', 0],
  [['--argjson', 'a', '1', '--argjson', 'a', '2', '-n', '$a'], '', '1\n', '', 0],
  [
    ['-n', '$__prog_args'],
    '',
    '',
    'jq: error: $__prog_args is not defined at <top-level>, line 1, column 1:\n    $__prog_args\n    ^^^^^^^^^^^^\njq: 1 compile error\n',
    3,
  ],
  [['--arg', 'a', '1', '-n', '$ARGS.named'], '', '{\n  "a": "1"\n}\n', '', 0],
  [['-s', '.'], '', '[]\n', '', 0],
  [['-s', '-R', '.'], '', '""\n', '', 0],
  [['-R', '.'], 'no newline', '"no newline"\n', '', 0],
  [['.'], '1 2\n3', '1\n2\n3\n', '', 0],
  [['.'], 'nan\n', 'null\n', '', 0],
  [
    ['.'],
    '[NaN, 1e1000, -0, 0.10, 100000000000000000001]\n',
    '[\n  null,\n  1E+1000,\n  -0,\n  0.10,\n  100000000000000000001\n]\n',
    '',
    0,
  ],
  [['error("(at /dev/stdin:1) x")'], '1\n', '', 'jq: error (at <stdin>:1): (at /dev/stdin:1) x\n', 5],
  [['.[] | error'], '[{"a":1}]\n', '', 'jq: error (at <stdin>:1) (not a string): {"a":1}\n', 5],
  [['-n', 'get_search_list', '-c'], '', '["~/.jq","$ORIGIN/../lib/jq","$ORIGIN/../lib"]\n', '', 0],
];

const readFile: JqReadFile = (path) => (DIRS.includes(path) ? { error: 'Is a directory' } : (FILES[path] ?? null));

const reference = process.env.JQ_REFERENCE;
let referenceDir = '';

beforeAll(() => {
  setJqWasmSource(loadJqWasmBinary);
  if (reference) {
    referenceDir = mkdtempSync(join(tmpdir(), 'jq-golden-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(referenceDir, name), text);
    for (const name of DIRS) mkdirSync(join(referenceDir, name));
  }
});

afterAll(() => {
  if (referenceDir) rmSync(referenceDir, { recursive: true, force: true });
});

describe('runJq answers as the real jq 1.8.2 does', () => {
  it.each(CASES.map((c) => [JSON.stringify(c[0]), c] as const))('jq %s', async (_name, c) => {
    const [args, stdin, stdout, stderr, exitCode] = c;
    const want = { stdout, stderr, exitCode };
    expect(await runJq(args, stdin, { readFile })).toEqual(want);
    if (reference) {
      const real = spawnSync(reference, args, { input: stdin, cwd: referenceDir, encoding: 'utf8' });
      expect({ stdout: real.stdout, stderr: real.stderr, exitCode: real.status }).toEqual(want);
    }
  });
});
