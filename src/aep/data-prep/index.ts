// The public API of Data Prep's domain code: mapping dialects, the expression language, the
// mapping engine, and the validate/preview operations the conversion routes expose.
export type { EvalServices, Mapping, Problem, SourceType, TransformError, XdmType } from './types.js';
export { normalizeMapping, normalizeMappings, renderMapping } from './mappings.js';
export type { NormalizeResult, RenderedMapping } from './mappings.js';
export { compileMappingSet } from './engine.js';
export type { ApplyResult, CompileMappingSetResult, CompileOptions, CompiledMappingSet } from './engine.js';
export { previewMappingSet, validateExpression, validateMappingSet } from './validate.js';
export type { MappingValidation, PreviewItem, PreviewResult } from './validate.js';
export { compileExpression, MAX_EXPRESSION_LENGTH } from './expression/compile.js';
export type { CompileResult, Evaluator } from './expression/compile.js';
export { parseExpression } from './expression/parser.js';
export type { Node } from './expression/ast.js';
export { listOperators } from './expression/operator-list.js';
export type { OperatorInfo } from './expression/operator-list.js';
export { listFunctions } from './functions/registry.js';
export type { EvalContext, FunctionInfo, ParamInfo } from './functions/registry-types.js';
export type { Value } from './expression/values.js';
export { ZonedDate } from './dates/zoned-date.js';
