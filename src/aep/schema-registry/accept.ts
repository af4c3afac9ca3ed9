/** What an `Accept: application/vnd.adobe.xed…+json; version=N` header asks for. */
export type XedAccept = {
  /** `xed-id`: ids and titles only; `xed`: as stored; `xed-full`: with references resolved. */
  form: 'xed-id' | 'xed' | 'xed-full';
  notext: boolean;
  version: number | undefined;
};

const XED = /^application\/vnd\.adobe\.(xed(?:-full|-id)?)(-notext)?\+json$/;

/**
 * The Schema Registry serves nothing without one of its own media types (reference §6);
 * a plain `application/json` or no Accept is refused. Returns undefined when unusable.
 */
export function parseXedAccept(header: string | undefined): XedAccept | undefined {
  for (const part of (header ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim());
    const match = XED.exec(type.toLowerCase());
    if (!match) continue;
    const versionParam = params.find((p) => p.toLowerCase().startsWith('version='));
    const version = versionParam === undefined ? undefined : Number(versionParam.slice('version='.length));
    if (version !== undefined && !Number.isInteger(version)) continue;
    return { form: match[1] as XedAccept['form'], notext: match[2] !== undefined, version };
  }
  return undefined;
}
