// The one place every .ics in Podium is made: downloads, feeds, email invites.
export { eventUid, type CalendarEventInput } from "./calendar-event";
export { buildEventFeed } from "./feed";
export { buildInvitation, invitationContentType, type InvitationMethod } from "./invitation";
export { feedSubscriptionLinks, googleCalendarUrl, outlookCalendarUrl, type FeedSubscription } from "./links";
