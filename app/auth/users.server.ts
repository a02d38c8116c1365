import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~db/client.server";
import { users, type User, type UserRole } from "~db/schema";
import { hashPassword, PASSWORD_MIN_LENGTH } from "./password.server";

export class UserInputError extends Error {}

const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  name: z.string().trim().min(1, "Enter a name").max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH, `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`).max(1024),
  role: z.enum(["admin", "organizer"]),
});

export async function findUserByEmail(db: Pick<Database, "select">, email: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email.trim()})`);
  return user ?? null;
}

export async function createUser(
  db: Database,
  input: { email: string; name: string; password: string; role: UserRole },
): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new UserInputError(parsed.error.issues.map((i) => i.message).join("; "));
  const passwordHash = await hashPassword(parsed.data.password);
  const [user] = await db
    .insert(users)
    .values({ email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!user) throw new UserInputError(`An account for ${parsed.data.email} already exists`);
  return user;
}
