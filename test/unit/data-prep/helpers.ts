import { compileExpression, type EvalServices } from '../../../src/aep/data-prep/index.js';
import { toJson, type Value } from '../../../src/aep/data-prep/expression/values.js';

/** 2021-10-26T10:10:24.556Z, the instant of the docs' now() sample. */
export const FIXED_NOW = Date.UTC(2021, 9, 26, 10, 10, 24, 556);
export const FIXED_UUID = '7c0267d2-bb74-4e1a-9275-3bf4fccda5f4';
export const services: EvalServices = { clock: () => FIXED_NOW, randomUUID: () => FIXED_UUID };

/** Evaluates an expression against an input record; dates come back as ISO strings (toJson). */
export function evaluate(expression: string, input: unknown = {}): unknown {
  const compiled = compileExpression(expression);
  if (!compiled.ok) throw new Error(`does not compile: ${JSON.stringify(compiled.problems)}`);
  return toJson(compiled.evaluate({ input: input as Value, services }));
}

/** The evaluation error's message; fails the test when the expression evaluates without error. */
export function evaluationError(expression: string, input: unknown = {}): string {
  const compiled = compileExpression(expression);
  if (!compiled.ok) throw new Error(`does not compile: ${JSON.stringify(compiled.problems)}`);
  try {
    const value = compiled.evaluate({ input: input as Value, services });
    throw new Error(`expected an error, got ${JSON.stringify(toJson(value))}`);
  } catch (error) {
    if ((error as Error).message.startsWith('expected an error')) throw error;
    return (error as Error).message;
  }
}

/** The compile problems' messages; empty when the expression compiles. */
export function compileProblems(expression: string): string[] {
  const compiled = compileExpression(expression);
  return compiled.ok ? [] : compiled.problems.map((p) => p.message);
}

export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 5_1_1 like Mac OS X) AppleWebKit/534.46 (KHTML, like Gecko) Version/5.1 Mobile/9B206 Safari/7534.48.3';
