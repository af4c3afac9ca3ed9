import type { Mapping, Problem, SourceType } from './types.js';

/**
 * Adobe's docs write a mapping in three dialects (reference §4 "Mapping objects"):
 * 1. API guide and spec: `{sourceType, source, destination, name?, description?}`; the read shape's
 *    `sourceType: "text/x.schema-path"` is accepted as ATTRIBUTE, so a mapping read back can be
 *    written again.
 * 2. Sources tutorials (Customer.io, Chatlio, LAVA…): `{sourceAttribute, destinationXdmPath,
 *    identity, version}` with no sourceType. This is read as ATTRIBUTE, always: the read shape
 *    reports such mappings as "text/x.schema-path", and every documented calculated field in that
 *    dialect says so explicitly (LAVA: `sourceExpression` with `sourceType: "EXPRESSION"`). Guessing
 *    from the text would misread field names such as `${a}` or `a(b)` that are valid paths.
 * 3. Expression form (EN `…/create/loyalty/lava.md`): `{destinationXdmPath, sourceExpression,
 *    sourceType: "EXPRESSION"}`.
 * Destination SDK docs also use `sourceType: "text/x.aep-xl"` for an expression; it is read as
 * EXPRESSION. Unknown keys (id, version, dates, matchScore…) are ignored.
 */
const SOURCE_TYPES: Record<string, SourceType> = {
  ATTRIBUTE: 'ATTRIBUTE',
  STATIC: 'STATIC',
  EXPRESSION: 'EXPRESSION',
  'text/x.schema-path': 'ATTRIBUTE',
  'text/x.aep-xl': 'EXPRESSION',
};

export type NormalizeResult = { ok: true; mapping: Mapping } | { ok: false; problems: Problem[] };

export function normalizeMapping(raw: unknown, path = 'mapping'): NormalizeResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path, message: 'A mapping must be an object' }] };
  }
  const m = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  const at = (key: string) => `${path}.${key}`;

  let sourceType: SourceType = m.sourceExpression !== undefined ? 'EXPRESSION' : 'ATTRIBUTE';
  if (m.sourceType !== undefined) {
    const known = typeof m.sourceType === 'string' ? SOURCE_TYPES[m.sourceType] : undefined;
    if (known === undefined) {
      problems.push({
        path: at('sourceType'),
        message: `sourceType must be ATTRIBUTE, STATIC or EXPRESSION, not ${JSON.stringify(m.sourceType)}`,
      });
    } else {
      sourceType = known;
    }
  }

  const sourceKeys =
    sourceType === 'EXPRESSION' ? ['sourceExpression', 'source', 'sourceAttribute'] : ['source', 'sourceAttribute'];
  const source = pickString(m, sourceKeys, path, problems, sourceType !== 'STATIC');
  const destination = pickString(m, ['destination', 'destinationXdmPath'], path, problems, true);

  const mapping: Mapping = { sourceType, source: source ?? '', destination: destination ?? '' };
  for (const key of ['identity', 'primaryIdentity'] as const) {
    if (m[key] === undefined) continue;
    if (typeof m[key] === 'boolean') mapping[key] = m[key];
    else problems.push({ path: at(key), message: `${key} must be a boolean` });
  }
  for (const key of ['identityGroup', 'namespaceCode', 'name', 'description'] as const) {
    if (m[key] === undefined || m[key] === null) continue;
    if (typeof m[key] === 'string') mapping[key] = m[key];
    else problems.push({ path: at(key), message: `${key} must be a string` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mapping };
}

/** The first present key among `keys`; every spelling given must agree. */
function pickString(m: Record<string, unknown>, keys: string[], path: string, problems: Problem[], nonEmpty: boolean) {
  const present = keys.filter((k) => m[k] !== undefined && m[k] !== null);
  const first = present[0];
  if (first === undefined) {
    problems.push({ path: `${path}.${keys[0]}`, message: `A mapping needs ${keys.join(' or ')}` });
    return undefined;
  }
  for (const key of present) {
    if (typeof m[key] !== 'string') {
      problems.push({ path: `${path}.${key}`, message: `${key} must be a string` });
      return undefined;
    }
    if (m[key] !== m[first]) {
      problems.push({ path: `${path}.${key}`, message: `${key} and ${first} disagree` });
      return undefined;
    }
  }
  const value = m[first] as string;
  if (nonEmpty && value.trim() === '') {
    problems.push({ path: `${path}.${first}`, message: `${first} must not be empty` });
    return undefined;
  }
  return value;
}

/** Normalises a mapping set's `mappings`; problem paths are `mappings[i].field`. */
export function normalizeMappings(raw: unknown): { mappings: Mapping[]; problems: Problem[] } {
  if (!Array.isArray(raw))
    return { mappings: [], problems: [{ path: 'mappings', message: 'mappings must be an array' }] };
  const mappings: Mapping[] = [];
  const problems: Problem[] = [];
  raw.forEach((item, i) => {
    const result = normalizeMapping(item, `mappings[${i}]`);
    if (result.ok) mappings.push(result.mapping);
    else problems.push(...result.problems);
  });
  return { mappings, problems };
}

/** A stored mapping as Adobe's read shape has it, before the routes add id, version and dates. */
export type RenderedMapping = {
  sourceType: 'text/x.schema-path' | 'STATIC' | 'EXPRESSION';
  source: string;
  destination: string;
  identity: boolean;
  primaryIdentity: boolean;
  identityGroup?: string;
  namespaceCode?: string;
  matchScore: number;
  functionVersion: number;
  sourceAttribute: string;
  destinationXdmPath: string;
  name?: string;
  description?: string;
};

/**
 * Both spellings, as GET /mappingSets/{id} returns them (data-prep.yaml MappingOperation example:
 * `sourceType: "text/x.schema-path"`, identity, primaryIdentity, matchScore 0.0, functionVersion 1,
 * sourceAttribute, destinationXdmPath).
 */
export function renderMapping(mapping: Mapping): RenderedMapping {
  return {
    sourceType: mapping.sourceType === 'ATTRIBUTE' ? 'text/x.schema-path' : mapping.sourceType,
    source: mapping.source,
    destination: mapping.destination,
    identity: mapping.identity ?? false,
    primaryIdentity: mapping.primaryIdentity ?? false,
    ...(mapping.identityGroup !== undefined ? { identityGroup: mapping.identityGroup } : {}),
    ...(mapping.namespaceCode !== undefined ? { namespaceCode: mapping.namespaceCode } : {}),
    matchScore: 0,
    functionVersion: 1,
    sourceAttribute: mapping.source,
    destinationXdmPath: mapping.destination,
    ...(mapping.name !== undefined ? { name: mapping.name } : {}),
    ...(mapping.description !== undefined ? { description: mapping.description } : {}),
  };
}
