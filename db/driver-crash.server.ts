// postgres.js 3.4.x has a known bug (porsager/postgres#1066, #1154, #1208): when a
// connection dies under a transaction (PostgreSQL restarting, a backend killed),
// the driver's own ROLLBACK is written from a setImmediate callback after the
// socket is gone, and `socket.write` on null throws outside any promise. Nothing
// can catch it except process.on("uncaughtException"), and the connection it
// happened on stays broken: its unsent bytes are stuck, so every later connect on
// that slot hangs until connect_timeout. Containing it therefore means two things:
// recognise exactly this error, and replace the pool that holds the broken slot.

const recyclers = new Set<() => void>();

/** True only for the driver's null-socket write, identified by message and by where it was thrown. */
export function isKnownDriverCrash(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  if (!/Cannot read properties of null \(reading 'write'\)/.test(error.message)) return false;
  return /nextWrite[^\n]*[\\/]postgres[\\/](?:cjs[\\/])?src[\\/]connection\.js/.test(error.stack ?? "");
}

/** A postgres pool registers how to replace itself; returns the unregistration. */
export function registerPoolRecycler(recycle: () => void): () => void {
  recyclers.add(recycle);
  return () => recyclers.delete(recycle);
}

/** Replaces every registered pool; the old ones finish what they can and are closed. */
export function recycleDriverPools(): number {
  for (const recycle of recyclers) recycle();
  return recyclers.size;
}
