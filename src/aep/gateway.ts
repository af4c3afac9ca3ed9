import type { RequestHandler, Response } from 'express';
import type { TenantRef } from './state.js';
import { contentTypeError, gatewayError } from './wire.js';
import type { EmulatorError } from '../http/errors.js';

export type GatewayOptions = {
  /** Accepted `x-api-key` values; empty accepts any non-empty key. */
  apiKeys: readonly string[];
  /** Accepted bearer tokens; empty accepts any non-empty token. */
  tokens: readonly string[];
  /** What a request without `x-sandbox-name` gets: an error, or a default sandbox. */
  missingSandbox: { error: () => EmulatorError } | { fallback: string };
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The Platform gateway in front of every /data/foundation service: the four headers, checked
 * in the order the gateway reports them, with its own codes (reference §2, §7), then the
 * Content-Type of writes. Sets `res.locals.tenant`, which isolates state per org and sandbox.
 */
export function platformGateway(options: GatewayOptions): RequestHandler {
  return (req, res, next) => {
    const auth = req.get('authorization');
    if (!auth) throw gatewayError(403, '403010', 'Oauth token is missing.');
    const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
    if (!token || (options.tokens.length > 0 && !options.tokens.includes(token))) {
      throw gatewayError(401, '401013', 'Oauth token is not valid');
    }
    const apiKey = req.get('x-api-key');
    if (!apiKey) throw gatewayError(403, '403000', 'Api Key is required');
    if (options.apiKeys.length > 0 && !options.apiKeys.includes(apiKey)) {
      throw gatewayError(403, '403003', 'Api Key is invalid');
    }
    const imsOrgId = req.get('x-gw-ims-org-id');
    if (!imsOrgId) throw gatewayError(400, '400003', 'Missing header');
    let sandboxName = req.get('x-sandbox-name')?.trim();
    if (!sandboxName) {
      if ('error' in options.missingSandbox) throw options.missingSandbox.error();
      sandboxName = options.missingSandbox.fallback;
    }
    if (WRITE_METHODS.has(req.method) && !isJsonType(req.get('content-type'))) throw contentTypeError();
    const tenant: TenantRef = { imsOrgId, sandboxName };
    res.locals.tenant = tenant;
    res.locals.client = apiKey;
    next();
  };
}

/** The tenant the gateway resolved for this request. */
export function tenantOf(res: Response): TenantRef {
  return res.locals.tenant as TenantRef;
}

/** application/json and every +json type (json-patch+json, vnd.adobe.xed+json...). */
function isJsonType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}
