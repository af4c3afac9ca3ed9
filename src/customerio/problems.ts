import type { Problem } from '../schema/registry.js';

/**
 * One line per schema problem. The documented texts ("event data must be a hash") stand alone;
 * Ajv's own messages all begin with "must", so those get the field they are about in front.
 */
export function problemMessages(problems: readonly Problem[]): string[] {
  return problems.map((p) =>
    p.path === '' || !p.message.startsWith('must') ? p.message : `${p.path.slice(1).replaceAll('/', '.')} ${p.message}`,
  );
}
