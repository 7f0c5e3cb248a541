/**
 * Makes the phone page reload without a connection: registers /field-sw.js (src/web/public) for the walks pages
 * only and asks it to keep what this page has loaded (the app shell and its built assets). The visits
 * themselves never go through it: the localStorage outbox holds them.
 */
import { useEffect, useState } from 'react';

export type OfflineShell = 'unsupported' | 'preparing' | 'ready' | 'failed';

const SCRIPT = '/field-sw.js';
const SCOPE = '/console/programs/walks/';

/** Whether this page will open again offline: 'ready' once the worker has kept the shell (or served this page). */
export function useOfflineShell(): OfflineShell {
  const supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext;
  const [state, setState] = useState<OfflineShell>(supported ? 'preparing' : 'unsupported');
  useEffect(() => {
    if (!supported) return;
    let live = true;
    const container = navigator.serviceWorker;
    const onMessage = (event: MessageEvent<{ type?: string; shell?: boolean }>) => {
      if (!live || event.data?.type !== 'kept') return;
      setState(event.data.shell || container.controller ? 'ready' : 'failed');
    };
    container.addEventListener('message', onMessage);
    // Offline, updating the registration fails; a page the worker already served is still fine.
    container.register(SCRIPT, { scope: SCOPE }).catch(() => undefined);
    void container.ready.then((registration) => {
      const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
      registration.active?.postMessage({ type: 'keep', urls, page: location.pathname });
    });
    return () => { live = false; container.removeEventListener('message', onMessage); };
  }, [supported]);
  return state;
}
