// What every outbox (email, webhooks) needs once a worker holds rows: a lease kept
// ahead of the clock while the slow part (an HTTP request) is in flight, and a
// retry delay that spreads retries out. Each outbox keeps its own claim queries;
// these are the parts that do not depend on the table.

/**
 * Renews the claim every third of the lease while the work is in flight. If it cannot
 * be renewed (the database is away) or was taken over, `signal` aborts before the
 * lease ends, so no other worker can take the rows while this request is still live.
 */
export function holdLease(renew: (until: Date) => Promise<boolean>, leaseSeconds: number) {
  const leaseMs = leaseSeconds * 1000;
  const controller = new AbortController();
  let abortTimer: NodeJS.Timeout | undefined;
  const abortBefore = (leaseEnd: number) => {
    if (abortTimer) clearTimeout(abortTimer);
    abortTimer = setTimeout(() => controller.abort(new Error("lease could not be renewed")), Math.max(0, leaseEnd - Date.now() - leaseMs * 0.2));
  };
  abortBefore(Date.now() + leaseMs);
  const renewer = setInterval(() => {
    const until = Date.now() + leaseMs;
    renew(new Date(until)).then(
      (held) => (held ? abortBefore(until) : controller.abort(new Error("lease taken over"))),
      () => {}, // the abort timer stands; a later renewal may still succeed
    );
  }, leaseMs / 3);
  return {
    signal: controller.signal,
    release() {
      clearInterval(renewer);
      if (abortTimer) clearTimeout(abortTimer);
    },
  };
}

/**
 * `base·2^(failures-1)` capped, then a random point in its upper half ("equal jitter"),
 * so receivers that failed together are not all retried in the same second.
 */
export function backoffWithJitterSeconds(failures: number, { baseSeconds, capSeconds }: { baseSeconds: number; capSeconds: number }, random = Math.random): number {
  const ceiling = Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
