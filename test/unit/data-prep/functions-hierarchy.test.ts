import { describe, expect, it } from 'vitest';
import { evaluate, evaluationError } from './helpers.js';

// Samples marked "doc" are from EN/FR help/data-prep/functions.md and its appendix.
const input = {
  n: null,
  s: 'text',
  evars: { evar: { field1: 'x', empty: null } },
  book_details: { author: 'George R. R. Martin', price: 17.99, ISBN: 'ISBN-978-0553801477' },
  book_details2: { author: 'Neil Gaiman', price: 17.99, ISBN: 'ISBN-0-380-97365-0', publisher: 'William Morrow' },
  address: { line1: '345 park ave', line2: 'bldg 2', City: 'san jose', State: 'CA', type: 'office' },
  addresses: [{ line1: '345 park ave', type: 'home' }, { line1: '1 main st', type: 'work' }, { line1: 'no type' }],
  lavaId: 'L-1',
};

describe('objects', () => {
  it.each([
    ['is_empty([1, null, 2, 3])', false], // doc
    ['is_empty([])', true],
    ['is_empty({})', true],
    ['is_empty("")', true],
    ['is_empty(n)', true],
    ['is_empty(0)', false],
    [
      `arrays_to_object('sku', explode("id1|id2", '\\\\|'), 'price', [22.5,14.35])`,
      [
        { sku: 'id1', price: 22.5 },
        { sku: 'id2', price: 14.35 },
      ],
    ], // doc
    ['array_to_object("a", [1, 2], "b", [3])', [{ a: 1, b: 3 }, { a: 2 }]],
    ['arrays_to_object("a", n, "b", [3])', [{ b: 3 }]],
    ['to_object("firstName", "John", "lastName", "Doe")', { firstName: 'John', lastName: 'Doe' }], // doc
    ['to_object("n", n, 1, true)', { n: null, 1: true }],
    [
      'str_to_object("firstName=John,lastName=Doe,phone=123 456 7890", "=", ",")',
      { firstName: 'John', lastName: 'Doe', phone: '123 456 7890' },
    ], // doc
    ['str_to_object("firstName - John ; lastName - ; phone - 123 456 7890", "-", ";").get("firstName")', 'John'], // doc
    ['str_to_object("a:1, b:2")', { a: '1', b: '2' }],
    ['str_to_object("a:1,junk,b:2,a:3")', { a: '1', b: '2' }],
    ['str_to_object(n)', null],
    ['contains_key("evars.evar.field1")', true], // doc
    ['contains_key("evars.evar.empty")', true],
    ['contains_key("evars.evar.field2")', false],
    ['contains_key("addresses[1].type")', true],
    ['contains_key("addresses[5]")', false],
    ['nullify()', null], // doc
    ['get_keys({"book1": "Pride and Prejudice", "book2": "1984"})', ['book1', 'book2']], // doc
    ['get_keys(n)', null],
    ['get_values("firstName - John , lastName - Cena , phone - 555 420 8692", "firstName", "-", ",")', 'John'], // doc
    ['get_values("a:1,b:2", "b", n)', '2'],
    ['get_values("a=1;b=2", "b", "=", ";")', '2'],
    ['get_values("a:1", "z", ":")', null],
    ['get_values(n, "a", ":")', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['to_object("a", 1, "b")', 'to_object needs key/value pairs, but got 3 arguments'],
    ['to_object(n, 1)', 'to_object: key 1 is null'],
    ['arrays_to_object("a", 5)', 'arrays_to_object values must be an array, not number'],
    ['arrays_to_object("a", [1], "b")', 'arrays_to_object needs key/array pairs, but got 3 arguments'],
    ['get_keys(s)', 'get_keys input must be an object, not string'],
    ['contains_key("a..b")', 'Empty field name at position 2 in "a..b"'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});

describe('maps', () => {
  it.each([
    ['map_get_values(book_details, "author")', { author: 'George R. R. Martin' }], // doc appendix
    [
      'map_get_values(book_details, ["author", "price", "author", "nope"])',
      { author: 'George R. R. Martin', price: 17.99 },
    ],
    ['map_get_values(n, "a")', null],
    ['map_has_keys(book_details, "author")', true], // doc appendix
    ['map_has_keys(book_details, ["nope", "ISBN"])', true],
    ['map_has_keys(book_details, "nope")', false],
    ['map_has_keys(n, "a")', false],
    [
      'add_to_map(book_details, book_details2)',
      { author: 'George R. R. Martin', price: 17.99, ISBN: 'ISBN-978-0553801477', publisher: 'William Morrow' },
    ], // doc appendix
    ['add_to_map({"a": 1}, n, {"a": 2, "b": 3})', { a: 1, b: 3 }],
    ['object_to_map("firstName", "John", "lastName", "Doe")', { firstName: 'John', lastName: 'Doe' }], // doc syntax 1
    ['object_to_map(address)', input.address], // doc syntax 2
    ['object_to_map(addresses, "type")', { home: input.addresses[0], work: input.addresses[1] }], // doc syntax 3
    ['object_to_map(n)', null],
    ['array_to_map(addresses, "type")', { home: input.addresses[0], work: input.addresses[1] }], // doc appendix
    ['array_to_map(n, "type")', null],
    ['to_map("firstName", "John", "lastName", "Doe")', { firstName: 'John', lastName: 'Doe' }], // doc
    [
      'to_map("LavaId", to_array(false, to_object("id", lavaId, "primary", true)))',
      { LavaId: [{ id: 'L-1', primary: true }] },
    ], // LAVA tutorial
    ['to_map(address)', input.address],
    ['to_map(n)', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it('returns new maps that do not share the input objects', () => {
    const result = evaluate('object_to_map(address)', input) as Record<string, unknown>;
    result.City = 'changed';
    expect(input.address.City).toBe('san jose');
  });

  it.each([
    ['map_get_values(s, "a")', 'map_get_values map must be an object, not string'],
    ['add_to_map({"a": 1}, [1])', 'add_to_map input must be an object, not array'],
    ['object_to_map(s)', 'object_to_map input must be an object, not string'],
    ['object_to_map("a", 1, "b")', 'object_to_map needs key/value pairs, but got 3 arguments'],
    ['array_to_map(address, "type")', 'array_to_map input must be an array, not object'],
    ['to_map(s)', 'to_map needs key/value pairs'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});

describe('arrays', () => {
  it.each([
    ['coalesce(null, null, null, "first", null, "second")', 'first'], // doc
    ['coalesce(n, n)', null],
    ['coalesce([n, 2])', 2],
    ['first("1", "2", "3")', '1'], // doc
    ['first([7, 8])', 7],
    ['first()', null],
    ['first([])', null],
    ['last("1", "2", "3")', '3'], // doc
    ['last([7, 8])', 8],
    ['last()', null],
    ["add_to_array(['a', 'b'], 'c', 'd')", ['a', 'b', 'c', 'd']], // doc
    ['add_to_array(n, 1)', [1]],
    ['add_to_array("x", 1)', ['x', 1]],
    ["join_arrays(['a', 'b'], ['c'], ['d', 'e'])", ['a', 'b', 'c', 'd', 'e']], // doc
    ['join_arrays([1], n, 2)', [1, 2]],
    ['to_array(false, 1, null, 2, 3)', [1, 2, 3]], // doc
    ['to_array(true, 1, null, n)', [1, null, null]],
    ['to_array(true)', []],
    ['size_of([1, 2, 3, 4])', 4], // doc
    ['size_of("abc")', 3],
    ['size_of(book_details)', 3],
    ['size_of(n)', 0],
    ['upsert_array_append([123, 456])', [123, 456]], // doc
    ['upsert_array_replace([123, 456], 1)', [123, 456]], // doc
    ['upsert_array_append(n)', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, input)).toEqual(expected);
  });

  it.each([
    ['to_array("maybe", 1)', 'to_array includeNulls must be a boolean, not "maybe"'],
    ['size_of(5)', 'Cannot take the size of number'],
  ])('%s fails', (expression, message) => {
    expect(evaluationError(expression, input)).toBe(message);
  });
});
