// The action behind every directory form (people, series, organizations):
// validate with the shared schema, save through the area's domain function,
// then back to the list with a notice, or a 400 with each error by its field
// and the organizer's input intact.
import { parseSubmission } from "~/security/form-submission.server";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { DirectorySaveOutcome } from "./directory-records.server";

export async function handleDirectoryForm<Schema extends z.ZodTypeAny, Row>(
  request: Request,
  { schema, save, listPath }: { schema: Schema; save: (values: z.output<Schema>) => Promise<DirectorySaveOutcome<Row, z.output<Schema>>>; listPath: string },
) {
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await save(submission.value);
  if (!outcome.ok) {
    const { form, ...fieldErrors } = outcome.fieldErrors as Record<string, string[] | undefined>;
    return data({ result: submission.reply({ fieldErrors: fieldErrors as Record<string, string[]>, formErrors: form }) }, { status: outcome.refused ? 403 : 400 });
  }
  throw redirect(`${listPath}?notice=saved`);
}
