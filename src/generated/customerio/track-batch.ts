/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /api/v2/batch (track-spec batch): operations applied one by one; each item is checked against track-entity.json on its own, so that one bad item is a 207 entry, not a 400.
 */
export interface TrackBatchBody {
  /**
   * @minItems 1
   */
  batch: [
    {
      [k: string]: unknown;
    },
    ...{
      [k: string]: unknown;
    }[]
  ];
  [k: string]: unknown;
}
