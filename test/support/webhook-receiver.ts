// A real webhook receiver on loopback, as an organizer's system would run one: it
// verifies every request's signature with the `standardwebhooks` package and keeps
// what it accepted, by webhook-id. `respond` decides each answer (status, headers,
// delay), so tests can make it fail, throttle, hang or redirect.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Whether the signature verified with one of the receiver's secrets. */
  verified: boolean;
  status: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (until the receiver closes). */
  hang?: boolean;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order. */
  requests: ReceivedWebhook[];
  /** Accepted (2xx) messages by webhook-id, first acceptance kept. */
  accepted(): Map<string, ReceivedWebhook>;
  secrets: string[];
  respond: (request: ReceivedWebhook, index: number) => Answer;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startWebhookReceiver(secrets: string[] = []): Promise<WebhookReceiver> {
  const hanging = new Set<() => void>();
  const receiver: WebhookReceiver = {
    url: "",
    requests: [],
    secrets,
    respond: () => ({ status: 204 }),
    accepted() {
      const map = new Map<string, ReceivedWebhook>();
      for (const r of receiver.requests) if (r.status >= 200 && r.status < 300 && !map.has(r.id)) map.set(r.id, r);
      return map;
    },
    close: async () => {},
  };
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = { "webhook-id": String(request.headers["webhook-id"] ?? ""), "webhook-timestamp": String(request.headers["webhook-timestamp"] ?? ""), "webhook-signature": String(request.headers["webhook-signature"] ?? "") };
    const verified = receiver.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch {
        return false;
      }
    });
    const received: ReceivedWebhook = {
      id: headers["webhook-id"],
      timestamp: headers["webhook-timestamp"],
      signature: headers["webhook-signature"],
      body,
      payload: JSON.parse(body || "{}"),
      verified,
      status: 0,
    };
    const answer = receiver.respond(received, receiver.requests.length);
    received.status = answer.status;
    receiver.requests.push(received);
    if (answer.hang) {
      hanging.add(() => response.destroy());
      return;
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      for (const end of hanging) end();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
