import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { outboxSummary } from "~/email/outbox-admin.server";

export const meta: MetaFunction = () => [{ title: "Organizer console — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  return { name: user.name, outbox: await outboxSummary(context.db) };
}

export default function AdminHome() {
  const { name, outbox } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">Organizer console</h1>
      <p>Welcome, {name}.</p>
      <h2>Email outbox</h2>
      <dl className="details">
        {outbox.map((row) => (
          <div className="details__pair" key={row.status}>
            <dt>{row.status}</dt>
            <dd>{row.count}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/admin/mailbox">Open the built-in mailbox</Link>
      </p>
    </section>
  );
}
