export { diffApis, countChanges, hasBreaking } from './diff.js';
export { formatDiffText } from './format-text.js';
export { formatDiffJson, DIFF_JSON_FORMAT } from './format-json.js';
export { formatChangelogEntry } from './format-changelog.js';
export type {
  ApiDiff,
  ApiEntry,
  ApiFieldChanges,
  ChangeCounts,
  ConstraintName,
  DiffValue,
  FieldChange,
  FieldChangeKind,
  Impact,
  Side,
} from './types.js';
