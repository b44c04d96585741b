// Storage: the IndexedDB schema with its migrations, and the repository the background uses. Only the background
// opens the database; everything else asks it through utils/messages.
export { DB_NAME, DB_VERSION, MIGRATIONS, type UprDb } from './schema';
export { openUprDb, createRepository, normalizeTags, noteIdFor, pageWordingOf, NotFoundError, NoteConflictError, PAGED_STORES, type PagedStore, type RecordsCursor, type RecordsPage, type Repository, type OpenOptions, type NotePatch, type NoteTarget, type LoadedPage, type PageCorrection } from './repository';
export type { RecordSets } from '@/utils/model';
export { describeStorageError, BLOCKED_MESSAGE } from './errors';
