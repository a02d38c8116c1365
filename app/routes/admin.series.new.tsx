import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { SeriesForm } from "~/components/series-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { createSeriesFromForm } from "~/events/series-admin.server";
import { seriesFormSchemaIn } from "~/events/series-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return { metaTitle: consoleTranslatorFor(requestLocale(request))("series.newMetaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  return handleDirectoryForm(request, {
    schema: seriesFormSchemaIn(t),
    save: (values) => createSeriesFromForm(context.db, { user, values, t }),
    listPath: "/admin/series",
  });
}

export default function NewSeries() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="new-series-title">
      <h1 id="new-series-title">{t("series.newTitle")}</h1>
      <p>{t("series.newIntro")}</p>
      <SeriesForm defaultValue={{}} lastResult={actionData?.result} submitLabel={t("series.addSubmit")} isNew />
    </section>
  );
}
