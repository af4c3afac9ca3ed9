import { columnNameOf, compileMapping, compileMappingSet, type CompileOptions } from './engine.js';
import { compileExpression } from './expression/compile.js';
import { normalizeMapping } from './mappings.js';
import type { Problem, SourceType, TransformError } from './types.js';

/** Problems with one expression, for POST /languages/el/validate; empty when it is valid. */
export function validateExpression(text: unknown): Problem[] {
  if (typeof text !== 'string') return [{ path: 'expression', message: 'expression must be a string' }];
  if (text.trim() === '') return [{ path: 'expression', message: 'expression must not be empty' }];
  const compiled = compileExpression(text);
  return compiled.ok ? [] : compiled.problems;
}

/** One item of `validationResponse` (data-prep.yaml `ValidationResponse`). */
export type MappingValidation = { status: 'SUCCESS' | 'FAILED'; errors: TransformError[] | null };

/**
 * One result per mapping, in order, for POST /mappingSets/validate (EN `help/data-prep/api/
 * mapping-set.md`: `{"validationResponse":[{"status":"SUCCESS","errors":null}, …]}`). A failed
 * mapping's problems come back as TransformErrorInfo objects whose `exception` is the message.
 */
export function validateMappingSet(raw: readonly unknown[], options: CompileOptions = {}): MappingValidation[] {
  return raw.map((item, i) => {
    const path = `mappings[${i}]`;
    const normalized = normalizeMapping(item, path);
    const fields = describeRaw(item);
    const problems = normalized.ok ? compileMapping(normalized.mapping, path, options) : normalized.problems;
    if (!Array.isArray(problems)) return { status: 'SUCCESS', errors: null };
    const base = normalized.ok ? normalized.mapping : fields;
    const columnName = normalized.ok ? columnNameOf(normalized.mapping) : fields.source;
    return {
      status: 'FAILED',
      errors: problems.map((p) => ({
        destination: base.destination,
        exception: `${p.path}: ${p.message}`,
        source: base.source,
        columnName,
        sourceType: base.sourceType,
      })),
    };
  });
}

/** Best-effort fields of a mapping that did not normalise, for its error entries. */
function describeRaw(item: unknown): { destination: string; source: string; sourceType: SourceType } {
  const m = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  const text = (...keys: string[]): string => {
    const found = keys.map((k) => m[k]).find((v) => typeof v === 'string');
    return typeof found === 'string' ? found : '';
  };
  const sourceType = m.sourceType === 'STATIC' || m.sourceType === 'EXPRESSION' ? m.sourceType : 'ATTRIBUTE';
  return {
    destination: text('destination', 'destinationXdmPath'),
    source: text('sourceExpression', 'source', 'sourceAttribute'),
    sourceType,
  };
}

/** One item of the preview response: the mapped record and its errors (null when none). */
export type PreviewItem = { data: Record<string, unknown>; errors: TransformError[] | null };

export type PreviewResult = { ok: true; items: PreviewItem[] } | { ok: false; problems: Problem[] };

/**
 * POST /mappingSets/preview: each sample record mapped (EN `help/data-prep/api/mapping-set.md`
 * shows `[{"data": {…}, "errors": null}]`). A mapping set that does not compile gives its problems.
 */
export function previewMappingSet(
  raw: readonly unknown[],
  data: readonly unknown[],
  options: CompileOptions = {},
): PreviewResult {
  const compiled = compileMappingSet(raw, options);
  if (!compiled.ok) return compiled;
  return {
    ok: true,
    items: data.map((input) => {
      const { record, errors } = compiled.mappingSet.apply(input);
      return { data: record, errors: errors.length > 0 ? errors : null };
    }),
  };
}
