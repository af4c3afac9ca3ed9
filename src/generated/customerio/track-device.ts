/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * PUT /api/v1/customers/{identifier}/devices (track-spec add_device, device_object): `id` is the device token. Device attributes are not restricted to strings: the spec's own Node example sends `{ primary: true }`.
 */
export interface TrackDeviceBody {
  device: TrackDevice;
  [k: string]: unknown;
}
export interface TrackDevice {
  id: string;
  platform: 'ios' | 'android';
  last_used?: number;
  attributes?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
