// Importing into what is already stored, as pure functions: previewImport says what an import would add, update
// and put in conflict; applyImport gives the resulting data, and `writes` the records to put, which the caller
// stores in one IndexedDB transaction (so a failed import changes nothing).
//
// Rules. A record with a new key is added. An equal one is unchanged. Pages and recommendations are captured from
// pages, not written by the user: the newer (`capturedAt` / `updatedAt`) wins, the older is dropped. A note whose
// text, tags, status or subject differ on both sides is a conflict: the version with the newer `updatedAt` keeps
// the id (the stored one on a tie), and the other is kept as a copy with a new id (`<id>~<its updatedAt>`), its
// text untouched and the tag "import-conflict" added, so the user can find both and choose. A note that differs
// only in its timestamps or deletion follows the newer version. Settings change only where the user ticks them
// in the preview (`settingChanges` lists what the file would change): a backup made elsewhere must not turn the
// UI French or switch a mode behind the user's back; hosts turned off on either side stay off.
import {
  DEFAULT_SETTINGS,
  normalizeRecommendationText,
  SETTING_KEYS,
  buildStoredRecommendation,
  type Note,
  type RecordSets,
  type SettingChange,
  type SettingKey,
  type Settings,
  type StoredRecommendation,
} from '@/utils/model';
import { UNKNOWN_WHO } from './arrange';
import type { BackupData } from './backup';
import { editableNoteId } from './read-json';
import type { W3cImport } from './w3c';

export const CONFLICT_TAG = 'import-conflict';

/** The settings `incoming` would change, turned-off hosts kept on either side (none when the file carries no settings, as a statement's export). */
export function settingChanges(current: Settings | undefined, incoming: Settings | undefined): SettingChange[] {
  if (!incoming) return [];
  const now = current ?? DEFAULT_SETTINGS;
  const merged = mergeSettings(now, incoming);
  return SETTING_KEYS.filter((key) => !isSameValue(now[key], merged[key])).map((key) => ({ key, current: now[key], incoming: merged[key] }));
}

/** The settings after an import that applies only the changes whose keys the user chose. */
export function chooseSettings(current: Settings | undefined, incoming: Settings | undefined, keys: readonly SettingKey[]): Settings {
  const now = current ?? DEFAULT_SETTINGS;
  const chosen = settingChanges(now, incoming).filter((change) => keys.includes(change.key));
  return Object.assign({ ...now }, ...chosen.map((change) => ({ [change.key]: change.incoming })));
}


export interface NoteConflict {
  current: Note;
  incoming: Note;
  /** The version that keeps the id. */
  kept: Note;
  /** The other version, under a new id with the conflict tag; null when that copy is already stored. */
  copy: Note | null;
}

export interface ImportPreview {
  added: RecordSets;
  /** The incoming versions that replace stored ones. */
  updated: RecordSets;
  conflicts: NoteConflict[];
  unchanged: { pages: number; recommendations: number; notes: number };
  /** The settings the file would change, each applied only if the user chooses it. */
  settingChanges: SettingChange[];
  /** Every record to put, for the caller's single transaction (added, updated, and both sides of each conflict). */
  writes: RecordSets;
}

/** Deep equality that ignores key order (records read from IndexedDB and from a file list keys differently). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && isSameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const emptySets = (): RecordSets => ({ pages: [], recommendations: [], notes: [] });

function sameContent(a: Note, b: Note): boolean {
  return a.body === b.body && a.status === b.status && a.recommendationId === b.recommendationId && a.pageUrl === b.pageUrl && isSameValue([...a.tags].sort(), [...b.tags].sort());
}

function mergeSettings(current: Settings, incoming: Settings): Settings {
  return { ...incoming, disabledHosts: [...new Set([...current.disabledHosts, ...incoming.disabledHosts])] };
}

function newerWins<T>(stored: T[], files: T[], key: (x: T) => string, time: (x: T) => number): { added: T[]; updated: T[]; unchanged: number } {
  const byKey = new Map(stored.map((x) => [key(x), x]));
  const out = { added: [] as T[], updated: [] as T[], unchanged: 0 };
  for (const item of files) {
    const had = byKey.get(key(item));
    if (!had) out.added.push(item);
    else if (!isSameValue(had, item) && time(item) > time(had)) out.updated.push(item);
    else out.unchanged++;
  }
  return out;
}

export function previewImport(current: BackupData, incoming: BackupData): ImportPreview {
  const preview: ImportPreview = {
    added: emptySets(),
    updated: emptySets(),
    conflicts: [],
    unchanged: { pages: 0, recommendations: 0, notes: 0 },
    settingChanges: settingChanges(current.settings, incoming.settings),
    writes: emptySets(),
  };

  const pages = newerWins(current.pages, incoming.pages, (p) => p.url, (p) => p.capturedAt);
  const recs = newerWins(current.recommendations, incoming.recommendations, (r) => r.id, (r) => r.updatedAt);
  preview.added.pages = pages.added;
  preview.updated.pages = pages.updated;
  preview.unchanged.pages = pages.unchanged;
  preview.added.recommendations = recs.added;
  preview.updated.recommendations = recs.updated;
  preview.unchanged.recommendations = recs.unchanged;
  preview.writes.pages = [...pages.added, ...pages.updated];
  preview.writes.recommendations = [...recs.added, ...recs.updated];

  const notes = new Map(current.notes.map((n) => [n.id, n]));
  const taken = new Set([...notes.keys(), ...incoming.notes.map((n) => n.id)]);
  for (const note of incoming.notes) {
    const had = notes.get(note.id);
    if (!had) {
      preview.added.notes.push(note);
      preview.writes.notes.push(note);
    } else if (isSameValue(had, note)) {
      preview.unchanged.notes++;
    } else if (sameContent(had, note)) {
      if (note.updatedAt > had.updatedAt) {
        preview.updated.notes.push(note);
        preview.writes.notes.push(note);
      } else preview.unchanged.notes++;
    } else {
      const incomingWins = note.updatedAt > had.updatedAt;
      const [kept, other] = incomingWins ? [note, had] : [had, note];
      const copy = conflictCopy(other, notes, taken);
      preview.conflicts.push({ current: had, incoming: note, kept, copy });
      if (incomingWins) preview.writes.notes.push(kept);
      if (copy) {
        taken.add(copy.id);
        preview.writes.notes.push(copy);
      }
    }
  }
  return preview;
}

/** The losing version under a new id; null when an equal copy is already stored (the same file imported twice). */
function conflictCopy(note: Note, stored: Map<string, Note>, taken: Set<string>): Note | null {
  const tags = note.tags.includes(CONFLICT_TAG) ? note.tags : [...note.tags, CONFLICT_TAG];
  const base = `${note.id}~${note.updatedAt}`;
  for (let i = 0; ; i++) {
    const id = editableNoteId(i === 0 ? base : `${base}-${i}`, note.recommendationId === null);
    const copy: Note = { ...note, id, tags };
    const existing = stored.get(id);
    if (existing && sameContent(existing, copy)) return null;
    if (!taken.has(id)) return copy;
  }
}

/** What the data is after the import: stored records replaced in place, new ones appended, and the chosen settings. Pure. */
export function applyImport(current: BackupData, incoming: BackupData, settingKeys: readonly SettingKey[] = []): BackupData {
  const { writes } = previewImport(current, incoming);
  const put = <T>(stored: T[], changes: T[], key: (x: T) => string): T[] => {
    const byKey = new Map(changes.map((x) => [key(x), x]));
    const out = stored.map((x) => {
      const next = byKey.get(key(x));
      if (next) byKey.delete(key(x));
      return next ?? x;
    });
    return [...out, ...byKey.values()];
  };
  return {
    pages: put(current.pages, writes.pages, (p) => p.url),
    recommendations: put(current.recommendations, writes.recommendations, (r) => r.id),
    notes: put(current.notes, writes.notes, (n) => n.id),
    settings: chooseSettings(current.settings, incoming.settings, settingKeys),
  };
}

/**
 * Turns a parsed W3C file into incoming data for previewImport/applyImport. Recommendations already stored are
 * not touched (the file knows less about them than we do); a foreign annotation's target is matched to a stored
 * recommendation by page and text; the others are added with what the file tells (source "import").
 */
export function resolveW3cImport(current: BackupData, parsed: W3cImport): BackupData {
  const known = new Set(current.recommendations.map((r) => r.id));
  const byPageAndText = new Map(current.recommendations.map((r) => [`${r.pageUrl ?? ''}\u0000${normalizeRecommendationText(r.text)}`, r.id]));
  const remap = new Map<string, string>();
  const added: StoredRecommendation[] = [];
  for (const r of parsed.recommendations) {
    if (known.has(r.id)) continue;
    const match = r.knownId ? undefined : byPageAndText.get(`${r.pageUrl ?? ''}\u0000${normalizeRecommendationText(r.text)}`);
    if (match) {
      remap.set(r.id, match);
      continue;
    }
    added.push(
      buildStoredRecommendation({
        id: r.id,
        pageUrl: r.pageUrl,
        n: 0,
        text: r.text,
        selector: r.selector,
        who: UNKNOWN_WHO,
        language: r.language,
        classified: r,
        response: null,
        source: 'import',
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      }),
    );
  }
  // Page order for the recommendations that have a page: by where they sit on it.
  const byPage = new Map<string, StoredRecommendation[]>();
  for (const r of added) if (r.pageUrl !== null) byPage.set(r.pageUrl, [...(byPage.get(r.pageUrl) ?? []), r]);
  for (const list of byPage.values()) {
    list.sort((a, b) => (a.selector?.position.start ?? 0) - (b.selector?.position.start ?? 0));
    list.forEach((r, i) => (r.n = i + 1));
  }
  const notes = parsed.notes.map((n) => (n.recommendationId !== null && remap.has(n.recommendationId) ? { ...n, recommendationId: remap.get(n.recommendationId)! } : n));
  return { pages: [], recommendations: added, notes, settings: current.settings };
}
