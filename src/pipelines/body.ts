import type { Request } from 'express';
import { parseJson } from '../http/json.js';
import { unreadableBody } from './wire.js';

/**
 * The JSON object a tracking request carries. The official clients send
 * `application/json` (node, python, go) or `text/plain` (browser and mobile SDKs, to avoid a
 * CORS preflight); curl users often send no type at all. Anything else is refused.
 */
export function readEventBody(req: Request): { body: Record<string, unknown>; bytes: number; raw: Buffer } {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== '' && type !== 'application/json' && type !== 'text/plain') {
    throw unreadableBody(400, `Unsupported Content-Type "${type}": send application/json or text/plain`);
  }
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (raw.length === 0) throw unreadableBody(400, 'Empty body: send a JSON object');
  // A UTF-8 byte-order mark is noise some Windows tools write; JSON.parse would refuse it.
  const parsed = parseJson(raw.toString('utf8').replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw unreadableBody(400, parsed.message);
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    throw unreadableBody(400, 'Body must be a JSON object');
  }
  return { body: parsed.value as Record<string, unknown>, bytes: raw.length, raw };
}
