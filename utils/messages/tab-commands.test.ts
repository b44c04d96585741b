import { describe, expect, it, vi } from 'vitest';
import { commandEnvelope } from './envelope';
import { readTabCommand } from './tab-commands';

const background = { id: 'ext' };

describe('readTabCommand', () => {
  it('takes each command from our background, in its shape', () => {
    expect(readTabCommand(commandEnvelope('step', { direction: -1 }), background, 'ext')).toEqual({ command: 'step', payload: { direction: -1 } });
    expect(readTabCommand(commandEnvelope('toggle-highlights', {}), background, 'ext')).toEqual({ command: 'toggle-highlights', payload: {} });
    expect(readTabCommand(commandEnvelope('refresh', {}), background, 'ext')).toEqual({ command: 'refresh', payload: {} });
  });

  it.each([
    ['a content script in a tab', commandEnvelope('refresh', {}), { id: 'ext', tab: { id: 3 } }],
    ['another extension', commandEnvelope('refresh', {}), { id: 'other' }],
    ['an unknown command', commandEnvelope('delete-everything', {}), background],
    ['a step of two', commandEnvelope('step', { direction: 2 }), background],
    ['a step with no direction', commandEnvelope('step', {}), background],
    ['a payload with more in it', commandEnvelope('focus-panel', { n: 1 }), background],
    ['another protocol version', { ...commandEnvelope('refresh', {}), upr: 0 }, background],
  ])('drops a command from or with %s, saying why', (_what, message, sender) => {
    const log = vi.fn();
    expect(readTabCommand(message, sender, 'ext', log)).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('ignores messages that are not commands', () => {
    const log = vi.fn();
    expect(readTabCommand({ upr: 1, type: 'page.stored', payload: {} }, background, 'ext', log)).toBeNull();
    expect(readTabCommand('refresh', background, 'ext', log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });
});
