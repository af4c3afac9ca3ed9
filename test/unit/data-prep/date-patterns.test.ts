import { describe, expect, it } from 'vitest';
import { evaluate, evaluationError } from './helpers.js';

// Java DateTimeFormatter-style pattern letters, as format() prints them (see dates/date-pattern.ts).
const input = { when: '2019-10-17T11:05:09.045Z' };

describe('date patterns (format)', () => {
  // 2019-10-17 13:05:09.045 in Paris (+02:00), a Thursday, day 290 of the year.
  const paris = 'zone_date_to_zone(date(when), "Europe/Paris")';
  it.each([
    ['yyyy-MM-dd', '2019-10-17'],
    ['yy', '19'],
    ['y', '2019'],
    ['uuuu', '2019'],
    ['M', '10'],
    ['MMM', 'Oct'],
    ['MMMM', 'October'],
    ['MMMMM', 'O'],
    ['LLL', 'Oct'],
    ['d', '17'],
    ['D', '290'],
    ['E', 'Thu'],
    ['EEEE', 'Thursday'],
    ['a', 'PM'],
    ['H', '13'],
    ['h', '1'],
    ['hh', '01'],
    ['k', '13'],
    ['K', '1'],
    ['m', '5'],
    ['mm', '05'],
    ['s', '9'],
    ['ss', '09'],
    ['S', '0'],
    ['SSS', '045'],
    ['SSSSSS', '045000'],
    ['n', '45000000'],
    ['X', '+02'],
    ['XX', '+0200'],
    ['XXX', '+02:00'],
    ['x', '+02'],
    ['Z', '+0200'],
    ['ZZZZ', 'GMT+02:00'],
    ['ZZZZZ', '+02:00'],
    ['O', 'GMT+2'],
    ['OOOO', 'GMT+02:00'],
    ['VV', 'Europe/Paris'],
    ['zzzz', 'Central European Summer Time'],
    ['Q', '4'],
    ['QQQ', 'Q4'],
    ['QQQQ', '4th quarter'],
    ['G', 'AD'],
    ["yyyy-MM-dd'T'HH:mm", '2019-10-17T13:05'],
    ["h 'o''clock'", "1 o'clock"],
    ["''", "'"],
  ])('%s → %s', (pattern, expected) => {
    expect(evaluate(`format(${paris}, p)`, { ...input, p: pattern })).toBe(expected);
  });

  it.each([
    ['X', 'Z'],
    ['x', '+00'],
    ['Z', '+0000'],
    ['ZZZZZ', 'Z'],
    ['O', 'GMT'],
    ['z', 'UTC'],
    ['VV', 'UTC'],
  ])('in UTC, %s → %s', (pattern, expected) => {
    expect(evaluate('format(date(when), p)', { ...input, p: pattern })).toBe(expected);
  });

  it.each([
    ['k', '24'],
    ['h', '12'],
    ['K', '0'],
    ['a', 'AM'],
  ])('at 00:30, %s → %s', (pattern, expected) => {
    expect(evaluate('format(date("2019-10-17T00:30:00Z"), p)', { p: pattern })).toBe(expected);
  });

  it.each([
    ['yyyy-ww', 'Unsupported pattern letter \'w\' in date pattern "yyyy-ww"'],
    ["'abc", 'Unterminated quote in date pattern "\'abc"'],
    ['[yyyy]', 'Unsupported character \'[\' in date pattern "[yyyy]"'],
  ])('refuses the pattern %s', (pattern, message) => {
    expect(evaluationError('format(now(), p)', { p: pattern })).toBe(message);
  });
});
