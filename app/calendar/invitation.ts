import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { describe, PRODUCT_ID, type CalendarEventInput } from "./calendar-event";

export type InvitationMethod = "REQUEST" | "CANCEL";

/** Outlook and Gmail treat an attachment as an invite only when its content type names the method. */
export function invitationContentType(method: InvitationMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}

/**
 * An email invite (iTIP). The UID is per registration, so each attendee's
 * calendar entry can be updated (REQUEST, higher SEQUENCE) or removed (CANCEL)
 * on its own.
 */
export function buildInvitation(input: {
  method: InvitationMethod;
  uid: string;
  event: CalendarEventInput;
  sequence: number;
  attendee: { name: string; email: string };
  organizer: { name: string; email: string };
  joinUrl?: string;
  manageUrl?: string;
  /** The description's lines in the attendee's language; English when not given. */
  wording?: { join: (url: string) => string; manage: (url: string) => string };
}): string {
  const cancel = input.method === "CANCEL";
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const wording = input.wording ?? { join: (url: string) => `Join: ${url}`, manage: (url: string) => `Manage your registration: ${url}` };
  const extra = [input.joinUrl ? wording.join(input.joinUrl) : "", input.manageUrl ? wording.manage(input.manageUrl) : ""].filter(Boolean);
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: input.event.startsAt,
    end: input.event.endsAt,
    stamp: new Date(),
    lastModified: input.event.updatedAt,
    summary: input.event.title,
    description: describe(input.event, extra),
    url: input.event.url,
    location: input.joinUrl ?? input.event.url,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: cancel ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}
