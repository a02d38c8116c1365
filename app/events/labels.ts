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

/** Hosts are billed before co-hosts, co-hosts before partners. */
const HOST_ROLE_RANK: Record<HostRole, number> = { host: 0, co_host: 1, partner: 2 };

/**
 * An event's organizations in billing order: by role first, then in the order
 * the organizer listed them. Every list and label of hosts goes through here,
 * so HKUST as Host and KTH as Co-host reads "HKUST × KTH" however they were entered.
 */
export function inBillingOrder<T extends { role: HostRole; position: number }>(hosts: readonly T[]): T[] {
  return [...hosts].sort((a, b) => HOST_ROLE_RANK[a.role] - HOST_ROLE_RANK[b.role] || a.position - b.position);
}

/** "HKUST × KTH": how joint webinars are billed. Give the hosts in billing order. */
export function hostsLabel(shortNames: string[]): string {
  return shortNames.join(" × ");
}

export function personDisplayName(person: { honorific: string; name: string }): string {
  return person.honorific ? `${person.honorific} ${person.name}` : person.name;
}
