import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { default as addFormatsModule } from 'ajv-formats';
import { default as addErrorsModule } from 'ajv-errors';

/** One validation problem: a JSON Pointer into the payload and a sentence (DESIGN.md). */
export type Problem = { path: string; message: string };

/** Compiled validators of every schema under `schemas/`, addressed by their path there. */
export interface SchemaRegistry {
  /** Problems of `value` against schema `name` (e.g. `pipelines/track`); empty when valid. Never throws. */
  validate(name: string, value: unknown): Problem[];
  has(name: string): boolean;
  /**
   * Compiles every schema not compiled yet, one per macrotask, so that requests arriving
   * meanwhile are served between them. Resolves when all are compiled.
   */
  warmUp(): Promise<void>;
}

const ID_BASE = 'https://cdp-emulator.local/schemas/';

// ajv-formats and ajv-errors are CommonJS with a default export; under NodeNext the
// namespace object may or may not be the function itself.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
) => Ajv;
const addErrors = ((addErrorsModule as unknown as { default?: unknown }).default ?? addErrorsModule) as (a: Ajv) => Ajv;

/**
 * Loads every `*.json` schema below `dir` into one Ajv (STYLE.md §4: allErrors, strict). Each
 * compiles once, on first use or during `warmUp()`: compiling them all up front would take
 * most of the CLI's start-up time.
 */
export function createSchemaRegistry(dir: string): SchemaRegistry {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  addErrors(ajv);
  // json-schema-to-typescript's annotation; meaningless to validation.
  ajv.addKeyword('tsType');
  const names = new Set(listSchemas(dir));
  for (const name of names) {
    const schema = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { $id?: unknown };
    if (schema.$id !== `${ID_BASE}${name}.json`) throw new Error(`schema ${name} has no $id ${ID_BASE}${name}.json`);
    ajv.addSchema(schema as object);
  }
  const validators = new Map<string, ValidateFunction>();
  const compiled = (name: string): ValidateFunction => {
    let validator = validators.get(name);
    if (!validator) {
      validator = names.has(name) ? ajv.getSchema(`${ID_BASE}${name}.json`) : undefined;
      if (!validator) throw new Error(`unknown schema ${name}`);
      validators.set(name, validator);
    }
    return validator;
  };
  return {
    has: (name) => names.has(name),
    validate(name, value) {
      const validator = compiled(name);
      return validator(value) ? [] : toProblems(validator.errors ?? []);
    },
    async warmUp() {
      for (const name of names) {
        if (validators.has(name)) continue;
        await new Promise<void>((resolve) => setImmediate(resolve));
        compiled(name);
      }
    },
  };
}

/** The `schemas/` folder of this package, from both `src/` (tests) and `dist/` (the binary). */
export function defaultSchemaDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', 'schemas');
}

function listSchemas(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listSchemas(dir, rel);
    return entry.name.endsWith('.json') ? [rel.slice(0, -'.json'.length)] : [];
  });
}

/**
 * Ajv reports the failing branches of every `anyOf`/`if` as well as the summary; users want
 * one line per real problem, so branch noise is dropped and duplicates merged.
 */
export function toProblems(errors: readonly ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    // Errors inside a failed anyOf branch are summarised by the anyOf's own message.
    if (error.keyword !== 'errorMessage' && /\/anyOf\/\d+\//.test(error.schemaPath)) continue;
    // Point at the key itself for a missing or an extra property, not at its parent.
    const named =
      error.keyword === 'required'
        ? error.params.missingProperty
        : error.keyword === 'additionalProperties'
          ? error.params.additionalProperty
          : undefined;
    const missing = named === undefined ? '' : `/${String(named)}`;
    const problem = { path: `${error.instancePath}${missing}`, message: messageOf(error) };
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'enum')
    return `${error.message}: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'const') return `must be ${JSON.stringify(error.params.allowedValue)}`;
  return error.message ?? 'is invalid';
}
