import type { BrowserSettings } from '../generated/pipelines/settings.js';

/**
 * The CDN settings the browser SDK loads first. `apiHost`/`protocol` send its events back
 * here instead of to cdp.customer.io, and `metrics.sampleRate: 0` stops its https-only
 * `/v1/m` calls; only one integration key is listed, since more would make the SDK load
 * legacy destinations (reference §3, @customerio/cdp-analytics-browser).
 */
export function browserSettings(writeKey: string, baseUrl: string): BrowserSettings {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/$/, '');
  return {
    integrations: {
      'Customer.io Data Pipelines': {
        apiKey: writeKey,
        apiHost: `${url.host}${prefix}/v1`,
        protocol: url.protocol === 'https:' ? 'https' : 'http',
      },
    },
    plan: { track: { __default: { enabled: true } }, identify: { __default: { enabled: true } } },
    metrics: { sampleRate: 0 },
    remotePlugins: [],
  };
}
