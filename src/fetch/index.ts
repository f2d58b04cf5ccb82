export {
  fetchDocs,
  FetchSelectionError,
  type DocOutcome,
  type FetchOptions,
  type FetchReport,
  type FetchSelection,
  type GoneApi,
} from './fetch-docs.js';
export {
  changeLines,
  countOutcomes,
  failureLine,
  formatSummary,
  goneLine,
  type FetchCounts,
} from './summary.js';
export { MANIFEST_FILE } from './manifest.js';
export { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
