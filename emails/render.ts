import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import * as EventCancelled from "./event-cancelled";
import * as EventChanged from "./event-changed";
import * as EventReminder from "./event-reminder";
import * as OrganizerMessage from "./organizer-message";
import * as PromotedFromWaitlist from "./promoted-from-waitlist";
import * as RecordingAvailable from "./recording-available";
import * as RegistrationApproved from "./registration-approved";
import * as RegistrationCancelled from "./registration-cancelled";
import * as RegistrationConfirmed from "./registration-confirmed";
import * as RegistrationDeclined from "./registration-declined";
import * as RegistrationPending from "./registration-pending";
import * as RegistrationWaitlisted from "./registration-waitlisted";
import * as SpeakerChanges from "./speaker-changes";
import * as SignInLink from "./sign-in-link";
import * as SpeakerInvitation from "./speaker-invitation";
import * as WebhookEndpointDisabled from "./webhook-endpoint-disabled";

export type EmailMessage =
  | { template: "registration-confirmed"; props: RegistrationConfirmed.RegistrationConfirmedProps }
  | { template: "registration-waitlisted"; props: RegistrationWaitlisted.RegistrationWaitlistedProps }
  | { template: "promoted-from-waitlist"; props: PromotedFromWaitlist.PromotedFromWaitlistProps }
  | { template: "registration-pending"; props: RegistrationPending.RegistrationPendingProps }
  | { template: "registration-approved"; props: RegistrationApproved.RegistrationApprovedProps }
  | { template: "registration-declined"; props: RegistrationDeclined.RegistrationDeclinedProps }
  | { template: "registration-cancelled"; props: RegistrationCancelled.RegistrationCancelledProps }
  | { template: "event-reminder"; props: EventReminder.EventReminderProps }
  | { template: "event-changed"; props: EventChanged.EventChangedProps }
  | { template: "event-cancelled"; props: EventCancelled.EventCancelledProps }
  | { template: "recording-available"; props: RecordingAvailable.RecordingAvailableProps }
  | { template: "speaker-invitation"; props: SpeakerInvitation.SpeakerInvitationProps }
  | { template: "speaker-changes"; props: SpeakerChanges.SpeakerChangesProps }
  | { template: "organizer-message"; props: OrganizerMessage.OrganizerMessageProps }
  | { template: "webhook-endpoint-disabled"; props: WebhookEndpointDisabled.WebhookEndpointDisabledProps }
  | { template: "sign-in-link"; props: SignInLink.SignInLinkProps };

export type EmailTemplate = EmailMessage["template"];

type Entry<P> = { subject: (props: P) => string; Component: (props: P) => ReactElement };
type Registry = { [M in EmailMessage as M["template"]]: Entry<M["props"]> };

// One line per message: adding a template means adding it to the union and here.
const TEMPLATES: Registry = {
  "registration-confirmed": { subject: RegistrationConfirmed.subject, Component: RegistrationConfirmed.RegistrationConfirmed },
  "registration-waitlisted": { subject: RegistrationWaitlisted.subject, Component: RegistrationWaitlisted.RegistrationWaitlisted },
  "promoted-from-waitlist": { subject: PromotedFromWaitlist.subject, Component: PromotedFromWaitlist.PromotedFromWaitlist },
  "registration-pending": { subject: RegistrationPending.subject, Component: RegistrationPending.RegistrationPending },
  "registration-approved": { subject: RegistrationApproved.subject, Component: RegistrationApproved.RegistrationApproved },
  "registration-declined": { subject: RegistrationDeclined.subject, Component: RegistrationDeclined.RegistrationDeclined },
  "registration-cancelled": { subject: RegistrationCancelled.subject, Component: RegistrationCancelled.RegistrationCancelled },
  "event-reminder": { subject: EventReminder.subject, Component: EventReminder.EventReminder },
  "event-changed": { subject: EventChanged.subject, Component: EventChanged.EventChanged },
  "event-cancelled": { subject: EventCancelled.subject, Component: EventCancelled.EventCancelled },
  "recording-available": { subject: RecordingAvailable.subject, Component: RecordingAvailable.RecordingAvailable },
  "speaker-invitation": { subject: SpeakerInvitation.subject, Component: SpeakerInvitation.SpeakerInvitation },
  "speaker-changes": { subject: SpeakerChanges.subject, Component: SpeakerChanges.SpeakerChanges },
  "organizer-message": { subject: OrganizerMessage.subject, Component: OrganizerMessage.OrganizerMessage },
  "webhook-endpoint-disabled": { subject: WebhookEndpointDisabled.subject, Component: WebhookEndpointDisabled.WebhookEndpointDisabled },
  "sign-in-link": { subject: SignInLink.subject, Component: SignInLink.SignInLink },
};

function element(message: EmailMessage): { subject: string; element: ReactElement } | null {
  const entry = TEMPLATES[message.template] as Entry<EmailMessage["props"]> | undefined;
  if (!entry) return null;
  return { subject: entry.subject(message.props), element: createElement(entry.Component, message.props) };
}

/** Subject, HTML and plain text of one message. Deterministic: the same props render the same bytes. */
export async function renderEmail(message: EmailMessage): Promise<{ subject: string; html: string; text: string }> {
  const built = element(message);
  if (!built) throw new Error(`Unknown email template "${(message as { template: string }).template}"`);
  const { subject, element: tree } = built;
  // One React render: the plain text is converted from the HTML exactly as `render(tree, { plainText: true })`
  // would, which renders the tree a second time (half the cost of a 10,000-reminder run).
  const html = await render(tree);
  return { subject, html, text: toPlainText(html) };
}
