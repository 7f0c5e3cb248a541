import { describe, expect, it } from 'vitest';
import { RealtimeHub, type DeliveredMessage } from './hub.js';
import { sseFrame } from './routes.js';

const client = (agencyId: number, permissions: string[]) => {
  const got: DeliveredMessage[] = [];
  return { agencyId, permissions: new Set(permissions), send: (m: DeliveredMessage) => got.push(m), got };
};

describe('realtime hub', () => {
  it('delivers to the agency’s connections that hold the permission, and to no one else', () => {
    const hub = new RealtimeHub();
    const allowed = client(1, ['icap:alerts']);
    const other = client(2, ['icap:alerts']);
    const without = client(1, ['walks:read']);
    [allowed, other, without].forEach((c) => hub.subscribe(c));
    expect(hub.publish(1, { type: 'icap.alert', permission: 'icap:alerts', data: { id: 7 } })).toBe(1);
    expect(allowed.got.map((m) => m.data)).toEqual([{ id: 7 }]);
    expect(other.got).toEqual([]);
    expect(without.got).toEqual([]);
  });

  it('replays what a reconnecting browser missed, within five minutes', () => {
    let now = 0;
    const hub = new RealtimeHub(() => now);
    hub.publish(1, { type: 'a', permission: 'p', data: 1 });
    now = 60_000;
    hub.publish(1, { type: 'b', permission: 'p', data: 2 });
    const me = { agencyId: 1, permissions: new Set(['p']) };
    expect(hub.missedSince(me, 1).map((m) => m.type)).toEqual(['b']);
    now = 5 * 60_000 + 30_000; // "a" is now older than five minutes, "b" is not
    expect(hub.missedSince(me, 0).map((m) => m.type)).toEqual(['b']);
  });

  it('stops delivering after unsubscribe, and keeps going when one socket throws', () => {
    const hub = new RealtimeHub();
    const broken = { agencyId: 1, permissions: new Set(['p']), send: () => { throw new Error('socket closed'); } };
    const fine = client(1, ['p']);
    hub.subscribe(broken);
    const leave = hub.subscribe(fine);
    expect(hub.publish(1, { type: 'x', permission: 'p', data: null })).toBe(1);
    leave();
    expect(hub.publish(1, { type: 'x', permission: 'p', data: null })).toBe(0);
  });

  it('writes one SSE frame with JSON data on one line', () => {
    expect(sseFrame({ id: 3, type: 'icap.alert', data: { text: 'two\nlines' } })).toBe('id: 3\nevent: icap.alert\ndata: {"text":"two\\nlines"}\n\n');
  });
});
