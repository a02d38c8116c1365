// What public pages read from the database, kept per content version (decision 016,
// addendum 2). The page cache holds one page per path, zone and language; every zone a
// visitor brings, every query string, renders again, and each render asked the database
// the same five questions. Here those answers are kept until the content version moves,
// so a render of a known event reads nothing. The version is read before the data, so the
// data held under a version is never older than it.
import type { ContentVersionReader } from "./content-version.server";
import { VERSION_READ_DEADLINE_MS } from "./page-cache.server";

export interface PublicDataCache {
  /** `load`'s answer under the current content version, shared by every caller until it moves. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** Entries kept at most: public events, series and speakers, one each. */
const MAX_ENTRIES = 2_000;

export function createPublicDataCache(versions: ContentVersionReader): PublicDataCache {
  const entries = new Map<string, { snapshot: string; value: Promise<unknown> }>();
  return {
    async read<T>(key: string, load: () => Promise<T>): Promise<T> {
      // With the database slow or away, straight to it: the load meets the same silence and
      // the page answers the outage (the reader stands aside for everyone at once).
      const current = await versions.currentWithin(VERSION_READ_DEADLINE_MS);
      if (!current) return load();
      // The clock is part of it: a list of upcoming events changes when one starts.
      const snapshot = `${current.version}|${current.changesAt}`;
      const held = entries.get(key);
      if (held && held.snapshot === snapshot) return held.value as Promise<T>;
      const value = load();
      entries.delete(key);
      entries.set(key, { snapshot, value });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      // A failed read (the database away) is not kept: the next request asks again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
  };
}

/** Through the cache when the app has one (production), straight to the database otherwise (tests, development). */
export function readPublicData<T>(cache: PublicDataCache | null | undefined, key: string, load: () => Promise<T>): Promise<T> {
  return cache ? cache.read(key, load) : load();
}
