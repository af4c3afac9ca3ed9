import type { EvalServices } from '../types.js';
import type { Value } from '../expression/values.js';

/** What a function sees besides its arguments: the input record (for contains_key) and services. */
export type EvalContext = { input: Value; services: EvalServices };

export type FunctionImpl = (args: Value[], ctx: EvalContext) => Value;

/** A parameter as `/languages/el/functions` lists it (data-prep.yaml example). */
export type ParamInfo = { name: string; description: string; type: string; dataType: string; position: number };

/** One item of `GET /languages/el/functions` (data-prep.yaml, and EN `help/data-prep/api/functions.md`). */
export type FunctionInfo = {
  category: string;
  function: string;
  description: string;
  syntax: string;
  returns: string;
  returnType: string;
  example: string;
  result: string;
  params: ParamInfo[];
  since: number;
};

/** Parameter kinds, each with the Java type Adobe's metadata names in `dataType`. */
export type ParamKind = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'map' | 'date' | 'varargs';

export type ParamSpec = { name: string; description: string; kind: ParamKind };

export type FunctionDef = {
  name: string;
  category: string;
  description: string;
  syntax: string;
  returns: string;
  returnType: string;
  example: string;
  result: string;
  params: ParamSpec[];
  /** Fewest and most arguments; `Infinity` for varargs. For methods, not counting the target. */
  arity: readonly [number, number];
  impl: FunctionImpl;
  /** A method is called on a value (`S1.equals(S2)`); its first argument is the target. */
  kind?: 'function' | 'method';
};

export function param(name: string, description: string, kind: ParamKind): ParamSpec {
  return { name, description, kind };
}

const JAVA_TYPES: Record<ParamKind, string> = {
  string: 'java.lang.String',
  integer: 'java.lang.Integer',
  number: 'java.lang.Number',
  boolean: 'java.lang.Boolean',
  object: 'java.lang.Object',
  array: 'java.util.List',
  map: 'java.util.Map',
  date: 'java.time.ZonedDateTime',
  varargs: '[Ljava.lang.Object;',
};

/** The `/languages/el/functions` item for a definition. */
export function toFunctionInfo(def: FunctionDef): FunctionInfo {
  return {
    category: def.category,
    function: def.name,
    description: def.description,
    syntax: def.syntax,
    returns: def.returns,
    returnType: def.returnType,
    example: def.example,
    result: def.result,
    params: def.params.map((p, i) => ({
      name: p.name,
      description: p.description,
      type: p.kind === 'varargs' ? 'object' : p.kind === 'integer' || p.kind === 'number' ? 'number' : p.kind,
      dataType: JAVA_TYPES[p.kind],
      position: i + 1,
    })),
    since: 1,
  };
}
