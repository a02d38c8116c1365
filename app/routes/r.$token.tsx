import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { EmailLanguageForm } from "~/components/email-language-form";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { EventTimes } from "~/components/event-times";
import { RegistrantDetailsForm } from "~/components/registrant-details-form";
import { loadRegistrantPage, handleRegistrantAction } from "~/registrations/registrant-page.server";

// Private: the registrant's own page. Never indexed, never cached by proxies.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export function headers() {
  return { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const page = await loadRegistrantPage(context.db, params.token, new Date(), context.links, locale);
  if (!page) throw new Response(t("errors.invalidPrivateLink"), { status: 404 });
  return { ...page, metaTitle: t("registrant.metaTitle") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requestLocale(request);
  const outcome = await handleRegistrantAction(context.db, {
    token: params.token,
    formData: await request.formData(),
    now: new Date(),
    links: context.links,
    locale,
  });
  if (outcome.kind === "not-found") throw new Response(translatorFor(locale)("errors.invalidLink"), { status: 404 });
  if (outcome.kind === "erased") throw redirect("/?erased=1");
  if (outcome.kind === "updated") throw redirect(`/r/${params.token}?done=updated`);
  if (outcome.kind === "error" || outcome.kind === "invalid") return data(outcome, { status: 400 });
  throw redirect(`/r/${params.token}?done=${outcome.kind}`);
}

export default function RegistrantPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const editing = page.canEdit && (search.get("edit") === "1" || actionData?.kind === "invalid");
  const confirmingCancel = search.get("confirm") === "cancel";
  const confirmingErase = search.get("confirm") === "erase";
  return (
    <article className="registrant-page">
      {search.get("welcome") ? (
        <p className="notice notice--success" role="status">
          {t("registrant.welcome", { name: page.registration.name })}
        </p>
      ) : null}
      {search.get("done") === "updated" ? (
        <p className="notice notice--success" role="status">
          {t("registrant.saved")}
        </p>
      ) : null}
      {search.get("done") === "language" ? (
        <p className="notice notice--success" role="status">
          {t("registrant.languageSaved")}
        </p>
      ) : null}
      {actionData?.kind === "error" ? (
        <p className="notice notice--warning" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {search.get("done") === "cancelled" ? (
        <p className="notice notice--success" role="status">
          {t("registrant.cancelledNotice")}
        </p>
      ) : null}
      <header className="page-header">
        <p className="page-header__kicker">{t("registrant.kicker")}</p>
        <h1 lang={page.event.lang.title}>{page.event.title}</h1>
        <p className={`status-line status-line--${page.registration.status}`}>
          {t(`registrant.status.${page.registration.status}`)}
          {page.registration.waitlistRank ? ` ${t("registrant.waitlistRank", { rank: page.registration.waitlistRank })}` : null}
        </p>
      </header>

      <div className="registrant-page__grid">
        <section className="panel" aria-labelledby="when-title">
          <h2 className="panel__title" id="when-title">
            {t("registrant.when")}
          </h2>
          <EventTimes when={page.event.when} />
          {page.registration.status === "confirmed" && page.event.phase !== "ended" ? (
            <div className="calendar-links">
              <h3 className="calendar-links__title">{t("registrant.joining")}</h3>
              <p>
                {t("registrant.joinOpens")} <a href={page.joinPath}>{t("registrant.joinWebinar")}</a>
              </p>
              <p>
                <a href={page.event.icsPath} download>
                  {t("registrant.addToCalendar")}
                </a>
              </p>
            </div>
          ) : null}
          <p>
            <Link to={`/events/${page.event.slug}`}>{t("registrant.eventPage")}</Link>
          </p>
        </section>

        <section className="panel" aria-labelledby="details-title">
          <h2 className="panel__title" id="details-title">
            {t("registrant.details")}
          </h2>
          {editing ? (
            <RegistrantDetailsForm
              questions={page.questions}
              defaultValue={{ name: page.registration.name, affiliation: page.registration.affiliation, timeZone: page.registration.timeZone, answers: page.answerValues }}
              lastResult={actionData?.kind === "invalid" ? actionData.submission : undefined}
              cancelHref={`/r/${page.token}`}
            />
          ) : (
          <dl className="details">
            <dt>{t("registrant.name")}</dt>
            <dd>{page.registration.name}</dd>
            <dt>{t("registrant.email")}</dt>
            <dd>{page.registration.email}</dd>
            {page.registration.affiliation ? (
              <>
                <dt>{t("registrant.affiliation")}</dt>
                <dd>{page.registration.affiliation}</dd>
              </>
            ) : null}
            <dt>{t("registrant.timeZone")}</dt>
            <dd>{page.registration.timeZoneName}</dd>
            {page.answers.map((a) => (
              <div key={a.label}>
                <dt>{a.label}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
          )}
          {page.canEdit && !editing ? (
            <p>
              <Link to={`/r/${page.token}?edit=1`}>{t("registrant.edit")}</Link>
            </p>
          ) : null}
          <EmailLanguageForm id="email-locale" label={t("registrant.language")} saveLabel={t("registrant.saveLanguage")} current={page.registration.locale} />
        </section>
      </div>

      <section className="panel" aria-labelledby="manage-title">
        <h2 className="panel__title" id="manage-title">
          {t("registrant.manage")}
        </h2>
        {page.canCancel ? (
          confirmingCancel ? (
            <Form method="post" className="confirm-box">
              <p>{t("registrant.confirmCancel", { title: page.event.title })}</p>
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button--danger">
                {t("registrant.yesCancel")}
              </button>{" "}
              <Link to={`/r/${page.token}`}>{t("registrant.keepRegistration")}</Link>
            </Form>
          ) : (
            <p>
              <Link className="button button--secondary" to={`/r/${page.token}?confirm=cancel`}>
                {t("registrant.cancel")}
              </Link>
            </p>
          )
        ) : null}
        {confirmingErase ? (
          <Form method="post" className="confirm-box">
            <p>{page.canCancel ? t("registrant.confirmEraseAndCancel") : t("registrant.confirmErase")}</p>
            <input type="hidden" name="intent" value="erase" />
            <button type="submit" className="button button--danger">
              {t("registrant.yesErase")}
            </button>{" "}
            <Link to={`/r/${page.token}`}>{t("registrant.keepData")}</Link>
          </Form>
        ) : (
          <p>
            <Link to={`/r/${page.token}?confirm=erase`}>{t("registrant.erase")}</Link>
          </p>
        )}
      </section>
    </article>
  );
}
