/**
 * One server-sent-events connection per browser tab, shared by every console page: alerts arrive while the
 * user moves between pages. The connection closes a few seconds after the last page using it goes away
 * (sign-out, leaving the console), and EventSource reconnects by itself after a drop, sending the id of the
 * last message so the server can replay what was missed.
 */
import type { Alert } from './api.js';

export interface StreamState { alerts: Alert[]; connected: boolean }

let source: EventSource | null = null;
let state: StreamState = { alerts: [], connected: false };
const listeners = new Set<() => void>();
let closeTimer: number | undefined;

function set(next: Partial<StreamState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function open() {
  if (source) return;
  source = new EventSource('/api/realtime/stream', { withCredentials: true });
  source.addEventListener('ready', () => set({ connected: true }));
  source.addEventListener('icap.alert', (event) => {
    const alert = JSON.parse((event as MessageEvent<string>).data) as Alert;
    if (!state.alerts.some((a) => a.id === alert.id)) set({ alerts: [alert, ...state.alerts] });
  });
  source.addEventListener('session-ended', () => close());
  source.onerror = () => set({ connected: false });
}

function close() {
  source?.close();
  source = null;
  set({ connected: false });
}

export const alertStream = {
  subscribe(listener: () => void): () => void {
    window.clearTimeout(closeTimer);
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) closeTimer = window.setTimeout(() => { if (listeners.size === 0) close(); }, 5000);
    };
  },
  snapshot: (): StreamState => state,
  dismiss(id: number) {
    set({ alerts: state.alerts.filter((a) => a.id !== id) });
  },
};
