/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /api/v1/customers/{identifier}/events (track-spec eventsRequest): an event, page view or screen view. Error texts are the documented ones (docs.customer.io/journeys/invalid-api-requests).
 */
export interface TrackEventBody {
  name: string;
  type?: 'event' | 'page' | 'screen';
  /**
   * Deduplication id (a ULID).
   */
  id?: string;
  /**
   * Unix seconds; the time of the request when absent.
   */
  timestamp?: number;
  data?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
