import type { SubmissionResult } from "@conform-to/react";

/**
 * When Conform validates in the browser. Not on blur: pressing the mouse on a submit
 * button blurs the last field, and an error appearing (or a banner vanishing) then
 * moves the button out from under the pointer, so the click lands on nothing. Errors
 * appear on submit, and once shown they update as the person types.
 */
export const STEADY_VALIDATION = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;

/**
 * The form-level errors of the server's last answer ("Email or password is incorrect."),
 * kept until the next answer: Conform drops them at the first client-side validation,
 * which would make the banner, and everything below it, jump while the person types.
 */
export function lastFormErrors(lastResult: SubmissionResult<string[]> | null | undefined): string[] | undefined {
  const errors = lastResult?.error?.[""];
  return errors && errors.length > 0 ? errors : undefined;
}
