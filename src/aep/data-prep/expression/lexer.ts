/**
 * Tokens of Data Prep's expression language (EN/FR `help/data-prep/functions.md` §"Fields").
 * Field names are identifiers (letters, digits, `$`, `_`, not starting with a digit); any other
 * name is written `${First Name}`, with `\.` for a dot that is part of the name (newest FR copy and
 * the troubleshooting guide: `address.street\.name`). Strings take single or double quotes as in
 * JEXL, whose syntax this language follows.
 */
export type Token =
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'ident'; value: string; escaped: boolean; pos: number }
  | { kind: 'field'; segments: string[]; pos: number }
  | { kind: 'punct'; value: string; pos: number }
  | { kind: 'eof'; pos: number };

export class LexError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

// Longest first, so `?:` wins over `?` and `==` over `=~`'s prefix.
const PUNCTUATION = [
  '?:',
  '??',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=~',
  '!~',
  '=^',
  '!^',
  '=$',
  '!$',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  '?',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '~',
  '&',
  '|',
  '^',
];

const IDENT_START = /[\p{L}$_]/u;
const IDENT_PART = /[\p{L}\p{N}$_]/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '$' && text[i + 1] === '{') {
      const { segments, end } = readEscapedField(text, i);
      tokens.push({ kind: 'field', segments, pos: i });
      i = end;
    } else if (/\d/.test(ch) || (ch === '.' && /\d/.test(text[i + 1] ?? ''))) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(match[0]), text: match[0], pos: i });
      i += match[0].length;
    } else if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
    } else if (IDENT_START.test(ch) || ch === '\\') {
      const { value, escaped, end } = readIdentifier(text, i);
      tokens.push({ kind: 'ident', value, escaped, pos: i });
      i = end;
    } else {
      const op = PUNCTUATION.find((p) => text.startsWith(p, i));
      if (!op) throw new LexError(`Unexpected character '${ch}' at position ${i}`, i);
      tokens.push({ kind: 'punct', value: op, pos: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', pos: text.length });
  return tokens;
}

/** An identifier; a backslash makes the next character part of it (`street\.name`). */
function readIdentifier(text: string, start: number): { value: string; escaped: boolean; end: number } {
  let value = '';
  let escaped = false;
  let i = start;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) throw new LexError(`Dangling backslash at position ${i}`, i);
      value += next;
      escaped = true;
      i += 2;
    } else if (IDENT_PART.test(ch)) {
      value += ch;
      i++;
    } else {
      break;
    }
  }
  return { value, escaped, end: i };
}

/** `${...}`: a field path whose dots separate names unless escaped as `\.`. */
function readEscapedField(text: string, start: number): { segments: string[]; end: number } {
  const segments: string[] = [];
  let current = '';
  let i = start + 2;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      current += text[i + 1];
      i += 2;
    } else if (ch === '.') {
      segments.push(current);
      current = '';
      i++;
    } else if (ch === '}') {
      segments.push(current);
      if (segments.some((s) => s === '')) throw new LexError(`Empty field name in \${...} at position ${start}`, start);
      return { segments, end: i + 1 };
    } else {
      current += ch;
      i++;
    }
  }
  throw new LexError(`Unterminated \${ starting at position ${start}`, start);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', '"': '"', "'": "'" };

/**
 * A quoted string. `\\`, `\"`, `\'`, `\n`, `\t`, `\r`, `\b`, `\f` and `\uXXXX` are escapes; any
 * other backslash is kept, as JEXL does, so regular expressions such as "\|" survive unchanged.
 */
function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      const unicode = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2)) : null;
      if (unicode) {
        value += String.fromCharCode(parseInt(unicode[0], 16));
        i += 6;
      } else {
        value += ESCAPES[next] ?? `\\${next}`;
        i += 2;
      }
      continue;
    }
    value += ch;
    i++;
  }
  throw new LexError(`Unterminated string starting at position ${start}`, start);
}
