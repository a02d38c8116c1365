// The accounts side of every way in that is not a password: linking a university identity
// to an account (creating the account on first sign-in), refusing disabled accounts, and
// the audit trail of sign-ins, refusals and account creation.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { isUniqueViolation, type Tx } from "~db/records.server";
import { userIdentities, users, type User, type UserRole } from "~db/schema";
import { recordAudit, type Actor } from "~/audit/audit-log.server";
import { findUserByEmail } from "./users.server";

type Writer = Pick<Database, "insert">;

const accountLabel = (user: Pick<User, "name" | "email">) => `${user.name} <${user.email}>`;

export async function auditSignIn(tx: Writer, user: User, method: string, details: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(tx, {
    actor: { userId: user.id, label: accountLabel(user) },
    action: "auth.sign_in",
    summary: `Signed in with ${method}`,
    details: { method, ...details },
  });
}

/** A refused sign-in: who tried (as far as we know), how, and why. Never the token or code itself. */
export async function auditSignInRefused(tx: Writer, { who, userId = null, method, reason }: { who: string; userId?: string | null; method: string; reason: string }): Promise<void> {
  const actor: Actor = { userId, label: who.slice(0, 300) || "unknown" };
  await recordAudit(tx, { actor, action: "auth.sign_in_refused", summary: `Sign-in with ${method} refused: ${reason}`, details: { method, reason } });
}

export interface ProviderIdentity {
  providerId: string;
  providerName: string;
  issuer: string;
  subject: string;
  email: string;
  name: string;
  role: UserRole;
  /** The provider decides roles (it has administrator groups): the role follows it on every sign-in. */
  roleFromProvider: boolean;
}

export type IdentityOutcome = { ok: true; user: User; created: boolean } | { ok: false; reason: "disabled"; user: User };

/**
 * The account for a person at a provider: found by (issuer, subject) first, because an email
 * can be renamed or reassigned; else an account with the same (verified) email is linked; else
 * one is created. All in one transaction; two first sign-ins at once end with one account.
 */
export async function accountForIdentity(db: Database, identity: ProviderIdentity): Promise<IdentityOutcome> {
  try {
    return await db.transaction((tx) => linkOrCreate(tx, identity));
  } catch (error) {
    // The other request created the account or link first: now it is simply found.
    if (!isUniqueViolation(error)) throw error;
    return db.transaction((tx) => linkOrCreate(tx, identity));
  }
}

async function linkOrCreate(tx: Tx, identity: ProviderIdentity): Promise<IdentityOutcome> {
  const method = `${identity.providerName} (OpenID Connect)`;
  const [linked] = await tx
    .select({ user: users, identityId: userIdentities.id })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
  let user: User | undefined = linked?.user ?? (await findUserByEmail(tx, identity.email)) ?? undefined;
  if (user?.disabledAt) return { ok: false, reason: "disabled", user };

  let created = false;
  if (!user) {
    [user] = await tx.insert(users).values({ email: identity.email, name: identity.name, role: identity.role, passwordHash: null }).returning();
    created = true;
    await recordAudit(tx, {
      actor: { userId: user!.id, label: accountLabel(user!) },
      action: "user.created",
      summary: `Account created at first sign-in with ${method}, as ${identity.role}`,
      details: { userId: user!.id, providerId: identity.providerId, issuer: identity.issuer, subject: identity.subject },
    });
  } else if (identity.roleFromProvider && user.role !== identity.role) {
    [user] = await tx.update(users).set({ role: identity.role, updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
    await recordAudit(tx, {
      actor: { userId: user!.id, label: accountLabel(user!) },
      action: "user.role_changed",
      summary: `Role set to ${identity.role} by ${identity.providerName}'s groups`,
      details: { userId: user!.id, role: identity.role },
    });
  }
  if (linked) {
    await tx.update(userIdentities).set({ lastSignInAt: sql`now()`, email: identity.email }).where(eq(userIdentities.id, linked.identityId));
  } else {
    await tx.insert(userIdentities).values({ userId: user!.id, providerId: identity.providerId, issuer: identity.issuer, subject: identity.subject, email: identity.email });
  }
  return { ok: true, user: user!, created };
}
