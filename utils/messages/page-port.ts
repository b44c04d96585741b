// The direct port between the panel and the annotator in its tab (no background in between): the panel opens it
// with tabs.connect to the tab's top frame, named with the token of the frame the annotator mounted (see
// utils/frame-guard), and each side answers only the calls of its map below, checked at arrival (port-rpc.ts).
import * as v from 'valibot';
import { CapturedRecommendationSchema, PageCaptureSchema } from '@/utils/model';
import type { CallMap } from './port-rpc';

const N = v.pipe(v.number(), v.integer(), v.minValue(1));

/** What the panel asks of its page. A call the page cannot do fails with the user's sentence for why. */
/** A correction's id among its page's steps (what "Undo" takes back). */
const STEP = v.pipe(v.string(), v.maxLength(40));

export const PANEL_TO_PAGE = {
  /** Whether the annotator holds this panel's frame in the page (the port's name carried its token). */
  mounted: { payload: v.object({}), result: v.boolean() },
  /** Whether the page shows the panel's frame as styled (not made transparent, hidden or covered). */
  shown: { payload: v.object({}), result: v.boolean() },
  /** Scroll to recommendation n, select and flash it. */
  focus: { payload: v.object({ n: N }), result: v.null() },
  /**
   * A correction that needs the page: add the selection, merge n with the next, split n at the selection. Answers
   * the id of the step stored (for "Undo"), or null when there was nothing to do.
   */
  correct: {
    payload: v.variant('command', [v.object({ command: v.literal('add-selection') }), v.object({ command: v.picklist(['merge', 'split']), n: N })]),
    result: v.nullable(STEP),
  },
  /** The recommendations (by n) that carry a note, for the page to mark them (each time they change). */
  noted: { payload: v.object({ ns: v.pipe(v.array(N), v.maxLength(100_000)) }), result: v.null() },
} as const satisfies CallMap;

/**
 * A page of at least this many recommendations mounts its panel as soon as it is highlighted and hands it its reading
 * (`reading` below) to list while the capture is stored; a shorter one is stored in one go before its panel mounts.
 */
export const PENDING_LIST_MIN = 1_000;
/** The most recommendations a reading handed to the panel may list (a capture has no such bound: it goes in batches). */
const MAX_READING = 100_000;

/**
 * What the page read, as the panel lists it while it is being stored: the page's details and, for each
 * recommendation, its order, its words and (on a page of several statements) whose it is.
 */
export const PageReadingSchema = v.object({
  ...v.pick(PageCaptureSchema, ['url', 'meta', 'statements']).entries,
  recommendations: v.pipe(v.array(v.pick(CapturedRecommendationSchema, ['n', 'text', 'statement'])), v.minLength(1), v.maxLength(MAX_READING)),
  /** Only the first recommendations, from a look at the top of the page: the whole reading is still going on. */
  partial: v.optional(v.literal(true)),
});
export type PageReading = v.InferOutput<typeof PageReadingSchema>;

/** What the page tells its panel (notices: no answer). */
export const PAGE_TO_PANEL = {
  /** A highlight was clicked or reached by keyboard. */
  selected: { payload: v.object({ n: N }), result: v.null() },
  /** The page was read again (its content or its corrections changed): the panel reloads. */
  updated: { payload: v.object({}), result: v.null() },
  /**
   * Whether the page is storing its reading, batch after batch (a long statement): meanwhile the panel leaves the
   * worker's news of each batch for the end (`storing: false`), when it loads the page once.
   */
  storing: { payload: v.object({ storing: v.boolean() }), result: v.null() },
  /**
   * A long statement's reading, while it is being stored (told on connect, or as the storing starts): the panel lists
   * it at once, until it loads the stored records when the storing ends. Only ever over the panel's own port.
   */
  reading: { payload: PageReadingSchema, result: v.null() },
  /**
   * The user added the selected text from the page's context menu: `step` is what the panel's "Undo" takes back; or
   * `refused`, the sentence for why it could not be added.
   */
  added: { payload: v.union([v.object({ step: STEP }), v.object({ refused: v.pipe(v.string(), v.maxLength(500)) })]), result: v.null() },
} as const satisfies CallMap;

export type PanelToPage = typeof PANEL_TO_PAGE;
export type PageToPanel = typeof PAGE_TO_PANEL;
