import type { AgendaItemKind, AgendaRoleKind, HostRole } from "~db/schema";

export const AGENDA_KIND_LABEL: Record<AgendaItemKind, string> = {
  opening_remarks: "Opening remarks",
  talk: "Talk",
  panel: "Panel discussion",
  qa: "Q&A",
  break: "Break",
  closing: "Closing",
};

export const AGENDA_ROLE_LABEL: Record<AgendaRoleKind, string> = {
  speaker: "Speaker",
  moderator: "Moderator",
  panelist: "Panelist",
  chair: "Chair",
  host: "Host",
};

export const HOST_ROLE_LABEL: Record<HostRole, string> = {
  host: "Host",
  co_host: "Co-host",
  partner: "Partner",
};

/** "HKUST × KTH": how joint webinars are billed. */
export function hostsLabel(shortNames: string[]): string {
  return shortNames.join(" × ");
}

export function personDisplayName(person: { honorific: string; name: string }): string {
  return person.honorific ? `${person.honorific} ${person.name}` : person.name;
}
