// The e2e server for university sign-in: a real OpenID Connect provider (oidc-provider, the
// same one the integration tests use) on ISSUER_PORT, and Podium as `npm start` runs it on
// PORT, configured to offer "Sign in with Example University". The provider signs in Ada
// Lovelace at once, as a university login would after its own password and two factors.
import { spawn } from "node:child_process";
import { startTestIdentityProvider } from "../../test/support/oidc-test-provider";

const port = Number(process.env.PORT);
const issuerPort = Number(process.env.ISSUER_PORT);
const base = `http://127.0.0.1:${port}`;

const provider = await startTestIdentityProvider({ port: issuerPort, redirectUris: [`${base}/auth/oidc/uni/callback`] });
provider.signInAs({ sub: "ada-lovelace-0001", email: "ada@uni.example", email_verified: true, name: "Ada Lovelace" });

const app = spawn("tsx", ["server.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PODIUM_OIDC_PROVIDERS: "uni",
    PODIUM_OIDC_UNI_ISSUER: provider.issuer,
    PODIUM_OIDC_UNI_CLIENT_ID: provider.clientId,
    PODIUM_OIDC_UNI_CLIENT_SECRET: provider.clientSecret,
    PODIUM_OIDC_UNI_NAME: "Example University",
    PODIUM_OIDC_UNI_ALLOWED_DOMAINS: "uni.example",
  },
});

// Playwright stops this process; the app goes with it, and its exit ends this one.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", async (code) => {
  await provider.close();
  process.exit(code ?? 0);
});
