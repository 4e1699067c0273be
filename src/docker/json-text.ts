// A JSON reader that keeps what JSON.parse throws away and Go's decoder needs:
// number literals as written (int64 values beyond 2^53, "1.0" vs "1"), object members in order
// with duplicates (Go lets the last one win, and merges into structs/maps), and Go's treatment of
// broken UTF-16 escapes (replaced by U+FFFD, not kept as lone surrogates as JSON.parse does).

export type JsonNode =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'num'; raw: string }
  | { t: 'str'; v: string }
  | { t: 'arr'; items: JsonNode[] }
  | { t: 'obj'; members: Array<[string, JsonNode]> };

export class JsonSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Parse JSON text (or UTF-8 bytes; invalid sequences become U+FFFD, as in Go) into a JsonNode tree. */
export function parseJsonText(input: string | Uint8Array): JsonNode {
  const src = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  let i = 0;

  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, i);
  };
  // Go's scanner treats exactly these four as whitespace.
  const ws = () => {
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const literal = (word: string) => {
    if (src.startsWith(word, i)) i += word.length;
    else fail(`invalid literal`);
  };

  const hex4 = (at: number): number => {
    const h = src.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('invalid \\u escape');
    return parseInt(h, 16);
  };

  const string = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    for (;;) {
      if (i >= src.length) fail('unterminated string');
      const c = src.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in string');
      if (c >= 0xd800 && c <= 0xdfff) {
        // Unpaired surrogates cannot come from UTF-8 input; a JS caller could pass them.
        const paired = c <= 0xdbff && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        out += src.slice(start, i) + (paired ? src.slice(i, i + 2) : '\ufffd');
        i += paired ? 2 : 1;
        start = i;
        continue;
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += src.slice(start, i);
      const e = src[i + 1];
      i += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const u = hex4(i);
          i += 4;
          if (u >= 0xd800 && u <= 0xdbff && src.startsWith('\\u', i)) {
            const lo = hex4(i + 2);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
              out += String.fromCharCode(u, lo);
              i += 6;
              break;
            }
          }
          // Go's decoder (unquote) turns any unpaired surrogate escape into U+FFFD.
          out += u >= 0xd800 && u <= 0xdfff ? '\ufffd' : String.fromCharCode(u);
          break;
        }
        default:
          i -= 1;
          fail('invalid escape');
      }
      start = i;
    }
    out += src.slice(start, i);
    i++; // closing quote
    return out;
  };

  const value = (depth: number): JsonNode => {
    if (depth > 10000) fail('exceeded max depth'); // Go's limit too
    ws();
    const c = src[i];
    switch (c) {
      case '{': {
        i++;
        const members: Array<[string, JsonNode]> = [];
        ws();
        if (src[i] === '}') {
          i++;
          return { t: 'obj', members };
        }
        for (;;) {
          ws();
          if (src[i] !== '"') fail('expected object key');
          const key = string();
          ws();
          if (src[i] !== ':') fail("expected ':'");
          i++;
          members.push([key, value(depth + 1)]);
          ws();
          if (src[i] === ',') {
            i++;
            continue;
          }
          if (src[i] === '}') {
            i++;
            return { t: 'obj', members };
          }
          fail("expected ',' or '}'");
        }
      }
      case '[': {
        i++;
        const items: JsonNode[] = [];
        ws();
        if (src[i] === ']') {
          i++;
          return { t: 'arr', items };
        }
        for (;;) {
          items.push(value(depth + 1));
          ws();
          if (src[i] === ',') {
            i++;
            continue;
          }
          if (src[i] === ']') {
            i++;
            return { t: 'arr', items };
          }
          fail("expected ',' or ']'");
        }
      }
      case '"':
        return { t: 'str', v: string() };
      case 't':
        literal('true');
        return { t: 'bool', v: true };
      case 'f':
        literal('false');
        return { t: 'bool', v: false };
      case 'n':
        literal('null');
        return { t: 'null' };
      default: {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(src);
        if (!m) return fail('unexpected character');
        i += m[0].length;
        return { t: 'num', raw: m[0] };
      }
    }
  };

  const root = value(0);
  ws();
  if (i !== src.length) fail('invalid character after top-level value');
  return root;
}
