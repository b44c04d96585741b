// Importing a file from the dashboard. Our own JSON backup may be far larger than one message (a 300,000-record
// store makes about 130 MB), so it is read and checked here, with the same reader the background uses, and sent in
// parts (data.importBegin, data.importPart…, data.importCommit): the background stores nothing before the commit,
// then writes it in one transaction, so an import that stops part-way changes nothing. After a preview the parts
// stay with the background, and "Import" commits them without sending them again (unless the background has
// restarted meanwhile). A W3C annotation file goes as before, its text in one message.
import { assertImportSize, ImportError, isBackupText, parseBackup, type Backup } from '@/utils/export';
import {
  MAX_IMPORT_PART_CHARS,
  MAX_IMPORT_PART_RECORDS,
  MAX_IMPORT_TEXT,
  sendRequest,
  type ImportSummary,
  type Payload,
  type Result,
  type SendMessage,
} from '@/utils/messages';
import type { RecordSets, SettingKey } from '@/utils/model';

type Part = Omit<Payload<'data.importPart'>, 'session'>;
const KINDS = ['pages', 'recommendations', 'notes'] as const;

/** The records as parts of one kind each, at most `maxRecords` records and (one record alone excepted) `maxChars` characters of JSON. */
export function* recordParts(sets: RecordSets, maxRecords = MAX_IMPORT_PART_RECORDS, maxChars = MAX_IMPORT_PART_CHARS): Generator<Part> {
  for (const kind of KINDS) {
    let part: unknown[] = [];
    let chars = 0;
    for (const record of sets[kind]) {
      const size = JSON.stringify(record).length;
      if (part.length > 0 && (part.length >= maxRecords || chars + size > maxChars)) {
        yield { [kind]: part } as Part;
        part = [];
        chars = 0;
      }
      part.push(record);
      chars += size;
    }
    if (part.length > 0) yield { [kind]: part } as Part;
  }
}

const refused = (error: unknown): Result<never> => {
  if (error instanceof ImportError) return { ok: false, error: { code: 'invalid', message: error.message } };
  throw error;
};

export type ImportFile = ((text: string, apply: boolean, settings?: SettingKey[]) => Promise<Result<ImportSummary>>) & {
  /** The preview was cancelled: the file's text and the background's parts are let go. */
  cancel(): Promise<void>;
};

/** The dashboard's importFile: a backup in parts, a W3C file whole. */
export function createFileImporter(send: SendMessage, partRecords = MAX_IMPORT_PART_RECORDS): ImportFile {
  // The last backup read (the file being previewed), so that "Import" neither reads it nor sends it again.
  let last: { text: string; backup: Backup; session: string | null } | null = null;

  async function sendParts(backup: Backup): Promise<Result<string>> {
    const total = { pages: backup.pages.length, recommendations: backup.recommendations.length, notes: backup.notes.length };
    const begun = await sendRequest(send, 'data.importBegin', { total, ...(backup.settings ? { settings: backup.settings } : {}) });
    if (!begun.ok) return begun;
    for (const part of recordParts(backup, partRecords)) {
      const sent = await sendRequest(send, 'data.importPart', { session: begun.value.session, ...part });
      if (!sent.ok) return sent;
    }
    return { ok: true, value: begun.value.session };
  }

  const importFile = async (text: string, apply: boolean, settings: SettingKey[] = []): Promise<Result<ImportSummary>> => {
    if (!isBackupText(text)) {
      try {
        assertImportSize(text.length, MAX_IMPORT_TEXT);
      } catch (error) {
        return refused(error);
      }
      return sendRequest(send, 'data.import', { text, apply, settings });
    }
    if (last?.text !== text) {
      last = null;
      try {
        last = { text, backup: parseBackup(text), session: null };
      } catch (error) {
        return refused(error);
      }
    }
    const entry = last;
    if (apply) last = null;
    if (entry.session !== null) {
      const again = await sendRequest(send, 'data.importCommit', { session: entry.session, apply, settings });
      // The background no longer holds the parts (it restarted): they are sent again.
      if (again.ok || again.error.code !== 'not-found') return again;
    }
    const session = await sendParts(entry.backup);
    if (!session.ok) return session;
    entry.session = session.value;
    return sendRequest(send, 'data.importCommit', { session: session.value, apply, settings });
  };
  const cancel = async () => {
    const session = last?.session ?? null;
    last = null;
    if (session !== null) await sendRequest(send, 'data.importCancel', { session });
  };
  return Object.assign(importFile, { cancel });
}
