import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { ScrollRegion } from "./scroll-region";

/**
 * Audit entries, newest first: when, who, which action (when given), what. The same table for an event's
 * log and the instance's. The summary is the record as written; the rest is in the reader's language.
 */
export function AuditTable({ entries }: { entries: { id: string; at: string; actor: string; action?: string; summary: string }[] }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  // An event's sent messages use the same table, without an action column.
  const withActions = entries.some((e) => e.action !== undefined);
  if (entries.length === 0) return <p>{t("audit.none")}</p>;
  return (
    <ScrollRegion label={t("audit.table")}>
      <table className="data-table">
        <caption className="visually-hidden">{t("audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.columns.when")}</th>
            <th scope="col">{t("audit.columns.who")}</th>
            {withActions ? <th scope="col">{t("audit.columns.action")}</th> : null}
            <th scope="col">{t("audit.columns.what")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              {withActions ? <td>{e.action}</td> : null}
              <td>{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
