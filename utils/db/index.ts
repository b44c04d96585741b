// Storage: the IndexedDB schema with its migrations, and the repository the background uses. Only the background
// opens the database; everything else asks it through utils/messages.
export { DB_NAME, DB_VERSION, MIGRATIONS, type UprDb } from './schema';
export { openUprDb, createRepository, type Repository, type OpenOptions } from './repository';
