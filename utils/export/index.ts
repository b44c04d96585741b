// Export and import, as pure `data ⇄ file` functions: the JSON backup (everything, versioned, lossless), the CSV
// and Markdown reports, and W3C Web Annotation JSON-LD; the readers for backups and annotation files, with their
// guards against hostile files; and the merge that previews and applies an import. No downloads, dialogs or
// storage here: the dashboard reads and saves files, and the background writes an import in one transaction.
export { assertUniqueIds, buildBackup, isBackupText, normalizeNoteTags, parseBackup, serializeBackup, serializeBackupParts, BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupData } from './backup';
export { buildCsv, buildCsvParts, neutralizeFormula, CSV_COLUMNS, type CsvOptions } from './csv';
export { buildMarkdown, buildMarkdownParts, escapeInline, escapeBlock, type MarkdownOptions } from './markdown';
export { buildW3cCollection, parseW3c, W3C_CONTEXT, type W3cImport, type W3cObject, type W3cOptions, type W3cRecommendation } from './w3c';
export { applyImport, previewImport, resolveW3cImport, settingChanges, CONFLICT_TAG, type ImportPreview, type NoteConflict } from './merge';
export type { RecordSets } from '@/utils/model';
export { ImportError, MAX_BACKUP_CHARS, MAX_BACKUP_RECORDS, MAX_IMPORT_CHARS, MAX_JSON_DEPTH, assertImportSize, type ImportErrorCode } from './read-json';
export { ACTION_CATEGORY_NAMES } from './arrange';
export { jsonParts } from './parts';
