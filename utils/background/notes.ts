// Notes: save, delete, restore and the tag list, and the drafts each open panel streams over its port so that words
// typed just before a tab closes are written even though its debounced save never ran.
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { DRAFT_PORT, DraftMessageSchema, type DraftMessage, type Handlers } from '../messages';
import type { Note } from '../model';
import type { BackgroundContext } from './context';

type NoteHandlers = Pick<Handlers, 'note.save' | 'note.delete' | 'note.restore' | 'tags.list'>;

export interface NotesService {
  handlers: NoteHandlers;
  /** A runtime.onConnect listener for the drafts port. */
  onConnect(port: Browser.runtime.Port): void;
}

export function createNotesService(ctx: BackgroundContext): NotesService {
  // Drafts each open panel sent over its port and that no save has confirmed yet: written when the port closes.
  const openDrafts = new Set<Map<string, DraftMessage['draft']>>();
  const draftKey = (t: { recommendationId: string | null } | { pageUrl: string | null }) =>
    'recommendationId' in t && t.recommendationId ? t.recommendationId : `page:${'pageUrl' in t ? t.pageUrl : ''}`;

  const changed = async (write: Promise<Note>): Promise<Note> => {
    const note = await write;
    for (const drafts of openDrafts) if (drafts.get(draftKey(note))?.body === note.body) drafts.delete(draftKey(note));
    ctx.announce({ scope: 'note', note });
    return note;
  };

  return {
    handlers: {
      'note.save': ({ target, patch }) => changed(ctx.stored(() => ctx.repo.saveNote(target, patch))),
      'note.delete': ({ id }) => changed(ctx.stored(() => ctx.repo.deleteNote(id))),
      'note.restore': ({ id }) => changed(ctx.stored(() => ctx.repo.restoreNote(id))),
      'tags.list': () => ctx.stored(() => ctx.repo.listTags()),
    },
    onConnect(port) {
      if (port.name !== DRAFT_PORT || port.sender?.id !== ctx.browser.runtime.id || !port.sender.url?.startsWith(ctx.extensionOrigin)) {
        port.disconnect();
        return;
      }
      const drafts = new Map<string, DraftMessage['draft']>();
      openDrafts.add(drafts);
      port.onMessage.addListener((message: unknown) => {
        const parsed = v.safeParse(DraftMessageSchema, message);
        if (parsed.success) drafts.set(draftKey(parsed.output.draft.target), parsed.output.draft);
      });
      port.onDisconnect.addListener(() => {
        openDrafts.delete(drafts);
        for (const { target, body } of drafts.values()) {
          changed(ctx.stored(() => ctx.repo.saveNote(target, { body }))).catch((error: unknown) => console.warn('[UPR Annotator] a draft could not be saved:', error));
        }
      });
    },
  };
}
