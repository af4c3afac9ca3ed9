/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /api/v1/metrics (track-spec metrics): a delivery metric reported back from a channel Customer.io does not send through. The metric names are the union of the spec's per-channel lists; SMS recipients are phone numbers (integers).
 */
export interface TrackMetricBody {
  delivery_id: string;
  timestamp?: number;
  metric: 'bounced' | 'clicked' | 'converted' | 'deferred' | 'delivered' | 'dropped' | 'opened' | 'spammed';
  recipient?: string | number;
  reason?: string;
  href?: string;
  [k: string]: unknown;
}
