import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { default as addFormatsModule } from 'ajv-formats';
import type { XdmSchema } from './service.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
) => Ajv;

/**
 * Validates mapped records against a tenant's XDM schema. This is a second Ajv instance, on
 * purpose: our own schemas run in strict mode, while XDM schemas carry `meta:*` keywords and
 * are written by users, so they compile with `strict: false`. Each schema compiles once.
 */
export class XdmRecordValidator {
  // verbose: the inlet's sync-validation report names the type it found.
  readonly #ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  readonly #cache = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.#ajv);
  }

  /** Ajv's errors for `record`, empty when it fits the schema. */
  validate(schema: XdmSchema, record: unknown): ErrorObject[] {
    const validator = this.#compiled(schema);
    return validator(record) ? [] : [...(validator.errors ?? [])];
  }

  #compiled(schema: XdmSchema): ValidateFunction {
    const key = `${schema.$id}@${String(schema['meta:registryMetadata']['repo:lastModifiedDate'])}`;
    let validator = this.#cache.get(key);
    if (!validator) {
      validator = this.#ajv.compile(withoutExternalRefs(schema) as object);
      this.#cache.set(key, validator);
    }
    return validator;
  }
}

/**
 * The emulator has no XDM classes or field groups, so a reference to one (in `allOf`) is read
 * as "anything": what the user wrote inline is what is enforced. Ids are dropped so schemas
 * of different tenants never collide inside Ajv.
 */
function withoutExternalRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExternalRefs);
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && !ref.startsWith('#')) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' || key === '$schema' || key.startsWith('meta:')) continue;
    out[key] = withoutExternalRefs(value);
  }
  return out;
}
