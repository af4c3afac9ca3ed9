import { fail } from '../errors.js';
import { formatOffset, pad, type ZonedDate } from './zoned-date.js';

/**
 * Date/time patterns in the style of Java's `DateTimeFormatter`, which Adobe's date functions use
 * (their table in EN `help/data-prep/data-handling.md` §"Date/time format strings").
 *
 * Supported letters: G y M L d D E a H k K h m s S (fraction, as many digits as letters) n X x Z z
 * V O Q q, plus `'quoted literals'` and `''` for a quote. `u` is read as the year, as in
 * `DateTimeFormatter`, although Adobe's table (copied from `SimpleDateFormat`) calls it the day
 * number. Week-based letters (Y w W F e c) and optional sections `[...]` are rejected with an error.
 */
export type PatternToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const LETTERS = new Set('GyuMLdDEaHkKhmsSnXxZzVOQq');
const cache = new Map<string, PatternToken[]>();
const CACHE_LIMIT = 256;

export function compilePattern(pattern: string): PatternToken[] {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const tokens = tokenize(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, tokens);
  return tokens;
}

function tokenize(pattern: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  const literal = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        literal("'");
        i += 2;
        continue;
      }
      // A quoted section runs to the next lone quote; '' inside it is a quote character.
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) fail(`Unterminated quote in date pattern "${pattern}"`);
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          text += pattern[j];
          j++;
        }
      }
      literal(text);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      if (!LETTERS.has(ch)) fail(`Unsupported pattern letter '${ch}' in date pattern "${pattern}"`);
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ kind: 'field', letter: ch, count });
      i += count;
      continue;
    }
    if (ch === '[' || ch === ']' || ch === '{' || ch === '}' || ch === '#') {
      fail(`Unsupported character '${ch}' in date pattern "${pattern}"`);
    }
    literal(ch);
    i++;
  }
  return tokens;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function formatDate(date: ZonedDate, pattern: string): string {
  let out = '';
  for (const token of compilePattern(pattern)) {
    out += token.kind === 'literal' ? token.text : formatField(date, token.letter, token.count);
  }
  return out;
}

function formatField(date: ZonedDate, letter: string, count: number): string {
  const f = date.fields();
  switch (letter) {
    case 'G':
      return count === 4 ? 'Anno Domini' : count === 5 ? 'A' : 'AD';
    case 'y':
    case 'u':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      return text(MONTHS[f.month - 1] as string, count) ?? pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(f.dayOfYear, count);
    case 'E':
      return text(DAYS[f.dayOfWeek - 1] as string, Math.max(count, 3)) as string;
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.nanoOfSecond, 9).padEnd(count, '0').slice(0, count);
    case 'n':
      return pad(f.nanoOfSecond, count);
    case 'Q':
    case 'q': {
      const quarter = Math.ceil(f.month / 3);
      return count === 3 ? `Q${quarter}` : count === 4 ? `${ordinal(quarter)} quarter` : pad(quarter, count);
    }
    default:
      return formatZone(date, letter, count);
  }
}

function formatZone(date: ZonedDate, letter: string, count: number): string {
  const offset = date.fields().offsetMinutes;
  switch (letter) {
    case 'X':
    case 'x': {
      const zeroAsZ = letter === 'X';
      if (offset === 0 && zeroAsZ) return 'Z';
      if (count === 1)
        return offset % 60 === 0 ? formatOffset(offset, '', false).slice(0, 3) : formatOffset(offset, '', false);
      return formatOffset(offset, count === 2 || count === 4 ? '' : ':', false);
    }
    case 'Z':
      if (count === 4) return offset === 0 ? 'GMT' : `GMT${formatOffset(offset, ':', false)}`;
      return count === 5 ? formatOffset(offset, ':', true) : formatOffset(offset, '', false);
    case 'O':
      if (offset === 0) return 'GMT';
      return count === 4 ? `GMT${formatOffset(offset, ':', false)}` : shortGmt(offset);
    case 'V':
      return date.zone;
    default:
      return zoneName(date, count >= 4 ? 'long' : 'short');
  }
}

function zoneName(date: ZonedDate, style: 'short' | 'long'): string {
  if (date.zone === 'UTC') return style === 'long' ? 'Coordinated Universal Time' : 'UTC';
  if (/^[+-]/.test(date.zone)) return date.zone;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: date.zone, timeZoneName: style }).formatToParts(
    new Date(date.epochMs),
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? date.zone;
}

function shortGmt(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const minutes = abs % 60 === 0 ? '' : `:${pad(abs % 60, 2)}`;
  return `GMT${sign}${Math.floor(abs / 60)}${minutes}`;
}

function text(name: string, count: number): string | undefined {
  if (count === 3) return name.slice(0, 3);
  if (count === 4) return name;
  if (count === 5) return name.slice(0, 1);
  return undefined;
}

function ordinal(n: number): string {
  return `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}
