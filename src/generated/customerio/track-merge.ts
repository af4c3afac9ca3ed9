/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * Exactly one person identifier (track-spec person_common.identifiers).
 */
export type PersonRef =
  | {
      id: string;
    }
  | {
      email: string;
    }
  | {
      cio_id: string;
    };

/**
 * POST /api/v1/merge_customers (track-spec merge): `primary` and `secondary`, each exactly one of id, email or cio_id.
 */
export interface TrackMergeBody {
  primary: PersonRef;
  secondary: PersonRef;
  [k: string]: unknown;
}
