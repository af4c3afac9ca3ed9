import { describe, expect, it } from 'vitest';
import { listFunctions } from '../../../src/aep/data-prep/index.js';
import { compileProblems, evaluate } from './helpers.js';

// Every function and method the engine implements; each has its own cases in functions-*.test.ts.
const IMPLEMENTED =
  `concat explode instr replacestr substr lower lcase upper ucase split join lpad rpad left right ltrim rtrim
trim equals equalsIgnoreCase extract_regex matches_regex sha1 sha256 sha512 md5 crc32 get_url_protocol get_url_host
get_url_port get_url_path get_url_query_str get_url_encoded get_url_decoded now timestamp format dformat date
zone_date_to_utc zone_date_to_zone date_part set_date_part make_date_time make_timestamp is_empty arrays_to_object
array_to_object to_object str_to_object get contains_key nullify get_keys get_values map_get_values map_has_keys
add_to_map object_to_map array_to_map to_map coalesce first last add_to_array join_arrays to_array size_of
upsert_array_append upsert_array_replace decode iif min max to_bigint to_decimal to_float to_integer json_to_object uuid
guid ua_os_name ua_os_version_major ua_os_version ua_os_name_version ua_agent_version ua_agent_version_major
ua_agent_name ua_device_class`.split(/\s+/);

// Examples whose documented result depends on the clock, randomness or a time zone's rules.
const NOT_REPRODUCIBLE = new Set(['now', 'timestamp', 'uuid', 'guid']);

describe('listFunctions (GET /languages/el/functions)', () => {
  const functions = listFunctions();

  it('lists exactly the implemented functions, once each', () => {
    const names = functions.map((f) => f.function);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...IMPLEMENTED].sort());
  });

  it('does not list what is not implemented', () => {
    const names = new Set(functions.map((f) => f.function));
    for (const skipped of [
      'fpid_to_ecid',
      'array_to_string',
      'filterArray',
      'transformArray',
      'flattenArray',
      'aa_get_event_id',
    ]) {
      expect(names.has(skipped)).toBe(false);
    }
  });

  it('reproduces the spec sample item for first() exactly', () => {
    expect(functions.find((f) => f.function === 'first')).toEqual({
      category: 'Hierarchies - Arrays',
      function: 'first',
      description: 'Function to retrieve the first element of the given array.',
      syntax: 'T first(T...)',
      returns: 'The first element or null if the array is null or empty.',
      returnType: 'java.lang.Object',
      example: 'first("1", "2", "3")',
      result: '"1"',
      params: [
        {
          name: 'values',
          description: 'Zero or more arguments',
          type: 'object',
          dataType: '[Ljava.lang.Object;',
          position: 1,
        },
      ],
      since: 1,
    });
  });

  it('gives every item the documented fields, with positions counting from 1', () => {
    for (const f of functions) {
      expect(Object.keys(f).sort(), f.function).toEqual(
        [
          'category',
          'description',
          'example',
          'function',
          'params',
          'result',
          'returnType',
          'returns',
          'since',
          'syntax',
        ].sort(),
      );
      expect(
        f.params.map((p) => p.position),
        f.function,
      ).toEqual(f.params.map((_, i) => i + 1));
      expect(f.returnType, f.function).toMatch(/^java\./);
    }
    expect(functions.find((f) => f.function === 'date')?.category).toBe('Date / Time');
  });

  it.each(functions.map((f) => [f.function, f.example, f.result] as const))(
    '%s: its example compiles',
    (_name, example) => {
      expect(compileProblems(example)).toEqual([]);
    },
  );

  it.each(
    functions.filter((f) => !NOT_REPRODUCIBLE.has(f.function)).map((f) => [f.function, f.example, f.result] as const),
  )('%s: its example evaluates to its listed result', (_name, example, result) => {
    expect(evaluate(example, { evars: { evar: { field1: 1 } } })).toEqual(JSON.parse(result));
  });

  it('returns copies, so callers cannot change the registry', () => {
    const first = listFunctions();
    (first[0] as { description: string }).description = 'changed';
    (first[0]?.params[0] as { name: string }).name = 'changed';
    expect(listFunctions()[0]?.description).not.toBe('changed');
    expect(listFunctions()[0]?.params[0]?.name).not.toBe('changed');
  });
});
