import { hash, verify } from "@node-rs/argon2";

// Algorithm is a const enum upstream, which isolatedModules cannot import; 2 is Argon2id.
const ARGON2ID = 2;
// OWASP's recommended argon2id floor: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
