import { describe, expect, it } from 'vitest';
import { batchItemSizes } from '../../src/pipelines/batch-sizes.js';

const sizesOf = (text: string): number[] | undefined => batchItemSizes(Buffer.from(text));
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe('batchItemSizes', () => {
  it('measures each item as serialised compactly', () => {
    const items = [
      { type: 'track', event: 'a' },
      { type: 'identify', traits: { n: [1, { x: '}]' }] } },
      42,
      'str',
      null,
    ];
    expect(sizesOf(JSON.stringify({ batch: items }))).toEqual(items.map(bytes));
  });

  it('counts the bytes as sent: whitespace inside an item, multi-byte characters, escapes', () => {
    const text = '{ "writeKey": "k", "batch" : [ {"a": "é€😀"} , { "b" : "q\\"]," }\n ] , "sentAt": "x" }';
    expect(sizesOf(text)).toEqual([Buffer.byteLength('{"a": "é€😀"}'), Buffer.byteLength('{ "b" : "q\\"]," }')]);
  });

  it('ignores a "batch" key that is not at the top level, and takes the last top-level one', () => {
    expect(sizesOf('{"context":{"batch":[1,2,3]},"batch":[{"x":1}]}')).toEqual([7]);
    expect(sizesOf('{"batch":[1],"batch":[22,333]}')).toEqual([2, 3]);
  });

  it.each(['{"batch":[]}', '{ "batch" : [ ] }'])('an empty batch has no sizes: %s', (text) => {
    expect(sizesOf(text)).toEqual([]);
  });

  it.each(['{}', '{"batches":[1]}', '[1,2]', '{"batch":{"a":1}}'])('no batch array: %s', (text) => {
    expect(sizesOf(text)).toBeUndefined();
  });
});
