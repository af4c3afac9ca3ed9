import type { Problem } from '../types.js';
import { findFunction, findMethod, isFunctionName } from '../functions/registry.js';
import type { EvalContext, FunctionDef } from '../functions/registry-types.js';
import { readPath, type Segment } from '../paths.js';
import type { Node } from './ast.js';
import { BINARY, UNARY } from './operators.js';
import { parseExpression } from './parser.js';
import { isNil, isObject, toText, truthy, type Value, type ValueObject } from './values.js';

export type Evaluator = (ctx: EvalContext) => Value;
export type CompileResult = { ok: true; evaluate: Evaluator } | { ok: false; problems: Problem[] };

/** "Calculated fields have a maximum length of 4096 characters" (EN `help/data-prep/home.md`). */
export const MAX_EXPRESSION_LENGTH = 4096;

/**
 * Parses and checks an expression once, and turns it into a tree of closures, so that applying a
 * mapping set to a record never re-parses or walks an AST. Unknown functions and methods, and
 * calls with the wrong number of arguments, are problems here rather than errors per record.
 */
export function compileExpression(text: string): CompileResult {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      problems: [{ path: 'expression', message: `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters` }],
    };
  }
  const parsed = parseExpression(text, { isFunctionName });
  if (!parsed.ok) return parsed;
  const problems: Problem[] = [];
  const evaluate = compileNode(parsed.ast, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, evaluate };
}

function compileNode(node: Node, problems: Problem[]): Evaluator {
  switch (node.type) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'field': {
      const path = node.path;
      return (ctx) => readPath(ctx.input, path);
    }
    case 'member': {
      const path = staticPath(node);
      return path !== undefined ? (ctx) => readPath(ctx.input, path) : compileMember(node, problems);
    }
    case 'index': {
      const path = staticPath(node);
      return path !== undefined ? (ctx) => readPath(ctx.input, path) : compileIndex(node, problems);
    }
    case 'call':
      return compileCall(node, problems);
    case 'method':
      return compileMethod(node, problems);
    case 'unary': {
      const operand = compileNode(node.operand, problems);
      const apply = UNARY[node.op] as (v: Value) => Value;
      return (ctx) => apply(operand(ctx));
    }
    case 'binary':
      return compileBinary(node, problems);
    case 'conditional': {
      const test = compileNode(node.test, problems);
      const then = compileNode(node.then, problems);
      const otherwise = compileNode(node.otherwise, problems);
      return (ctx) => (truthy(test(ctx)) ? then(ctx) : otherwise(ctx));
    }
    case 'array': {
      const items = node.items.map((item) => compileNode(item, problems));
      return (ctx) => items.map((item) => item(ctx));
    }
    case 'map': {
      const entries = node.entries.map((e) => [compileNode(e.key, problems), compileNode(e.value, problems)] as const);
      return (ctx) => {
        const out: ValueObject = {};
        for (const [key, value] of entries) out[toText(key(ctx))] = value(ctx);
        return out;
      };
    }
  }
}

/** `a.b[0].c` with only names and literal indexes becomes one path read from the input record. */
function staticPath(node: Node): Segment[] | undefined {
  if (node.type === 'field') return node.path;
  if (node.type === 'member') {
    const base = staticPath(node.object);
    return base === undefined ? undefined : [...base, node.name];
  }
  if (node.type === 'index' && node.index.type === 'literal') {
    const base = staticPath(node.object);
    const key = node.index.value;
    if (base === undefined) return undefined;
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0) return [...base, key];
    if (typeof key === 'string') return [...base, key];
  }
  return undefined;
}

function compileMember(node: Extract<Node, { type: 'member' }>, problems: Problem[]): Evaluator {
  const object = compileNode(node.object, problems);
  const name = node.name;
  return (ctx) => {
    const value = object(ctx);
    return isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
  };
}

function compileIndex(node: Extract<Node, { type: 'index' }>, problems: Problem[]): Evaluator {
  const object = compileNode(node.object, problems);
  const index = compileNode(node.index, problems);
  return (ctx) => {
    const value = object(ctx);
    const key = index(ctx);
    if (Array.isArray(value) && typeof key === 'number') return value[key];
    if (isObject(value) && !isNil(key)) {
      const name = toText(key);
      return Object.hasOwn(value, name) ? value[name] : undefined;
    }
    return undefined;
  };
}

function checkArity(def: FunctionDef, count: number, pos: number, problems: Problem[]): void {
  const [min, max] = def.arity;
  if (count >= min && count <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  const label = def.kind === 'method' ? `Method '${def.name}'` : `Function '${def.name}'`;
  problems.push({
    path: 'expression',
    message: `${label} takes ${expected} argument(s) but got ${count} at position ${pos}`,
    position: pos,
  });
}

function compileCall(node: Extract<Node, { type: 'call' }>, problems: Problem[]): Evaluator {
  const def = findFunction(node.name);
  if (def === undefined) {
    problems.push({
      path: 'expression',
      message: `Unknown function '${node.name}' at position ${node.pos}`,
      position: node.pos,
    });
    return () => null;
  }
  checkArity(def, node.args.length, node.pos, problems);
  const args = node.args.map((arg) => compileNode(arg, problems));
  // iif is lazy, like a conditional: iif(b != 0, a / b, 0) must not divide by zero.
  if (def.name === 'iif' && args.length === 3) {
    const [test, then, otherwise] = args as [Evaluator, Evaluator, Evaluator];
    return (ctx) => (truthy(test(ctx)) ? then(ctx) : otherwise(ctx));
  }
  const impl = def.impl;
  return (ctx) => impl(evaluateAll(args, ctx), ctx);
}

function compileMethod(node: Extract<Node, { type: 'method' }>, problems: Problem[]): Evaluator {
  const def = findMethod(node.name);
  if (def === undefined) {
    problems.push({
      path: 'expression',
      message: `Unknown method '${node.name}' at position ${node.pos}`,
      position: node.pos,
    });
    return () => null;
  }
  checkArity(def, node.args.length, node.pos, problems);
  const target = compileNode(node.object, problems);
  const args = node.args.map((arg) => compileNode(arg, problems));
  const impl = def.impl;
  return (ctx) => impl([target(ctx), ...evaluateAll(args, ctx)], ctx);
}

function evaluateAll(args: readonly Evaluator[], ctx: EvalContext): Value[] {
  const values = new Array<Value>(args.length);
  for (let i = 0; i < args.length; i++) values[i] = (args[i] as Evaluator)(ctx);
  return values;
}

function compileBinary(node: Extract<Node, { type: 'binary' }>, problems: Problem[]): Evaluator {
  const left = compileNode(node.left, problems);
  const right = compileNode(node.right, problems);
  switch (node.op) {
    case '&&':
      return (ctx) => truthy(left(ctx)) && truthy(right(ctx));
    case '||':
      return (ctx) => truthy(left(ctx)) || truthy(right(ctx));
    case '??':
      return (ctx) => {
        const value = left(ctx);
        return isNil(value) ? right(ctx) : value;
      };
    case '?:':
      return (ctx) => {
        const value = left(ctx);
        return truthy(value) ? value : right(ctx);
      };
    default: {
      const apply = BINARY[node.op];
      if (apply === undefined) {
        problems.push({
          path: 'expression',
          message: `Unsupported operator '${node.op}' at position ${node.pos}`,
          position: node.pos,
        });
        return () => null;
      }
      return (ctx) => apply(left(ctx), right(ctx));
    }
  }
}
