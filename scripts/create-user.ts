// npm run user:create -- --email a@b.c --role admin [--name "…"] [--password …]
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client.server";
import { migrateDatabase } from "../db/migrate.server";
import { readEnv } from "../app/env.server";
import { createUser, UserInputError } from "../app/auth/users.server";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "organizer" }, name: { type: "string" }, password: { type: "string" } },
});
if (!values.email || (values.role !== "admin" && values.role !== "organizer")) {
  console.error('Usage: npm run user:create -- --email someone@university.edu --role admin|organizer [--name "Full Name"] [--password …]');
  process.exit(1);
}
const env = readEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.PODIUM_DATA_DIR, "pglite") });
await migrateDatabase(handle);
const password = values.password ?? randomBytes(18).toString("base64url");
try {
  const user = await createUser(handle.db, { email: values.email, name: values.name ?? values.email, password, role: values.role });
  console.log(`Created ${user.role} ${user.email}${values.password ? "" : ` with password: ${password}`}`);
} catch (error) {
  console.error(error instanceof UserInputError ? `Could not create the account: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
