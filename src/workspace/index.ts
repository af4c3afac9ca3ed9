// The Customer.io workspace model: apply Data Pipelines events and Track API calls, read it back
// in the App API's shapes, and journal it through the store's reducers.
export { applyPipelinesEvent, type PipelinesEvent } from './apply-pipelines.js';
export { applyTrackOperation } from './apply-track.js';
export { resolvePersonRef, isEmailShaped } from './identifiers.js';
export {
  activities,
  findObjectBy,
  findPeopleByEmail,
  findPersonBy,
  objectAttributes,
  objectRelationships,
  personAttributes,
  personRelationships,
  type ActivityQuery,
  type IdType,
  type ObjectIdType,
} from './queries.js';
export { DEFAULT_PAGE_LIMIT, type PageRequest } from './paging.js';
export {
  createApplyCapture,
  workspaceFor,
  workspaceReducers,
  type PipelinesArgs,
  type TrackArgs,
  type WorkspaceApplied,
  type WorkspaceReducerOptions,
} from './reducers.js';
export { emptyWorkspace, initialWorkspaces } from './state.js';
export * from './types.js';
