import { describe, expect, it } from 'vitest';
import { serializeBackup } from '@/utils/export';
import { loadExample } from '@/utils/export/export.test-support';
import { createFileImporter } from './backup-import';

// A background that answers the import's requests and notes what it was asked.
function fakeBackground() {
  const asked: { type: string; payload: Record<string, unknown> }[] = [];
  let sessions = 0;
  const summary = { kind: 'backup', added: { pages: 0, recommendations: 0, notes: 0 }, updated: { pages: 0, recommendations: 0, notes: 0 }, unchanged: { pages: 0, recommendations: 0, notes: 0 }, conflicts: 0, settingChanges: [], applied: false };
  const send = async (message: unknown) => {
    const { type, payload } = message as { type: string; payload: Record<string, unknown> };
    asked.push({ type, payload });
    if (type === 'data.importBegin') return { ok: true, value: { session: `s${++sessions}` } };
    if (type === 'data.importCommit') return { ok: true, value: { ...summary, applied: payload.apply } };
    if (type === 'data.importCancel') return { ok: true, value: { released: true } };
    return { ok: true, value: { received: summary.added } };
  };
  // The kinds of request in order, a run of parts as one.
  const types = () => asked.map((a) => a.type).filter((type, i, all) => type !== 'data.importPart' || all[i - 1] !== type);
  return { send, asked, types };
}

describe('a backup import cancelled in its preview', () => {
  it('lets the background drop the parts it holds, and an import of the same file afterwards sends them again', async () => {
    const background = fakeBackground();
    const importFile = createFileImporter(background.send);
    const text = serializeBackup(loadExample());
    expect((await importFile(text, false)).ok).toBe(true);
    expect(background.types()).toEqual(['data.importBegin', 'data.importPart', 'data.importCommit']);
    await importFile.cancel();
    expect(background.asked.at(-1)).toEqual({ type: 'data.importCancel', payload: { session: 's1' } });
    // Nothing is held any more: the file is read and sent again, under a new import.
    expect((await importFile(text, true)).ok).toBe(true);
    expect(background.types().slice(4)).toEqual(['data.importBegin', 'data.importPart', 'data.importCommit']);
    expect(background.asked.at(-1)?.payload).toMatchObject({ session: 's2', apply: true });
  });

  it('asks nothing of the background when nothing was sent (a W3C file, or no preview)', async () => {
    const background = fakeBackground();
    const importFile = createFileImporter(background.send);
    await importFile.cancel();
    expect(background.asked).toEqual([]);
  });
});
