import type { RequestHandler } from 'express';
import type { Problem, SchemaRegistry } from '../schema/registry.js';
import { wireError } from './errors.js';
import { parseJson } from './json.js';
import { rawBody } from './raw-body.js';

/**
 * Reads a JSON body with the safe parser (no `__proto__`, bounded depth); an empty body
 * leaves `req.body` undefined for the route to judge. Unreadable bodies are a 400 in the
 * owning API's format.
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
  return [
    rawBody(limitBytes),
    (req, res, next) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (raw.length === 0) {
        req.body = undefined;
        return next();
      }
      const parsed = parseJson(raw.toString('utf8').replace(/^\uFEFF/, ''));
      if (!parsed.ok) throw wireError(res, 400, parsed.message);
      req.body = parsed.value;
      next();
    },
  ];
}

/** `path: message; …`, the one-line form of a problem list used in error messages. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}

/** Problems of `body` against schema `name`, as a single message, or undefined when valid. */
export function bodyProblem(schemas: SchemaRegistry, name: string, body: unknown): string | undefined {
  const problems = schemas.validate(name, body);
  return problems.length ? describeProblems(problems) : undefined;
}
