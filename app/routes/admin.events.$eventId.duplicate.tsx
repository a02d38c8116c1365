import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { ActionNotice } from "~/components/action-notice";
import { duplicateEventSchema } from "~/events/duplicate-form";
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
  const form = await request.formData();
  const values = Object.fromEntries(["title", "startDate", "startTime", "slug"].map((k) => [k, String(form.get(k) ?? "").slice(0, 1000)]));
  const parsed = duplicateEventSchema.safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v])));
  const refuse = (fieldErrors: DuplicateActionData["fieldErrors"]) =>
    data<DuplicateActionData>({ ok: false, message: "Please correct the highlighted fields.", fieldErrors, values }, { status: 400 });
  if (!parsed.success) return refuse(parsed.error.flatten().fieldErrors);
  const outcome = await duplicateEvent(context.db, { user, source: event, values: parsed.data, now: new Date() });
  if (!outcome.ok) return refuse(outcome.fieldErrors);
  throw redirect(`/admin/events/${outcome.event.id}?notice=duplicated`);
}

export default function DuplicateEvent() {
  const { event, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? defaults;
  const errors = actionData?.fieldErrors;
  return (
    <section aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">Duplicate this event</h2>
      <ActionNotice result={actionData} />
      <p>
        The copy is a new draft with this event's agenda (people and roles, times moved with the event), registration questions, hosts and settings. Registrations, recordings, speaker
        invitations and the webinar link are not copied.
      </p>
      <Form method="post" className="stack-form panel">
        <PlainField id="duplicate-title-field" name="title" label="Title of the copy" defaultValue={values.title} errors={errors?.title} />
        <div className="field-row">
          <PlainField id="duplicate-date" name="startDate" label="New date" type="date" defaultValue={values.startDate} errors={errors?.startDate} required />
          <PlainField id="duplicate-time" name="startTime" label={`Start (${event.homeZone.replace(/_/g, " ")})`} type="time" defaultValue={values.startTime} errors={errors?.startTime} />
        </div>
        <PlainField
          id="duplicate-slug"
          name="slug"
          label="Address"
          optional
          defaultValue={values.slug}
          errors={errors?.slug}
          hint="The last part of /events/…; left empty, it is made from the title."
        />
        <div className="toolbar">
          <button type="submit" className="button">
            Create the copy
          </button>
          <Link to={`/admin/events/${event.id}`} className="button button--secondary">
            Back to the overview
          </Link>
        </div>
      </Form>
    </section>
  );
}
