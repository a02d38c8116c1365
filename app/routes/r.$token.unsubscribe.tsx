import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findRegistrationByManageToken } from "~/registrations/manage.server";
import { unsubscribeRegistration } from "~/registrations/unsubscribe.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await findRegistrationByManageToken(context.db, params.token);
  if (!found) throw new Response("This link is not valid. Use the most recent email we sent you.", { status: 404 });
  return { eventTitle: found.event.title, token: params.token!, unsubscribed: found.registration.unsubscribedAt !== null };
}

// Mail clients send RFC 8058 one-click POSTs here with no page in between.
export async function action({ params, context }: ActionFunctionArgs) {
  const done = await unsubscribeRegistration(context.db, params.token, new Date());
  if (!done) throw new Response("This link is not valid.", { status: 404 });
  return { unsubscribed: true };
}

export default function Unsubscribe() {
  const { eventTitle, token, unsubscribed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = unsubscribed || actionData?.unsubscribed;
  return (
    <section className="error-page" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{done ? "You are unsubscribed" : "Stop reminders?"}</h1>
      {done ? (
        <p>You will get no more reminders or recording notices for “{eventTitle}”. Your registration itself is unchanged.</p>
      ) : (
        <Form method="post">
          <p>Stop reminders and recording notices for “{eventTitle}”? Your registration stays as it is.</p>
          <button type="submit" className="button">
            Unsubscribe
          </button>
        </Form>
      )}
      <p>
        <Link to={`/r/${token}`}>Back to your registration</Link>
      </p>
    </section>
  );
}
