// Registration states as the organizer screens filter them (browser-safe); their
// names are the console catalogue's `registrationStatus.<status>`.
export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "declined", "cancelled"] as const;
export type RegistrationStatusName = (typeof REGISTRATION_STATUSES)[number];

export const STATUS_FILTERS = [...REGISTRATION_STATUSES, "attended"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function parseStatusFilter(value: string | null): StatusFilter | null {
  return value && (STATUS_FILTERS as readonly string[]).includes(value) ? (value as StatusFilter) : null;
}
