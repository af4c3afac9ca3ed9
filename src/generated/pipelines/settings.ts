/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * GET /v1/projects/{writeKey}/settings: the LegacySettings the browser SDK loads before sending (reference §3, @customerio/cdp-analytics-browser).
 */
export interface BrowserSettings {
  integrations: {
    'Customer.io Data Pipelines': {
      apiKey: string;
      /**
       * host[:port]/v1 of the emulator
       */
      apiHost: string;
      protocol: 'http' | 'https';
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  plan?: {
    [k: string]: unknown;
  };
  metrics: {
    /**
     * 0 stops the SDK's https /v1/m calls.
     */
    sampleRate: number;
    host?: string;
    [k: string]: unknown;
  };
  remotePlugins?: {
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
