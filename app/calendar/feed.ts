import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { describe, eventUid, PRODUCT_ID, type CalendarEventInput } from "./calendar-event";

/**
 * A METHOD:PUBLISH calendar: /calendar.ics, /series/:slug.ics, /events/:slug.ics.
 * Times are UTC ("…Z"), which Outlook, Google and Apple all read the same way.
 * Drafts never appear; cancelled events stay, marked CANCELLED, so subscribed
 * calendars remove them instead of keeping a stale copy.
 */
export function buildEventFeed(input: { name: string; description?: string; url?: string; events: CalendarEventInput[]; now?: Date }): string {
  const calendar = ical({
    name: input.name,
    description: input.description ?? null,
    url: input.url ?? null,
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const event of input.events) {
    if (event.status === "draft") continue;
    calendar.createEvent({
      id: eventUid(event.id),
      sequence: event.sequence,
      start: event.startsAt,
      end: event.endsAt,
      stamp: input.now ?? event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      summary: event.title,
      description: describe(event),
      url: event.url,
      location: event.url,
      status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: event.organizer ? { name: event.organizer.name, email: event.organizer.email } : null,
    });
  }
  return calendar.toString();
}
