import { describe, expect, it } from 'vitest';
import { DEFAULT_DATE_FORMATS } from '../../../src/aep/data-prep/dates/date-lenient.js';
import { evaluate, evaluationError, FIXED_NOW } from './helpers.js';

// Samples marked "doc" are from EN/FR help/data-prep/functions.md; where the docs' printed output
// is inconsistent with their own input, the comment says so.
const input = { n: null, ts: 1571829875000, when: '2019-10-17T11:05:09.045Z' };

describe('now, timestamp, format, dformat', () => {
  it.each([
    ['now()', '2021-10-26T10:10:24.556Z'],
    ['timestamp()', FIXED_NOW],
    ['format(date("2019-10-23T11:24:00+00:00"), "yyyy-MM-dd HH:mm:ss")', '2019-10-23 11:24:00'], // doc (its 11:24:35 is a typo)
    ['format(when, "dd/MM/yyyy")', '17/10/2019'],
    ['format(n, "yyyy")', null],
    [`dformat(1571829875000, "yyyy-MM-dd'T'HH:mm:ss.SSSX")`, '2019-10-23T11:24:35.000Z'], // doc
    ['dformat(ts, "HH:mm")', '11:24'],
    ['dformat("1571829875000", "yyyy")', '2019'],
    ['dformat(n, "yyyy")', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['format("yesterday", "yyyy")', 'format date: cannot read "yesterday" as a date'],
    ['format([1], "yyyy")', 'format date must be a date, not array'],
    ['format(now(), n)', 'format pattern must not be null'],
    ['dformat("soon", "yyyy")', 'dformat timestamp "soon" is not a number'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});

describe('date()', () => {
  it.each([
    ['date("2019-10-23 11:24", "yyyy-MM-dd HH:mm", now())', '2019-10-23T11:24:00Z'], // doc
    ['date("2019-10-23 11:24", "yyyy-MM-dd HH:mm")', '2019-10-23T11:24:00Z'], // doc
    ['date("2019-10-23 11:24")', '2019-10-23T11:24:00Z'], // doc
    ['date("2016-11-09T11:44:44.797")', '2016-11-09T11:44:44.797Z'],
    ['date("2019-10-17T11:55:12+02:00")', '2019-10-17T11:55:12+02:00'],
    ['date("2019-10-17T11:55:12.123456789Z")', '2019-10-17T11:55:12.123456789Z'],
    ['date("2019-10-17T11:55:12 America/New_York")', '2019-10-17T11:55:12-04:00'],
    ['date(n, "yyyy", now())', '2021-10-26T10:10:24.556Z'],
    ['date("garbage", "yyyy-MM-dd", now())', '2021-10-26T10:10:24.556Z'],
    ['date(n)', null],
    ['date(1571829875000)', '2019-10-23T11:24:35Z'],
    ['date(date("2020-01-01"))', '2020-01-01T00:00:00Z'],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['2019-10-23 11:24:35+0200', '2019-10-23T11:24:35+02:00'],
    ['2019-10-23 11:24:35.123-0500', '2019-10-23T11:24:35.123-05:00'],
    ['2019-10-23 11:24:35.123', '2019-10-23T11:24:35.123Z'],
    ['2019-10-23T11:24:35.123Z', '2019-10-23T11:24:35.123Z'],
    ['2019/10/23', '2019-10-23T00:00:00Z'],
    ['2019.10.23', '2019-10-23T00:00:00Z'],
    ['2019-Oct-23', '2019-10-23T00:00:00Z'],
    ['20191023', '2019-10-23T00:00:00Z'],
    ['10-23-2019', '2019-10-23T00:00:00Z'],
    ['10232019', '2019-10-23T00:00:00Z'],
    ['1/05/2019', '2019-01-05T00:00:00Z'],
    ['05.1.2019', '2019-01-05T00:00:00Z'],
    ['1/05/2019 01:02:03 PM', '2019-01-05T13:02:03Z'],
    ['05.1.2019 12:00:00 AM', '2019-01-05T00:00:00Z'],
    ['05.Jan.2019', '2019-01-05T00:00:00Z'],
    ['05-Jan-2019', '2019-01-05T00:00:00Z'],
  ])('date("%s") reads a default format → %s', (text, expected) => {
    expect(evaluate(`date("${text}")`)).toBe(expected);
  });

  it('tries the documented default formats, in the documented order', () => {
    expect(DEFAULT_DATE_FORMATS[0]).toBe('yyyy-MM-dd HH:mm:ssZ');
    expect(DEFAULT_DATE_FORMATS).toHaveLength(18);
    expect(DEFAULT_DATE_FORMATS.at(-1)).toBe('dd-MMM-yyyy');
  });

  it.each([
    ['17/10/2019 13:05', 'dd/MM/yyyy HH:mm', '2019-10-17T13:05:00Z'],
    ['20191017130509', 'yyyyMMddHHmmss', '2019-10-17T13:05:09Z'],
    ['2019-10-17 01:05:09 PM', 'yyyy-MM-dd hh:mm:ss a', '2019-10-17T13:05:09Z'],
    ['17 October 2019', 'd MMMM yyyy', '2019-10-17T00:00:00Z'],
    ['Thu, 17 Oct 2019 13:05:09 +0200', 'EEE, d MMM yyyy HH:mm:ss Z', '2019-10-17T13:05:09+02:00'],
    ['2019-10-17T13:05:09.5-03:00', "yyyy-MM-dd'T'HH:mm:ss.SX", '2019-10-17T13:05:09.500-03:00'],
    ['19-10-17', 'yy-MM-dd', '2019-10-17T00:00:00Z'],
    ['2019-10-17 13:05 America/New_York', 'yyyy-MM-dd HH:mm VV', '2019-10-17T13:05:00-04:00'],
    ['2019-10-17 PST', 'yyyy-MM-dd z', '2019-10-17T00:00:00-08:00'],
    ['2019-1-7', 'yyyy-M-d', '2019-01-07T00:00:00Z'],
    ['2019-02-31', 'yyyy-MM-dd', '2019-02-28T00:00:00Z'],
    ["at 24 o'clock", "'at' k 'o''clock'", '1970-01-01T00:00:00Z'],
  ])('date("%s", "%s") → %s', (text, pattern, expected) => {
    expect(evaluate('date(t, p)', { t: text, p: pattern })).toBe(expected);
  });

  it.each([
    ['2019-13-01', 'yyyy-MM-dd'],
    ['2019-10-17x', 'yyyy-MM-dd'],
    ['2019-1-7', 'yyyy-MM-dd'],
    ['2019-10-32', 'yyyy-MM-dd'],
    ['25:00', 'HH:mm'],
    ['2019-10-17 XYZ', 'yyyy-MM-dd z'],
  ])('date("%s", "%s") fails without a default', (text, pattern) => {
    expect(evaluationError('date(t, p)', { t: text, p: pattern })).toBe(
      `Text "${text}" could not be parsed as a date with format "${pattern}"`,
    );
  });

  it('fails for text that matches no default format', () => {
    expect(evaluationError('date("next tuesday")')).toBe('Text "next tuesday" could not be parsed as a date');
  });
});

describe('time zones', () => {
  it.each([
    ['zone_date_to_utc(date("2019-10-17T11:55:12 PST"))', '2019-10-17T19:55:12Z'], // doc
    ['zone_date_to_utc(date("2019-10-17T11:55:12+05:30"))', '2019-10-17T06:25:12Z'],
    ['zone_date_to_zone(date("2021-10-26T13:43:59Z"), "Europe/Paris")', '2021-10-26T15:43:59+02:00'],
    ['zone_date_to_zone(date("2021-12-26T13:43:59Z"), "Europe/Paris")', '2021-12-26T14:43:59+01:00'],
    ['zone_date_to_zone(date("2021-12-26T13:43:59Z"), "+05:30")', '2021-12-26T19:13:59+05:30'],
    ['zone_date_to_zone(date("2021-12-26T13:43:59Z"), "UTC")', '2021-12-26T13:43:59Z'],
    ['zone_date_to_utc(n)', null],
    ['zone_date_to_zone(n, "UTC")', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('rejects an unknown zone', () => {
    expect(evaluationError('zone_date_to_zone(now(), "Mars/Olympus")')).toBe('Unknown time zone "Mars/Olympus"');
  });
});

describe('date_part', () => {
  // 2019-10-17T13:55:12.345Z is a Thursday in ISO week 42, day 290.
  it.each([
    ['year', 2019],
    ['yyyy', 2019],
    ['yy', 2019],
    ['quarter', 4],
    ['qq', 4],
    ['q', 4],
    ['month', 10],
    ['mm', 10],
    ['MM', 10],
    ['m', 10],
    ['dayofyear', 290],
    ['dy', 290],
    ['y', 290],
    ['day', 17],
    ['dd', 17],
    ['d', 17],
    ['week', 42],
    ['ww', 42],
    ['w', 42],
    ['weekday', 4],
    ['dw', 4],
    ['hour', 13],
    ['hh', 13],
    ['hh24', 13],
    ['hh12', 1],
    ['minute', 55],
    ['mi', 55],
    ['n', 55],
    ['second', 12],
    ['ss', 12],
    ['s', 12],
    ['millisecond', 345],
    ['ms', 345],
    ['SSS', 345],
  ])('%s → %d', (component, expected) => {
    expect(evaluate('date_part(c, date("2019-10-17T13:55:12.345Z"))', { c: component })).toBe(expected);
  });

  it('reads the doc sample, null dates and ISO week edges', () => {
    expect(evaluate('date_part("MM", date("2019-10-17 11:55:12"))')).toBe(10); // doc
    expect(evaluate('date_part("week", date("2021-01-01"))')).toBe(53);
    expect(evaluate('date_part("week", date("2024-12-30"))')).toBe(1);
    expect(evaluate('date_part("day", n)', input)).toBeNull();
  });

  it('rejects an unknown component', () => {
    expect(evaluationError('date_part("fortnight", now())')).toBe('Unknown date component "fortnight"');
  });
});

describe('set_date_part', () => {
  it.each([
    ['set_date_part("m", 4, date("2016-11-09T11:44:44.797"))', '2016-04-09T11:44:44.797Z'], // doc (prints no millis)
    ['set_date_part("yyyy", 2019, date("2020-02-29"))', '2019-02-28T00:00:00Z'],
    ['set_date_part("month", 2, date("2021-01-31"))', '2021-02-28T00:00:00Z'],
    ['set_date_part("day", 30, date("2021-04-01"))', '2021-04-30T00:00:00Z'],
    [
      'set_date_part("hh", 5, zone_date_to_zone(date("2021-10-26T13:43:59Z"), "Europe/Paris"))',
      '2021-10-26T05:43:59+02:00',
    ],
    ['set_date_part("mi", 0, date("2021-04-01T10:20:30Z"))', '2021-04-01T10:00:30Z'],
    ['set_date_part("s", 59, date("2021-04-01T10:20:30Z"))', '2021-04-01T10:20:59Z'],
    ['set_date_part("day", 1, n)', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['set_date_part("day", 31, date("2021-04-01"))', 'Invalid date: day 31 of month 4 in 2021'],
    ['set_date_part("hour", 24, now())', 'Invalid value for hour: 24'],
    ['set_date_part("month", 0, now())', 'Invalid value for month: 0'],
    ['set_date_part("quarter", 1, now())', 'Unknown date component "quarter"'],
    ['set_date_part("day", "x", now())', 'set_date_part value "x" is not a number'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression)).toBe(message);
  });
});

describe('make_date_time and make_timestamp', () => {
  it.each([
    ['make_date_time(2019, 10, 17, 11, 55, 12, 999, "America/Los_Angeles")', '2019-10-17T11:55:12.000000999-07:00'], // doc sample input
    ['make_timestamp(2019, 10, 17, 11, 55, 12, 0, "UTC")', '2019-10-17T11:55:12Z'],
    ['make_date_time(2019, 10, 17, 11, 55, 12, 5000000)', '2019-10-17T11:55:12.005Z'],
    ['make_date_time(2020, 2, 29, 0, 0, 0, 0, "+09:00")', '2020-02-29T00:00:00+09:00'],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression)).toBe(expected);
  });

  it.each([
    ['make_date_time(2019, 13, 1, 0, 0, 0, 0)', 'Invalid value for month: 13'],
    ['make_date_time(2019, 2, 30, 0, 0, 0, 0)', 'Invalid value for day: 30'],
    ['make_date_time(2019, 1, 1, 0, 60, 0, 0)', 'Invalid value for minute: 60'],
    ['make_date_time(2019, 1, 1, 0, 0, 0, 1000000000)', 'Invalid value for nanoOfSecond: 1000000000'],
    ['make_date_time(2019, 1, 1, 0, 0, 0, 0, "Nowhere/City")', 'Unknown time zone "Nowhere/City"'],
    ['make_date_time(2019, n, 1, 0, 0, 0, 0)', 'argument 2 must not be null'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});
