/**
 * A tiny IndexedDB key-value wrapper (one database, one object store): values are stored by
 * structured clone, so typed arrays survive as they are. Every call degrades to a no-op when
 * IndexedDB is unavailable (private mode, Node tests).
 */

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (creating if needed) database `dbName` with the object store `storeName`. */
export function openKeyValueStore(dbName = 'routelab', storeName = 'kv'): KeyValueStore {
  const factory: IDBFactory | undefined = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> | null => {
    if (!factory) return null;
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(dbName, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`cannot open IndexedDB "${dbName}"`));
    });
    return db;
  };
  const run = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> => {
    const opened = open();
    if (!opened) return undefined;
    const tx = (await opened).transaction(storeName, mode);
    const result = await promised(fn(tx.objectStore(storeName)));
    if (mode === 'readwrite') {
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
    }
    return result;
  };
  return {
    get: <T>(key: string) => run('readonly', (s) => s.get(key) as IDBRequest<T>),
    set: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    del: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}

/**
 * A store held in a Map (tests, and anywhere a page must not persist): the same interface, `map` to
 * look inside. With `clone`, values are structured-cloned on the way in and out, as IndexedDB does.
 */
export function memoryKeyValueStore(options: { clone?: boolean } = {}): KeyValueStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  const copy = options.clone ? <T>(v: T): T => structuredClone(v) : <T>(v: T): T => v;
  return {
    map,
    get: async <T>(k: string) => (map.has(k) ? (copy(map.get(k)) as T) : undefined),
    set: async (k, v) => void map.set(k, copy(v)),
    del: async (k) => void map.delete(k),
  };
}
