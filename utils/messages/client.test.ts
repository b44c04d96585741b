import { describe, expect, it } from 'vitest';
import { sendRequest } from './client';

describe('sendRequest', () => {
  it('returns the background result as it came', async () => {
    const result = await sendRequest(async () => ({ ok: true, value: null }), 'data.deleteAll', { confirm: 'delete everything' });
    expect(result).toEqual({ ok: true, value: null });
  });

  it('turns a vanished extension context into a "reload this page" error instead of throwing', async () => {
    const result = await sendRequest(
      async () => {
        throw new Error('Extension context invalidated.');
      },
      'panel.load',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'protocol' } });
    expect(!result.ok && result.error.message).toMatch(/reload this page/i);
  });

  it('reports a missing answer as an error', async () => {
    const result = await sendRequest(async () => undefined, 'panel.load', {});
    expect(result.ok).toBe(false);
  });
});
