import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { ActionNotice } from "~/components/action-notice";
import { duplicateEventSchemaIn } from "~/events/duplicate-form";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { duplicateEvent, duplicateFormDefaults } from "~/events/event-duplicate.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return { event: { id: event.id, title: event.title, homeZone: event.homeZone }, defaults: duplicateFormDefaults(event) };
}

interface DuplicateActionData {
  ok: false;
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
  values: Record<string, string>;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  const t = consoleTranslatorFor(requestLocale(request));
  const form = await request.formData();
  const values = Object.fromEntries(["title", "startDate", "startTime", "slug"].map((k) => [k, String(form.get(k) ?? "").slice(0, 1000)]));
  const parsed = duplicateEventSchemaIn(t).safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v])));
  const refuse = (fieldErrors: DuplicateActionData["fieldErrors"]) =>
    data<DuplicateActionData>({ ok: false, message: t("notice.correctFields"), fieldErrors, values }, { status: 400 });
  if (!parsed.success) return refuse(parsed.error.flatten().fieldErrors);
  const outcome = await duplicateEvent(context.db, { user, source: event, values: parsed.data, now: new Date(), t });
  if (!outcome.ok) return refuse(outcome.fieldErrors);
  throw redirect(`/admin/events/${outcome.event.id}?notice=duplicated`);
}

export default function DuplicateEvent() {
  const { event, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? defaults;
  const errors = actionData?.fieldErrors;
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">{t("eventDuplicate.title")}</h2>
      <ActionNotice result={actionData} />
      <p>{t("eventDuplicate.intro")}</p>
      <Form method="post" className="stack-form panel">
        <PlainField id="duplicate-title-field" name="title" label={t("eventDuplicate.field.title")} defaultValue={values.title} errors={errors?.title} />
        <div className="field-row">
          <PlainField id="duplicate-date" name="startDate" label={t("eventDuplicate.field.date")} type="date" defaultValue={values.startDate} errors={errors?.startDate} required />
          <PlainField id="duplicate-time" name="startTime" label={t("eventDuplicate.field.start", { zone: event.homeZone.replace(/_/g, " ") })} type="time" defaultValue={values.startTime} errors={errors?.startTime} />
        </div>
        <PlainField
          id="duplicate-slug"
          name="slug"
          label={t("eventDuplicate.field.slug")}
          optional
          defaultValue={values.slug}
          errors={errors?.slug}
          hint={t("eventDuplicate.field.slugHint")}
        />
        <div className="toolbar">
          <button type="submit" className="button">
            {t("eventDuplicate.submit")}
          </button>
          <Link to={`/admin/events/${event.id}`} className="button button--secondary">
            {t("eventDuplicate.back")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
