// Go's json.Decoder errors for broken daemon.json files: each expected text is what a real dockerd
// 20.10 printed for the same file ("unable to configure the Docker daemon with file …: <text>").
import { describe, expect, it } from 'vitest';
import { goJsonDecodeError } from '../../src/docker/go-json-scan.js';

describe("Go's JSON decoder errors", () => {
  it.each([
    ['oops', "invalid character 'o' looking for beginning of value"],
    ['{"storage-driver": "overlay2",}', "invalid character '}' looking for beginning of object key string"],
    ['{"storage-driver" "x"}', `invalid character '"' after object key`],
    ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a": 1', 'unexpected EOF'],
    ['', 'EOF'],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a":"b\\q"}', "invalid character 'q' in string escape code"],
    ['{"a": 01}', "invalid character '1' after object key:value pair"],
    ['{,}', "invalid character ',' looking for beginning of object key string"],
  ])('%j', (text, message) => {
    expect(goJsonDecodeError(text)).toBe(message);
  });

  it('takes one well-formed value and ignores what follows it, as a Decoder does', () => {
    expect(goJsonDecodeError('{"storage-driver": "overlay"}\n')).toBeUndefined();
    expect(goJsonDecodeError('{"a": "b"} x')).toBeUndefined();
    expect(goJsonDecodeError(' [1, -2.5e3, true, false, null, "\\u00e9"] ')).toBeUndefined();
  });
});
