import type { Problem } from '../schema/registry.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The write key of a request: HTTP Basic with the key as user name and an empty password
 * [spec securitySchemes.Basic-Auth], else the body's `writeKey`, which is all the browser
 * and mobile SDKs send (reference §2, Authentication). A malformed header counts as absent.
 */
export function writeKeyOf(authorization: string | undefined, body: unknown): string | undefined {
  const fromHeader = basicUser(authorization);
  if (fromHeader) return fromHeader;
  const fromBody = typeof body === 'object' && body !== null ? (body as { writeKey?: unknown }).writeKey : undefined;
  return typeof fromBody === 'string' && fromBody !== '' ? fromBody : undefined;
}

/** Why the vendor would refuse this key, or undefined when it is accepted. */
export function writeKeyProblem(writeKey: string | undefined, accepted: readonly string[]): Problem | undefined {
  if (!writeKey)
    return {
      path: '',
      message: 'Missing write key: send HTTP Basic auth with the key as user name, or writeKey in the body',
    };
  if (accepted.length > 0 && !accepted.includes(writeKey))
    return { path: '', message: `Unknown write key "${writeKey}"` };
  return undefined;
}

function basicUser(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match || !BASE64.test(match[1]!)) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user === '' ? undefined : user;
}
