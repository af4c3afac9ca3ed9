import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/aep/data-prep/index.js';
import { RESERVED_WORDS } from '../../../src/aep/data-prep/expression/ast.js';
import { compileProblems, evaluate } from './helpers.js';

describe('parseExpression: shapes', () => {
  it('reads a dotted path with an index as member and index nodes', () => {
    const result = parseExpression('a.b[0].c');
    expect(result).toMatchObject({
      ok: true,
      ast: {
        type: 'member',
        name: 'c',
        object: {
          type: 'index',
          index: { type: 'literal', value: 0 },
          object: { type: 'member', name: 'b', object: { type: 'field', path: ['a'] } },
        },
      },
    });
  });

  it('reads a method call on a literal and a function call with arguments', () => {
    expect(parseExpression('"s".equals(x)')).toMatchObject({
      ok: true,
      ast: {
        type: 'method',
        name: 'equals',
        object: { type: 'literal', value: 's' },
        args: [{ type: 'field', path: ['x'] }],
      },
    });
    expect(parseExpression('concat(a, "b", 1)')).toMatchObject({
      ok: true,
      ast: {
        type: 'call',
        name: 'concat',
        args: [{ type: 'field' }, { type: 'literal', value: 'b' }, { type: 'literal', value: 1 }],
      },
    });
  });

  it('reads ${...} as one field with dots splitting names unless escaped', () => {
    expect(parseExpression('${First Name}')).toMatchObject({ ok: true, ast: { type: 'field', path: ['First Name'] } });
    expect(parseExpression('${a.b c}')).toMatchObject({ ok: true, ast: { type: 'field', path: ['a', 'b c'] } });
    expect(parseExpression('${First\\.Name}')).toMatchObject({
      ok: true,
      ast: { type: 'field', path: ['First.Name'] },
    });
  });

  it('reads a backslash-escaped dot as part of an identifier', () => {
    expect(parseExpression('address.street\\.name')).toMatchObject({
      ok: true,
      ast: { type: 'member', name: 'street.name', object: { type: 'field', path: ['address'] } },
    });
  });

  it('reads array and map literals', () => {
    expect(parseExpression('[1, "a", []]')).toMatchObject({
      ok: true,
      ast: { type: 'array', items: [{ value: 1 }, { value: 'a' }, { type: 'array', items: [] }] },
    });
    expect(parseExpression('{"k": 1, "j": {}}')).toMatchObject({
      ok: true,
      ast: {
        type: 'map',
        entries: [
          { key: { value: 'k' }, value: { value: 1 } },
          { key: { value: 'j' }, value: { type: 'map', entries: [] } },
        ],
      },
    });
  });
});

describe('literals and escapes', () => {
  it.each([
    ['"double"', 'double'],
    ["'single'", 'single'],
    ['"say \\"hi\\""', 'say "hi"'],
    ["'it\\'s'", "it's"],
    ['"a\\\\b"', 'a\\b'],
    ['"tab\\there"', 'tab\there'],
    ['"\\u0041"', 'A'],
    ['"keep \\| for regex"', 'keep \\| for regex'],
    ['12', 12],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2e3', 2000],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('%s evaluates to %j', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
});

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['2 * 3 % 4', 2],
    ['-2 * 3', -6],
    ['- (2 + 3)', -5],
    ['true || false && false', true],
    ['(true || false) && false', false],
    ['not false and false', false],
    ['!true || true', true],
    ['1 < 2 == true', true],
    ['1 + 2 > 2 ? "y" : "n"', 'y'],
    ['false ? 1 : true ? 2 : 3', 2],
    ['1 | 2 ^ 3 & 1', 3],
    ['5 gt 3 and 2 lt 7', true],
    ['7 div 2 + 7 mod 2', 4],
    ['1 eq 1 && 1 ne 2 && 1 le 1 && 2 ge 1', true],
    ['null ?? "b" ?? "c"', 'b'],
    ['"" ?: "fallback"', 'fallback'],
  ])('%s = %j', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
});

describe('parse errors are problems with a position', () => {
  it.each([
    ['1 +', /Unexpected end of expression at position 3/, 3],
    ['(1 + 2', /Expected '\)' but found end of expression at position 6/, 6],
    ['"abc', /Unterminated string starting at position 0/, 0],
    ['x + ${abc', /Unterminated \$\{ starting at position 4/, 4],
    ['${}', /Empty field name/, 0],
    ['a = 1', /Unexpected character '=' at position 2/, 2],
    ['concat("a",)', /Unexpected '\)' at position 11/, 11],
    ['a.', /Expected a field name after '\.' at position 2/, 2],
    ['1 2', /Unexpected number 2 at position 2/, 2],
    ['a ? 1', /Expected ':' but found end of expression at position 5/, 5],
    ['{"a" 1}', /Expected ':' but found number 1 at position 5/, 5],
    ['@x', /Unexpected character '@' at position 0/, 0],
    ['abc\\', /Dangling backslash at position 3/, 3],
  ])('%s', (expression, message, position) => {
    const result = parseExpression(expression);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('expression');
    expect(result.problems[0]?.message).toMatch(message);
    expect(result.problems[0]?.position).toBe(position);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', ')', '((((', '"', '${', '[1,', '{', '?', '..', '\\']) {
      expect(parseExpression(text).ok).toBe(false);
    }
  });
});

describe('reserved words', () => {
  const operatorWords = new Set(['true', 'false', 'null', 'not', 'empty', 'size']);
  const plainReserved = [...RESERVED_WORDS].filter((w) => !operatorWords.has(w));

  it.each(plainReserved)('bare %s is refused with a hint to escape it', (word) => {
    const problems = compileProblems(word);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`'${word}' at position 0 is a reserved word; write \${${word}}`);
  });

  it.each([...RESERVED_WORDS])('${%s} reads the field of that name', (word) => {
    expect(evaluate(`\${${word}}`, { [word]: `value of ${word}` })).toBe(`value of ${word}`);
  });

  it('refuses reserved words after a dot, and accepts them escaped', () => {
    expect(compileProblems('a.new')).toEqual([expect.stringContaining("'new' at position 2 is a reserved word")]);
    expect(evaluate('a.\\new', { a: { new: 1 } })).toBe(1);
  });

  it('treats a bare function name as reserved, but allows it after a dot and escaped', () => {
    expect(compileProblems('timestamp + 1')).toEqual([
      expect.stringContaining("'timestamp' at position 0 is a function name"),
    ]);
    expect(evaluate('event.timestamp', { event: { timestamp: 5 } })).toBe(5);
    expect(evaluate('${timestamp}', { timestamp: 6 })).toBe(6);
  });

  it('has exactly the words of the newest functions guide', () => {
    expect([...RESERVED_WORDS].sort()).toEqual(
      'new mod or break var lt for false while eq gt div not null continue else and ne true le if ge return _errors do function empty size'
        .split(' ')
        .sort(),
    );
  });
});

describe('compile-time checks', () => {
  it.each([
    ['nosuch(1)', "Unknown function 'nosuch' at position 0"],
    ['upper("a", "b")', "Function 'upper' takes 1 argument(s) but got 2 at position 0"],
    ['lpad("a")', "Function 'lpad' takes 3 argument(s) but got 1 at position 0"],
    ['concat()', "Function 'concat' takes at least 1 argument(s) but got 0 at position 0"],
    ['x.frobnicate()', "Unknown method 'frobnicate' at position 2"],
    ['x.equals()', "Method 'equals' takes 1 argument(s) but got 0 at position 2"],
  ])('%s', (expression, message) => {
    expect(compileProblems(expression)).toEqual([message]);
  });

  it('reports every problem of an expression, not just the first', () => {
    expect(compileProblems('concat(nosuch(), upper())')).toHaveLength(2);
  });

  it('refuses an expression longer than 4096 characters', () => {
    const long = `concat(${Array.from({ length: 1400 }, () => '"a"').join(',')})`;
    expect(long.length).toBeGreaterThan(4096);
    expect(compileProblems(long)).toEqual(['The expression is longer than 4096 characters']);
  });
});
