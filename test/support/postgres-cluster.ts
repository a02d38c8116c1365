// A throwaway PostgreSQL cluster of a test's own (initdb into a temporary
// directory, trust authentication, its own port and socket directory), so a test
// may stop and restart it without touching the shared server. PostgreSQL refuses
// to run as root; as root the commands run as the `postgres` user.
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = process.env.PODIUM_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresCluster {
  port: number;
  /** postgres://… for the given database on this cluster. */
  url(database?: string): string;
  restart(): Promise<void>;
  /** Stops the server and deletes its files; safe to call more than once. */
  remove(): Promise<void>;
}

function asPostgres(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const root = process.getuid?.() === 0;
  return root ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Starts a cluster on the first free port of `ports`. */
export async function startPostgresCluster(ports: number[]): Promise<PostgresCluster> {
  if (!existsSync(path.join(BIN, "initdb"))) throw new Error(`PostgreSQL binaries not found in ${BIN} (set PODIUM_PG_BIN)`);
  let port: number | undefined;
  for (const candidate of ports) {
    if (await portIsFree(candidate)) {
      port = candidate;
      break;
    }
  }
  if (port === undefined) throw new Error(`no free port among ${ports.join(", ")}`);
  const dir = mkdtempSync(path.join(tmpdir(), "podium-pg-"));
  const dataDir = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  chmodSync(dir, 0o700);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(BIN, "pg_ctl"), ["-D", dataDir, "-l", path.join(dir, "server.log"), ...args]);
  let removed = false;
  const cluster: PostgresCluster = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async restart() {
      await pgCtl("restart", "-m", "fast", "-w", "-o", serverOptions);
    },
    async remove() {
      if (removed) return;
      removed = true;
      await pgCtl("stop", "-m", "immediate", "-w").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await asPostgres(path.join(BIN, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    await pgCtl("start", "-w", "-o", serverOptions);
  } catch (error) {
    await cluster.remove();
    throw error;
  }
  return cluster;
}
