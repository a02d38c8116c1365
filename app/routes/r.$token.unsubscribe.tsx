import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { findRegistrationByManageToken } from "~/registrations/manage.server";
import { unsubscribeRegistration } from "~/registrations/unsubscribe.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = translatorFor(requestLocale(request));
  const found = await findRegistrationByManageToken(context.db, params.token);
  if (!found) throw new Response(t("unsubscribe.invalidLink"), { status: 404 });
  return { eventTitle: found.event.title, token: params.token!, unsubscribed: found.registration.unsubscribedAt !== null, metaTitle: t("unsubscribe.metaTitle") };
}

// Mail clients send RFC 8058 one-click POSTs here with no page in between.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const done = await unsubscribeRegistration(context.db, params.token, new Date());
  if (!done) throw new Response(translatorFor(requestLocale(request))("errors.invalidLink"), { status: 404 });
  return { unsubscribed: true };
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const { eventTitle, token, unsubscribed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = unsubscribed || actionData?.unsubscribed;
  return (
    <section className="error-page" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{done ? t("unsubscribe.doneTitle") : t("unsubscribe.askTitle")}</h1>
      {done ? (
        <p>{t("unsubscribe.done", { title: eventTitle })}</p>
      ) : (
        <Form method="post">
          <p>{t("unsubscribe.ask", { title: eventTitle })}</p>
          <button type="submit" className="button">
            {t("unsubscribe.submit")}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/r/${token}`}>{t("unsubscribe.back")}</Link>
      </p>
    </section>
  );
}
