// What the console's webhook pages load and do; the routes only pass the request in.
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import type { User, WebhookEndpoint } from "~db/schema";
import { webhooksMayReachPrivateNetworks, type Env } from "~/env.server";
import { parseSubmission } from "~/security/form-submission.server";
import { formatInstant } from "~/time";
import { listDeliveries, queueTestEvent, redeliver } from "./delivery-log.server";
import { endpointFormSchema } from "./endpoint-form";
import { createEndpoint, deleteEndpoint, endpointEventChoices, findEndpointFor, listEndpoints, rotateSecret, setEndpointEnabled } from "./endpoints.server";

export async function loadWebhooksPage(db: Database, user: User) {
  const [endpoints, eventChoices] = await Promise.all([listEndpoints(db, user), endpointEventChoices(db, user)]);
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      scope: e.eventTitle ?? "All your events",
      eventTypes: e.eventTypes,
      state: e.disabledAt ? "Disabled" : e.failingSince ? "Failing" : "Active",
      waiting: e.waiting,
    })),
    eventChoices,
  };
}

/** A new endpoint: its secret is in this one response and never shown again. */
export async function handleCreateEndpoint(db: Database, request: Request, { user, env }: { user: User; env: Env }) {
  const submission = parseSubmission(await request.formData(), { schema: endpointFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const outcome = await createEndpoint(db, { user, values: submission.value, target: { allowPrivate: webhooksMayReachPrivateNetworks(env) } });
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors as Record<string, string[]> }), created: null }, { status: 400 });
  return data({ result: submission.reply({ resetForm: true }), created: { id: outcome.endpoint.id, url: outcome.endpoint.url, secret: outcome.secret } });
}

/** The endpoint page: null when the endpoint is not this user's (a 404). Never the secret. */
export async function loadEndpointPage(db: Database, user: User, endpointId: string | undefined, zone: string) {
  const endpoint = await findEndpointFor(db, user, endpointId);
  if (!endpoint) return null;
  const when = (at: Date | null) => (at ? formatInstant(at, zone, "dateTime") : null);
  const deliveries = await listDeliveries(db, endpoint.id);
  return {
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: endpoint.eventTypes,
      disabled: endpoint.disabledAt !== null,
      disabledReason: endpoint.disabledReason,
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

export type EndpointActionData = { ok: boolean; message: string; secret?: string };

const reply = (body: EndpointActionData, status = body.ok ? 200 : 409) => data<EndpointActionData>(body, { status });

export async function handleEndpointAction(db: Database, request: Request, { user, endpoint }: { user: User; endpoint: WebhookEndpoint }) {
  const form = await request.formData();
  const now = new Date();
  switch (form.get("intent")) {
    case "test":
      await queueTestEvent(db, endpoint, now);
      return reply({
        ok: true,
        message: endpoint.disabledAt ? "Test event queued; it goes out once the endpoint is enabled." : "Test event queued; it appears in the log below within seconds.",
      });
    case "redeliver": {
      const queued = await redeliver(db, endpoint, String(form.get("deliveryId") ?? ""), now);
      return queued
        ? reply({ ok: true, message: "Queued again, with the same webhook-id: a receiver that already has it can tell." })
        : reply({ ok: false, message: "That delivery is still on its way, or no longer in the log." });
    }
    case "rotate": {
      const secret = await rotateSecret(db, { user, endpoint, now });
      return reply({ ok: true, message: "New signing secret made. The old one keeps signing beside it for 24 hours.", secret });
    }
    case "enable":
    case "disable":
      await setEndpointEnabled(db, { user, endpoint, enabled: form.get("intent") === "enable", now });
      return reply({ ok: true, message: form.get("intent") === "enable" ? "Enabled: deliveries resume." : "Disabled: nothing is sent until you enable it." });
    case "delete":
      await deleteEndpoint(db, { user, endpoint });
      return redirect("/admin/webhooks?deleted=1");
    default:
      return reply({ ok: false, message: "Unknown action." }, 400);
  }
}
