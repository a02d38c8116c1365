import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EventTimes } from "~/components/event-times";
import { RegistrantDetailsForm } from "~/components/registrant-details-form";
import { loadRegistrantPage, handleRegistrantAction } from "~/registrations/registrant-page.server";

// Private: the registrant's own page. Never indexed, never cached by proxies.
export const meta: MetaFunction = () => [{ title: "Your registration — Podium" }, { name: "robots", content: "noindex" }];

export function headers() {
  return { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await loadRegistrantPage(context.db, params.token, new Date(), context.links);
  if (!page) throw new Response("This link is not valid. It may have been replaced by a newer email from us.", { status: 404 });
  return page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const outcome = await handleRegistrantAction(context.db, {
    token: params.token,
    formData: await request.formData(),
    now: new Date(),
    links: context.links,
  });
  if (outcome.kind === "not-found") throw new Response("This link is not valid.", { status: 404 });
  if (outcome.kind === "erased") throw redirect("/?erased=1");
  if (outcome.kind === "updated") throw redirect(`/r/${params.token}?done=updated`);
  if (outcome.kind === "error" || outcome.kind === "invalid") return data(outcome, { status: 400 });
  throw redirect(`/r/${params.token}?done=${outcome.kind}`);
}

const STATUS_TEXT: Record<string, string> = {
  confirmed: "You are registered.",
  waitlisted: "The event is full: you are on the waitlist.",
  pending: "Your registration is waiting for the organizers' approval.",
  declined: "The organizers could not offer you a seat at this event.",
  cancelled: "You cancelled this registration.",
};

export default function RegistrantPage() {
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
          Thank you, {page.registration.name}. We have emailed you this page&apos;s link; keep it to manage your registration.
        </p>
      ) : null}
      {search.get("done") === "updated" ? (
        <p className="notice notice--success" role="status">
          Your details are saved.
        </p>
      ) : null}
      {actionData?.kind === "error" ? (
        <p className="notice notice--warning" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {search.get("done") === "cancelled" ? (
        <p className="notice notice--success" role="status">
          Your registration is cancelled. We have emailed you a confirmation.
        </p>
      ) : null}
      <header className="page-header">
        <p className="page-header__kicker">Your registration</p>
        <h1>{page.event.title}</h1>
        <p className={`status-line status-line--${page.registration.status}`}>
          {STATUS_TEXT[page.registration.status]}
          {page.registration.waitlistRank ? ` You are number ${page.registration.waitlistRank} on the waitlist.` : null}
        </p>
      </header>

      <div className="registrant-page__grid">
        <section className="panel" aria-labelledby="when-title">
          <h2 className="panel__title" id="when-title">
            When
          </h2>
          <EventTimes when={page.event.when} />
          {page.registration.status === "confirmed" && page.event.phase !== "ended" ? (
            <div className="calendar-links">
              <h3 className="calendar-links__title">Joining</h3>
              <p>
                Your personal join link opens 15 minutes before the start:{" "}
                <a href={page.joinPath}>Join the webinar</a>
              </p>
              <p>
                <a href={page.event.icsPath} download>
                  Add to calendar (.ics)
                </a>
              </p>
            </div>
          ) : null}
          <p>
            <Link to={`/events/${page.event.slug}`}>Event page</Link>
          </p>
        </section>

        <section className="panel" aria-labelledby="details-title">
          <h2 className="panel__title" id="details-title">
            Your details
          </h2>
          {editing ? (
            <RegistrantDetailsForm
              questions={page.questions}
              zones={page.zones}
              defaultValue={{ name: page.registration.name, affiliation: page.registration.affiliation, timeZone: page.registration.timeZone, answers: page.answerValues }}
              lastResult={actionData?.kind === "invalid" ? actionData.submission : undefined}
              cancelHref={`/r/${page.token}`}
            />
          ) : (
          <dl className="details">
            <dt>Name</dt>
            <dd>{page.registration.name}</dd>
            <dt>Email</dt>
            <dd>{page.registration.email}</dd>
            {page.registration.affiliation ? (
              <>
                <dt>Affiliation</dt>
                <dd>{page.registration.affiliation}</dd>
              </>
            ) : null}
            <dt>Time zone</dt>
            <dd>{page.registration.timeZone.replace(/_/g, " ")}</dd>
            {page.answers.map((a) => (
              <div key={a.label} className="details__pair">
                <dt>{a.label}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
          )}
          {page.canEdit && !editing ? (
            <p>
              <Link to={`/r/${page.token}?edit=1`}>Edit my details</Link>
            </p>
          ) : null}
        </section>
      </div>

      <section className="panel" aria-labelledby="manage-title">
        <h2 className="panel__title" id="manage-title">
          Manage
        </h2>
        {page.canCancel ? (
          confirmingCancel ? (
            <Form method="post" className="confirm-box">
              <p>Cancel your registration for “{page.event.title}”? Your seat goes to the next person on the waitlist.</p>
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button--danger">
                Yes, cancel my registration
              </button>{" "}
              <Link to={`/r/${page.token}`}>Keep my registration</Link>
            </Form>
          ) : (
            <p>
              <Link className="button button--secondary" to={`/r/${page.token}?confirm=cancel`}>
                Cancel my registration
              </Link>
            </p>
          )
        ) : null}
        {confirmingErase ? (
          <Form method="post" className="confirm-box">
            <p>
              Erase your name, email, affiliation and answers? This cannot be undone
              {page.canCancel ? ", and it cancels your registration" : ""}.
            </p>
            <input type="hidden" name="intent" value="erase" />
            <button type="submit" className="button button--danger">
              Yes, erase my data
            </button>{" "}
            <Link to={`/r/${page.token}`}>Keep my data</Link>
          </Form>
        ) : (
          <p>
            <Link to={`/r/${page.token}?confirm=erase`}>Erase my personal data</Link>
          </p>
        )}
      </section>
    </article>
  );
}
