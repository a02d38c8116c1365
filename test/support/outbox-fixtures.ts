// Outbox rows and registrants in bulk, for the email tests: registrations are
// inserted directly (thousands at once), as a reminder run finds them.
import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "~db/client.server";
import { registrations, type Event } from "~db/schema";
import { enqueueEmails, type EnqueueEmail } from "~/email/outbox.server";

export const sampleEvent = {
  title: "Responding to COVID-19",
  url: "http://podium.test/events/responding-to-covid-19",
  hostsLabel: "HKUST × KTH",
  whenInEventZones: "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
  whenForRecipient: "Thursday, 3 December 2020, 10:00 – 11:15 CET (your time)",
};

export function confirmation(key: string, n: number): EnqueueEmail {
  return {
    dedupeKey: key,
    message: { template: "registration-confirmed", props: { recipient: { name: `Person ${n}` }, event: sampleEvent, manageUrl: `http://podium.test/r/${n}` } },
    to: { email: `person${n}@example.edu`, name: `Person ${n}` },
  };
}

export function reminder(key: string, n: number, extra: Partial<EnqueueEmail> = {}): EnqueueEmail {
  return {
    dedupeKey: key,
    message: {
      template: "event-reminder",
      props: { recipient: { name: `Person ${n}` }, event: sampleEvent, manageUrl: `http://podium.test/r/${n}`, leadTimeLabel: "in 1 hour" },
    },
    to: { email: `reminded${n}@example.edu`, name: `Person ${n}` },
    ...extra,
  };
}

export async function enqueueConfirmations(db: Database, prefix: string, count: number): Promise<void> {
  await enqueueEmails(db, Array.from({ length: count }, (_, n) => confirmation(`${prefix}/${n}`, n)));
}

/** `count` confirmed registrants of `event`, registered at `registeredAt`, their zones taken in turn from `zones`. */
export async function addConfirmedRegistrants(
  db: Database,
  event: Pick<Event, "id">,
  count: number,
  registeredAt: Date,
  zones: string[] = ["Europe/Stockholm"],
): Promise<void> {
  const chunk = 1000;
  for (let start = 0; start < count; start += chunk) {
    await db.insert(registrations).values(
      Array.from({ length: Math.min(chunk, count - start) }, (_, i) => {
        const n = start + i;
        return {
          id: randomUUID(),
          eventId: event.id,
          email: `registrant${n}-${randomBytes(3).toString("hex")}@example.edu`,
          name: `Registrant ${n}`,
          timeZone: zones[n % zones.length]!,
          status: "confirmed" as const,
          consentAt: registeredAt,
          createdAt: registeredAt,
          confirmedAt: registeredAt,
          manageTokenHash: randomBytes(16).toString("hex"),
          joinTokenHash: randomBytes(16).toString("hex"),
        };
      }),
    );
  }
}
