// Storage failures in words a user can act on. IndexedDB reports them as DOMException names; the panel shows the
// sentence, and the text the user typed stays in place until a save succeeds.

const MESSAGES: Record<string, string> = {
  QuotaExceededError:
    'Your browser has no storage space left for UPR Annotator. Free some disk space, or export and delete old notes, then try again.',
  VersionError: 'UPR Annotator was updated while an older copy was still open. Reload this page (and any other UPR Annotator tab).',
  InvalidStateError: 'The notes database was closed unexpectedly (it may have been deleted or cleared). Try again; if it persists, reload this page.',
  UnknownError: 'Your browser could not read or write UPR Annotator’s data. Try again; restarting the browser usually helps.',
  AbortError: 'Saving was interrupted. Try again.',
  TransactionInactiveError: 'Saving was interrupted. Try again.',
  DataCloneError: 'This note could not be stored as it is.',
  blocked: 'UPR Annotator is waiting for another tab that still uses its old version. Close or reload the other UPR Annotator tabs.',
};

export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  return MESSAGES[name] ?? `UPR Annotator could not use its storage: ${error instanceof Error ? error.message : String(error)}`;
}

export const BLOCKED_MESSAGE = MESSAGES.blocked!;
