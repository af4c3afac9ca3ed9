import { randomUUID } from 'node:crypto';
import { coerce } from './coerce.js';
import { compileExpression } from './expression/compile.js';
import { toJson, type Value, type ValueObject } from './expression/values.js';
import type { EvalContext } from './functions/registry-types.js';
import { normalizeMapping } from './mappings.js';
import { parsePath, readPath, writePath, type Segment } from './paths.js';
import type { EvalServices, Mapping, Problem, TransformError, XdmType } from './types.js';

export type CompileOptions = {
  /** The XDM type at a destination path, if known; values are converted to it (coerce.ts). */
  targetType?: (destination: string) => XdmType | undefined;
  /**
   * Write nulls (including attributes nulled by an error) instead of leaving them out. Adobe's
   * mapping sets carry `allowNullValues`, false by default (reference §4 read shape).
   */
  allowNullValues?: boolean;
  services?: Partial<EvalServices>;
};

export type ApplyResult = { record: Record<string, unknown>; errors: TransformError[] };

export type CompiledMappingSet = {
  /** The normalised mappings, in the order given. */
  readonly mappings: readonly Mapping[];
  apply(input: unknown): ApplyResult;
};

export type CompileMappingSetResult = { ok: true; mappingSet: CompiledMappingSet } | { ok: false; problems: Problem[] };

/** One mapping compiled: where it writes, how it reads, and what type it converts to. */
export type CompiledMapping = {
  mapping: Mapping;
  destination: Segment[];
  depth: number;
  read: (ctx: EvalContext) => Value;
  type: XdmType | undefined;
  columnName: string;
};

/**
 * TransformErrorInfo's `columnName` (inference; the spec gives no description): the source column
 * for an attribute mapping, otherwise the mapping's name or its destination.
 */
export function columnNameOf(mapping: Mapping): string {
  return mapping.sourceType === 'ATTRIBUTE' ? mapping.source : (mapping.name ?? mapping.destination);
}

/** Compiles one mapping; problems carry `mappings[i].…` paths. */
export function compileMapping(
  mapping: Mapping,
  path: string,
  options: CompileOptions = {},
): CompiledMapping | Problem[] {
  const problems: Problem[] = [];
  const destination = parsePath(mapping.destination);
  if (!destination.ok) problems.push({ path: `${path}.destination`, message: destination.message });
  let read: CompiledMapping['read'] = () => undefined;
  if (mapping.sourceType === 'STATIC') {
    const value = mapping.source;
    read = () => value;
  } else if (mapping.sourceType === 'ATTRIBUTE') {
    const source = parsePath(mapping.source);
    if (source.ok) read = (ctx) => readPath(ctx.input, source.segments);
    else problems.push({ path: `${path}.source`, message: source.message });
  } else {
    const compiled = compileExpression(mapping.source);
    if (compiled.ok) read = compiled.evaluate;
    else problems.push(...compiled.problems.map((p) => ({ ...p, path: `${path}.source` })));
  }
  if (problems.length > 0 || !destination.ok) return problems;
  return {
    mapping,
    destination: destination.segments,
    depth: destination.segments.length,
    read,
    type: options.targetType?.(mapping.destination),
    columnName: columnNameOf(mapping),
  };
}

/**
 * Compiles a mapping set once (any of Adobe's three mapping dialects, see mappings.ts), returning
 * either every problem found or an object whose `apply` maps one record without re-parsing.
 */
export function compileMappingSet(raw: readonly unknown[], options: CompileOptions = {}): CompileMappingSetResult {
  const problems: Problem[] = [];
  const mappings: Mapping[] = [];
  const steps: CompiledMapping[] = [];
  raw.forEach((item, i) => {
    const normalized = normalizeMapping(item, `mappings[${i}]`);
    if (!normalized.ok) {
      problems.push(...normalized.problems);
      return;
    }
    mappings.push(normalized.mapping);
    const step = compileMapping(normalized.mapping, `mappings[${i}]`, options);
    if (Array.isArray(step)) problems.push(...step);
    else steps.push(step);
  });
  if (problems.length > 0) return { ok: false, problems };
  // Parents before children (a stable sort keeps the given order otherwise): an object mapped as a
  // whole is copied first, then mappings into its fields refine it ("object copy", functions.md).
  steps.sort((a, b) => a.depth - b.depth);
  const services: EvalServices = { clock: Date.now, randomUUID, ...options.services };
  const allowNull = options.allowNullValues === true;
  return {
    ok: true,
    mappingSet: { mappings, apply: (input) => applyCompiledMappings(steps, input, services, allowNull) },
  };
}

function applyCompiledMappings(
  steps: readonly CompiledMapping[],
  input: unknown,
  services: EvalServices,
  allowNull: boolean,
): ApplyResult {
  const record: ValueObject = {};
  const errors: TransformError[] = [];
  const ctx: EvalContext = { input: input as Value, services };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as CompiledMapping;
    let value: Value;
    try {
      value = step.read(ctx);
      if (step.type !== undefined) value = coerce(value, step.type);
    } catch (error) {
      errors.push(transformError(step, error));
      value = null;
    }
    if (value === undefined || (value === null && !allowNull)) continue;
    // toJson copies objects and arrays, so the record never aliases the input ("object copy").
    writePath(record, step.destination, toJson(value));
  }
  return { record: record as Record<string, unknown>, errors };
}

function transformError(step: CompiledMapping, error: unknown): TransformError {
  return {
    destination: step.mapping.destination,
    exception: error instanceof Error ? error.message : String(error),
    source: step.mapping.source,
    columnName: step.columnName,
    sourceType: step.mapping.sourceType,
  };
}
