/*
 * The walk phone page's service worker: lets a reload of /console/programs/walks/<id>/field open in a dead spot.
 * Registered by that page only, with the scope /console/programs/walks/. It keeps one small cache: the app shell
 * (index.html) and the built assets the page loaded. Everything is network first, so online nothing changes and
 * no old code is served; the cache answers only when the network does not. It never touches /api/: the door
 * visits waiting to be sent stay in the page's localStorage outbox, which is the one source of truth.
 */
const CACHE = 'bridges-field-v1';
const SHELL = '/__field-shell';
const FIELD_PAGE = /^\/console\/programs\/walks\/\d+\/field\/?$/;
// Hashed file names change with each build; old ones are dropped beyond this many entries.
const MAX_ENTRIES = 80;

self.addEventListener('install', () => { self.skipWaiting(); });

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('bridges-field-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

const isAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith('/assets/');

async function trim(cache) {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) {
    if (new URL(request.url).pathname !== SHELL) await cache.delete(request);
  }
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(key, response.clone());
      await trim(cache);
    }
    return response;
  } catch (error) {
    const copy = await cache.match(key);
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && FIELD_PAGE.test(url.pathname)) {
    // Every client route is the same index.html, kept under one key.
    event.respondWith(networkFirst(request, SHELL));
  } else if (isAsset(url)) {
    event.respondWith(networkFirst(request, request));
  }
});

// The page loaded before this worker controlled it: it sends its shell and asset URLs to be kept.
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'keep') return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const urls = (event.data.urls || []).map((u) => new URL(u, self.location.origin)).filter(isAsset);
    let kept = 0;
    for (const url of urls) {
      const response = await fetch(url).catch(() => null);
      if (response && response.ok) { await cache.put(url, response); kept += 1; }
    }
    const shell = await fetch(event.data.page, { credentials: 'same-origin' }).catch(() => null);
    if (shell && shell.ok) await cache.put(SHELL, shell);
    await trim(cache);
    event.source && event.source.postMessage({ type: 'kept', assets: kept, shell: Boolean(shell && shell.ok) });
  })());
});
