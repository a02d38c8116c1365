import type { SubmissionResult } from "@conform-to/react";
import type { RegistrationActionData } from "~/registrations/registration-action.server";
import type { RegistrationPanel } from "~/registrations/registration-panel.server";
import { useTranslation } from "~/i18n/use-translation";
import { RegistrationForm } from "./registration-form";

export function RegistrationPanelView({
  panel,
  viewerZone,
  zoneNote,
  actionData,
}: {
  panel: RegistrationPanel;
  /** The visitor's zone, when their browser told us or they chose it. */
  viewerZone: string | null;
  zoneNote: string;
  actionData: RegistrationActionData | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--register" id="register" aria-labelledby="register-title">
      <h2 className="panel__title" id="register-title">
        {t("register.title")}
      </h2>
      {!panel.open ? (
        <p className="notice notice--warning">{panel.closedMessage}</p>
      ) : actionData?.kind === "already-registered" ? (
        <p className="notice notice--success" role="status">
          {t("register.alreadyRegistered", { email: actionData.email })}
        </p>
      ) : (
        <>
          {panel.offer.explanation ? <p className="seats">{panel.offer.explanation}</p> : null}
          {actionData?.kind === "refused" ? (
            <p className="notice notice--warning" role="alert">
              {actionData.message}
            </p>
          ) : null}
          <RegistrationForm
            questions={panel.questions}
            constraint={panel.constraint}
            defaultZone={viewerZone}
            zoneNote={zoneNote}
            lastResult={actionData?.kind === "form" ? (actionData.submission as SubmissionResult<string[]>) : undefined}
            submitLabel={panel.offer.submitLabel}
          />
        </>
      )}
    </section>
  );
}
