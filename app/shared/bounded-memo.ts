// A cache for pure functions of a string key (a zone, an instant and a pattern,
// a markdown text): the time module and the markdown renderer answer the same
// few questions on every page. Bounded, so keys taken from arbitrary input (a
// typed zone, every version of every description) cannot grow memory without end.

/** A Map that forgets its oldest entries once it holds `limit` of them. */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const table = new Map<string, V>();
  return (key) => {
    const known = table.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (table.size >= limit) {
      // Insertion order: drop the oldest tenth at once, so a full table does not evict on every call.
      let drop = Math.ceil(limit / 10);
      for (const old of table.keys()) {
        table.delete(old);
        if (--drop === 0) break;
      }
    }
    table.set(key, value);
    return value;
  };
}
