import { describe, expect, it } from 'vitest';
import {
  createPropertyPredicate,
  parsePropertyParams,
  projectFields,
  type PropertyQuery,
} from '../../../src/aep/flow-service/query/index.js';
import { flows } from './fixtures.js';

function parse(values: readonly string[]): PropertyQuery {
  const result = parsePropertyParams(values);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(values)} to parse, got ${result.error.message}`);
  return result.value;
}

function idsMatching(values: readonly string[]): string[] {
  return flows()
    .filter(createPropertyPredicate(parse(values).filters))
    .map((flow) => flow.id);
}

describe('property filters: which flows match', () => {
  const rows: [string, string[], string[]][] = [
    // operators
    ['== on a string', ['state==enabled'], ['f1', 'f3']],
    ['== on an id', ['id==f2'], ['f2']],
    ['> on epoch ms', ['createdAt>1593134665781'], ['f2']],
    ['>= on epoch ms', ['createdAt>=1593134665781'], ['f1', 'f2']],
    ['< on epoch ms', ['createdAt<1653134665781'], ['f1']],
    ['<= on epoch ms', ['createdAt<=1653134665781'], ['f1', 'f2']],
    ['the docs single = form', ['state=disabled'], ['f2']],
    // any-of lists
    ['comma list means any of', ['id==f1,f3'], ['f1', 'f3']],
    ['comma list with no hit', ['id==x,y'], []],
    // nested and array paths
    ['dotted path', ['inheritedAttributes.properties.isDestinationFlow==true'], ['f2']],
    ['[] over an array of strings', ['sourceConnectionIds[]==s2'], ['f1']],
    ['[] with any-of', ['sourceConnectionIds[]==s3,s1'], ['f1', 'f2']],
    ['[] then a nested path', ['transformations[].params.mappingId==m2'], ['f3']],
    ['[] at two levels', ['transformations[].params.segmentSelectors.selectors[].value.id==seg-b'], ['f2']],
    ['[] at two levels, no hit', ['transformations[].params.segmentSelectors.selectors[].value.id==seg-z'], []],
    ['an array without [] matches nothing', ['sourceConnectionIds==s1'], []],
    ['[] on a non-array matches nothing', ['name[]==Alpha'], []],
    // type coercion
    ['boolean true', ['inheritedAttributes.properties.isSourceFlow==true'], ['f1']],
    ['boolean false', ['inheritedAttributes.properties.isSourceFlow==false'], ['f3']],
    ['boolean written in capitals', ['inheritedAttributes.properties.isSourceFlow==TRUE'], ['f1']],
    ['number equality', ['createdAt==1653134665781'], ['f2']],
    ['a non-numeric value never equals a number', ['createdAt==abc'], []],
    ['numeric string compared as a number', ['scheduleParams.startTime>1612310466'], ['f3']],
    ['string equality ignores case', ['metrics.statusSummary.status==failed'], ['f1']],
    ['string equality ignores case, other way', ['metrics.statusSummary.status==Success'], ['f2']],
    ['string equality is not a substring match', ['name==Alph'], []],
    ['quoted value', ['name=="beta"'], ['f2']],
    ['value with a space', ['description==Test description'], ['f2']],
    ['missing field matches nothing', ['nope==x'], []],
    ['range skips missing values', ['createdAt>0'], ['f1', 'f2']],
    // AND
    ['two parameters are ANDed', ['state==enabled', 'createdAt>1'], ['f1']],
    ['a range between two parameters', ['createdAt>1', 'createdAt<1600000000000'], ['f1']],
    ['AND with no overlap', ['state==disabled', 'id==f1'], []],
    ['comma-joined clauses (spec style: form, explode: false)', ['state==enabled,createdAt>1'], ['f1']],
    ['no property parameter keeps everything', [], ['f1', 'f2', 'f3']],
  ];

  it.each(rows)('%s', (_label, values, expected) => {
    expect(idsMatching(values)).toEqual(expected);
  });
});

describe('property filters: parsed form', () => {
  it('keeps the path, operator and values of each clause', () => {
    const { filters, projection } = parse(['sourceConnectionIds[]==a,b', 'createdAt>=5']);
    expect(projection).toEqual([]);
    expect(filters.map(({ path, operator, values }) => ({ path, operator, values }))).toEqual([
      { path: 'sourceConnectionIds[]', operator: '==', values: ['a', 'b'] },
      { path: 'createdAt', operator: '>=', values: ['5'] },
    ]);
    expect(filters[0]?.segments).toEqual([{ key: 'sourceConnectionIds', each: true }]);
  });

  it('keeps a value that contains = after the operator', () => {
    expect(parse(['name==a=b']).filters[0]?.values).toEqual(['a=b']);
  });
});

describe('property without operator: projection', () => {
  const rows: [string, string[], string[], string[]][] = [
    ['one field', ['name'], ['name'], []],
    ['a comma list', ['name,id'], ['name', 'id'], []],
    ['repeated parameters, de-duplicated', ['name', 'id', 'name'], ['name', 'id'], []],
    ['fields before a filter', ['name,state==enabled'], ['name'], ['state']],
    ['after a filter a bare word is a value, not a field', ['state==enabled,name'], [], ['state']],
  ];

  it.each(rows)('%s', (_label, values, projection, filterPaths) => {
    const query = parse(values);
    expect(query.projection).toEqual(projection);
    expect(query.filters.map((filter) => filter.path)).toEqual(filterPaths);
  });

  it('projects top-level and dotted fields and leaves missing ones out', () => {
    const [alpha] = flows();
    expect(projectFields(alpha!, ['name', 'inheritedAttributes.properties.isSourceFlow', 'description'])).toEqual({
      name: 'Alpha',
      inheritedAttributes: { properties: { isSourceFlow: true } },
    });
  });

  it('copies projected values instead of sharing them', () => {
    const [alpha] = flows();
    const projected = projectFields(alpha!, ['sourceConnectionIds']);
    (projected.sourceConnectionIds as string[]).push('changed');
    expect(alpha!.sourceConnectionIds).toEqual(['s1', 's2']);
  });

  it('keeps a __proto__ key as data rather than as a prototype', () => {
    const entity = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const projected = projectFields(entity, ['__proto__']);
    expect(Object.getPrototypeOf(projected)).toBe(Object.prototype);
    expect(Object.hasOwn(projected, '__proto__')).toBe(true);
  });

  it('never reaches through the prototype', () => {
    expect(idsMatching(['constructor.name==Object'])).toEqual([]);
  });
});

describe('property filters: errors in Adobe words', () => {
  const rows: [string, string, number, number, string][] = [
    ['empty path', '==x', 1449, 400, 'Invalid field  in filter params.'],
    ['malformed path', 'a..b==x', 1449, 400, 'Invalid field a..b in filter params.'],
    ['index instead of []', 'a[0]==x', 1449, 400, 'Invalid field a[0] in filter params.'],
    ['bad projection field', '#id', 1449, 400, 'Invalid field #id in filter params.'],
    ['[] in a projection', 'sourceConnectionIds[]', 1449, 400, 'Invalid field sourceConnectionIds[] in filter params.'],
    ['unknown operator !>', 'createdAt!>5', 1450, 400, 'Invalid operator !> in filter params.'],
    ['undocumented !=', 'state!=enabled', 1450, 400, 'Invalid operator != in filter params.'],
    ['=== is not ==', 'state===enabled', 1450, 400, 'Invalid operator === in filter params.'],
    ['=> is not >=', 'createdAt=>5', 1450, 400, 'Invalid operator => in filter params.'],
    [
      'unknown operator in a comma-joined clause',
      'state==enabled,createdAt!>5',
      1450,
      400,
      'Invalid operator !> in filter params.',
    ],
    ['like operator ~', 'name~Alp', 1440, 400, "Operator '~' not implemented."],
    ['range with several values', 'createdAt<=1,2', 1443, 400, "Operator '<=' is not allowed for multiple values."],
    ['range on id', 'id>=5', 1448, 400, 'Operator >= not supported for field id.'],
    ['range with a non-number', 'createdAt>yesterday', 1452, 400, 'Invalid value yesterday for field createdAt.'],
    ['empty value', 'createdAt==', 1453, 400, 'Invalid query value createdAt== provided in query param.'],
    ['empty member of a list', 'id==a,,b', 1453, 400, 'Invalid query value id==a,,b provided in query param.'],
    ['empty quoted value', 'name==""', 1453, 400, 'Invalid query value name=="" provided in query param.'],
    ['empty parameter', '', 1453, 400, 'Invalid query value  provided in query param.'],
    ['object literal value', 'params=={"a":1}', 1454, 400, 'Unhandled Filter Value Type provided.'],
    ['array literal value', 'id==[1]', 1454, 400, 'Unhandled Filter Value Type provided.'],
  ];

  it.each(rows)('%s: %s', (_label, value, code, status, message) => {
    const result = parsePropertyParams(['state==enabled', value]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, status: result.error.status, message: result.error.message }).toEqual({
      code,
      status,
      message,
    });
    expect(result.error.title).toBe('Invalid request');
  });
});
