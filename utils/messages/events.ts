// Events checked like requests, at the receiving end: each event's payload has a schema, and each has one kind of
// sender it may come from. The background's broadcasts (what a write changed, import progress) come only from the
// background: a content script in any tab can send runtime messages to every extension page, and a forged
// note change (`data.changed`) would otherwise put its text in an open panel, where the next keystroke saves it over the
// real note. A page's own events (selected, updated) are no broadcasts: they go to its panel over their port (page-port.ts).
import * as v from 'valibot';
import { NOTE_STATUSES, NoteBodySchema, PageUrlSchema, RecommendationIdSchema } from '@/utils/model';
import type { Events } from './protocol';
import { PROTOCOL_VERSION } from './envelope';

/** What the receiver knows about itself to judge a sender. */
export interface EventReceiver {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''), e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
}

export interface EventSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

const finite = v.pipe(v.number(), v.finite());

// Lenient where imports may have stretched what the UI writes (more tags, longer ones, free-form note ids): an
// event is refused for its shape only when the receiver could not show it.
const NoteEventSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(1_000)),
  recommendationId: v.nullable(RecommendationIdSchema),
  pageUrl: v.nullable(PageUrlSchema),
  body: NoteBodySchema,
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(1_000))), v.maxLength(10_000)),
  status: v.picklist(NOTE_STATUSES),
  createdAt: finite,
  updatedAt: finite,
  deletedAt: v.nullable(finite),
});

const EVENTS = {
  'import.progress': {
    from: 'background',
    payload: v.pipe(
      v.object({ done: v.pipe(finite, v.minValue(0)), total: v.pipe(finite, v.gtValue(0)), stage: v.optional(v.picklist(['read', 'store'])) }),
      v.check(({ done, total }) => done <= total),
    ),
  },
  'data.changed': {
    from: 'background',
    payload: v.variant('scope', [
      v.object({ scope: v.literal('note'), note: NoteEventSchema }),
      v.object({ scope: v.literal('page'), pageUrl: PageUrlSchema }),
      v.object({ scope: v.literal('all') }),
    ]),
  },
} as const satisfies { [E in keyof Events]: { from: 'background'; payload: v.GenericSchema } };

export function isFromBackground(sender: EventSender, receiver: EventReceiver): boolean {
  // The background (a service worker, or Firefox's background page) is in no tab and has the extension's origin;
  // a content script always has a tab and its page's URL.
  return sender.id === receiver.extensionId && sender.tab === undefined && Boolean(sender.url?.startsWith(receiver.extensionOrigin));
}

/**
 * The payload of `message` if it is the event `event` of this protocol version, sent by whom that event may come
 * from, with a well-formed payload; null otherwise (the message is not this event, or is forged or malformed).
 */
export function readEvent<E extends keyof Events>(message: unknown, event: E, sender: EventSender, receiver: EventReceiver): Events[E] | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.upr !== PROTOCOL_VERSION || m.event !== event) return null;
  const spec = EVENTS[event];
  if (!isFromBackground(sender, receiver)) return null;
  const parsed = v.safeParse(spec.payload, m.payload);
  return parsed.success ? (parsed.output as Events[E]) : null;
}
