// Test support: the example backup every golden file is made from, the frozen clock, and the golden-file check
// (UPDATE_GOLDEN=1 rewrites the files instead of comparing). Only tests import this module.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SESSION_PAGE } from '@/utils/db/capture.test-support';
import { parseBackup, type Backup, type BackupData } from './backup';

export const EXAMPLE_PATH = join(__dirname, '../../examples/backup.json');
export const GOLDEN_DIR = join(__dirname, 'golden');
/** The example's own export time: every golden file is made at this instant. */
export const FROZEN_NOW = Date.parse('2024-03-21T12:00:00.000Z');

export function loadExample(): Backup {
  return parseBackup(readFileSync(EXAMPLE_PATH, 'utf8'));
}

export function dataOf(backup: Backup): BackupData {
  const { pages, recommendations, notes, settings } = backup;
  return { pages, recommendations, notes, settings };
}

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    // A missing golden file is written once so a new format can be reviewed; CI always has them committed.
    if (process.env.CI && !existsSync(path)) throw new Error(`golden file ${name} is missing`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `output differs from golden/${name}; rerun with UPDATE_GOLDEN=1 if the change is intended`).toBe(readFileSync(path, 'utf8'));
}

/** Freezes an object graph so a test proves a function did not write into its inputs. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Bidi overrides, isolates, marks and a zero-width space, as a hostile page or import would plant them. */
export const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * The example with invisible formatting in the first recommendation's text and quote (reversing a phrase), in a
 * note's body and in one of its tags.
 */
export function withInvisibleFormatting(backup: Backup): Backup {
  const [first, ...rest] = backup.recommendations;
  const text = `${first!.text} \u202Eytlanep htaed\u202C`;
  const hostileRec = { ...first!, text, selector: first!.selector && { ...first!.selector, quote: { ...first!.selector.quote, exact: text } } };
  const notes = backup.notes.map((n) => (n.recommendationId === first!.id && n.deletedAt === null ? { ...n, body: `Paid \u2066\u202E0001\u2069 euros`, tags: [...n.tags, 'urgent\u200F\u200B'] } : n));
  return { ...backup, recommendations: [hostileRec, ...rest], notes };
}

/**
 * Australia's session page of UPR 41 as stored: the page (no one state under review or date) with its three
 * statements, a recommendation to each, and a note on the page as a whole.
 */
export function sessionPageRecords(): BackupData {
  const example = loadExample();
  const base = example.pages[0]!;
  const url = 'https://www.example.gov.au/upr41';
  const page = { ...base, url, ...structuredClone(SESSION_PAGE.meta), statements: structuredClone(SESSION_PAGE.statements) };
  delete page.corrections;
  const recBase = example.recommendations.find((r) => r.pageUrl === base.url)!;
  const recs = page.statements.map((s, i) => ({
    ...recBase,
    id: `r${String(i + 1).repeat(24)}`,
    pageUrl: url,
    n: i + 1,
    text: `Recommendation ${i + 1} to ${s.stateUnderReview}.`,
    recommendingState: 'Australia',
    recommendingStateCode: 'AUS',
    stateUnderReview: s.stateUnderReview,
    stateUnderReviewCode: s.stateUnderReviewCode,
    session: 41,
    cycle: 4,
    statement: i,
  }));
  const pageNote = { ...example.notes.find((n) => n.pageUrl !== null)!, id: `p${'9'.repeat(24)}`, pageUrl: url, body: 'Three reviews in one week.' };
  return { pages: [page], recommendations: recs, notes: [pageNote] };
}
