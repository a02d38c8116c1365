import { formatEventRange, formatTimeRange, formatViewerRange } from "~/time";
import { translatorFor } from "~/i18n/catalogues.server";
import { pickFields, sourceLocaleOf, type ContentLanguage } from "~/i18n/localize-content";
import { eventPhase } from "./event-phase";
import { personDisplayName } from "./labels";
import type { findSpeaker } from "./public-events.server";

type Speaker = NonNullable<Awaited<ReturnType<typeof findSpeaker>>>;

/** A speaker's public profile and sessions, with each session in its event's zones and the viewer's. */
export function toSpeakerPage(speaker: Speaker, { viewerZone, now, language }: { viewerZone: string | null; now: Date; language: ContentLanguage }) {
  const locale = language.page;
  const t = translatorFor(locale);
  const { person, sessions } = speaker;
  return {
    person: {
      slug: person.slug,
      displayName: personDisplayName(person),
      // Name and affiliation stay as published; position and bio follow the reader.
      ...pickFields(person, ["position", "bio"], sourceLocaleOf(person), language),
      affiliation: person.affiliation,
      photoUrl: person.photoUrl,
    },
    sessions: sessions.map((s) => {
      const startsAt = s.startsAt ?? s.event.startsAt;
      const endsAt = s.endsAt ?? s.event.endsAt;
      const leadZone = s.event.displayZones[0] ?? "UTC";
      const phase = eventPhase(s.event, now);
      const eventSource = sourceLocaleOf(s.event);
      return {
        id: s.agendaItemId,
        ...pickFields(s, ["title"], eventSource, language),
        kindLabel: t(`agendaKind.${s.kind}`),
        roleLabel: t(`agendaRole.${s.role}`),
        event: { slug: s.event.slug, ...pickFields(s.event, ["title"], eventSource, language) },
        phase,
        phaseLabel: t(`phase.${phase}`),
        when: formatEventRange({ startsAt, endsAt, zones: s.event.displayZones, locale }).text,
        segmentTimes: s.startsAt && s.endsAt ? s.event.displayZones.map((zone) => formatTimeRange({ startsAt, endsAt, zone, locale })) : [],
        viewer: viewerZone ? formatViewerRange({ startsAt, endsAt, viewerZone, leadZone, locale }) : null,
      };
    }),
  };
}
