import { isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** What a page needs to say "the database is away" and offer to send the same thing again. */
export interface DatabaseOutage {
  reason: "database-unavailable";
  retryAfterSeconds: number;
  /** The page's own address, without Remix's data-request suffixes. */
  href: string;
  /** For a form post: the fields to send again, and the names of those we would not echo back (passwords, files). */
  resubmit: { fields: [string, string][]; withheld: string[] } | null;
}

/** The outage a route error carries, if it is one (thrown as a 503 by app/server/database-outage.server.ts). */
export function databaseOutageFrom(error: unknown): DatabaseOutage | null {
  if (!isRouteErrorResponse(error) || error.status !== 503) return null;
  const data = error.data as Partial<DatabaseOutage> | null;
  return data && typeof data === "object" && data.reason === "database-unavailable" ? (data as DatabaseOutage) : null;
}

export function DatabaseOutagePage({ outage }: { outage: DatabaseOutage }) {
  const { t } = useTranslation();
  const { resubmit } = outage;
  const seconds = outage.retryAfterSeconds;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t("outage.title")}</h1>
      {resubmit ? (
        <>
          <p>{t("outage.keptInput", { seconds })}</p>
          {resubmit.withheld.length > 0 ? (
            <p>{t("outage.withheld")}</p>
          ) : null}
          <form method="post" action={outage.href}>
            {resubmit.fields.map(([name, value], index) => (
              <input key={`${index}-${name}`} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="button">
              {t("outage.tryAgain")}
            </button>
          </form>
        </>
      ) : (
        <>
          <p>{t("outage.usuallyPasses", { seconds })}</p>
          <p>
            <a className="button" href={outage.href}>
              {t("outage.tryAgain")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
