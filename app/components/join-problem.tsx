import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Translate } from "~/i18n/translator";
import type { JoinProblem } from "~/registrations/join-page.server";

const STATUSES_WITH_REASON = new Set(["pending", "waitlisted", "declined", "cancelled"]);

function explain(problem: JoinProblem, t: Translate): { title: string; body: string } {
  switch (problem.kind) {
    case "too-early":
      return { title: t("join.tooEarly.title"), body: t("join.tooEarly.body", { opensAt: problem.opensAtText }) };
    case "ended":
      return { title: t("join.ended.title"), body: t("join.ended.body") };
    case "cancelled":
      return { title: t("join.cancelled.title"), body: t("join.cancelled.body") };
    case "no-link-yet":
      return { title: t("join.noLinkYet.title"), body: t("join.noLinkYet.body") };
    case "not-confirmed":
      return {
        title: t("join.notConfirmed.title"),
        body: STATUSES_WITH_REASON.has(problem.status) ? t(`join.status.${problem.status}`) : t("join.notConfirmed.body"),
      };
    case "unknown-link":
      return { title: t("join.unknown.title"), body: t("join.unknown.body") };
  }
}

export function JoinProblemPage() {
  const { t } = useTranslation();
  const problem = useLoaderData<JoinProblem>();
  const { title, body } = explain(problem, t);
  return (
    <section className="error-page" aria-labelledby="join-title">
      <h1 id="join-title">{title}</h1>
      <p>{body}</p>
      {"eventSlug" in problem ? (
        <p>
          <Link to={`/events/${problem.eventSlug}`}>{t("join.backTo", { title: problem.eventTitle })}</Link>
        </p>
      ) : null}
    </section>
  );
}
