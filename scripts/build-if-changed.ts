// `npm start` runs this first: it builds the app only when the sources differ from
// the last build, so an unchanged checkout starts in seconds instead of waiting
// for Vite on every start (decision 017). The stamp is a SHA-256 over every file
// the build reads (app/, emails/, db/, public/, the Vite, TypeScript and package
// settings), kept beside the build in build/.source-hash. `npm run build` passes
// --always: it builds whatever the stamp says, and leaves a fresh stamp.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "emails", "db", "public"];
const SOURCE_FILES = ["vite.config.ts", "tsconfig.json", "package.json", "package-lock.json"];
const STAMP = path.join(ROOT, "build", ".source-hash");
const BUILD_OUTPUT = path.join(ROOT, "build", "server", "index.js");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** One hash over every source path and its bytes, in a stable order. */
export function sourceHash(root = ROOT): string {
  const files = [...SOURCE_DIRS.flatMap((dir) => filesUnder(path.join(root, dir))), ...SOURCE_FILES.map((file) => path.join(root, file))]
    .filter((file) => existsSync(file))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function main({ always }: { always: boolean }) {
  const hash = sourceHash();
  const built = existsSync(BUILD_OUTPUT) && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === hash;
  if (built && !always) return;
  if (!always) console.log("Sources changed since the last build (or there is none): building…");
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error("The build failed; fix the error above and run `npm start` again.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, `${hash}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main({ always: process.argv.includes("--always") });
