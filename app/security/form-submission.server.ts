import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from "@conform-to/zod";
import type { ZodTypeAny } from "zod";

// Conform gathers a repeated field with `prev.concat(next)` for every occurrence
// (@conform-to/dom, submission getSubmissionContext), copying the array each time:
// n repeats cost n²/2 copies, so 20,000 copies of one field held the server for 2 s
// and 80,000 for 40 s. Here each name reaches Conform once, with all its values
// already in one array, which is exactly what Conform would have built, in linear time.
// (The request guard also caps a form at 500 fields; this keeps the parse linear anyway.)

type FormReader = Pick<URLSearchParams, "get" | "entries">;

/** "answers.topics[0]" → "answers": names with different roots never touch the same value. */
function rootOf(name: string): string {
  const cut = name.search(/[.[]/);
  return cut === -1 ? name : name.slice(0, cut);
}

/**
 * The form with each repeated name once, carrying the array of its values, at the place
 * of its first occurrence. A name that shares its root with another name ("zones" and
 * "zones[0]") is passed through as it came, since Conform's result then depends on the
 * interleaving; no real form does that, and the guard's field cap bounds its cost.
 */
export function collapseRepeatedFields(formData: FormData | URLSearchParams): FormReader {
  const values = new Map<string, Array<FormDataEntryValue>>();
  const namesByRoot = new Map<string, Set<string>>();
  for (const [name, value] of formData.entries()) {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
    const root = rootOf(name);
    const names = namesByRoot.get(root) ?? new Set<string>();
    names.add(name);
    namesByRoot.set(root, names);
  }
  const collapsible = (name: string) => namesByRoot.get(rootOf(name))!.size === 1;
  return {
    get: (name: string) => (name === CONFORM_INTENT || name === CONFORM_STATE ? conformControl(name, formData.get(name)) : ((formData.get(name) as string | null) ?? null)),
    *entries() {
      const done = new Set<string>();
      for (const [name, value] of formData.entries()) {
        if (!collapsible(name)) {
          yield [name, value as string] as [string, string];
        } else if (!done.has(name)) {
          done.add(name);
          const all = values.get(name)!;
          yield [name, (all.length === 1 ? all[0] : all) as string] as [string, string];
        }
      }
    },
  } as FormReader;
}

// Conform's own fields: a form's buttons send a JSON intent (validate, insert, remove…) and
// Conform keeps its state as JSON. Conform parses them without a guard, so a hand-made
// "__intent__=x" (or a file under that name) threw inside the action: a 500. Here they reach
// Conform only when they are what Conform itself writes; anything else counts as absent.
const CONFORM_INTENT = "__intent__";
const CONFORM_STATE = "__state__";

function conformControl(name: string, value: FormDataEntryValue | null): string | null {
  if (typeof value !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  if (name === CONFORM_INTENT) {
    const intent = parsed as { type?: unknown; payload?: unknown };
    if (typeof intent.type !== "string" || intent.payload === undefined) return null;
  }
  return value;
}

/** The form without Conform's own fields: what a plain submit of the same inputs sends. */
function withoutConformControls(formData: FormData | URLSearchParams): FormData {
  const plain = new FormData();
  for (const [name, value] of formData.entries()) if (name !== CONFORM_INTENT && name !== CONFORM_STATE) plain.append(name, value);
  return plain;
}

// parseWithZod wraps the schema in Conform's form-value coercion on every call, a new
// tree of zod types each time (a tenth of a registration's CPU). The wrapped schema
// depends on the schema alone, so it is built once per schema and kept beside it.
const coercedSchemas = new WeakMap<ZodTypeAny, ZodTypeAny>();

function coercedOnce<Schema extends ZodTypeAny>(schema: Schema): Schema {
  let coerced = coercedSchemas.get(schema);
  if (coerced === undefined) {
    coerced = coerceFormValue(schema);
    coercedSchemas.set(schema, coerced);
  }
  return coerced as Schema;
}

/** parseWithZod for server actions, linear in the number of fields whatever their names. */
export function parseSubmission<Schema extends ZodTypeAny>(formData: FormData | URLSearchParams, options: { schema: Schema }) {
  const parseOptions = { schema: coercedOnce(options.schema), disableAutoCoercion: true };
  try {
    // Conform reads a payload through get() and entries() only; the collapsed view has both.
    return parseWithZod(collapseRepeatedFields(formData) as URLSearchParams, parseOptions);
  } catch {
    // A well-formed intent that names no field of this form (remove item 9 of a list of 2…):
    // the inputs are judged as a plain submit, so the person gets the form's own messages.
    return parseWithZod(collapseRepeatedFields(withoutConformControls(formData)) as URLSearchParams, parseOptions);
  }
}
