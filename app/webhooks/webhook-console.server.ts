// What the console's webhook pages load and do; the routes only pass the request in.
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import type { User, WebhookEndpoint } from "~db/schema";
import { webhooksMayReachPrivateNetworks, type Env } from "~/env.server";
import { parseSubmission } from "~/security/form-submission.server";
import { formatInstant } from "~/time";
import { listDeliveries, queueTestEvent, redeliver } from "./delivery-log.server";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { endpointFormSchemaIn } from "./endpoint-form";
import { createEndpoint, deleteEndpoint, endpointEventChoices, findEndpointFor, listEndpoints, rotateSecret, setEndpointEnabled } from "./endpoints.server";

export type EndpointState = "active" | "failing" | "disabled";

export async function loadWebhooksPage(db: Database, user: User) {
  const [endpoints, eventChoices] = await Promise.all([listEndpoints(db, user), endpointEventChoices(db, user)]);
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      /** The one event it is limited to; null: all the user's events. */
      scope: e.eventTitle,
      eventTypes: e.eventTypes,
      state: (e.disabledAt ? "disabled" : e.failingSince ? "failing" : "active") as EndpointState,
      waiting: e.waiting,
    })),
    eventChoices,
  };
}

/** A new endpoint: its secret is in this one response and never shown again. */
export async function handleCreateEndpoint(db: Database, request: Request, { user, env, t }: { user: User; env: Env; t: Translate }) {
  const submission = parseSubmission(await request.formData(), { schema: endpointFormSchemaIn(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const outcome = await createEndpoint(db, { user, values: submission.value, target: { allowPrivate: webhooksMayReachPrivateNetworks(env) }, t });
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors as Record<string, string[]> }), created: null }, { status: 400 });
  return data({ result: submission.reply({ resetForm: true }), created: { id: outcome.endpoint.id, url: outcome.endpoint.url, secret: outcome.secret } });
}

/** The endpoint page: null when the endpoint is not this user's (a 404). Never the secret. */
export async function loadEndpointPage(
  db: Database,
  user: User,
  endpointId: string | undefined,
  { zone, locale, t }: { zone: string; locale: Locale; t: Translate },
) {
  const endpoint = await findEndpointFor(db, user, endpointId);
  if (!endpoint) return null;
  const when = (at: Date | null) => (at ? formatInstant(at, zone, "dateTime", locale) : null);
  const deliveries = await listDeliveries(db, endpoint.id);
  return {
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: endpoint.eventTypes,
      disabled: endpoint.disabledAt !== null,
      disabledReason: endpoint.disabledReason ? disabledReasonIn(endpoint.disabledReason, { t, when }) : null,
      failingSince: when(endpoint.failingSince),
      previousSecretUntil: endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? when(endpoint.previousSecretExpiresAt) : null,
    },
    deliveries: deliveries.map(({ delivery, attempts }) => ({
      id: delivery.id,
      messageId: delivery.messageId,
      eventType: delivery.eventType,
      status: delivery.status,
      createdAt: when(delivery.createdAt)!,
      nextAttemptAt: delivery.status === "queued" ? when(delivery.nextAttemptAt) : null,
      body: delivery.body,
      attempts: attempts.map((a) => ({
        id: a.id,
        attempt: a.attempt,
        at: when(a.attemptedAt)!,
        outcome: a.error ?? `HTTP ${a.responseStatus}`,
        ok: a.error === null && a.responseStatus !== null && a.responseStatus >= 200 && a.responseStatus < 300,
        durationMs: a.durationMs,
        responseBody: a.responseBody ?? "",
      })),
    })),
  };
}

/**
 * The reason is stored as written when the endpoint was disabled, in English ("Disabled by
 * Ada", "Failing since 2026-…; last: HTTP 500"); the two shapes Podium writes are worded
 * again in the reader's language, anything else is shown as stored.
 */
function disabledReasonIn(reason: string, { t, when }: { t: Translate; when: (at: Date | null) => string | null }): string {
  const byPerson = /^Disabled by (.+)$/s.exec(reason);
  if (byPerson) return t("deliveries.disabledBy", { name: byPerson[1] });
  const failing = /^Failing since (\S+); last: (.*)$/s.exec(reason);
  const since = failing ? new Date(failing[1]!) : null;
  if (failing && since && !Number.isNaN(since.getTime())) return t("deliveries.failingReason", { since: when(since), error: failing[2] });
  return reason;
}

export type EndpointActionData = { ok: boolean; message: string; secret?: string };

const reply = (body: EndpointActionData, status = body.ok ? 200 : 409) => data<EndpointActionData>(body, { status });

export async function handleEndpointAction(db: Database, request: Request, { user, endpoint, t }: { user: User; endpoint: WebhookEndpoint; t: Translate }) {
  const form = await request.formData();
  const now = new Date();
  switch (form.get("intent")) {
    case "test":
      await queueTestEvent(db, endpoint, now);
      return reply({
        ok: true,
        message: endpoint.disabledAt ? t("deliveries.testQueuedDisabled") : t("deliveries.testQueued"),
      });
    case "redeliver": {
      const queued = await redeliver(db, endpoint, String(form.get("deliveryId") ?? ""), now);
      return queued
        ? reply({ ok: true, message: t("deliveries.redelivered") })
        : reply({ ok: false, message: t("deliveries.notRedelivered") });
    }
    case "rotate": {
      const secret = await rotateSecret(db, { user, endpoint, now });
      return reply({ ok: true, message: t("deliveries.rotated"), secret });
    }
    case "enable":
    case "disable":
      await setEndpointEnabled(db, { user, endpoint, enabled: form.get("intent") === "enable", now });
      return reply({ ok: true, message: form.get("intent") === "enable" ? t("deliveries.enabledNotice") : t("deliveries.disabledNotice") });
    case "delete":
      await deleteEndpoint(db, { user, endpoint });
      return redirect("/admin/webhooks?deleted=1");
    default:
      return reply({ ok: false, message: t("deliveries.unknownAction") }, 400);
  }
}
