import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

interface ConfirmPanelProps {
  /** Posted back with the confirming button: what the action needs to act on. */
  fields: Record<string, string>;
  /** The action's intent, repeated by the confirming button. */
  intent: string;
  confirmLabel: string;
  /** Danger for what cannot be undone (delete, cancel); plain for a send. */
  tone?: "danger" | "plain";
  backLabel?: string;
  children: ReactNode;
}

/**
 * The console's "are you sure?" step after an action with consequences: the question,
 * a button that repeats the action with the same fields, and a way back that does
 * nothing. A plain form post, so it works without JavaScript.
 */
export function ConfirmPanel({ fields, intent, confirmLabel, tone = "danger", backLabel, children }: ConfirmPanelProps) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <Form method="post" className="panel confirm-box">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p>{children}</p>
      <div className="inline-form">
        <button type="submit" name="intent" value={intent} className={tone === "danger" ? "button button--danger" : "button"}>
          {confirmLabel}
        </button>
        <Link to="." className="button button--secondary">
          {backLabel ?? t("confirm.keep")}
        </Link>
      </div>
    </Form>
  );
}
