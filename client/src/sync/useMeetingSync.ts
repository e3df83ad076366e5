// One Y.Doc per meeting, synced through the standard y-websocket provider
// (with our ack/refused extension, and a fresh sync ticket before each connect)
// and kept on this device with y-indexeddb.
// Saved = the server's durable-ack count has caught up with the sync frames we
// sent on this connection. A refusal reloads the document from the server and
// re-applies this device's own writes that were not refused (PendingWrites).
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { MESSAGE, SYNC, SYNC_PARAM, meta, readAck, readMeeting, readRefusal, type Refusal } from '@consent/shared';
import type { Session } from '../session.ts';
import { requestTicket } from '../api.ts';
import type { Refused } from '../access/CannotOpen.tsx';
import { ticketedConnection } from './ticketedConnection.ts';
import { colourByJoinOrder, userColor } from './userColor.ts';
import { PendingWrites, reapply } from './pendingWrites.ts';

export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline';

export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

export interface MeetingConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
}

export interface MeetingSync {
  conn: MeetingConnection | null;
  /** The document holds the server's state (or this device's copy while offline). */
  ready: boolean;
  save: SaveState;
  refusal: Refusal | null;
  dismissRefusal: () => void;
  /** A final refusal of this device's pass (invalid, expired, removed, meeting gone): nothing to retry. */
  fatal: Refused | null;
}

const syncUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;

/**
 * The server acknowledges every sync step-2 and update frame of a connection
 * (its reply to the server's step 1 included, which carries offline edits), so
 * we count exactly those frames as they leave.
 */
function countSyncWrites(ws: WebSocket | null, onWrite: () => void): void {
  if (!ws) return;
  const send = ws.send.bind(ws);
  ws.send = (data) => {
    if (data instanceof Uint8Array && data[0] === MESSAGE.sync && (data[1] === SYNC.step2 || data[1] === SYNC.update)) onWrite();
    send(data);
  };
}

/** The meeting document, for scripts in the browser console (the server enforces every rule on what they write). */
function exposeDoc(doc: Y.Doc | null): void {
  (window as unknown as { consentBoard?: { doc: Y.Doc } }).consentBoard = doc ? { doc } : undefined;
}

export interface SyncOptions {
  /** The WebSocket implementation (the browser's by default; unit tests under Node pass one). Read when connecting. */
  WebSocketPolyfill?: typeof WebSocket;
}

export function useMeetingSync(meetingId: string, session: Session, options: SyncOptions = {}): MeetingSync {
  const [generation, setGeneration] = useState(0);
  const [conn, setConn] = useState<MeetingConnection | null>(null);
  const [ready, setReady] = useState(false);
  const [save, setSave] = useState<SaveState>('connecting');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [fatal, setFatal] = useState<Refused | null>(null);
  /** Own writes kept across a refusal's reload, to re-apply to the server's copy. */
  const kept = useRef<Uint8Array[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` starts the connection over after a refusal
  useEffect(() => {
    const doc = new Y.Doc();
    const pending = new PendingWrites();
    let toReapply = kept.current;
    kept.current = [];
    const user: AwarenessUser = { id: session.participantId, name: session.name, color: userColor(session.participantId) };
    const idb = new IndexeddbPersistence(`consent-board:${meetingId}:${session.participantId}`, doc);
    const provider = new WebsocketProvider(syncUrl(), meetingId, doc, {
      params: { [SYNC_PARAM.ack]: '1' },
      disableBc: true,
      connect: false,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    provider.awareness.setLocalStateField('user', user);
    // Once the document names everyone, take my name as the document spells it (the
    // server drops awareness under any other) and the colour of my place in the join order.
    // The editor mounts after this and passes the same object to its caret.
    const settleIdentity = () => {
      const people = readMeeting(doc).meeting.participants;
      const joinedAt = Object.fromEntries(Object.entries(people).map(([id, p]) => [id, p.joinedAt]));
      const colour = colourByJoinOrder(joinedAt, user.id) ?? user.color;
      const name = people[user.id]?.name ?? user.name;
      if (colour !== user.color || name !== user.name) {
        user.color = colour;
        user.name = name;
        provider.awareness.setLocalStateField('user', { ...user });
      }
    };

    let connected = false;
    let dropped = false;
    let sent = 0;
    let acked = 0;
    let gone = false;
    const update = () => {
      if (gone) return;
      if (!connected) setSave(dropped || !navigator.onLine ? 'offline' : 'connecting');
      else if (!provider.synced || acked < sent) setSave('saving');
      else setSave('saved');
    };

    provider.messageHandlers[MESSAGE.ack] = (_enc, dec) => {
      acked = Math.max(acked, readAck(dec));
      pending.acked(acked);
      update();
    };
    provider.messageHandlers[MESSAGE.refused] = (_enc, dec) => {
      const refused = readRefusal(dec);
      setRefusal(refused);
      // The refused change is in this copy (and on this device): start over from the server's
      // state, keeping my other writes that the server has not confirmed yet.
      kept.current = pending.refused(refused.frame);
      gone = true;
      connection.stop();
      provider.destroy();
      void idb.clearData().finally(() => setGeneration((g) => g + 1));
    };
    provider.on('status', ({ status }: { status: string }) => {
      connected = status === 'connected';
      if (connected) {
        sent = 0;
        acked = 0;
        countSyncWrites(provider.ws, () => {
          sent++;
          update();
        });
        // Each unconfirmed write in a frame of its own, ahead of the step 2 that would carry them all.
        pending.reconnected();
        pending.sendEach((frame) => {
          provider.ws?.send(frame as Uint8Array<ArrayBuffer>);
          return sent;
        });
      } else if (status === 'disconnected') dropped = true;
      update();
    });
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        // after a refusal: my writes that were not refused, onto the server's copy
        if (toReapply.length) reapply(doc, toReapply);
        toReapply = [];
        settleIdentity();
        setReady(true);
      }
      update();
    });
    const connection = ticketedConnection(provider, {
      fetchTicket: () => requestTicket(meetingId, session.token),
      onRefused: (status, reason) => {
        if (!gone) setFatal({ status, reason });
      },
      onUnreachable: () => {
        dropped = true;
        update();
      },
    });
    const onUpdate = (u: Uint8Array, origin: unknown) => {
      // The provider (registered first) has just sent a local write, if it is connected.
      if (origin !== provider && origin !== idb) pending.record(u, provider.wsconnected && provider.ws?.readyState === 1 ? sent : null);
      update();
    };
    doc.on('update', onUpdate);
    exposeDoc(doc);
    // This device's copy is enough to show the board offline, once it holds a meeting.
    idb.on('synced', () => {
      if (meta(doc).size > 0) {
        settleIdentity();
        setReady(true);
      }
    });

    // The browser knows before the socket does: go offline at once, reconnect when back.
    const offline = () => {
      dropped = true;
      connection.stop();
      update();
    };
    const online = () => connection.start();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);

    setConn({ doc, provider, user });
    connection.start();
    return () => {
      gone = true;
      connection.stop();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      doc.off('update', onUpdate);
      exposeDoc(null);
      provider.destroy();
      void idb.destroy();
      doc.destroy();
      setConn(null);
      setReady(false);
      setSave('connecting');
    };
  }, [meetingId, session.participantId, session.token, session.name, generation]);

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return { conn, ready, save, refusal, dismissRefusal, fatal };
}
