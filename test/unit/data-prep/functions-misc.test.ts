import { describe, expect, it } from 'vitest';
import { FIXED_UUID, IPHONE_UA, evaluate, evaluationError } from './helpers.js';

// Samples marked "doc" are from EN/FR help/data-prep/functions.md.
const input = { n: null, stateCode: 'pa', b: 0, a: 10 };

describe('logical functions', () => {
  it.each([
    ['decode(stateCode, "ca", "California", "pa", "Pennsylvania", "N/A")', 'Pennsylvania'], // doc
    ['decode("ca", "ca", "California", "pa", "Pennsylvania", "N/A")', 'California'], // doc
    ['decode("ny", "ca", "California", "pa", "Pennsylvania", "N/A")', 'N/A'], // doc
    ['decode("ny", "ca", "California")', null],
    ['decode(1, "1", "one")', 'one'],
    ['decode(n, n, "was null", "x")', 'was null'],
    ['iif("s".equalsIgnoreCase("S"), "True", "False")', 'True'], // doc
    ['iif(n, "yes", "no")', 'no'],
    ['iif("false", "yes", "no")', 'no'],
    ['iif(b != 0, a / b, 0)', 0],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });
});

describe('aggregation', () => {
  it.each([
    ['min(3, 1, 4)', 1], // doc
    ['max(3, 1, 4)', 4], // doc
    ['min("b", "a", "c")', 'a'],
    ['max(n, 2, n)', 2],
    ['min(n)', null],
    ['max(date("2020-01-01"), date("2021-01-01"))', '2021-01-01T00:00:00Z'],
    ['min(10, "9")', '9'],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('refuses to order values of unrelated types', () => {
    expect(evaluationError('max(1, "a")')).toBe('Cannot compare string with number');
  });
});

describe('type conversions', () => {
  it.each([
    ['to_bigint("1000000.34")', 1000000.34], // doc
    ['to_bigint("12345678901")', 12345678901],
    ['to_decimal("20.5")', 20.5], // doc
    ['to_decimal(" 7 ")', 7],
    ['to_decimal(3)', 3],
    ['to_float("12.3456")', 12.3456], // doc (its 12.34566 is a typo)
    ['to_float("0.1")', 0.1],
    ['to_float("16777217")', 16777216],
    ['to_integer("12")', 12], // doc
    ['to_integer("-3")', -3],
    ['to_integer(12)', 12],
    ['to_integer(n)', null],
    ['to_float(n)', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['to_integer("12.5")', 'Cannot convert "12.5" to an integer'],
    ['to_integer(12.5)', 'Cannot convert number 12.5 to an integer'],
    ['to_integer("abc")', 'Cannot convert "abc" to an integer'],
    ['to_integer("3000000000")', '3000000000 is out of the integer range'],
    ['to_decimal("1,5")', 'Cannot convert "1,5" to a Double'],
    ['to_bigint(true)', 'Cannot convert boolean true to a BigInteger'],
    ['to_float([1])', 'Cannot convert array [1] to a Float'],
  ])('%s fails: %s', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});

describe('JSON and special operations', () => {
  it.each([
    [
      'json_to_object("{\\"info\\":{\\"firstName\\":\\"John\\",\\"lastName\\": \\"Doe\\"}}")',
      { info: { firstName: 'John', lastName: 'Doe' } },
    ],
    ['json_to_object({"info": {"firstName": "John"}})', { info: { firstName: 'John' } }], // doc passes a map literal
    ['json_to_object("[1, 2]")', [1, 2]],
    ['json_to_object(n)', null],
    ['uuid()', FIXED_UUID],
    ['guid()', FIXED_UUID],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('reports invalid JSON and non-strings', () => {
    expect(evaluationError('json_to_object("{nope")')).toMatch(/^Invalid JSON: /);
    expect(evaluationError('json_to_object(5)')).toBe('json_to_object needs a string, not number');
  });
});

describe('user agent functions', () => {
  const ANDROID_CHROME =
    'Mozilla/5.0 (Linux; Android 10; SM-G973F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Mobile Safari/537.36';
  const WINDOWS_CHROME =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
  const IPAD =
    'Mozilla/5.0 (iPad; CPU OS 13_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.3 Mobile/15E148 Safari/604.1';

  it.each([
    ['ua_os_name', IPHONE_UA, 'iOS'], // doc
    ['ua_os_version_major', IPHONE_UA, 'iOS 5'], // doc
    ['ua_os_version', IPHONE_UA, '5.1.1'], // doc
    ['ua_os_name_version', IPHONE_UA, 'iOS 5.1.1'], // doc
    ['ua_agent_version', IPHONE_UA, '5.1'], // doc
    ['ua_agent_version_major', IPHONE_UA, 'Safari 5'], // doc
    ['ua_agent_name', IPHONE_UA, 'Safari'], // doc
    ['ua_device_class', IPHONE_UA, 'Phone'], // doc
    ['ua_agent_name', ANDROID_CHROME, 'Chrome'],
    ['ua_os_name_version', ANDROID_CHROME, 'Android 10'],
    ['ua_device_class', ANDROID_CHROME, 'Phone'],
    ['ua_device_class', WINDOWS_CHROME, 'Desktop'],
    ['ua_agent_version_major', WINDOWS_CHROME, 'Chrome 120'],
    ['ua_device_class', IPAD, 'Tablet'],
    ['ua_device_class', 'Googlebot/2.1 (+http://www.google.com/bot.html)', 'Robot'],
    ['ua_device_class', '', 'Unknown'],
    ['ua_os_name', 'curl/8.0', 'Unknown'],
    ['ua_os_version', 'curl/8.0', '??'],
    ['ua_agent_version_major', 'curl/8.0', 'Unknown ??'],
  ])('%s(%s) → %s', (fn, ua, expected) => {
    expect(evaluate(`${fn}(ua)`, { ua })).toBe(expected);
  });

  it('returns null for a null user agent and refuses a non-string', () => {
    expect(evaluate('ua_os_name(n)', input)).toBeNull();
    expect(evaluationError('ua_device_class([1])')).toBe('ua_device_class input must be a string, not array');
  });
});
