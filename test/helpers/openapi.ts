// Response-body validation against the vendors' own OpenAPI files (DESIGN.md, "Conformance
// tests"). Vendor schemas are not ours: Ajv's strict mode is off for them (they carry OpenAPI
// keywords such as `example`), on a separate instance from the emulator's own (STYLE.md §4).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { default as addFormatsModule } from 'ajv-formats';
import { load } from 'js-yaml';

/**
 * Where the vendor specs live: `../shared/specs` beside the repository, as on every developer
 * machine and in CI (DESIGN.md); CDP_EMULATOR_SPECS_DIR points elsewhere.
 */
export const SPECS_DIR =
  process.env.CDP_EMULATOR_SPECS_DIR ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'specs');

// CommonJS default export under NodeNext, as in src/schema/registry.ts.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
) => Ajv;

/** OpenAPI's own formats: type hints for code generators, no constraint on JSON values. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

type SpecDocument = {
  openapi?: string;
  swagger?: string;
  components?: { schemas?: Record<string, unknown> };
  definitions?: Record<string, unknown>;
};

type LoadedSpec = { ajv: Ajv; id: string; pointer: string; names: ReadonlySet<string> };

const specs = new Map<string, LoadedSpec>();
const validators = new Map<string, ValidateFunction>();

/** Problems of a body against a schema, as `"<path> <message>"` lines; empty when the body conforms. */
export type ResponseValidator = (body: unknown) => string[];

/**
 * A validator for one named schema of a vendor spec: `components/schemas/<name>` of an OpenAPI
 * 3 file or `definitions/<name>` of a Swagger 2 file. `specFile` is relative to SPECS_DIR
 * (e.g. `adobe/flow-service.yaml`) or absolute. Refs between the spec's schemas resolve because
 * the whole document is given to Ajv under an id of its own.
 */
export function responseValidator(specFile: string, schemaName: string): ResponseValidator {
  const file = path.resolve(SPECS_DIR, specFile);
  const spec = loadSpec(file);
  if (!spec.names.has(schemaName)) throw new Error(`${specFile} has no schema named ${schemaName}`);
  const key = `${file}#${schemaName}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = spec.ajv.compile({ $ref: `${spec.id}#${spec.pointer}/${schemaName}` });
    validators.set(key, validate);
  }
  const compiled = validate;
  return (body) => {
    if (compiled(body)) return [];
    return (compiled.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
    );
  };
}

/**
 * The name of the schema a spec declares for one operation's response, e.g.
 * (`adobe/flow-service.yaml`, `get`, `/flows/{FLOW_ID}`, `200`) → `FlowListResponse`; undefined
 * when the operation declares no body or names no schema.
 */
export function declaredResponseSchema(
  specFile: string,
  method: string,
  pathTemplate: string,
  status: string,
): string | undefined {
  const document = readSpec(path.resolve(SPECS_DIR, specFile)) as {
    paths?: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
  };
  const response = document.paths?.[pathTemplate]?.[method.toLowerCase()]?.responses?.[status];
  const schema = response?.schema ?? Object.values(response?.content ?? {})[0]?.schema;
  return schema?.$ref?.split('/').pop();
}

type ResponseObject = { schema?: { $ref?: string }; content?: Record<string, { schema?: { $ref?: string } }> };

/** Every schema name a spec declares, for tests that pick schemas by pattern. */
export function schemaNames(specFile: string): string[] {
  return [...loadSpec(path.resolve(SPECS_DIR, specFile)).names];
}

function loadSpec(file: string): LoadedSpec {
  const cached = specs.get(file);
  if (cached) return cached;
  const document = toJsonSchema(readSpec(file)) as SpecDocument;
  const swagger = document.swagger !== undefined;
  const schemas = (swagger ? document.definitions : document.components?.schemas) ?? {};
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
  const id = `https://cdp-emulator.local/vendor-specs/${path.basename(path.dirname(file))}/${path.basename(file)}`;
  ajv.addSchema(document, id);
  const loaded = {
    ajv,
    id,
    pointer: swagger ? '/definitions' : '/components/schemas',
    names: new Set(Object.keys(schemas)),
  };
  specs.set(file, loaded);
  return loaded;
}

const documents = new Map<string, unknown>();

function readSpec(file: string): unknown {
  if (!documents.has(file)) documents.set(file, load(readFileSync(file, 'utf8')));
  return documents.get(file);
}

/** Keys whose value maps names (of properties, schemas, paths) to schemas: those names are not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'schemas', 'paths', 'responses']);

/**
 * The spec made into plain JSON Schema for Ajv:
 * - OpenAPI 3.0's `nullable: true` and Swagger's `x-nullable: true` become a `null` member of `type`.
 * - `example`, `examples` and `x-*` extensions are dropped: they are documentation, and Ajv walks
 *   every key looking for `$id`, so an example XDM schema (which has one) would register as a
 *   schema id; schema-registry.yaml has the same `$id` in several examples.
 * - Names in maps such as `properties` are never dropped, whatever they look like.
 * - A string `$id` or `$schema` is dropped too: neither is a keyword of OpenAPI 3.0 or Swagger 2
 *   schemas, where they only appear in XDM data. (A property *named* `$id` has an object value and stays.)
 */
function toJsonSchema(node: unknown, namesOnly = false): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!namesOnly && (key === 'example' || key === 'examples' || key.startsWith('x-'))) continue;
    if (!namesOnly && (key === '$id' || key === '$schema') && typeof value === 'string') continue;
    out[key] = toJsonSchema(value, !namesOnly && NAME_MAPS.has(key));
  }
  const nullable = source.nullable === true || source['x-nullable'] === true;
  if (nullable && (typeof out.type === 'string' || Array.isArray(out.type))) {
    out.type = [...new Set([...(Array.isArray(out.type) ? out.type : [out.type]), 'null'])];
  }
  if (typeof out.nullable === 'boolean') delete out.nullable;
  return out;
}
