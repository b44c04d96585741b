// The guards every import passes before its content is looked at: a size cap checked before parsing, a nesting
// bound checked by scanning brackets before JSON.parse (so a hostile file costs one linear pass, never a deep
// recursion), and one error type whose message is meant for the user as it stands; and the bounds every reader
// keeps to, so that what an import stores can always be exported and imported again.
import * as v from 'valibot';
import { NoteIdSchema } from '@/utils/model';
import { sha256Hex } from '@/utils/model/sha256';

/** Larger than any real collection of notes (about 20 000 recommendations with their notes), far below what hurts a tab. */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;
/** Our formats nest 7 levels at most; foreign W3C files a few more. */
export const MAX_JSON_DEPTH = 64;

/** The most records of each kind one W3C import takes: what a store that can still be exported, backed up and re-imported holds. */
export const MAX_IMPORT_RECORDS = 200_000;
/**
 * Our own backup is read in the dashboard and sent to the background in parts (data.importBegin/Part/Commit), so
 * it may be far larger: any store the extension holds (300,000 records make about 130 MB) must import back.
 * 400,000 records of each kind and 256 M characters, well inside what one string and one tab can hold.
 */
export const MAX_BACKUP_RECORDS = 400_000;
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024;
/** The last instant a JavaScript date can hold (year 275760): every export writes dates as ISO text. */
export const MAX_TIME = 8_640_000_000_000_000;
/** A language tag (BCP 47 shape), as long as the model keeps. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
export const MAX_LANGUAGE_TAG = 20;

/**
 * A note id the extension can edit and delete (`n` or `p` and 24 hex digits): `id` itself when it is one, else one
 * made from it, the same each time (a file imported twice maps to the same note).
 */
export function editableNoteId(id: string, onPage: boolean): string {
  return v.is(NoteIdSchema, id) ? id : `${onPage ? 'p' : 'n'}${sha256Hex(`note\u0000${id}`, 12)}`;
}

export type ImportErrorCode = 'too-large' | 'too-deep' | 'not-json' | 'not-ours' | 'newer-version' | 'unknown-version' | 'invalid';

/** A file that cannot be imported; `message` says why in words a user understands. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

const MB = 1024 * 1024;

/** Throws the user-facing error for a file of `size` characters (or bytes) over the cap; callers holding a File check `file.size` before reading it. */
export function assertImportSize(size: number, limit = MAX_IMPORT_CHARS): void {
  if (size > limit) {
    throw new ImportError(
      'too-large',
      `This file is too large to import (${(size / MB).toFixed(1)} MB; the limit is ${limit / MB} MB).`,
    );
  }
}

/** The deepest bracket nesting outside strings, stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Size, depth, then JSON.parse; a byte-order mark left by an editor is not an error. */
export function readJson(text: string, maxChars = MAX_IMPORT_CHARS): unknown {
  assertImportSize(text.length, maxChars);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
    throw new ImportError('too-deep', `This file is nested more than ${MAX_JSON_DEPTH} levels deep; it was not made by UPR Annotator and was not imported.`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new ImportError('not-json', `This file is not valid JSON${detail}.`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
