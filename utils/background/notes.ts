// Notes: save, delete, restore and the tag list, and the drafts each open panel hands over at every keystroke (over
// its port, and into session storage where a stopped worker finds them when it starts again), so that words typed
// just before a tab closes are written even though its debounced save never ran. A draft is written only when it
// is newer than the stored note, and over its `base` like any save: what another tab saved meanwhile is merged, or
// where it cannot be, kept beside it.
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { DRAFT_KEY_PREFIX, DRAFT_PORT, draftKey, DraftMessageSchema, DraftSchema, RequestError, type Draft, type Handlers } from '@/utils/messages';
import type { NotePatch, NoteTarget } from '@/utils/db';
import { keepBoth, type Note } from '@/utils/model';
import type { BackgroundContext } from './context';

type NoteHandlers = Pick<Handlers, 'note.save' | 'note.delete' | 'note.restore' | 'tags.list'>;

export interface NotesService {
  handlers: NoteHandlers;
  /** A runtime.onConnect listener for the drafts port. */
  onConnect(port: Browser.runtime.Port): void;
  /** Writes the drafts left in session storage (and `extra` ones) that no save has confirmed. */
  flushDrafts(extra?: Draft[]): Promise<void>;
  /** Drops every draft not written yet (everything was deleted: none may bring a note back). */
  forgetDrafts(): Promise<void>;
}

export function createNotesService(ctx: BackgroundContext): NotesService {
  const session = ctx.browser.storage?.session;

  // The text each note editor's last draft left stored (this worker's life): when that editor saves or drafts again
  // over the same base, what is stored is its own earlier typing, not another tab's edit to merge with.
  const draftedBy = new Map<string, { editor: string; body: string }>();
  // What each open panel's port has handed over, written when the port closes.
  const openPorts = new Set<Map<string, Draft>>();
  const ownBase = async (target: NoteTarget, patch: NotePatch): Promise<NotePatch> => {
    const own = draftedBy.get(draftKey(target));
    if (!own || patch.body === undefined || patch.base === undefined || own.editor !== patch.editor) return patch;
    const current = await ctx.repo.getNote(target);
    return current && current.deletedAt === null && current.body === own.body ? { ...patch, base: current.body } : patch;
  };
  const save = (target: NoteTarget, patch: NotePatch, now?: number) =>
    changed(ctx.stored(async () => ctx.repo.saveNote(target, await ownBase(target, patch), now)));

  const changed = async (write: Promise<Note>): Promise<Note> => {
    const note = await write;
    ctx.announce({ scope: 'note', note });
    // A draft this save (or a later one) confirmed is done with: only newer typing stays to be written.
    const key = draftKey(note.recommendationId ? { recommendationId: note.recommendationId } : { pageUrl: note.pageUrl ?? '' });
    const left = (await session?.get(key).catch(() => undefined))?.[key] as { at?: unknown } | undefined;
    if (left && typeof left.at === 'number' && left.at <= note.updatedAt) await session?.remove(key).catch(() => {});
    return note;
  };

  const storedDrafts = async (): Promise<Map<string, Draft>> => {
    const found = new Map<string, Draft>();
    if (!session) return found;
    const all: Record<string, unknown> = await session.get(null).catch(() => ({}));
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(DRAFT_KEY_PREFIX)) continue;
      const parsed = v.safeParse(DraftSchema, value);
      if (parsed.success && draftKey(parsed.output.target) === key) found.set(key, parsed.output);
      else void session.remove(key).catch(() => {});
    }
    return found;
  };

  const writeDraft = async (draft: Draft) => {
    const current = await ctx.repo.getNote(draft.target);
    if (current && current.updatedAt >= draft.at) return; // a later save has it (or a deletion came after it)
    const live = current && current.deletedAt === null ? current : null;
    // Stamped with when it was typed, not when it is written: a later keystroke's draft is newer than this save.
    let written: Note;
    try {
      written = await save(draft.target, { body: draft.body, base: draft.base, editor: draft.editor }, draft.at);
    } catch (error) {
      // Overlapping edits, and no one left to ask: both texts stay.
      if (!(error instanceof RequestError && error.code === 'conflict') || !live) throw error;
      const now = (await ctx.repo.getNote(draft.target)) ?? live;
      written = await save(draft.target, { body: keepBoth(now.body, draft.body), base: now.body }, Math.max(draft.at, now.updatedAt));
    }
    if (draft.editor) draftedBy.set(draftKey(draft.target), { editor: draft.editor, body: written.body });
  };

  // One flush at a time: a port closing while the worker starts must not write the same draft twice.
  let flushing: Promise<void> = Promise.resolve();
  const flushDrafts = (extra: Draft[] = []) =>
    (flushing = flushing.then(async () => {
      const drafts = await storedDrafts();
      for (const draft of extra) {
        const key = draftKey(draft.target);
        if ((drafts.get(key)?.at ?? -1) < draft.at) drafts.set(key, draft);
      }
      for (const [key, draft] of drafts) {
        await writeDraft(draft).catch((error: unknown) => console.warn('[UPR Annotator] a draft could not be saved:', error));
        // Only the draft written: a panel still typing may have put a newer one there meanwhile.
        const left = (await session?.get(key).catch(() => undefined))?.[key] as { at?: unknown } | undefined;
        if (left && left.at === draft.at) await session?.remove(key).catch(() => {});
      }
    }));

  return {
    flushDrafts,
    async forgetDrafts() {
      draftedBy.clear();
      for (const drafts of openPorts) drafts.clear();
      const keys = Object.keys(await session?.get(null).catch(() => ({})) ?? {}).filter((key) => key.startsWith(DRAFT_KEY_PREFIX));
      if (keys.length > 0) await session?.remove(keys).catch(() => {});
    },
    handlers: {
      'note.save': ({ target, patch }) => save(target, patch),
      'note.delete': ({ id }) => changed(ctx.stored(() => ctx.repo.deleteNote(id))),
      'note.restore': ({ id }) => changed(ctx.stored(() => ctx.repo.restoreNote(id))),
      'tags.list': () => ctx.stored(() => ctx.repo.listTags()),
    },
    onConnect(port) {
      if (port.name !== DRAFT_PORT || port.sender?.id !== ctx.browser.runtime.id || !port.sender.url?.startsWith(ctx.extensionOrigin)) {
        port.disconnect();
        return;
      }
      const drafts = new Map<string, Draft>();
      openPorts.add(drafts);
      port.onMessage.addListener((message: unknown) => {
        const parsed = v.safeParse(DraftMessageSchema, message);
        if (parsed.success) drafts.set(draftKey(parsed.output.draft.target), parsed.output.draft);
      });
      port.onDisconnect.addListener(() => {
        openPorts.delete(drafts);
        void flushDrafts([...drafts.values()]);
      });
    },
  };
}
