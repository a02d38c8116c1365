// Registration states as the organizer screens name and filter them (browser-safe).
export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "declined", "cancelled"] as const;
export type RegistrationStatusName = (typeof REGISTRATION_STATUSES)[number];

export const STATUS_FILTERS = [...REGISTRATION_STATUSES, "attended"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function parseStatusFilter(value: string | null): StatusFilter | null {
  return value && (STATUS_FILTERS as readonly string[]).includes(value) ? (value as StatusFilter) : null;
}

export const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  pending: "Pending",
  confirmed: "Confirmed",
  waitlisted: "Waitlisted",
  declined: "Declined",
  cancelled: "Cancelled",
  attended: "Attended",
};

export function statusLabel(status: RegistrationStatusName): string {
  return STATUS_FILTER_LABEL[status];
}
