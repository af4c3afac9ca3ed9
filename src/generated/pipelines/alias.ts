/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /v1/alias, from components.schemas.alias of the Pipelines spec.
 */
export type AliasEvent = CommonFields & {
  type?: 'alias';
  previousId: string;
  userId: string;
  [k: string]: unknown;
};
/**
 * The spec's context is oneOf(context_non_mobile, context_mobile), but every context with only common keys matches both, which oneOf rejects; anyOf is the relaxation that accepts what the libraries send while keeping every type the spec gives.
 */
export type Context = (ContextNonMobile | ContextMobile) & {
  active?: boolean;
  ip?: string;
  locale?: string;
  userAgent?: string;
  channel?: 'browser' | 'server' | 'mobile';
  [k: string]: unknown;
};

export interface CommonFields {
  /**
   * A unique substitute for a User ID, set by the libraries before a person is known.
   */
  anonymousId?: string;
  /**
   * The unique identifier for a person.
   */
  userId?: string;
  context?: Context;
  integrations?: Integrations;
  messageId?: string;
  /**
   * Set by the service on receipt (readOnly in the spec); a client's value is replaced, so its format is not checked.
   */
  receivedAt?: string;
  sentAt?: string;
  originalTimestamp?: string;
  timestamp?: string;
  type?: 'identify' | 'group' | 'track' | 'page' | 'screen' | 'alias';
  version?: number;
  [k: string]: unknown;
}
export interface ContextNonMobile {
  campaign?: {
    name?: string;
    source?: string;
    medium?: string;
    term?: string;
    content?: string;
    [k: string]: string | undefined;
  };
  page?: {
    name?: string;
    path?: string;
    referrer?: string;
    search?: string;
    title?: string;
    url?: string;
    keywords?: string[];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface ContextMobile {
  app?: {
    name?: string;
    version?: string;
    build?: string;
    namespace?: string;
    [k: string]: unknown;
  };
  device?: Device;
  network?: {
    bluetooth?: boolean;
    carrier?: string;
    cellular?: boolean;
    wifi?: boolean;
    [k: string]: unknown;
  };
  os?: {
    name?: string;
    version?: string;
    [k: string]: unknown;
  };
  screen?: {
    density?: number;
    height?: number;
    width?: number;
    [k: string]: unknown;
  };
  timezone?: string;
  [k: string]: unknown;
}
export interface Device {
  id?: string;
  advertisingId?: string;
  manufacturer?: string;
  model?: string;
  name?: string;
  token?: string;
  type?: 'android' | 'ios';
  version?: string;
  [k: string]: unknown;
}
/**
 * Integrations enabled (true) or disabled (false). The spec allows booleans only; Segment's spec (common.md) and the browser SDKs also send an object of per-destination options, so objects are accepted too.
 */
export interface Integrations {
  [k: string]:
    | boolean
    | {
        [k: string]: unknown;
      };
}
