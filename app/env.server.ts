import { z } from "zod";

// Every environment variable the app reads, checked once at boot so a typo
// fails loudly at start instead of quietly at the first email.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Public origin used in emails and calendars, e.g. https://events.example.edu */
  PUBLIC_URL: z.string().url().optional(),
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
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}
