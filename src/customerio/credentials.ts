const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The Track API's HTTP Basic credentials, `site_id:api_key` (track-spec
 * securitySchemes.Tracking-API-Key); undefined when missing, malformed or either half is empty.
 */
export function trackCredentials(authorization: string | undefined): { siteId: string; apiKey: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match || !BASE64.test(match[1]!)) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { siteId: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
}

/** The App API key of `Authorization: Bearer <key>` (App API securitySchemes.Bearer-Auth). */
export function appApiKey(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
