import { EmulatorError, type WireErrorRenderer } from '../http/errors.js';

// The App API's error body: {"errors":[{"detail":"…","status":"404"}]}. Its OpenAPI documents
// the `{"errors":[{"detail"}]}` shape (components.schemas.newsletterErrorResponse in
// shared/specs/customerio/track-api-openapi.json, which shares the App API's components), and a
// survey of its 116 typed error responses finds {"errors":[{detail, status}]} for most
// 400/401/404s (api-evangelist/customer-io errors/customer-io-problem-types.yml). `status` is a
// string, as in JSON:API, whose error objects these are.

export const appError: WireErrorRenderer = (status, message) =>
  new EmulatorError(status, { errors: [{ detail: message, status: String(status) }] });

export const APP_UNAUTHORIZED = 'Unauthorized request. Make sure that you provided the right credentials.';
