// Who may see and change a person in the shared people directory (decision 015).
// Names, positions, affiliations and biographies are shared by every organizer:
// agendas across organizers draw on the same people. A person's email and the
// events they appear on are another matter: they are seen only through events
// you manage, and a person who appears on someone else's event is changed only
// by organizers of every event they appear on, or by an admin. Otherwise one
// organizer could redirect another's speaker invitation (and its private link)
// to themselves by editing an email address.
import { sql, type SQL } from "drizzle-orm";
import { agendaItems, agendaRoles, eventOrganizers, people, speakerInvitations, type User } from "~db/schema";

type Viewer = Pick<User, "id" | "role">;

/** The events a person is tied to: through an agenda segment or a speaker invitation. */
const appearanceEventIds = sql`(
  select ${agendaItems.eventId} from ${agendaRoles}
    join ${agendaItems} on ${agendaItems.id} = ${agendaRoles.agendaItemId}
    where ${agendaRoles.personId} = ${people.id}
  union
  select ${speakerInvitations.eventId} from ${speakerInvitations}
    where ${speakerInvitations.personId} = ${people.id}
)`;

function managedBy(user: Viewer): SQL {
  return sql`select ${eventOrganizers.eventId} from ${eventOrganizers} where ${eventOrganizers.userId} = ${user.id}`;
}

/**
 * A boolean SQL expression over `people`: may this user read the person's email
 * and the events they appear on? Admins always; an organizer when the person is
 * on an event they manage, or on no event at all (nobody's speaker yet).
 */
export function contactVisibleTo(user: Viewer): SQL {
  if (user.role === "admin") return sql`true`;
  return sql`(not exists (select 1 from ${appearanceEventIds} as a(event_id))
    or exists (select 1 from ${appearanceEventIds} as a(event_id) where a.event_id in (${managedBy(user)})))`;
}

/**
 * A boolean SQL expression over `people`: may this user change the person?
 * Admins always; an organizer when every event the person appears on is one
 * they manage (trivially so when the person appears on none).
 */
export function editableBy(user: Viewer): SQL {
  if (user.role === "admin") return sql`true`;
  return sql`not exists (select 1 from ${appearanceEventIds} as a(event_id) where a.event_id not in (${managedBy(user)}))`;
}

// Why a person is read-only to someone: the console's `person.notYours` message.
