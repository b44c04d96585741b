// When a detected statement yields no recommendation, the passages most likely to hold them, so the panel can offer
// them instead of an empty list ("never a silent zero", issue 15): lines with a recommending phrase first, then list
// items and paragraphs that open with a recommending verb. A lead-in that only announces a list ("Japan recommends
// that Türkiye:") is not offered: accepted, it would store the announcement as a recommendation.
import { LEAD_IN, RECALL_LEAD_IN, widen } from '@/utils/lead-in';
import { normalizeSpace, type Line } from './lines';
import { opensWithKnownVerb } from './recommendations';

export interface Candidate { line: number; text: string }

const MAX_CANDIDATES = 5;
const MAX_CANDIDATE_CHARS = 600;
const MIN_WORDS = 4;
const LEAD_IN_ONCE = widen([LEAD_IN, RECALL_LEAD_IN], 'iu');

/** Up to five lines, best first (then in page order), that read most like recommendations. */
export function findCandidates(lines: readonly Line[]): Candidate[] {
  const scored: { line: number; text: string; score: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.heading || line.text.length > MAX_CANDIDATE_CHARS * 4) continue;
    const text = normalizeSpace(line.text);
    if (text.length > MAX_CANDIDATE_CHARS || (text.match(/\S+/g)?.length ?? 0) < MIN_WORDS) continue;
    const leadIn = LEAD_IN_ONCE.test(text);
    if (leadIn && /:\s*$/.test(text)) continue;
    const score = (leadIn ? 2 : 0) + (opensWithKnownVerb(text.replace(/^\W+/, '')) ? 2 : 0) + (line.listItem ? 1 : 0);
    if (score >= 2) scored.push({ line: i, text, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.line - b.line)
    .slice(0, MAX_CANDIDATES)
    .sort((a, b) => a.line - b.line)
    .map(({ line, text }) => ({ line, text }));
}
