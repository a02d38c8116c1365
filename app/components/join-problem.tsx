import { Link, useLoaderData } from "@remix-run/react";
import type { JoinProblem } from "~/registrations/join-page.server";

const STATUS_REASON: Record<string, string> = {
  pending: "Your registration is still waiting for the organizers' approval.",
  waitlisted: "You are on the waitlist. If a seat frees up we will email you a new link.",
  declined: "The organizers could not offer you a seat at this event.",
  cancelled: "This registration was cancelled.",
};

function explain(problem: JoinProblem): { title: string; body: string } {
  switch (problem.kind) {
    case "too-early":
      return { title: "It is a little early", body: `The webinar opens at ${problem.opensAtText}. Come back then: this link will take you straight in.` };
    case "ended":
      return { title: "This event has ended", body: "The recording, once published, will be on the event page." };
    case "cancelled":
      return { title: "This event was cancelled", body: "The organizers cancelled this event. We are sorry for the inconvenience." };
    case "no-link-yet":
      return { title: "The webinar link is not ready yet", body: "The organizers have not published the webinar link yet. Please try again shortly." };
    case "not-confirmed":
      return { title: "You cannot join with this registration", body: STATUS_REASON[problem.status] ?? "This registration is not confirmed." };
    case "unknown-link":
      return { title: "This link is not valid", body: "Use the most recent email we sent you." };
  }
}

export function JoinProblemPage() {
  const problem = useLoaderData<JoinProblem>();
  const { title, body } = explain(problem);
  return (
    <section className="error-page" aria-labelledby="join-title">
      <h1 id="join-title">{title}</h1>
      <p>{body}</p>
      {"eventSlug" in problem ? (
        <p>
          <Link to={`/events/${problem.eventSlug}`}>Back to “{problem.eventTitle}”</Link>
        </p>
      ) : null}
    </section>
  );
}
