import { useEffect, useRef } from "react";

/**
 * Empties an "add" form once its submission succeeded (with JavaScript on; without it the
 * page is rendered afresh anyway). Tied to the action's result rather than to the list
 * length, so it cannot wipe what the organizer has started typing for the next item.
 */
export function useResetOnSuccess<T extends { ok: boolean } | undefined>(result: T, applies: (result: NonNullable<T>) => boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result && result.ok && applies(result as NonNullable<T>)) formRef.current?.reset();
    // Only a new action result should reset the form, so `applies` is left out on purpose.
  }, [result]);
  return formRef;
}
