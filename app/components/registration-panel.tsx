import type { SubmissionResult } from "@conform-to/react";
import type { RegistrationActionData } from "~/registrations/registration-action.server";
import type { RegistrationPanel } from "~/registrations/registration-panel.server";
import { RegistrationForm } from "./registration-form";

function seatsText(panel: RegistrationPanel): string | null {
  if (panel.requiresApproval) return "The organizers review each registration; you will hear from them by email.";
  if (panel.seatsLeft === null) return null;
  if (panel.full) return "This event is full. Register to join the waitlist: seats go to the waitlist in order as they free up.";
  return `${panel.seatsLeft} of ${panel.capacity} seats left.`;
}

export function RegistrationPanelView({
  panel,
  defaultZone,
  actionData,
}: {
  panel: RegistrationPanel;
  defaultZone: string;
  actionData: RegistrationActionData | undefined;
}) {
  return (
    <section className="panel panel--register" id="register" aria-labelledby="register-title">
      <h2 className="panel__title" id="register-title">
        Register
      </h2>
      {!panel.open ? (
        <p className="notice notice--warning">{panel.closedMessage}</p>
      ) : actionData?.kind === "already-registered" ? (
        <p className="notice notice--success" role="status">
          You are already registered with {actionData.email}. We have sent your personal link to that address again.
        </p>
      ) : (
        <>
          {seatsText(panel) ? <p className="seats">{seatsText(panel)}</p> : null}
          {actionData?.kind === "refused" ? (
            <p className="notice notice--warning" role="alert">
              {actionData.message}
            </p>
          ) : null}
          <RegistrationForm
            questions={panel.questions}
            zones={panel.zones}
            defaultZone={defaultZone}
            lastResult={actionData?.kind === "form" ? (actionData.submission as SubmissionResult<string[]>) : undefined}
            submitLabel={panel.full ? "Join the waitlist" : panel.requiresApproval ? "Request a seat" : "Register"}
          />
        </>
      )}
    </section>
  );
}
