import { Agent } from 'node:http';
import { APIClient, TrackClient } from 'customerio-node';

/**
 * customerio-node always sends with `https.request`, taking only the host name from its `url`
 * (lib/request.js): against the plain-HTTP emulator it needs the port, `protocol: 'http:'` and an
 * HTTP agent, all of which its defaults pass through to the request.
 */
function transport(emulatorUrl: string) {
  const { port } = new URL(emulatorUrl);
  return { port: Number(port), protocol: 'http:', agent: new Agent() };
}

/** A Track API client on the emulator; its root includes /api/v1 as RegionUS's does. */
export function trackClient(emulatorUrl: string, siteId: string, apiKey = 'track-api-key'): TrackClient {
  return new TrackClient(siteId, apiKey, { url: `${emulatorUrl}/api/v1`, ...transport(emulatorUrl) });
}

/** An App API client on the emulator; its root includes /v1 as RegionUS's does. */
export function apiClient(emulatorUrl: string, appKey: string): APIClient {
  return new APIClient(appKey, { url: `${emulatorUrl}/v1`, ...transport(emulatorUrl) });
}

/**
 * GET on the App API with the client's own credentials, for the reads customerio-node has no
 * method for (activities, relationships, objects).
 */
export function apiGet(client: APIClient, path: string): Promise<Record<string, unknown>> {
  return client.request.get(`${client.apiRoot}${path}`);
}
