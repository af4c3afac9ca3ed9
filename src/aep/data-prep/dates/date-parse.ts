import { compilePattern, DAYS, MONTHS, type PatternToken } from './date-pattern.js';
import { fromLocal, normalizeZone, resolveZone, type ZonedDate } from './zoned-date.js';

type Parsed = {
  year?: number;
  twoDigitYear?: number;
  month?: number;
  day?: number;
  hour24?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  nanoOfSecond?: number;
  zone?: string;
};

/** Parses `text` with a Java-style pattern; undefined when it does not match the whole text. */
export function parseDate(text: string, pattern: string): ZonedDate | undefined {
  const tokens = compilePattern(pattern);
  const out: Parsed = {};
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as PatternToken;
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) return undefined;
      pos += token.text.length;
      continue;
    }
    const next = readField(text, pos, token.letter, token.count, reservedWidth(tokens, i + 1), out);
    if (next === undefined) return undefined;
    pos = next;
  }
  return pos === text.length ? resolve(out) : undefined;
}

const NUMERIC = new Set('yuMLdDHkKhmsSn');

function isNumeric(token: PatternToken | undefined): token is { kind: 'field'; letter: string; count: number } {
  return token?.kind === 'field' && NUMERIC.has(token.letter) && !('ML'.includes(token.letter) && token.count >= 3);
}

/** Java's adjacent value parsing: digits a variable-width field must leave for the fixed ones after it. */
function reservedWidth(tokens: readonly PatternToken[], from: number): number {
  let width = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (!isNumeric(token)) break;
    width += token.count;
  }
  return width;
}

function readField(text: string, pos: number, letter: string, count: number, reserve: number, out: Parsed) {
  if (letter === 'M' || letter === 'L') {
    if (count >= 3) return readName(text, pos, MONTHS, count, (i) => (out.month = i + 1));
  }
  if (letter === 'E') return readName(text, pos, DAYS, count, () => undefined);
  if (letter === 'a') {
    const marker = text.slice(pos, pos + 2).toUpperCase();
    if (marker !== 'AM' && marker !== 'PM') return undefined;
    out.pm = marker === 'PM';
    return pos + 2;
  }
  if (letter === 'G') return text.startsWith('AD', pos) ? pos + 2 : undefined;
  if (NUMERIC.has(letter) || letter === 'Q' || letter === 'q')
    return readNumber(text, pos, letter, count, reserve, out);
  return readZone(text, pos, letter, out);
}

function readName(text: string, pos: number, names: readonly string[], count: number, set: (i: number) => void) {
  const lower = text.slice(pos).toLowerCase();
  const candidates = names.map((name) => (count === 4 ? name : name.slice(0, 3)).toLowerCase());
  // Full names first, so "May" does not cut "Mayday"; then the short forms.
  const index = candidates.findIndex((name) => lower.startsWith(name));
  if (index < 0) return undefined;
  set(index);
  return pos + (candidates[index] as string).length;
}

function readNumber(text: string, pos: number, letter: string, count: number, reserve: number, out: Parsed) {
  let run = 0;
  while (pos + run < text.length && /\d/.test(text[pos + run] as string)) run++;
  const fixed = count === 2 || letter === 'S' || ((letter === 'y' || letter === 'u') && count > 2 && reserve > 0);
  const min = letter === 'y' || letter === 'u' ? (count === 2 ? 2 : count) : count;
  const width = fixed ? count : Math.max(min, Math.min(run - reserve, 10));
  if (run < width || width < 1) return undefined;
  const digits = text.slice(pos, pos + width);
  const value = Number(digits);
  switch (letter) {
    case 'y':
    case 'u':
      if (count === 2) out.twoDigitYear = value;
      else out.year = value;
      break;
    case 'M':
    case 'L':
      out.month = value;
      break;
    case 'd':
      out.day = value;
      break;
    case 'H':
      out.hour24 = value;
      break;
    case 'k':
      out.hour24 = value === 24 ? 0 : value;
      break;
    case 'K':
    case 'h':
      out.hour12 = value % 12;
      break;
    case 'm':
      out.minute = value;
      break;
    case 's':
      out.second = value;
      break;
    case 'S':
      out.nanoOfSecond = Number(digits.padEnd(9, '0').slice(0, 9));
      break;
    case 'n':
      out.nanoOfSecond = value;
      break;
  }
  return pos + width;
}

function readZone(text: string, pos: number, letter: string, out: Parsed): number | undefined {
  const rest = text.slice(pos);
  if (rest.startsWith('Z') && (letter === 'X' || letter === 'Z')) {
    out.zone = 'UTC';
    return pos + 1;
  }
  const offset = /^(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?/.exec(rest);
  if (offset && letter !== 'V' && letter !== 'z') {
    const zone = normalizeZone(offset[0].replace(/^(GMT|UTC)([+-])(\d)(?!\d)/, '$1$20$3'));
    if (!zone) return undefined;
    out.zone = zone;
    return pos + offset[0].length;
  }
  const name = /^[A-Za-z][A-Za-z0-9_/+-]*/.exec(rest);
  if (!name || (letter !== 'V' && letter !== 'z' && letter !== 'O')) return undefined;
  const zone = resolveZone(name[0]);
  if (!zone) return undefined;
  out.zone = zone;
  return pos + name[0].length;
}

function resolve(p: Parsed): ZonedDate | undefined {
  const year = p.year ?? (p.twoDigitYear !== undefined ? 2000 + p.twoDigitYear : 1970);
  const hour = p.hour24 ?? (p.hour12 !== undefined ? p.hour12 + (p.pm ? 12 : 0) : 0);
  const local = {
    year,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
    nanoOfSecond: p.nanoOfSecond ?? 0,
  };
  if (!checkRanges(local)) return undefined;
  // Java's SMART resolver moves day 29–31 past the month's end back to its last day.
  local.day = Math.min(local.day, daysInMonth(local.year, local.month));
  return fromLocal(local, p.zone ?? 'UTC');
}

export function checkRanges(l: { month: number; day: number; hour: number; minute: number; second: number }): boolean {
  return l.month >= 1 && l.month <= 12 && l.day >= 1 && l.day <= 31 && l.hour <= 23 && l.minute <= 59 && l.second <= 59;
}

export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
