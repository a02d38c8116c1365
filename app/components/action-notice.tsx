/**
 * What an action did, said where the organizer (or speaker) is looking: a success
 * is a polite status, a refusal an alert that screen readers announce at once.
 */
export function ActionNotice({ result }: { result: { ok: boolean; message: string } | null | undefined }) {
  if (!result || !result.message) return null;
  return (
    <p className={`notice ${result.ok ? "notice--success" : "notice--warning"}`} role={result.ok ? "status" : "alert"}>
      {result.message}
    </p>
  );
}
