import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN, movePhase, setPresent, updateAgendaItem } from '@consent/shared';
import { meetingDoc } from '@consent/shared/testing';
import { MeetingStore } from './meetingStore.ts';

describe('MeetingStore: the snapshot as an external store', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('my own command shows at once, to every listener', () => {
    const doc = meetingDoc();
    const store = new MeetingStore(doc);
    const heard: string[] = [];
    store.subscribe(() => heard.push(`a:${store.get().meta.phase}`));
    store.subscribe(() => heard.push(`b:${store.get().meta.phase}`));
    movePhase(doc, 'opening');
    expect(heard).toEqual(['a:opening', 'b:opening']);
  });

  it("others' changes are read together, once, after the read interval", () => {
    const doc = meetingDoc();
    const store = new MeetingStore(doc);
    const listener = vi.fn();
    store.subscribe(listener);
    const first = store.get();
    updateAgendaItem(doc, 'item2', { title: 'Views' }, ORIGIN.remote);
    setPresent(doc, 'cleo', false, ORIGIN.remote);
    expect(listener).not.toHaveBeenCalled();
    expect(store.get()).toBe(first);
    vi.advanceTimersByTime(100);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get().participants.cleo!.present).toBe(false);
    // what did not change keeps its identity
    expect(store.get().meta).toBe(first.meta);
    expect(store.get().agenda[0]).toBe(first.agenda[0]);
  });

  it('a change that leaves the snapshot as it was tells nobody', () => {
    const doc = meetingDoc();
    const store = new MeetingStore(doc);
    const listener = vi.fn();
    store.subscribe(listener);
    const first = store.get();
    setPresent(doc, 'cleo', true); // she is present already
    expect(listener).not.toHaveBeenCalled();
    expect(store.get()).toBe(first);
  });

  it('a change before the first subscriber is read when it subscribes', () => {
    const doc = meetingDoc();
    const store = new MeetingStore(doc);
    movePhase(doc, 'opening');
    expect(store.get().meta.phase).toBe('lobby');
    store.subscribe(() => {});
    expect(store.get().meta.phase).toBe('opening');
  });

  it('the last unsubscribe detaches from the document and drops a pending read', () => {
    const doc = meetingDoc();
    const store = new MeetingStore(doc);
    const listener = vi.fn();
    const off = store.subscribe(listener);
    updateAgendaItem(doc, 'item2', { title: 'Views' }, ORIGIN.remote);
    expect(vi.getTimerCount()).toBe(1);
    off();
    expect(vi.getTimerCount()).toBe(0);
    movePhase(doc, 'opening');
    vi.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
    expect(store.get().meta.phase).toBe('lobby');
    expect(store.get().agenda[1]!.title).toBe('News');
  });

  it('a local command right after remote typing reads both at once', () => {
    const doc = meetingDoc();
    const store = new MeetingStore(doc);
    const listener = vi.fn();
    store.subscribe(listener);
    updateAgendaItem(doc, 'item2', { title: 'Views' }, ORIGIN.remote);
    movePhase(doc, 'opening');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get().agenda[1]!.title).toBe('Views');
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('reads a fresh document', () => {
    const store = new MeetingStore(new Y.Doc());
    expect(store.get().agenda).toEqual([]);
  });
});
