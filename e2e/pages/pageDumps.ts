import type { CDPSession, Page } from '@playwright/test';

/**
 * Everything a page holds, as text to search: its V8 heap, its DOM with the values of its fields, and
 * each of its storages. The page functions are passed as source text: the e2e code is compiled
 * without the DOM library.
 */

async function evaluateText(page: Page, source: string): Promise<string> {
  const value: unknown = await page.evaluate(source);
  if (typeof value !== 'string') throw new Error(`The page returned ${typeof value}, not text`);
  return value;
}

/** A heap snapshot of the page's renderer (V8 collects garbage first), as its JSON text. */
export async function heapSnapshotText(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  return chunks.join('');
}

/** Renderer JS heap in use after two forced garbage collections, in bytes. */
export async function heapUsedAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/** The DOM as HTML, then the current value of every input, textarea and select (HTML has defaults only). */
export function domText(page: Page): Promise<string> {
  return evaluateText(
    page,
    `document.documentElement.outerHTML + '\\n' +
      [...document.querySelectorAll('input, textarea, select')].map((field) => field.value).join('\\n')`,
  );
}

export interface StorageDump {
  /** localStorage and sessionStorage, `local:name=value` / `session:name=value` lines. */
  webStorage: string;
  /** document.cookie (the browser context's cookies, HttpOnly too, are read by the caller). */
  cookies: string;
  /** Every record of every object store of every database, as JSON (binary values as latin1 text). */
  indexedDb: string;
  /** Every cached response of every Cache Storage cache, with its URL. */
  cacheStorage: string;
}

const STORAGE_DUMP = `(async () => {
  const webStorage = [];
  for (const [label, store] of [['local', localStorage], ['session', sessionStorage]]) {
    for (let index = 0; index < store.length; index++) {
      const name = store.key(index);
      webStorage.push(label + ':' + name + '=' + store.getItem(name));
    }
  }
  const asText = (_name, value) => {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value)
      : ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : null;
    return bytes ? String.fromCharCode(...bytes) : value;
  };
  const request = (operation) => new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
  const indexedDb = [];
  for (const info of await indexedDB.databases()) {
    const db = await request(indexedDB.open(info.name));
    for (const storeName of db.objectStoreNames) {
      const store = db.transaction(storeName).objectStore(storeName);
      const keys = await request(store.getAllKeys());
      const values = await request(store.getAll());
      indexedDb.push(info.name + '/' + storeName + '=' + JSON.stringify({ keys, values }, asText));
    }
    db.close();
  }
  const cacheStorage = [];
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const cached of await cache.keys()) {
      const response = await cache.match(cached);
      cacheStorage.push(cacheName + ' ' + cached.url + '=' + (response ? await response.text() : ''));
    }
  }
  return JSON.stringify({
    webStorage: webStorage.join('\\n'),
    cookies: document.cookie,
    indexedDb: indexedDb.join('\\n'),
    cacheStorage: cacheStorage.join('\\n'),
  });
})()`;

export async function storageDump(page: Page): Promise<StorageDump> {
  return JSON.parse(await evaluateText(page, STORAGE_DUMP)) as StorageDump;
}

/** Puts `marker` in each storage the dump reads, so a test can check that the dump finds what is there. */
export async function plantStorageMarkers(page: Page, marker: string): Promise<void> {
  await page.evaluate(`(async (marker) => {
    localStorage.setItem('e2e-marker', marker);
    sessionStorage.setItem('e2e-marker', marker);
    document.cookie = 'e2e_marker=' + marker + '; path=/; SameSite=Strict';
    await new Promise((resolve, reject) => {
      const opening = indexedDB.open('e2e-marker', 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore('markers');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const transaction = db.transaction('markers', 'readwrite');
        transaction.objectStore('markers').put(marker, 'marker');
        transaction.oncomplete = () => { db.close(); resolve(); };
        transaction.onerror = () => reject(transaction.error);
      };
    });
    const cache = await caches.open('e2e-marker');
    await cache.put(new Request('/e2e-marker'), new Response(marker));
  })(${JSON.stringify(marker)})`);
}
