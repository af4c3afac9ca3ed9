/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * object_type_id plus object_id, or cio_object_id (updates only) (track-spec object_common_identify).
 */
export type ObjectRef =
  | {
      object_type_id: string;
      object_id: string;
    }
  | {
      cio_object_id: string;
    };

/**
 * PUT /api/v1/customers/{identifier} (track-spec operation identify): every key is an attribute; the reserved ones are typed here. Values may be any JSON, as the destination sends objects too. Error texts are the documented ones (docs.customer.io/journeys/invalid-api-requests).
 */
export interface TrackIdentifyBody {
  id?: string;
  email?: string;
  anonymous_id?: string;
  created_at?: number;
  _timestamp?: number;
  _update?: boolean;
  cio_relationships?: V1Relationships;
  cio_subscription_preferences?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface V1Relationships {
  action?: 'add_relationships' | 'delete_relationships';
  relationships: ObjectLink[];
  [k: string]: unknown;
}
/**
 * A person's relationship to an object (track-spec object_relationships items).
 */
export interface ObjectLink {
  identifiers: ObjectRef;
  relationship_attributes?: {
    [k: string]: unknown;
  };
}
