// Turning exported records into a file the user downloads: the format's builder (utils/export), a clear file name
// ("upr-annotator-kazakhstan-upr34-2026-11-29.csv"), and the download itself. Shared by the panel and the dashboard.
import { buildBackup, buildCsvParts, buildMarkdownParts, buildW3cCollection, jsonParts, serializeBackupParts, type BackupData } from '@/utils/export';
import { foldText } from '@/utils/text';

export type ExportFormat = 'json' | 'csv' | 'md' | 'w3c';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'md', 'w3c'];

const FILES: Record<ExportFormat, { extension: string; mime: string }> = {
  json: { extension: 'json', mime: 'application/json' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  w3c: { extension: 'jsonld', mime: 'application/ld+json' },
};

export interface ExportFile {
  name: string;
  /** The file's text in parts (a large export is more than one string holds); `text` joins them. */
  parts: string[];
  readonly text: string;
  mime: string;
}

/** Lower-case ASCII words joined by hyphens: safe in a file name on every system. */
export function slug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export function buildExportFile(
  format: ExportFormat,
  data: BackupData & { crossrefCounts?: Record<string, number> },
  now: Date,
  nameParts: string[] = [],
): ExportFile {
  const crossrefCount = data.crossrefCounts ? (id: string) => data.crossrefCounts?.[id] ?? 0 : undefined;
  const parts =
    format === 'json'
      ? serializeBackupParts(buildBackup(data, now))
      : format === 'csv'
        ? buildCsvParts(data, { crossrefCount })
        : format === 'md'
          ? buildMarkdownParts(data, { now, crossrefCount })
          : [...jsonParts(buildW3cCollection(data, { id: `urn:uuid:${crypto.randomUUID()}`, now, label: 'UPR Annotator notes' })), '\n'];
  const name = ['upr-annotator', ...nameParts.map(slug).filter(Boolean), now.toISOString().slice(0, 10)];
  return {
    name: `${name.join('-')}.${FILES[format].extension}`,
    parts,
    get text() {
      return parts.join('');
    },
    mime: FILES[format].mime,
  };
}

export function downloadFile(doc: Document, file: ExportFile): void {
  const url = URL.createObjectURL(new Blob(file.parts, { type: file.mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
