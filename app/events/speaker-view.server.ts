import { formatEventRange, formatTimeRange, formatViewerRange } from "~/time";
import { eventPhase, PHASE_LABEL } from "./event-phase";
import { AGENDA_KIND_LABEL, AGENDA_ROLE_LABEL, personDisplayName } from "./labels";
import type { findSpeaker } from "./public-events.server";

type Speaker = NonNullable<Awaited<ReturnType<typeof findSpeaker>>>;

/** A speaker's public profile and sessions, with each session in its event's zones and the viewer's. */
export function toSpeakerPage(speaker: Speaker, { viewerZone, now }: { viewerZone: string | null; now: Date }) {
  const { person, sessions } = speaker;
  return {
    person: {
      slug: person.slug,
      displayName: personDisplayName(person),
      position: person.position,
      affiliation: person.affiliation,
      bio: person.bio,
      photoUrl: person.photoUrl,
    },
    sessions: sessions.map((s) => {
      const startsAt = s.startsAt ?? s.event.startsAt;
      const endsAt = s.endsAt ?? s.event.endsAt;
      const leadZone = s.event.displayZones[0] ?? "UTC";
      const phase = eventPhase(s.event, now);
      return {
        id: s.agendaItemId,
        title: s.title,
        kindLabel: AGENDA_KIND_LABEL[s.kind],
        roleLabel: AGENDA_ROLE_LABEL[s.role],
        event: { slug: s.event.slug, title: s.event.title },
        phase,
        phaseLabel: PHASE_LABEL[phase],
        when: formatEventRange({ startsAt, endsAt, zones: s.event.displayZones }).text,
        segmentTimes: s.startsAt && s.endsAt ? s.event.displayZones.map((zone) => formatTimeRange({ startsAt, endsAt, zone })) : [],
        viewer: viewerZone ? formatViewerRange({ startsAt, endsAt, viewerZone, leadZone }) : null,
      };
    }),
  };
}
