/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /api/v1/events (track-spec anonymousEventsRequest): an event of a person not identified yet.
 */
export interface TrackAnonymousEventBody {
  anonymous_id?: string;
  name: string;
  type?: 'event' | 'page' | 'screen';
  id?: string;
  timestamp?: number;
  data?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
