// How far the action category read from a recommendation's words agrees with people's coding of it (UPR Info's
// `Action` column): overall, per category (recall: of those people put in a category, how many we put there), and
// the confusion table that shows where the rest went. Pure; the classify CLI and the agreement test share it.
import type { ActionCategory } from '@/utils/model';
import { actionCategoryOf } from './index';

export const CATEGORIES: readonly ActionCategory[] = [1, 2, 3, 4, 5];

export interface CodedRecommendation {
  text: string;
  language?: string | null;
  /** The category people gave it. */
  category: ActionCategory;
}

export interface CategoryAgreement {
  /** Coded in this category by people. */
  coded: number;
  /** Of those, put in this category here too. */
  agreed: number;
  /** Put in this category here, whatever people said. */
  predicted: number;
}

export interface AgreementReport {
  total: number;
  agreed: number;
  /** No category could be read from the words. */
  unclassified: number;
  byCategory: Record<ActionCategory, CategoryAgreement>;
  /** confusion[coded][predicted], 0 for "none". */
  confusion: number[][];
}

export function measureAgreement(items: Iterable<CodedRecommendation>): AgreementReport {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { coded: 0, agreed: 0, predicted: 0 }])) as Record<ActionCategory, CategoryAgreement>;
  const confusion = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  let total = 0;
  let agreed = 0;
  let unclassified = 0;
  for (const { text, language, category } of items) {
    const predicted = actionCategoryOf(text, language);
    total++;
    byCategory[category].coded++;
    confusion[category]![predicted ?? 0]!++;
    if (predicted === null) unclassified++;
    else byCategory[predicted].predicted++;
    if (predicted === category) {
      agreed++;
      byCategory[category].agreed++;
    }
  }
  return { total, agreed, unclassified, byCategory, confusion };
}

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '—');

/** The report as a few lines of text: overall, then per category, then the confusion table. */
export function formatAgreement(report: AgreementReport, title: string): string {
  const lines = [`${title}: ${percent(report.agreed, report.total)} agreement over ${report.total.toLocaleString('en')} recommendations (${report.unclassified} unclassified)`];
  for (const c of CATEGORIES) {
    const { coded, agreed, predicted } = report.byCategory[c];
    lines.push(`  category ${c}: ${percent(agreed, coded)} of ${coded} coded ${c} (precision ${percent(agreed, predicted)} of ${predicted} put in ${c})`);
  }
  lines.push('  coded \\ read   none      1      2      3      4      5');
  for (const c of CATEGORIES) lines.push(`  ${String(c).padStart(5)}      ${report.confusion[c]!.map((n) => String(n).padStart(6)).join(' ')}`);
  return lines.join('\n');
}
