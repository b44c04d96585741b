// The user's settings, in extension storage (small, synced to every open extension page by storage events), not
// in IndexedDB. Versioned through WXT's storage item so a later shape can migrate the stored one.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()), ...patch };
  await settingsItem.setValue(next);
  return next;
}
