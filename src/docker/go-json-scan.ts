// The error Go's encoding/json Decoder gives for malformed JSON text, word for word (its
// scanner's "invalid character 'o' looking for beginning of value" …), so a broken daemon.json
// fails as dockerd says it does. A Decoder reads one value: text after it is not looked at, an
// input that ends early is "unexpected EOF", and one with no value at all is "EOF".

/** Go's quoteChar: the character as a quoted rune literal. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const code = c.codePointAt(0) as number;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (named[code]) return `'${named[code]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class Stop {
  constructor(readonly message: string) {}
}

/** undefined when `text` starts with one well-formed JSON value; else the Decoder's error text. */
export function goJsonDecodeError(text: string): string | undefined {
  let i = 0;
  const invalid = (context: string): never => {
    if (i >= text.length) throw new Stop('unexpected EOF');
    throw new Stop(`invalid character ${quoteChar(String.fromCodePoint(text.codePointAt(i) as number))} ${context}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (text[i] !== word[k]) invalid(`in literal ${word} (expecting ${quoteChar(word.charAt(k))})`);
    }
    i++;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) invalid('in string literal');
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) invalid('in \\u hexadecimal character escape');
          }
          i++;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) invalid('in string escape code');
        i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) invalid('in string literal');
      i++;
    }
  };
  const digits = () => {
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) invalid('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) invalid('after decimal point in numeric literal');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) invalid('in exponent of numeric literal');
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') invalid('looking for beginning of object key string');
        string();
        ws();
        if (text[i] !== ':') invalid('after object key');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        invalid('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        invalid('after array element');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && /[0-9]/.test(c))) return number();
    invalid('looking for beginning of value');
  };
  ws();
  if (i >= text.length) return 'EOF';
  try {
    value();
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.message;
    throw e;
  }
}
