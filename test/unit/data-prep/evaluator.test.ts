import { describe, expect, it } from 'vitest';
import { listOperators } from '../../../src/aep/data-prep/index.js';
import { evaluate, evaluationError } from './helpers.js';

const input = {
  name: 'Ada',
  age: 36,
  zero: 0,
  nothing: null,
  tags: ['a', 'b'],
  person: { name: { first: 'Ada', last: 'Lovelace' }, 'e.mail': 'ada@example.com' },
  items: [
    { sku: 'x', qty: 2 },
    { sku: 'y', qty: 3 },
  ],
  i: 1,
  key: 'first',
};

describe('field references', () => {
  it.each([
    ['name', 'Ada'],
    ['person.name.first', 'Ada'],
    ['person.e\\.mail', 'ada@example.com'],
    ['${person.e\\.mail}', 'ada@example.com'],
    ['items[1].sku', 'y'],
    ['items[i].qty', 3],
    ['person.name[key]', 'Ada'],
    ['person["name"].last', 'Lovelace'],
    ['tags[0]', 'a'],
    ['tags[5]', undefined],
    ['missing', undefined],
    ['missing.deeper.still', undefined],
    ['name.first', undefined],
    ['nothing', null],
    ['[1, 2][1]', 2],
    ['{"a": {"b": 7}}.a.b', 7],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });
});

describe('arithmetic and concatenation', () => {
  it.each([
    ['1 + 2', 3],
    ['"Order " + 12', 'Order 12'],
    ['12 + " items"', '12 items'],
    ['"a" + null', 'a'],
    ['age + 1', 37],
    ['"4" * 2', 8],
    ['nothing + 1', 1],
    ['missing * 3', 0],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7.0 / 2.5', 2.8],
    ['7 % 3', 1],
    ['1.5 * 2', 3],
    ['true + 1', 2],
    ['~33', -34],
    ['12 & 10', 8],
    ['12 | 10', 14],
    ['12 ^ 10', 6],
  ])('%s = %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['1 / 0', 'Division by zero'],
    ['5 % zero', 'Division by zero'],
    ['"abc" * 2', 'operand "abc" is not a number'],
    ['tags - 1', 'operand array ["a","b"] is not a number'],
    ['1.5 & 1', 'Bitwise operators need integers, not 1.5'],
  ])('%s fails: %s', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });

  it('divides non-integers as decimals', () => {
    expect(evaluate('1 / 2.5')).toBeCloseTo(0.4);
  });
});

describe('comparison and equality', () => {
  it.each([
    ['1 == 1', true],
    ['"1" == 1', true],
    ['1 == "1.0"', true],
    ['"a" == "A"', false],
    ['null == nothing', true],
    ['missing == null', true],
    ['0 == null', false],
    ['[1, 2] == [1, 2]', true],
    ['{"a": 1} == {"a": 1}', true],
    ['{"a": 1} != {"a": 2}', true],
    ['2 < 10', true],
    ['"2" < 10', true],
    ['"b" > "a"', true],
    ['"10" < "9"', true],
    ['null < 1', false],
    ['age >= 36 && age <= 36', true],
    ['date("2020-01-01") < date("2020-01-02")', true],
  ])('%s is %j', (expression, expected) => {
    expect(evaluate(expression, input)).toBe(expected);
  });

  it('refuses to order values of unrelated types', () => {
    expect(evaluationError('"a" < 1')).toBe('Cannot compare string with number');
    expect(evaluationError('tags < 1', input)).toBe('Cannot compare array with number');
  });
});

describe('string and membership operators', () => {
  it.each([
    ['"b" =~ tags', true],
    ['"z" =~ tags', false],
    ['"first" =~ person.name', true],
    ['"abc" =~ "a.c"', true],
    ['"abcd" =~ "a.c"', false],
    ['"z" !~ tags', true],
    ['name =^ "Ad"', true],
    ['name !^ "Ad"', false],
    ['name =$ "da"', true],
    ['name !$ "da"', false],
    ['missing =^ "x"', false],
  ])('%s is %j', (expression, expected) => {
    expect(evaluate(expression, input)).toBe(expected);
  });

  it('needs an array, map or regex on the right of =~', () => {
    expect(evaluationError('1 =~ 2')).toBe(
      "'=~' needs an array, a map or a regular expression on its right, not number",
    );
  });
});

describe('logic, conditionals and JEXL truthiness', () => {
  it.each([
    ['!nothing', true],
    ['!""', true],
    ['!"false"', true],
    ['!"no"', false],
    ['!0', true],
    ['!tags', false],
    ['zero || "x"', true],
    ['name && age', true],
    ['age > 30 ? "older" : "younger"', 'older'],
    ['nothing ?: "default"', 'default'],
    ['name ?: "default"', 'Ada'],
    ['zero ?? 5', 0],
    ['missing ?? 5', 5],
    ['empty(nothing)', true],
    ['empty("")', true],
    ['empty tags', false],
    ['empty({})', true],
    ['size(tags)', 2],
    ['size("four")', 4],
    ['size(missing)', 0],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('short-circuits && and || so the other side is not evaluated', () => {
    expect(evaluate('false && 1 / 0 == 1')).toBe(false);
    expect(evaluate('true || 1 / 0 == 1')).toBe(true);
    expect(evaluate('true ? 1 : 1 / 0')).toBe(1);
  });

  it('takes the size of a number as an error', () => {
    expect(evaluationError('size(3)')).toBe('Cannot take the size of number');
  });
});

describe('methods', () => {
  it.each([
    ['"string1".equals("STRING1")', false],
    ['"string1".equals("string1")', true],
    ['"string1".equalsIgnoreCase("STRING1")', true],
    ['name.equals(person.name.first)', true],
    ['missing.equals("x")', false],
    ['"1".equals(1)', false],
    ['name.equalsIgnoreCase(1)', false],
    ['person.name.get("last")', 'Lovelace'],
    ['tags.get(1)', 'b'],
    ['missing.get("x")', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('fails get() on a value that is neither a map nor a list', () => {
    expect(evaluationError('name.get("x")', input)).toBe('get() needs a map or a list, not string');
  });
});

describe('listOperators', () => {
  it('lists each operator the parser accepts, with the documented fields', () => {
    const operators = listOperators();
    const symbols = operators.map((o) => o.operatorSymbol);
    for (const symbol of [
      '+',
      '-',
      '*',
      '/',
      '%',
      '==',
      '!=',
      '<',
      '<=',
      '>',
      '>=',
      '&&',
      '||',
      '!',
      '~',
      '=~',
      '??',
    ]) {
      expect(symbols).toContain(symbol);
    }
    for (const o of operators) {
      expect(Object.keys(o).sort()).toEqual([
        'description',
        'example',
        'methodName',
        'numberOfOperands',
        'operatorSymbol',
      ]);
    }
  });

  it('keeps the five documented items exactly', () => {
    const byMethod = new Map(listOperators().map((o) => [o.methodName, o]));
    expect(byMethod.get('add')).toEqual({
      operatorSymbol: '+',
      methodName: 'add',
      numberOfOperands: 2,
      description: expect.stringContaining('Simple arithmetic addition'),
      example: '1 + 2',
    });
    expect(byMethod.get('divide')?.example).toBe('1 / 2');
    expect(byMethod.get('complement')).toMatchObject({ operatorSymbol: '~', numberOfOperands: 1, example: '~44' });
    expect(byMethod.get('negate')).toMatchObject({ operatorSymbol: '-', numberOfOperands: 1, example: '-12' });
    expect(byMethod.get('not')).toMatchObject({ operatorSymbol: '!', numberOfOperands: 1, example: '!cond1' });
  });

  it('evaluates every listed example', () => {
    const sample = {
      a: 2,
      cond1: true,
      cond2: false,
      name: 'Jo',
      email: 'x.com',
      items: [1],
      age: 20,
      nickname: null,
      firstName: 'F',
      middleName: null,
      x: 'a',
    };
    for (const o of listOperators()) expect(() => evaluate(o.example, sample), o.example).not.toThrow();
  });

  it('returns copies, so callers cannot change the list', () => {
    const first = listOperators();
    (first[0] as { example: string }).example = 'changed';
    expect(listOperators()[0]?.example).toBe('1 + 2');
  });
});
