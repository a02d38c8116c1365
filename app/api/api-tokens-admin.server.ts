// /admin/api-tokens: the page's data and its one action (create or revoke).
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Database } from "~db/client.server";
import type { User } from "~db/schema";
import { listManagedEvents } from "~/events/event-admin.server";
import { parseSubmission } from "~/security/form-submission.server";
import { formatInstant } from "~/time";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { apiTokenFormSchemaIn } from "./api-token-form";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.server";

export async function apiTokensPage(db: Database, user: User, { zone, locale, t }: { zone: string; locale: Locale; t: Translate }) {
  const now = new Date();
  const [tokens, upcoming, past] = await Promise.all([
    listApiTokens(db, user),
    listManagedEvents(db, user, { when: "upcoming", now, limit: 200 }),
    listManagedEvents(db, user, { when: "past", now, limit: 50 }),
  ]);
  const events = [...upcoming, ...past].map((e) => ({ id: e.id, title: e.title, when: formatInstant(e.startsAt, zone, "date", locale) }));
  const titles = new Map(events.map((e) => [e.id, e.title]));
  return {
    zone,
    events,
    tokens: tokens.map((token) => ({
      id: token.id,
      name: token.name,
      displayPrefix: token.displayPrefix,
      scope: token.scope,
      events: token.eventIds ? token.eventIds.map((id) => titles.get(id) ?? t("apiTokens.eventNoLongerManaged")) : null,
      createdAt: formatInstant(token.createdAt, zone, "dateTime", locale),
      lastUsedAt: token.lastUsedAt ? formatInstant(token.lastUsedAt, zone, "dateTime", locale) : null,
      revokedAt: token.revokedAt ? formatInstant(token.revokedAt, zone, "dateTime", locale) : null,
    })),
  };
}

export type ApiTokensActionData =
  | { kind: "form"; result: SubmissionResult<string[]> }
  | { kind: "created"; name: string; secret: string }
  | { kind: "message"; ok: boolean; message: string };

export async function handleApiTokensAction(db: Database, request: Request, user: User, t: Translate) {
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const tokenId = z.string().uuid().safeParse(formData.get("tokenId"));
    const outcome = tokenId.success ? await revokeApiToken(db, { user, tokenId: tokenId.data }) : { ok: false as const };
    if (!outcome.ok) return data<ApiTokensActionData>({ kind: "message", ok: false, message: t("apiTokens.notRevoked") }, { status: 404 });
    return data<ApiTokensActionData>({ kind: "message", ok: true, message: t("apiTokens.revoked", { name: outcome.name }) });
  }
  const submission = parseSubmission(formData, { schema: apiTokenFormSchemaIn(t) });
  if (submission.status !== "success") return data<ApiTokensActionData>({ kind: "form", result: submission.reply() }, { status: 400 });
  const values = submission.value;
  const outcome = await createApiToken(db, { user, name: values.name, scope: values.scope, eventIds: values.events === "chosen" ? values.eventIds! : null, t });
  if (!outcome.ok) return data<ApiTokensActionData>({ kind: "form", result: submission.reply({ fieldErrors: { eventIds: [outcome.message] } }) }, { status: 400 });
  return data<ApiTokensActionData>({ kind: "created", name: outcome.token.name, secret: outcome.secret });
}
