// A real OpenID Connect provider (oidc-provider) on loopback, for the sign-in tests and the e2e
// server. Its login step signs in whoever the test names, at once (no form to fill). It sits
// behind a small proxy on the issuer's address, which can spoil ID tokens on their way out
// (expired, signed by another key, issued to another client) to prove the app refuses them,
// and can be stopped and started again on the same port to play "the provider is down".
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestPerson {
  sub: string;
  email: string;
  email_verified?: boolean;
  name: string;
  groups?: string[];
}

export type IdTokenSpoiler = "expired" | "wrong-key" | "wrong-audience";

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Whom the provider's login step signs in next. */
  signInAs(person: TestPerson): void;
  /** Spoil the ID token of every token response until set back to null. */
  spoilIdTokens(how: IdTokenSpoiler | null): void;
  /** Stop answering (connections refused), and start again on the same address. */
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

async function listen(server: http.Server, port = 0): Promise<number> {
  server.listen(port, "127.0.0.1");
  await new Promise((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export async function startTestIdentityProvider({ redirectUris, port = 0, clientId = "podium", clientSecret = "podium-test-secret" }: { redirectUris: string[]; port?: number; clientId?: string; clientSecret?: string }): Promise<TestIdentityProvider> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingJwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };
  const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  let person: TestPerson = { sub: "nobody", email: "nobody@example.invalid", name: "Nobody" };
  const people = new Map<string, TestPerson>();
  let spoiler: IdTokenSpoiler | null = null;

  // The front (the issuer's address) is bound first, so the provider knows its own issuer URL.
  const front = http.createServer();
  const frontPort = await listen(front, port);
  const issuer = `http://127.0.0.1:${frontPort}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, response_types: ["code"], grant_types: ["authorization_code"], token_endpoint_auth_method: "client_secret_post" }],
    jwks: { keys: [signingJwk] },
    // Groups ride along with the email scope: enough for a test provider.
    claims: { openid: ["sub"], email: ["email", "email_verified", "groups"], profile: ["name"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
    findAccount: (_ctx, sub) => {
      const known = people.get(sub);
      if (!known) return undefined;
      return { accountId: sub, claims: () => ({ ...known, sub }) };
    },
  });

  // The login step: whoever the test named, signed in and consenting at once.
  const inner = http.createServer(async (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return provider.callback()(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      people.set(person.sub, person);
      const grant = new provider.Grant({ accountId: person.sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: person.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  const innerPort = await listen(inner);

  /** The same token re-signed (RS256, same kid) after the change; "wrong-key" signs it with a key the provider never published. */
  function spoil(idToken: string): string {
    const [header, payload] = idToken.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>);
    const claims = { ...payload };
    const now = Math.floor(Date.now() / 1000);
    let key: KeyObject = privateKey;
    if (spoiler === "expired") Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
    if (spoiler === "wrong-audience") claims.aud = "someone-else";
    if (spoiler === "wrong-key") key = stranger;
    const signingInput = [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".");
    return `${signingInput}.${sign("sha256", Buffer.from(signingInput), key).toString("base64url")}`;
  }

  front.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const forward = http.request({ host: "127.0.0.1", port: innerPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on("data", (c: Buffer) => body.push(c));
        answer.on("end", () => {
          let payload = Buffer.concat(body);
          const headers = { ...answer.headers };
          if (spoiler && req.url?.startsWith("/token") && answer.statusCode === 200) {
            const json = JSON.parse(payload.toString("utf8")) as { id_token?: string };
            if (json.id_token) json.id_token = spoil(json.id_token);
            payload = Buffer.from(JSON.stringify(json));
            headers["content-length"] = String(payload.length);
          }
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(payload);
        });
      });
      forward.on("error", () => {
        res.statusCode = 502;
        res.end();
      });
      forward.end(Buffer.concat(chunks));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(next) {
      person = next;
    },
    spoilIdTokens(how) {
      spoiler = how;
    },
    goDown: () => closeServer(front),
    async comeBack() {
      await listen(front, frontPort);
    },
    async close() {
      if (front.listening) await closeServer(front);
      await closeServer(inner);
    },
  };
}
