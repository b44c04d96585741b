// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCATION_CHANGE, muteWxtStartSignal, ScriptContext } from './index';

afterEach(() => vi.useRealTimers());

describe('ScriptContext', () => {
  it('stops its timers and listeners when aborted', () => {
    vi.useFakeTimers();
    const ctx = new ScriptContext('t1', { id: 'ext' });
    const tick = vi.fn();
    const clicked = vi.fn();
    ctx.setTimeout(tick, 10);
    ctx.addEventListener(document, 'click', clicked);
    ctx.abort();
    vi.advanceTimersByTime(20);
    document.dispatchEvent(new Event('click'));
    expect(tick).not.toHaveBeenCalled();
    expect(clicked).not.toHaveBeenCalled();
  });

  it('becomes invalid once the extension is gone, and runs nothing after', () => {
    vi.useFakeTimers();
    const runtime: { id?: string } = { id: 'ext' };
    const ctx = new ScriptContext('t2', runtime);
    const invalidated = vi.fn();
    ctx.onInvalidated(invalidated);
    const tick = vi.fn();
    ctx.setTimeout(tick, 10);
    delete runtime.id;
    vi.advanceTimersByTime(20);
    expect(tick).not.toHaveBeenCalled();
    expect(ctx.isInvalid).toBe(true);
    expect(invalidated).toHaveBeenCalledTimes(1);
  });

  it('stops an older script of the same name, not one of another name', () => {
    const old = new ScriptContext('t3', { id: 'ext' });
    const other = new ScriptContext('t4', { id: 'ext' });
    new ScriptContext('t3', { id: 'ext' });
    expect(old.isInvalid).toBe(true);
    expect(other.isInvalid).toBe(false);
  });

  it('calls location-change handlers without dispatching any DOM event', () => {
    vi.useFakeTimers();
    const ctx = new ScriptContext('t5', { id: 'ext' });
    const changed = vi.fn();
    const seen = vi.spyOn(window, 'dispatchEvent');
    ctx.addEventListener(window, LOCATION_CHANGE, changed);
    history.pushState({}, '', '#moved');
    vi.advanceTimersByTime(1100);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(seen).not.toHaveBeenCalled();
    ctx.abort();
  });
});

describe('muteWxtStartSignal', () => {
  it('silences document.dispatchEvent until restored', () => {
    const heard = vi.fn();
    document.addEventListener('x-start', heard);
    const restore = muteWxtStartSignal(document);
    document.dispatchEvent(new CustomEvent('x-start'));
    expect(heard).not.toHaveBeenCalled();
    restore();
    document.dispatchEvent(new CustomEvent('x-start'));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
