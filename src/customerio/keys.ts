/**
 * Which Customer.io workspace a credential selects. Every API names the workspace by its own
 * credential (Data Pipelines write key, Track API site id, App API key); `--workspace
 * NAME=KEY,KEY` ties several to one workspace, and any other credential selects the workspace
 * named after itself, so distinct keys stay isolated and one key used everywhere just works.
 */
export type WorkspaceKeyOf = (credential: string) => string;

export function workspaceKeyResolver(workspaces: Readonly<Record<string, readonly string[]>>): WorkspaceKeyOf {
  const byKey = new Map<string, string>();
  for (const [name, keys] of Object.entries(workspaces)) for (const key of keys) byKey.set(key, name);
  return (credential) => byKey.get(credential) ?? credential;
}
