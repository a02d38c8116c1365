import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { AgendaItemView } from "~/events/event-view.server";

export function AgendaList({ items }: { items: AgendaItemView[] }) {
  const { t } = useTranslation();
  return (
    <ol className="agenda">
      {items.map((item) => (
        <li key={item.id} className="agenda__item">
          <div className="agenda__meta">
            <span className="agenda__kind">{item.kindLabel}</span>
            {item.times.length > 0 ? (
              <ul className="agenda__times" aria-label={t("times.segmentTime")}>
                {item.times.map((t) => (
                  <li key={t}>{t}</li>
                ))}
                {item.viewerTime ? (
                  <li className="agenda__viewer-time">
                    <span className="agenda__viewer-label">{t("times.yourTime")}</span> {item.viewerTime}
                  </li>
                ) : null}
              </ul>
            ) : null}
          </div>
          <div className="agenda__content">
            <h3 className="agenda__title" lang={item.lang.title}>
              {item.title}
            </h3>
            {item.abstract ? (
              <p className="agenda__abstract" lang={item.lang.abstract}>
                {item.abstract}
              </p>
            ) : null}
            {item.people.length > 0 ? (
              <ul className="agenda__people">
                {item.people.map((person) => (
                  <li key={`${person.slug}-${person.roleLabel}`}>
                    <Link to={`/speakers/${person.slug}`} className="agenda__person-name">
                      {person.displayName}
                    </Link>
                    {item.people.length > 1 || person.role !== "speaker" ? (
                      <span className="role-tag">{person.roleLabel}</span>
                    ) : null}
                    <span className="agenda__affiliation">
                      {person.position ? <span lang={person.lang.position}>{person.position}</span> : null}
                      {person.position && person.affiliation ? ", " : null}
                      {person.affiliation}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {item.materialsUrl ? (
              <p>
                <a href={item.materialsUrl}>
                  {t("event.materials")}
                  <span className="visually-hidden"> {t("event.forTitle", { title: item.title })}</span>
                </a>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
