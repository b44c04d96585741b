// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '@/utils/anchor';
import { MIN_MOVE_DISTANCE, SCENARIOS, judge, movedDistances, prepareScenario } from './anchor-scenarios';
import { longStatementPage, statementPage } from './pages';

function load(html: string): Element {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return document.querySelector('main')!;
}

describe('anchoring scenarios of the bench', () => {
  it.each(SCENARIOS)('%s on the 300-recommendation page: every selector right, none on other text', (name) => {
    const root = load(statementPage(300));
    const scenario = prepareScenario(root, name);
    expect(scenario.selectors).toHaveLength(300);
    const verdict = judge(root, scenario, anchorSelectors(root, scenario.selectors));
    expect(verdict).toEqual({ correct: 300, wrong: 0, missed: 0 });
  });

  it('moves recommendations more than 2,048 characters and removes 20', () => {
    const root = load(statementPage(300));
    const moved = prepareScenario(root, 'moved');
    const farthest = movedDistances(root, moved).sort((a, b) => b - a);
    expect(farthest[19]).toBeGreaterThan(MIN_MOVE_DISTANCE);
    const removed = prepareScenario(load(statementPage(300)), 'removed');
    expect(removed.expected.filter((el) => el === null)).toHaveLength(20);
  });

  it('judges a range on the neighbouring recommendation wrong and a missing one missed', () => {
    const root = load(statementPage(300));
    const scenario = prepareScenario(root, 'exact');
    const ranges = anchorSelectors(root, scenario.selectors);
    const shifted = ranges.map((r, i) => (i === 10 ? ranges[11]! : i === 12 ? null : r));
    expect(judge(root, scenario, shifted)).toEqual({ correct: 298, wrong: 1, missed: 1 });
  });

  it.each(SCENARIOS)('%s on a long report page', (name) => {
    const root = load(longStatementPage(300, 200_000));
    const scenario = prepareScenario(root, name);
    const verdict = judge(root, scenario, anchorSelectors(root, scenario.selectors));
    expect(verdict).toEqual({ correct: 300, wrong: 0, missed: 0 });
  });
});
