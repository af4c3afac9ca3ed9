import { describe, expect, it } from 'vitest';
import { evaluate, evaluationError } from './helpers.js';

// Samples marked "doc" are the expression and output of EN/FR help/data-prep/functions.md.
const input = { s: 'HeLLo', n: null, arr: ['x'], obj: { a: 1 }, num: 42 };

describe('string functions', () => {
  it.each([
    ['concat("Hi, ", "there", "!")', 'Hi, there!'], // doc
    ['concat("a", n, 1, true)', 'a1true'],
    ['concat(n)', ''],
    ['concat("o=", obj)', 'o={"a":1}'],
    ['explode("Hi, there!", " ")', ['Hi,', 'there!']], // doc (its output has a typo: "there")
    ['explode("a,b,,c,,")', ['a', 'b', '', 'c']],
    ['explode("id1|id2", "\\\\|")', ['id1', 'id2']],
    ['explode("a1b22c", "\\\\d+")', ['a', 'b', 'c']],
    ['explode("", ",")', ['']],
    ['explode(n)', null],
    ['instr("adobe.com", "com")', 6], // doc
    ['instr("a.b.c", ".", 0, 2)', 3],
    ['instr("a.b.c", ".", 2)', 3],
    ['instr("abc", "z")', -1],
    ['instr(n, "z")', null],
    ['replacestr("This is a string re test", "re", "replace")', 'This is a string replace test'], // doc
    ['replacestr("a-b-c", "-", "+")', 'a+b+c'],
    ['replacestr("abc", n, "x")', 'abc'],
    ['replacestr(n, "a", "b")', null],
    ['substr("This is a substring test", 7, 8)', ' a subst'], // doc
    ['substr("abc", 1, 99)', 'bc'],
    ['substr("abc", -2, 1)', 'b'],
    ['substr("abc", 1, 0)', ''],
    ['substr(n, 0, 1)', null],
    ['lower("HeLLo")', 'hello'], // doc
    ['lcase("HeLLo")', 'hello'], // doc
    ['upper("HeLLo")', 'HELLO'], // doc
    ['ucase("HeLLo")', 'HELLO'], // doc
    ['upper(num)', '42'],
    ['lower(n)', null],
    ['split("Hello world", " ")', ['Hello', 'world']], // doc
    ['split("a, b;;c", ", ;")', ['a', 'b', 'c']],
    ['split("  a  b ", n)', ['a', 'b']],
    ['split(n, ",")', null],
    ['join(" ", to_array(true, "Hello", "world"))', 'Hello world'], // doc
    ['join("-", [1, null, "c"])', '1--c'],
    ['join(",", "a", "b")', 'a,b'],
    ['join(",", n)', null],
    ['lpad("bat", 8, "yz")', 'yzyzybat'], // doc
    ['rpad("bat", 8, "yz")', 'batyzyzy'], // doc
    ['lpad("bat", 5, "")', '  bat'],
    ['rpad("bat", 5, n)', 'bat  '],
    ['lpad("bat", 2, "x")', 'bat'],
    ['lpad(n, 5, "x")', null],
    ['left("abcde", 2)', 'ab'], // doc
    ['right("abcde", 2)', 'de'], // doc
    ['left("ab", 5)', 'ab'],
    ['right("ab", -1)', ''],
    ['left(n, 1)', null],
    ['ltrim(" hello")', 'hello'], // doc
    ['rtrim("hello ")', 'hello'], // doc
    ['trim(" hello ")', 'hello'], // doc
    ['ltrim("  a  ")', 'a  '],
    ['rtrim("  a  ")', '  a'],
    ['trim(n)', null],
    ['"string1".equals("STRING1")', false], // doc
    ['"string1".equalsIgnoreCase("STRING1")', true], // doc
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['upper(arr)', 'upper input must be a string, not array'],
    ['substr("abc", "x", 1)', 'substr start index "x" is not a number'],
    ['substr("abc", 1.5, 1)', 'substr start index must be an integer, not number 1.5'],
    ['lpad("a", n, "x")', 'count must not be null'],
    ['trim(obj)', 'trim input must be a string, not object'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});

describe('regular expression functions', () => {
  it.each([
    ['extract_regex("E259,E259B_009,1_1", "([^,]+),[^,]*,([^,]+)")', ['E259,E259B_009,1_1', 'E259', '1_1']], // doc
    ['extract_regex("abc", "(x)?b")', ['b', null]],
    ['extract_regex("abc", "z")', null],
    ['extract_regex(n, "z")', null],
    ['matches_regex("E259,E259B_009,1_1", "([^,]+),[^,]*,([^,]+)")', true], // doc
    ['matches_regex("abc", "b")', false],
    ['matches_regex("ABC", "(?i)abc")', true],
    ['matches_regex(n, ".*")', false],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('reports an invalid pattern', () => {
    expect(evaluationError('matches_regex("a", "(")')).toMatch(/^Invalid regular expression "\("/);
  });
});

describe('hashing functions', () => {
  it.each([
    ['sha1("my text", "UTF-8")', 'c3599c11e47719df18a2448690840c5dfcce3c80'], // doc
    ['sha256("my text", "UTF-8")', '7330d2b39ca35eaf4cb95fc846c21ee6a39af698154a83a586ee270a0d372104'], // doc
    [
      'sha512("my text", "UTF-8")',
      'a3d7e45a0d9be5fd4e4b9a3b8c9c2163c21ef708bf11b4232bb21d2a8704ada2cdcd7b367dd0788a89a5c908cfe377aceb1072a7b386b7d4fd2ff68a8fd24d16',
    ], // doc
    ['md5("my text", "UTF-8")', 'd3b96ce8c9fb4e9bd0198d03ba6852c7'], // doc
    ['crc32("my text", "UTF-8")', '8df92e80'], // doc
    ['md5("my text")', 'd3b96ce8c9fb4e9bd0198d03ba6852c7'],
    ['md5("é", "ISO-8859-1")', '3406877694691ddd1dfb0aca54681407'],
    ['md5("é", "UTF-8")', '66ddcd97cfdeabb2f6fb8a999b4bc76f'],
    ['md5("é", "US-ASCII")', 'd1457b72c3fb323a2671125aef3eab5d'], // the MD5 of "?"
    ['md5("a", "UTF-16")', '4b936244fb81c0500598b1938266f69a'], // FE FF 00 61: Java's UTF-16 writes a BOM
    ['sha1(n)', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('rejects an unknown charset', () => {
    expect(evaluationError('md5("a", "EBCDIC")')).toBe('Unsupported charset "EBCDIC"');
  });
});

describe('URL functions', () => {
  it.each([
    ['get_url_protocol("https://platform.adobe.com/home")', 'https'], // doc
    ['get_url_host("https://platform.adobe.com/home")', 'platform.adobe.com'], // doc
    ['get_url_port("sftp://example.com//home/joe/employee.csv")', 22], // doc
    ['get_url_port("https://example.com:8443/x")', 8443],
    ['get_url_port("foo://example.com/x")', null],
    ['get_url_path("sftp://example.com//home/joe/employee.csv")', '//home/joe/employee.csv'], // doc
    ['get_url_path("https://a.com/x/y/z.html", false)', 'z.html'],
    ['get_url_query_str("foo://example.com:8042/over/there?name=ferret#nose", "retain")', { name: 'ferret#nose' }], // doc
    ['get_url_query_str("foo://example.com:8042/over/there?name=ferret#nose", "keep")', { name: 'ferret#nose' }],
    ['get_url_query_str("foo://example.com:8042/over/there?name=ferret#nose", "remove")', { name: 'ferret' }], // doc
    [
      'get_url_query_str("foo://example.com:8042/over/there?name=ferret#nose", "append")',
      { name: 'ferret', _anchor_: 'nose' },
    ], // doc
    ['get_url_query_str("https://a.com/?q=a%20b&flag&q=second", "remove")', { q: 'a b', flag: '' }],
    ['get_url_query_str("https://a.com/", "remove")', {}],
    [
      'get_url_encoded("https://example.com/partneralliance_asia-pacific_2022")',
      'https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022',
    ], // doc
    ['get_url_encoded("a b!~*()\'")', 'a%20b%21%7E%2A%28%29%27'],
    [
      'get_url_decoded("https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022")',
      'https://example.com/partneralliance_asia-pacific_2022',
    ], // doc
    ['get_url_protocol("not a url")', null],
    ['get_url_host(n)', null],
    ['get_url_path("::")', null],
    ['get_url_query_str("nope", "retain")', null],
    ['get_url_encoded(n)', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['get_url_query_str("https://a.com/?a=1", "drop")', 'anchor must be "retain", "remove" or "append", not "drop"'],
    ['get_url_decoded("%E0%A4%A")', 'Malformed percent-encoding in "%E0%A4%A"'],
    ['get_url_path("https://a.com/x", "maybe")', 'fullPath must be a boolean, not "maybe"'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression)).toBe(message);
  });
});
