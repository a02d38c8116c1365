import { availableParallelism } from "node:os";
import { z } from "zod";

// Every environment variable the app reads, checked once at boot so a typo
// fails loudly at start instead of quietly at the first email.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /**
   * Public origin used in emails and calendars, e.g. https://events.example.edu. Absolute
   * links come only from here (or, in the demo, from the origin recorded at start), never
   * from a request's Host header.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:$/.test(new URL(value).protocol), "PUBLIC_URL must be an http:// or https:// URL")
    .optional(),
  /** postgres://… — when unset, the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where PGlite keeps its files when DATABASE_URL is unset. */
  PODIUM_DATA_DIR: z.string().default("./data"),
  /** "off" skips seeding the demo data into an empty database. */
  PODIUM_SEED: z.enum(["on", "off"]).default("on"),
  /** "off" keeps the outbox worker out of the web process (run `npm run worker` instead). */
  PODIUM_WORKER: z.enum(["on", "off"]).default("on"),
  /** How often an idle worker looks for due email, in milliseconds. */
  PODIUM_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /**
   * How long a worker keeps a claimed email before another worker may take it over
   * (the crash-recovery delay). Must exceed the time one batch of sends can take.
   */
  PODIUM_WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * Which proxies may tell us the client's address in X-Forwarded-For (express's
   * "trust proxy"): by default only ones on this machine or a private network, so a
   * client on the internet cannot forge its address past the per-address rate limits.
   */
  PODIUM_TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default("loopback, linklocal, uniquelocal"),
  /** Signs private links; at least 32 characters. When unset, one is generated and kept in the database. */
  PODIUM_SECRET: z.string().min(32, "PODIUM_SECRET must be at least 32 characters").optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Read by the resend SDK itself; tests point it at a local stand-in. */
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Podium <events@podium.local>"),
  /**
   * Requests per second to Resend, shared by every worker in every process (Resend's
   * documented default team limit is 2). The built-in mailbox is not limited.
   */
  RESEND_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  /** Emails per request to Resend's batch endpoint (its maximum is 100). */
  PODIUM_EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
  /** Sends one worker process keeps in flight at once. */
  PODIUM_EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * Wait after a message's first real failure (a 500, a timeout); doubles with each further
   * failure … Short, because retries go through the shared send rate and cannot flood the
   * provider; a provider failing half its requests still delivers everything in minutes.
   */
  PODIUM_EMAIL_BACKOFF_BASE_SECONDS: z.coerce.number().positive().max(86_400).default(5),
  /** … up to this. */
  PODIUM_EMAIL_BACKOFF_CAP_SECONDS: z.coerce.number().positive().max(86_400).default(600),
  /** A message that has kept failing (not rate limits: real failures) this long is given up as dead. */
  PODIUM_EMAIL_GIVE_UP_SECONDS: z.coerce.number().positive().max(30 * 86_400).default(86_400),
  /** Requests per minute one API token may make, counted in the database across every process. */
  PODIUM_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // ── Webhooks (decision 020) ──
  /**
   * "on" lets webhooks reach loopback, private and link-local addresses (development, tests).
   * Unset: off when NODE_ENV=production, on otherwise. Never turn it on where organizers are not trusted.
   */
  PODIUM_WEBHOOK_ALLOW_PRIVATE: z.enum(["on", "off"]).optional(),
  /** Wait after a webhook's first failed attempt; doubles (with jitter) per failure, up to 6 hours. */
  PODIUM_WEBHOOK_BACKOFF_BASE_SECONDS: z.coerce.number().positive().max(86_400).default(10),
  /** A delivery failing this long is given up, and an endpoint failing this long is disabled (3 days). */
  PODIUM_WEBHOOK_GIVE_UP_SECONDS: z.coerce.number().positive().max(30 * 86_400).default(3 * 86_400),
  /** Webhook requests one worker process keeps in flight at once. */
  PODIUM_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Memory for the public page cache (app/server/page-cache.server.ts), in megabytes per
   * process; 0 turns it off. Production builds only: in development pages change with the code.
   */
  PODIUM_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),

  // --- Processes (decision 017) ---
  /**
   * Web processes `npm start` runs, sharing one port; with DATABASE_URL the default is
   * one per core. The embedded PGlite can be opened by one process only, so it must be 1.
   */
  PODIUM_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  /** Set by the supervisor for each web process it starts (0, 1, …); the outbox worker runs in process 0 only. */
  PODIUM_PROCESS_INDEX: z.coerce.number().int().min(0).max(63).default(0),

  // ── University sign-in (decision 021) ──
  /**
   * Identity providers offered on the login page, by short id: "kth,hkust". Each id then has
   * its own PODIUM_OIDC_<ID>_* variables (see readOidcProviders below and the README).
   */
  PODIUM_OIDC_PROVIDERS: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/i, "PODIUM_OIDC_PROVIDERS is a comma-separated list of ids made of letters, digits and _")
    .optional(),
  /** How long one request to an identity provider (discovery, token exchange) may take. */
  PODIUM_OIDC_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  /** "on": organizers sign in only through an identity provider; passwords and email links are refused. */
  PODIUM_REQUIRE_SSO: z.enum(["on", "off"]).default("off"),
  /** "off" hides "email me a sign-in link" and refuses such links. */
  PODIUM_SIGN_IN_LINKS: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema> & { oidcProviders: OidcProviderConfig[] };

/** One identity provider, from PODIUM_OIDC_<ID>_* (ID is the provider's id in capitals). */
const oidcProviderSchema = z.object({
  /** https://login.microsoftonline.com/<tenant>/v2.0, https://accounts.google.com, https://kc.example.edu/realms/staff */
  ISSUER: z.string().url(),
  CLIENT_ID: z.string().min(1),
  /** Absent for public clients (PKCE alone). */
  CLIENT_SECRET: z.string().min(1).optional(),
  /** Shown as "Sign in with <NAME>". */
  NAME: z.string().trim().min(1).max(80),
  /** Verified email domains whose people become organizers: "kth.se,ug.kth.se". */
  ALLOWED_DOMAINS: z.string().trim().optional(),
  /** The ID token claim that lists a person's groups or roles (default "groups"). */
  GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
  /** Values of that claim that make someone an organizer: "podium-organizers". */
  ORGANIZER_GROUPS: z.string().trim().optional(),
  /** Values of that claim that make someone an administrator: "podium-admins". */
  ADMIN_GROUPS: z.string().trim().optional(),
  /**
   * "on": take the email claim as verified even without email_verified (Entra ID never sends
   * it). Only for a single-tenant issuer whose directory the university itself controls.
   */
  TRUST_EMAIL: z.enum(["on", "off"]).default("off"),
  /** Scopes asked for (default "openid email profile"). */
  SCOPES: z.string().trim().min(1).default("openid email profile"),
});

export interface OidcProviderConfig {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  name: string;
  allowedDomains: string[];
  groupsClaim: string;
  organizerGroups: string[];
  adminGroups: string[];
  scopes: string;
  trustEmail: boolean;
}

const list = (value: string | undefined, lower = false) =>
  (value ?? "")
    .split(",")
    .map((item) => (lower ? item.trim().toLowerCase() : item.trim()))
    .filter(Boolean);

/** Reads every provider PODIUM_OIDC_PROVIDERS names; problems are listed the way readEnv lists them. */
export function readOidcProviders(ids: string | undefined, source: Record<string, string | undefined>): { providers: OidcProviderConfig[]; problems: string[] } {
  const providers: OidcProviderConfig[] = [];
  const problems: string[] = [];
  for (const id of list(ids, true)) {
    const prefix = `PODIUM_OIDC_${id.toUpperCase()}_`;
    const block = Object.fromEntries(Object.keys(oidcProviderSchema.shape).map((key) => [key, source[prefix + key]]));
    const parsed = oidcProviderSchema.safeParse(block);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `  ${prefix}${i.path.join(".")}: ${i.message}`));
      continue;
    }
    const p = parsed.data;
    const provider: OidcProviderConfig = {
      id,
      issuer: p.ISSUER,
      clientId: p.CLIENT_ID,
      clientSecret: p.CLIENT_SECRET,
      name: p.NAME,
      allowedDomains: list(p.ALLOWED_DOMAINS, true),
      groupsClaim: p.GROUPS_CLAIM,
      organizerGroups: list(p.ORGANIZER_GROUPS),
      adminGroups: list(p.ADMIN_GROUPS),
      scopes: p.SCOPES,
      trustEmail: p.TRUST_EMAIL === "on",
    };
    if (!provider.allowedDomains.length && !provider.organizerGroups.length && !provider.adminGroups.length) {
      problems.push(`  ${prefix}ALLOWED_DOMAINS: set it, or ORGANIZER_GROUPS / ADMIN_GROUPS, so the provider can let somebody in`);
      continue;
    }
    providers.push(provider);
  }
  return { providers, problems };
}

/**
 * A real deployment (production on a PostgreSQL server) must say where it lives: without
 * PUBLIC_URL, links in emails would point at localhost. The embedded demo may go without.
 */
function deploymentProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.PODIUM_REQUIRE_SSO === "on" && env.oidcProviders.length === 0) {
    problems.push("  PODIUM_REQUIRE_SSO: \"on\" needs at least one identity provider in PODIUM_OIDC_PROVIDERS (nobody could sign in)");
  }
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.PUBLIC_URL) {
    problems.push("  PUBLIC_URL: must be set when NODE_ENV=production and DATABASE_URL is set (the https:// address people reach Podium at; links in emails use it)");
  }
  if (!env.DATABASE_URL && (env.PODIUM_PROCESSES ?? 1) > 1) {
    problems.push("  PODIUM_PROCESSES: the embedded database (no DATABASE_URL) can be opened by one process only; set DATABASE_URL or PODIUM_PROCESSES=1");
  }
  return problems;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const oidc = readOidcProviders(parsed.data.PODIUM_OIDC_PROVIDERS, cleaned);
  if (oidc.problems.length) throw new Error(`Invalid environment:\n${oidc.problems.join("\n")}`);
  const env: Env = { ...parsed.data, oidcProviders: oidc.providers };
  const problems = deploymentProblems(env);
  if (problems.length) throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  return env;
}

/** Whether webhooks may reach non-public addresses: PODIUM_WEBHOOK_ALLOW_PRIVATE, else only outside production. */
export function webhooksMayReachPrivateNetworks(env: Pick<Env, "NODE_ENV" | "PODIUM_WEBHOOK_ALLOW_PRIVATE">): boolean {
  return env.PODIUM_WEBHOOK_ALLOW_PRIVATE ? env.PODIUM_WEBHOOK_ALLOW_PRIVATE === "on" : env.NODE_ENV !== "production";
}

/** How many web processes to run: PODIUM_PROCESSES, else one per core on PostgreSQL and one on PGlite. */
export function webProcessCount(env: Env, cores = availableParallelism()): number {
  if (env.PODIUM_PROCESSES !== undefined) return env.PODIUM_PROCESSES;
  return env.DATABASE_URL ? Math.max(1, Math.min(cores, 64)) : 1;
}
