import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { EmailLanguageForm } from "~/components/email-language-form";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { enterPortal, handlePortalAction, loadPortal, refuseSpeakerLink } from "~/speakers/portal.server";
import { speakerProfileSchemaIn, talkDetailsSchemaIn } from "~/speakers/speaker-forms";
import { ActionNotice } from "~/components/action-notice";
import { STEADY_VALIDATION } from "~/components/form-validation";

// Private: a speaker's own page, reached only through the link in their invitation.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export function headers() {
  return { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = new Date();
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const door = await enterPortal(context.db, request, params.token, now);
  if (door.kind !== "ok") throw refuseSpeakerLink(door, t);
  return { ...(await loadPortal(context.db, door, now, locale)), token: params.token!, metaTitle: t("portal.metaTitle") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = new Date();
  const t = translatorFor(requestLocale(request));
  const door = await enterPortal(context.db, request, params.token, now);
  if (door.kind !== "ok") throw refuseSpeakerLink(door, t);
  return handlePortalAction(context.db, request, door, now, t);
}

type ActionResult = { form: string; ok: boolean; message: string; result?: SubmissionResult<string[]> };

function ProfileForm({ defaultValue, zones, lastResult }: { defaultValue: Record<string, string>; zones: string[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  // The same messages as the server's answer, in the speaker's language.
  const schema = speakerProfileSchemaIn(t);
  const [form, fields] = useForm({
    id: "speaker-profile",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="profile" />
      <div className="field-row">
        <TextField field={fields.honorific} label={t("portal.field.honorific")} optional hint={t("portal.field.honorificHint")} />
        <TextField field={fields.name} label={t("portal.field.name")} autoComplete="name" />
      </div>
      <TextField field={fields.position} label={t("portal.field.position")} optional />
      <TextField field={fields.affiliation} label={t("portal.field.affiliation")} optional autoComplete="organization" />
      <TextAreaField field={fields.bio} label={t("portal.field.bio")} optional rows={6} />
      <TextField field={fields.photoUrl} label={t("portal.field.photoUrl")} type="url" optional hint={t("portal.field.photoUrlHint")} />
      <SelectField
        field={fields.homeZone}
        label={t("portal.field.homeZone")}
        optional
        emptyLabel={t("portal.field.notSet")}
        options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
      />
      <button type="submit" className="button">
        {t("portal.saveProfile")}
      </button>
    </Form>
  );
}

function TalkForm({ session, lastResult }: { session: { id: string; title: string; abstract: string; materialsUrl: string }; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const schema = talkDetailsSchemaIn(t);
  const [form, fields] = useForm({
    id: `talk-${session.id}`,
    lastResult,
    defaultValue: { itemId: session.id, title: session.title, abstract: session.abstract, materialsUrl: session.materialsUrl },
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="talk" />
      <input type="hidden" name="itemId" value={session.id} />
      <TextField field={fields.title} label={t("portal.field.talkTitle")} />
      <TextAreaField field={fields.abstract} label={t("portal.field.abstract")} optional rows={5} />
      <TextField field={fields.materialsUrl} label={t("portal.field.materialsUrl")} type="url" optional />
      <button type="submit" className="button">
        {t("portal.saveTalk")}
      </button>
    </Form>
  );
}

export default function SpeakerPortal() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const resultFor = (form: string) => (result?.form === form ? result : undefined);
  return (
    <article className="narrow-page speaker-portal" aria-labelledby="portal-title">
      <p className="event-page__series">{t("portal.kicker", { name: page.person.displayName })}</p>
      <h1 id="portal-title">{page.event.title}</h1>
      <p>
        {page.event.whenForYou} <span className="field__hint">{t(page.person.zoneKnown ? "portal.yourTime" : "portal.yourTimeSetZone")}</span>
        <br />
        {page.event.whenInEventZones}
      </p>
      {page.event.publicUrl ? (
        <p>
          <Link to={page.event.publicUrl}>{t("portal.publicEventPage")}</Link> · <Link to={page.person.publicUrl}>{t("portal.publicSpeakerPage")}</Link>
        </p>
      ) : null}

      <section className="panel" aria-labelledby="participation-title">
        <h2 id="participation-title">{t("portal.participation")}</h2>
        <ActionNotice result={resultFor("respond")} />
        <p>{t(`portal.response.${page.response}`)}</p>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="respond" />
          {page.response !== "confirmed" ? (
            <button type="submit" name="response" value="confirmed" className="button">
              {t("portal.confirm")}
            </button>
          ) : null}
          {page.response !== "declined" ? (
            <button type="submit" name="response" value="declined" className="button button--secondary">
              {t("portal.decline")}
            </button>
          ) : null}
        </Form>
        <ActionNotice result={resultFor("language")} />
        <EmailLanguageForm id="speaker-email-locale" label={t("portal.emailLanguage")} saveLabel={t("portal.saveLanguage")} current={page.emailLocale} />
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("portal.sessions")}</h2>
        <p>
          <a href={`/speak/${page.token}/calendar.ics`} download>
            {t("portal.addToCalendar")}
          </a>
        </p>
        {page.frozen ? (
          <p className="notice notice--warning">
            {page.organizers.length
              ? t("portal.frozenAskWhom", { cutoff: page.cutoff, organizers: page.organizers.map((o) => `${o.name} (${o.email})`).join(", ") })
              : t("portal.frozen", { cutoff: page.cutoff })}
          </p>
        ) : (
          <p className="field__hint">{t("portal.editableUntil", { cutoff: page.cutoff })}</p>
        )}
        {page.sessions.map((session) => (
          <section key={session.id} className="panel" aria-labelledby={`session-${session.id}`}>
            <p className="agenda__kind">
              {session.kindLabel} · {session.roles.join(", ")}
            </p>
            <h3 id={`session-${session.id}`}>{session.title}</h3>
            <p>
              {session.yours} {t("portal.yourTime")}
              <br />
              {session.eventZones}
              {session.timed ? "" : t("portal.wholeEvent")}
            </p>
            {session.withWhom.length ? (
              <ul aria-label={t("portal.othersIn", { title: session.title })}>
                {session.withWhom.map((w) => (
                  <li key={w.key}>{w.text}</li>
                ))}
              </ul>
            ) : null}
            <ActionNotice result={resultFor(`talk:${session.id}`)} />
            {page.frozen ? null : <TalkForm session={session} lastResult={resultFor(`talk:${session.id}`)?.result} />}
          </section>
        ))}
      </section>

      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("portal.profile")}</h2>
        <p className="field__hint">{t("portal.profileShown")}</p>
        <ActionNotice result={resultFor("profile")} />
        <ProfileForm defaultValue={page.person.profile} zones={page.zones} lastResult={resultFor("profile")?.result} />
      </section>

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t("portal.schedule")}</h2>
        <ul className="mailbox-list">
          {page.schedule.map((s) => (
            <li key={s.key}>
              <span className="mailbox-list__subject">
                {t("portal.scheduleItem", { segment: s.segmentTitle, role: s.role })}
              </span>
              <span className="mailbox-list__meta">
                {s.eventTitle} · {s.yours} {t("portal.yourTime")} · {s.eventZones}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
