import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import * as EventCancelled from "./event-cancelled";
import * as EventChanged from "./event-changed";
import * as EventReminder from "./event-reminder";
import * as PromotedFromWaitlist from "./promoted-from-waitlist";
import * as RecordingAvailable from "./recording-available";
import * as RegistrationApproved from "./registration-approved";
import * as RegistrationCancelled from "./registration-cancelled";
import * as RegistrationConfirmed from "./registration-confirmed";
import * as RegistrationDeclined from "./registration-declined";
import * as RegistrationPending from "./registration-pending";
import * as RegistrationWaitlisted from "./registration-waitlisted";

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
  | { template: "recording-available"; props: RecordingAvailable.RecordingAvailableProps };

export type EmailTemplate = EmailMessage["template"];

function element(message: EmailMessage): { subject: string; element: ReactElement } {
  switch (message.template) {
    case "registration-confirmed":
      return { subject: RegistrationConfirmed.subject(message.props), element: createElement(RegistrationConfirmed.RegistrationConfirmed, message.props) };
    case "registration-waitlisted":
      return { subject: RegistrationWaitlisted.subject(message.props), element: createElement(RegistrationWaitlisted.RegistrationWaitlisted, message.props) };
    case "promoted-from-waitlist":
      return { subject: PromotedFromWaitlist.subject(message.props), element: createElement(PromotedFromWaitlist.PromotedFromWaitlist, message.props) };
    case "registration-pending":
      return { subject: RegistrationPending.subject(message.props), element: createElement(RegistrationPending.RegistrationPending, message.props) };
    case "registration-approved":
      return { subject: RegistrationApproved.subject(message.props), element: createElement(RegistrationApproved.RegistrationApproved, message.props) };
    case "registration-declined":
      return { subject: RegistrationDeclined.subject(message.props), element: createElement(RegistrationDeclined.RegistrationDeclined, message.props) };
    case "registration-cancelled":
      return { subject: RegistrationCancelled.subject(message.props), element: createElement(RegistrationCancelled.RegistrationCancelled, message.props) };
    case "event-reminder":
      return { subject: EventReminder.subject(message.props), element: createElement(EventReminder.EventReminder, message.props) };
    case "event-changed":
      return { subject: EventChanged.subject(message.props), element: createElement(EventChanged.EventChanged, message.props) };
    case "event-cancelled":
      return { subject: EventCancelled.subject(message.props), element: createElement(EventCancelled.EventCancelled, message.props) };
    case "recording-available":
      return { subject: RecordingAvailable.subject(message.props), element: createElement(RecordingAvailable.RecordingAvailable, message.props) };
  }
}

/** Subject, HTML and plain text of one message. Deterministic: the same props render the same bytes. */
export async function renderEmail(message: EmailMessage): Promise<{ subject: string; html: string; text: string }> {
  const { subject, element: tree } = element(message);
  if (!tree) throw new Error(`Unknown email template "${(message as { template: string }).template}"`);
  const [html, text] = await Promise.all([render(tree), render(tree, { plainText: true })]);
  return { subject, html, text };
}
