import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { enterPortal, handlePortalAction, loadPortal, refuseSpeakerLink } from "~/speakers/portal.server";
import { speakerProfileSchema, talkDetailsSchema } from "~/speakers/speaker-forms";
import { ActionNotice } from "~/components/action-notice";
import { STEADY_VALIDATION } from "~/components/form-validation";

// Private: a speaker's own page, reached only through the link in their invitation.
export const meta: MetaFunction = () => [{ title: "Your speaker page — Podium" }, { name: "robots", content: "noindex" }];

export function headers() {
  return { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = new Date();
  const door = await enterPortal(context.db, request, params.token, now);
  if (door.kind !== "ok") throw refuseSpeakerLink(door);
  return { ...(await loadPortal(context.db, door, now)), token: params.token! };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = new Date();
  const door = await enterPortal(context.db, request, params.token, now);
  if (door.kind !== "ok") throw refuseSpeakerLink(door);
  return handlePortalAction(context.db, request, door, now);
}

const RESPONSE_TEXT = {
  invited: "Please confirm that you will take part.",
  confirmed: "You have confirmed that you will take part. Thank you!",
  declined: "You have declined. If that was a mistake, you can still confirm.",
} as const;

type ActionResult = { form: string; ok: boolean; message: string; result?: SubmissionResult<string[]> };

function ProfileForm({ defaultValue, zones, lastResult }: { defaultValue: Record<string, string>; zones: string[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "speaker-profile",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(speakerProfileSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: speakerProfileSchema }),
  });
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="profile" />
      <div className="field-row">
        <TextField field={fields.honorific} label="Honorific" optional hint="e.g. Prof., Dr." />
        <TextField field={fields.name} label="Name" autoComplete="name" />
      </div>
      <TextField field={fields.position} label="Position" optional />
      <TextField field={fields.affiliation} label="Affiliation" optional autoComplete="organization" />
      <TextAreaField field={fields.bio} label="Short biography" optional rows={6} />
      <TextField field={fields.photoUrl} label="Photo link" type="url" optional hint="A link to a portrait, starting with https://" />
      <SelectField field={fields.homeZone} label="Your time zone" optional emptyLabel="Not set" options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))} />
      <button type="submit" className="button">
        Save profile
      </button>
    </Form>
  );
}

function TalkForm({ session, lastResult }: { session: { id: string; title: string; abstract: string; materialsUrl: string }; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: `talk-${session.id}`,
    lastResult,
    defaultValue: { itemId: session.id, title: session.title, abstract: session.abstract, materialsUrl: session.materialsUrl },
    constraint: getZodConstraint(talkDetailsSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: talkDetailsSchema }),
  });
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="talk" />
      <input type="hidden" name="itemId" value={session.id} />
      <TextField field={fields.title} label="Talk title" />
      <TextAreaField field={fields.abstract} label="Abstract" optional rows={5} />
      <TextField field={fields.materialsUrl} label="Slides or materials link" type="url" optional />
      <button type="submit" className="button">
        Save talk details
      </button>
    </Form>
  );
}

export default function SpeakerPortal() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const resultFor = (form: string) => (result?.form === form ? result : undefined);
  return (
    <article className="narrow-page speaker-portal" aria-labelledby="portal-title">
      <p className="event-page__series">Speaker page for {page.person.displayName}</p>
      <h1 id="portal-title">{page.event.title}</h1>
      <p>
        {page.event.whenForYou} <span className="field__hint">(your time{page.person.zoneKnown ? "" : "; set your time zone below"})</span>
        <br />
        {page.event.whenInEventZones}
      </p>
      {page.event.publicUrl ? (
        <p>
          <Link to={page.event.publicUrl}>The public event page</Link> · <Link to={page.person.publicUrl}>Your public speaker page</Link>
        </p>
      ) : null}

      <section className="panel" aria-labelledby="participation-title">
        <h2 id="participation-title">Your participation</h2>
        <ActionNotice result={resultFor("respond")} />
        <p>{RESPONSE_TEXT[page.response]}</p>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="respond" />
          {page.response !== "confirmed" ? (
            <button type="submit" name="response" value="confirmed" className="button">
              Confirm I will take part
            </button>
          ) : null}
          {page.response !== "declined" ? (
            <button type="submit" name="response" value="declined" className="button button--secondary">
              Decline
            </button>
          ) : null}
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Your sessions</h2>
        <p>
          <a href={`/speak/${page.token}/calendar.ics`} download>
            Add your sessions to your calendar (.ics)
          </a>
        </p>
        {page.frozen ? (
          <p className="notice notice--warning">
            Talk details are frozen since {page.cutoff}. To change them now, please ask the organizers
            {page.organizers.length ? `: ${page.organizers.map((o) => `${o.name} (${o.email})`).join(", ")}` : ""}.
          </p>
        ) : (
          <p className="field__hint">You can change your talk details until {page.cutoff}.</p>
        )}
        {page.sessions.map((session) => (
          <section key={session.id} className="panel" aria-labelledby={`session-${session.id}`}>
            <p className="agenda__kind">
              {session.kindLabel} · {session.roles.join(", ")}
            </p>
            <h3 id={`session-${session.id}`}>{session.title}</h3>
            <p>
              {session.yours} (your time)
              <br />
              {session.eventZones}
              {session.timed ? "" : " (the whole event; the programme has no separate time for this session)"}
            </p>
            {session.withWhom.length ? (
              <ul aria-label={`Others in ${session.title}`}>
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
        <h2 id="profile-title">Your profile</h2>
        <p className="field__hint">Shown on the event page and your public speaker page.</p>
        <ActionNotice result={resultFor("profile")} />
        <ProfileForm defaultValue={page.person.profile} zones={page.zones} lastResult={resultFor("profile")?.result} />
      </section>

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">Your schedule</h2>
        <ul className="mailbox-list">
          {page.schedule.map((s) => (
            <li key={s.key}>
              <span className="mailbox-list__subject">
                {s.segmentTitle} ({s.role})
              </span>
              <span className="mailbox-list__meta">
                {s.eventTitle} · {s.yours} (your time) · {s.eventZones}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
