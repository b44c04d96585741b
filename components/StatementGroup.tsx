// A page of several statements (a session page, a speech collection) lists its recommendations under one heading
// per statement, in page order: "Universal Periodic Review of Bahrain — 7 November 2022 · 2 recommendations".
// Recommendations the page's reading did not place in a statement (an older capture) come last, under their own heading.
import type { ComponentChildren, RefObject } from 'preact';
import type { PageStatement } from '@/utils/model';
import { numberFormat } from '@/utils/i18n';
import { formatStatementHeading } from './format';
import { useI18n } from './i18n';

export interface StatementRecs<T> {
  /** Index in the page's statements; null for the recommendations of none. */
  index: number | null;
  statement: PageStatement | null;
  recommendations: T[];
  /** How many the statement has, filtered or not. */
  total: number;
}

/**
 * The shown recommendations by statement, in page order; a statement none of whose recommendations is shown (the
 * filter) is left out. `all` are every recommendation of the page, for the counts.
 */
export function groupByStatement<T extends { statement?: number }>(statements: readonly PageStatement[], shown: readonly T[], all: readonly T[]): StatementRecs<T>[] {
  const indexOf = (rec: T) => (rec.statement !== undefined && rec.statement < statements.length ? rec.statement : null);
  const groups: StatementRecs<T>[] = [...statements.map((statement, index) => ({ index, statement })), { index: null, statement: null }].map((g) => ({ ...g, recommendations: [], total: 0 }));
  const at = (index: number | null) => groups[index ?? statements.length]!;
  for (const rec of all) at(indexOf(rec)).total++;
  for (const rec of shown) at(indexOf(rec)).recommendations.push(rec);
  return groups.filter((g) => g.recommendations.length > 0);
}

interface Props {
  group: StatementRecs<unknown>;
  filtering: boolean;
  children: ComponentChildren;
}

export function StatementGroup({ group, filtering, children }: Props) {
  const { t, language } = useI18n();
  const id = `statement-${group.index ?? 'other'}`;
  const shown = group.recommendations.length;
  return (
    <section class="statement-group" aria-labelledby={id}>
      <h2 class="statement-heading" id={id}>
        <span class="statement-title">{group.statement ? formatStatementHeading(group.statement, t, language) : t('statementGroupOther')}</span>
        <span class="statement-count">{filtering ? t('shownOf', { shown: numberFormat(language)(shown), total: numberFormat(language)(group.total) }) : t('recCount', { count: numberFormat(language)(group.total) })}</span>
      </h2>
      {children}
    </section>
  );
}

interface GroupsProps<T> {
  /** The page's statements when it holds several (utils/model severalStatements); null lists `shown` as one. */
  statements: readonly PageStatement[] | null;
  shown: T[];
  all: readonly T[];
  filtering: boolean;
  areaRef: RefObject<HTMLDivElement>;
  /** The list of some recommendations. */
  children: (shown: T[]) => ComponentChildren;
}

/** The list as one, or, on a page of several statements, one per statement under its heading. */
export function StatementGroups<T extends { statement?: number }>({ statements, shown, all, filtering, areaRef, children }: GroupsProps<T>) {
  if (!statements) return <>{children(shown)}</>;
  return (
    <div class="statement-groups" ref={areaRef}>
      {groupByStatement(statements, shown, all).map((group) => (
        <StatementGroup key={group.index ?? 'other'} group={group} filtering={filtering}>
          {children(group.recommendations)}
        </StatementGroup>
      ))}
    </div>
  );
}
