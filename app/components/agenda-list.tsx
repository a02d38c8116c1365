import { Link } from "@remix-run/react";
import type { AgendaItemView } from "~/events/event-view.server";

export function AgendaList({ items }: { items: AgendaItemView[] }) {
  return (
    <ol className="agenda">
      {items.map((item) => (
        <li key={item.id} className="agenda__item">
          <div className="agenda__meta">
            <span className="agenda__kind">{item.kindLabel}</span>
            {item.times.length > 0 ? (
              <ul className="agenda__times" aria-label="Segment time">
                {item.times.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="agenda__content">
            <h3 className="agenda__title">{item.title}</h3>
            {item.abstract ? <p className="agenda__abstract">{item.abstract}</p> : null}
            {item.people.length > 0 ? (
              <ul className="agenda__people">
                {item.people.map((person) => (
                  <li key={`${person.slug}-${person.roleLabel}`}>
                    <Link to={`/speakers/${person.slug}`} className="agenda__person-name">
                      {person.displayName}
                    </Link>
                    {item.people.length > 1 || person.roleLabel !== "Speaker" ? (
                      <span className="role-tag">{person.roleLabel}</span>
                    ) : null}
                    <span className="agenda__affiliation">
                      {[person.position, person.affiliation].filter(Boolean).join(", ")}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {item.materialsUrl ? (
              <p>
                <a href={item.materialsUrl}>Slides and materials<span className="visually-hidden"> for {item.title}</span></a>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
