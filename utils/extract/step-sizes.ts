// How much of a reading one step does (see utils/steps): about 5–10 ms each on an idle machine for a statement of
// 10,000 recommendations, so no task of the reading is a long one.

export { NODES_PER_STEP } from '@/utils/steps';
/** Lines the recommendation scan reads per step (a long line counts one more per 256 characters). */
export const LINES_PER_STEP = 500;
/** Recommendations per step where each is read (its words, its range). */
export const ITEMS_PER_STEP = 500;
