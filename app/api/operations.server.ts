// Every /api/v1 operation, written down once: its address, scope, schemas and handler.
// The router, the validation and the OpenAPI document are all read from this table.
import type { AnyZodObject, ZodTypeAny } from "zod";
import type { Database } from "~db/client.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import type { TokenOwner } from "./api-tokens.server";
import { getOrganization, getPerson, getSeries, listOrganizations, listPeople, listSeries } from "./directory-api.server";
import { changeEventStatus, createEvent, eventDetail, findEventForToken, listEvents, updateEvent } from "./events-api.server";
import { ApiProblem } from "./api-problem.server";
import { addRegistration, changeRegistration, getRegistration, listRegistrations, type RegistrationAction } from "./registrations-api.server";
import {
  DirectoryListQuery,
  EventCreateSchema,
  EventDetailSchema,
  EventListQuery,
  EventPath,
  EventSchema,
  EventUpdateSchema,
  NoBodySchema,
  OrganizationPath,
  OrganizationSchema,
  pageOf,
  PersonPath,
  PersonSchema,
  RegistrationCreateSchema,
  RegistrationListQuery,
  RegistrationPath,
  RegistrationSchema,
  SeriesPath,
  SeriesSchema,
} from "./schemas.server";

export interface OperationContext {
  db: Database;
  owner: TokenOwner;
  origin: string;
  links: LinkSigner;
  now: Date;
  // Already checked against the operation's schemas.
  params: Record<string, string>;
  query: never;
  body: never;
}

export interface OperationResult {
  status: number;
  body: unknown;
}

export interface Operation {
  id: string;
  method: "GET" | "POST" | "PATCH";
  /** OpenAPI style, relative to /api/v1: /events/{eventId} */
  path: string;
  tag: "Events" | "Registrations" | "Directories";
  summary: string;
  description?: string;
  scope: "read" | "write";
  params?: AnyZodObject;
  query?: AnyZodObject;
  body?: ZodTypeAny;
  /** The success answers, by status. */
  responses: Record<number, { description: string; schema: ZodTypeAny }>;
  /** Refusals this operation may answer besides 401, 404, 429 (which every operation may). */
  refusals: number[];
  handle(context: OperationContext): Promise<OperationResult>;
}

const EventPage = pageOf(EventSchema, "EventPage");
const RegistrationPage = pageOf(RegistrationSchema, "RegistrationPage");
const SeriesPage = pageOf(SeriesSchema, "SeriesPage");
const OrganizationPage = pageOf(OrganizationSchema, "OrganizationPage");
const PersonPage = pageOf(PersonSchema, "PersonPage");

const ok = (body: unknown, status = 200): OperationResult => ({ status, body });

/** A token limited to chosen events cannot create new ones: it would not be allowed to see them. */
function requireAllEvents(owner: TokenOwner): void {
  if (owner.token.eventIds) throw new ApiProblem(403, "This token is limited to chosen events, so it cannot create events.");
}

function registrationTransition(action: RegistrationAction, summary: string, description: string): Operation {
  return {
    id: `${action}Registration`,
    method: "POST",
    path: `/events/{eventId}/registrations/{registrationId}/${action}`,
    tag: "Registrations",
    summary,
    description,
    scope: "write",
    params: RegistrationPath,
    body: NoBodySchema,
    responses: { 200: { description: "The registration after the change", schema: RegistrationSchema } },
    refusals: [403, 409],
    handle: async ({ db, owner, params, now, links }) => {
      const event = await findEventForToken(db, owner, params.eventId!);
      return ok(await changeRegistration(db, { user: owner.user, event, registrationId: params.registrationId!, action, now, links }));
    },
  };
}

export const OPERATIONS: Operation[] = [
  {
    id: "listEvents",
    method: "GET",
    path: "/events",
    tag: "Events",
    summary: "List events you manage",
    description: "Soonest first; `when=past` latest first; with `updated_since`, oldest change first (for incremental sync).",
    scope: "read",
    query: EventListQuery,
    responses: { 200: { description: "A page of events", schema: EventPage } },
    refusals: [400],
    handle: async ({ db, owner, query, origin, now }) => ok(await listEvents(db, owner, query, { origin, now })),
  },
  {
    id: "createEvent",
    method: "POST",
    path: "/events",
    tag: "Events",
    summary: "Create an event (as a draft)",
    description: "The same rules as the console's event form. You become its organizer.",
    scope: "write",
    body: EventCreateSchema,
    responses: { 201: { description: "The new draft", schema: EventDetailSchema } },
    refusals: [403, 409, 422],
    handle: async ({ db, owner, body, origin }) => {
      requireAllEvents(owner);
      return ok(await createEvent(db, { user: owner.user, input: body, origin }), 201);
    },
  },
  {
    id: "getEvent",
    method: "GET",
    path: "/events/{eventId}",
    tag: "Events",
    summary: "Get an event with its hosts, display zones, agenda and people",
    scope: "read",
    params: EventPath,
    responses: { 200: { description: "The event", schema: EventDetailSchema } },
    refusals: [],
    handle: async ({ db, owner, params, origin }) => ok(await eventDetail(db, await findEventForToken(db, owner, params.eventId!), origin)),
  },
  {
    id: "updateEvent",
    method: "PATCH",
    path: "/events/{eventId}",
    tag: "Events",
    summary: "Change an event",
    description: "Only the fields you send change. A new start moves the agenda with it and registrants are emailed, as in the console.",
    scope: "write",
    params: EventPath,
    body: EventUpdateSchema,
    responses: { 200: { description: "The event after the change", schema: EventDetailSchema } },
    refusals: [403, 409, 422],
    handle: async ({ db, owner, params, body, origin, links }) => {
      const event = await findEventForToken(db, owner, params.eventId!);
      return ok(await updateEvent(db, { user: owner.user, event, input: body, origin, links }));
    },
  },
  {
    id: "publishEvent",
    method: "POST",
    path: "/events/{eventId}/publish",
    tag: "Events",
    summary: "Publish a draft",
    scope: "write",
    params: EventPath,
    body: NoBodySchema,
    responses: { 200: { description: "The published event", schema: EventDetailSchema } },
    refusals: [403, 409],
    handle: async ({ db, owner, params, origin, links }) => {
      const event = await findEventForToken(db, owner, params.eventId!);
      return ok(await changeEventStatus(db, { user: owner.user, event, to: "published", origin, links }));
    },
  },
  {
    id: "cancelEvent",
    method: "POST",
    path: "/events/{eventId}/cancel",
    tag: "Events",
    summary: "Cancel an event",
    description: "Registrants of a published event are emailed, with a calendar cancellation.",
    scope: "write",
    params: EventPath,
    body: NoBodySchema,
    responses: { 200: { description: "The cancelled event", schema: EventDetailSchema } },
    refusals: [403, 409],
    handle: async ({ db, owner, params, origin, links }) => {
      const event = await findEventForToken(db, owner, params.eventId!);
      return ok(await changeEventStatus(db, { user: owner.user, event, to: "cancelled", origin, links }));
    },
  },
  {
    id: "listRegistrations",
    method: "GET",
    path: "/events/{eventId}/registrations",
    tag: "Registrations",
    summary: "List an event's registrations",
    description: "By arrival; with `updated_since`, oldest change first, so `updated_since` plus `cursor` exports incrementally.",
    scope: "read",
    params: EventPath,
    query: RegistrationListQuery,
    responses: { 200: { description: "A page of registrations", schema: RegistrationPage } },
    refusals: [400],
    handle: async ({ db, owner, params, query }) => ok(await listRegistrations(db, await findEventForToken(db, owner, params.eventId!), query)),
  },
  {
    id: "addRegistration",
    method: "POST",
    path: "/events/{eventId}/registrations",
    tag: "Registrations",
    summary: "Register someone",
    description:
      "The public form's rules: questions, capacity, waitlist, approval. The registration window does not apply (as when an organizer adds someone by hand). The same email again returns the existing registration with 200 and re-sends their email.",
    scope: "write",
    params: EventPath,
    body: RegistrationCreateSchema,
    responses: {
      201: { description: "Registered (confirmed, waitlisted or pending)", schema: RegistrationSchema },
      200: { description: "Already registered: the existing registration", schema: RegistrationSchema },
    },
    refusals: [403, 409, 422],
    handle: async ({ db, owner, params, body, now, links }) => {
      const event = await findEventForToken(db, owner, params.eventId!);
      const result = await addRegistration(db, { user: owner.user, event, input: body, now, links });
      return ok(result.body, result.status);
    },
  },
  {
    id: "getRegistration",
    method: "GET",
    path: "/events/{eventId}/registrations/{registrationId}",
    tag: "Registrations",
    summary: "Get a registration",
    scope: "read",
    params: RegistrationPath,
    responses: { 200: { description: "The registration", schema: RegistrationSchema } },
    refusals: [],
    handle: async ({ db, owner, params }) => ok(await getRegistration(db, await findEventForToken(db, owner, params.eventId!), params.registrationId!)),
  },
  registrationTransition("approve", "Approve a pending registration", "A seat when one is free and nobody waits; otherwise the end of the waitlist."),
  registrationTransition("decline", "Decline a pending registration", "The person is emailed."),
  registrationTransition("cancel", "Cancel a registration on the person's behalf", "A freed seat goes to the first person waiting."),
  registrationTransition("attend", "Mark a confirmed registration as attended", "For people who came another way than their join link."),
  {
    id: "listSeries",
    method: "GET",
    path: "/series",
    tag: "Directories",
    summary: "List series",
    scope: "read",
    query: DirectoryListQuery,
    responses: { 200: { description: "A page of series", schema: SeriesPage } },
    refusals: [400],
    handle: async ({ db, query }) => ok(await listSeries(db, query)),
  },
  {
    id: "getSeries",
    method: "GET",
    path: "/series/{seriesId}",
    tag: "Directories",
    summary: "Get a series",
    scope: "read",
    params: SeriesPath,
    responses: { 200: { description: "The series", schema: SeriesSchema } },
    refusals: [],
    handle: async ({ db, params }) => ok(await getSeries(db, params.seriesId!)),
  },
  {
    id: "listOrganizations",
    method: "GET",
    path: "/organizations",
    tag: "Directories",
    summary: "List organizations",
    scope: "read",
    query: DirectoryListQuery,
    responses: { 200: { description: "A page of organizations", schema: OrganizationPage } },
    refusals: [400],
    handle: async ({ db, query }) => ok(await listOrganizations(db, query)),
  },
  {
    id: "getOrganization",
    method: "GET",
    path: "/organizations/{organizationId}",
    tag: "Directories",
    summary: "Get an organization",
    scope: "read",
    params: OrganizationPath,
    responses: { 200: { description: "The organization", schema: OrganizationSchema } },
    refusals: [],
    handle: async ({ db, params }) => ok(await getOrganization(db, params.organizationId!)),
  },
  {
    id: "listPeople",
    method: "GET",
    path: "/people",
    tag: "Directories",
    summary: "List people",
    scope: "read",
    query: DirectoryListQuery,
    responses: { 200: { description: "A page of people", schema: PersonPage } },
    refusals: [400],
    handle: async ({ db, owner, query }) => ok(await listPeople(db, owner.user, query)),
  },
  {
    id: "getPerson",
    method: "GET",
    path: "/people/{personId}",
    tag: "Directories",
    summary: "Get a person",
    scope: "read",
    params: PersonPath,
    responses: { 200: { description: "The person", schema: PersonSchema } },
    refusals: [],
    handle: async ({ db, owner, params }) => ok(await getPerson(db, owner.user, params.personId!)),
  },
];
