// The service worker: after a first visit the app and its data work offline (a classroom with bad
// Wi-Fi). `scripts/service-worker.mjs` fills in this build's files and version when the site is built;
// a new build is a new worker with a new cache, and the old cache goes once the new worker takes over.
// Same-origin GET requests only: the app makes no other.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `lwkd-${VERSION}`;

// Each file is revalidated with the server, not taken from a possibly stale HTTP cache (a host's
// max-age); unchanged files are answered 304 and cost nothing.
self.addEventListener('install', (event) => {
  const fresh = FILES.map((f) => new Request(f, { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lwkd-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // A request that asks past every cache (a recorded run, which its author may replace) goes to the network.
  if (request.method !== 'GET' || request.cache === 'no-store'
    || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});

// The page itself: the newest when online (a new build shows at once), the cached copy offline. Its
// query holds the settings, not another page.
async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return asAsked(cached, request);
    throw offline;
  }
}

// Files: hashed in their names, or versioned by the `v` the page adds to the training module's and
// its loader's URLs — a cached copy answers only the version asked for (whatever else the query
// holds), so a new page never runs an old worker. A file not in the build's list (a target dataset
// fetched when first chosen) is kept once fetched.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  const version = url.searchParams.get('v');
  const key = version ? `${url.origin}${url.pathname}?v=${version}` : request;
  const cached = await cache.match(key, { ignoreSearch: !version });
  if (cached) return asAsked(cached, request);
  const response = await fetch(request);
  if (response.status === 200) await cache.put(key, response.clone());
  return response;
}

// A copy kept under another query answers as the URL that was asked for: a worker's (or the page's)
// location is its response's URL, and the training worker reads its module's address from its query.
function asAsked(cached, request) {
  if (cached.url === request.url) return cached;
  const { status, statusText, headers } = cached;
  return new Response(cached.body, { status, statusText, headers });
}
