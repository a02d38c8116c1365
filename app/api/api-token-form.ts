// The console's "New API token" form, used by the browser (Conform) and the server.
import { z } from "zod";

export const TOKEN_NAME_MAX = 100;

export const apiTokenFormSchema = z
  .object({
    name: z
      .string({ required_error: "Name the token after what will use it" })
      .trim()
      .min(1, "Name the token after what will use it")
      .max(TOKEN_NAME_MAX, `Keep the name under ${TOKEN_NAME_MAX} characters`),
    scope: z.enum(["read", "write"], { errorMap: () => ({ message: "Choose read-only or read-write" }) }),
    events: z.enum(["all", "chosen"], { errorMap: () => ({ message: "Choose all your events or chosen events" }) }),
    eventIds: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().uuid("Choose events from the list")).max(500).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.events === "chosen" && !value.eventIds?.length) ctx.addIssue({ code: "custom", path: ["eventIds"], message: "Tick at least one event, or choose all your events" });
  });

export type ApiTokenFormValues = z.infer<typeof apiTokenFormSchema>;
