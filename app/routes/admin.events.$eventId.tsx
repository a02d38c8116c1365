import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireEventAccess } from "~/auth/event-access.server";
import { StatusBadge } from "~/components/phase-badge";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

// The frame of one event's console pages. Each child route checks access again:
// a layout loader does not guard a child's action.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const t = consoleTranslatorFor(requestLocale(request));
  return {
    event: { id: event.id, title: event.title, slug: event.slug, status: event.status },
    metaTitle: t("eventLayout.metaTitle", { title: event.title }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

const TABS = [
  { to: ".", tab: "overview", end: true },
  { to: "edit", tab: "details" },
  { to: "agenda", tab: "agenda" },
  { to: "questions", tab: "questions" },
  { to: "translations", tab: "translations" },
  { to: "registrations", tab: "registrations" },
  { to: "messages", tab: "messages" },
  { to: "recordings", tab: "recordings" },
  { to: "audit", tab: "audit" },
] as const;

export default function EventConsoleLayout() {
  const { event } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <div>
      <p className="event-page__series">
        <StatusBadge status={event.status} />
      </p>
      <h1>{event.title}</h1>
      <nav aria-label={t("eventLayout.sections")}>
        <ul className="admin-tabs">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to === "." ? `/admin/events/${event.id}` : `/admin/events/${event.id}/${tab.to}`} end={"end" in tab ? tab.end : undefined}>
                {t(`eventLayout.tab.${tab.tab}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
