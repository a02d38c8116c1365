export interface CalendarEventInput {
  /** Event uuid; the UID is `${id}@podium.events`, stable for the event's whole life. */
  id: string;
  slug: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Absolute public URL of the event page. */
  url: string;
  startsAt: Date;
  endsAt: Date;
  status: "draft" | "published" | "cancelled";
  /** Raised by the database whenever time, title or status changes. */
  sequence: number;
  updatedAt: Date;
  createdAt: Date;
  hosts: string[];
  organizer?: { name: string; email: string };
}

/** The domain is ours by convention only: it keeps our UIDs from colliding with other producers'. */
export const UID_DOMAIN = "podium.events";

export function eventUid(eventId: string): string {
  return `${eventId}@${UID_DOMAIN}`;
}

/** Rendered by ical-generator as "-//Podium//Podium Events//EN". */
export const PRODUCT_ID = { company: "Podium", product: "Podium Events", language: "EN" };

export function describe(event: CalendarEventInput, extraLines: string[] = []): string {
  const hosts = event.hosts.length > 0 ? `${event.hosts.join(" × ")}\n\n` : "";
  return [`${hosts}${event.summary}`.trim(), ...extraLines, event.url].filter(Boolean).join("\n\n");
}
