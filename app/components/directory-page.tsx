import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

/** The frame every console directory shares (people, series, organizations, accounts): title, purpose, "saved" notice, add button. */
export function DirectoryPage({
  id,
  title,
  intro,
  saved,
  addHref,
  addLabel,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  saved: boolean;
  addHref: string;
  addLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      <p>{intro}</p>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t("directory.saved")}
        </p>
      ) : null}
      <p>
        <Link to={addHref} className="button">
          {addLabel}
        </Link>
      </p>
      {children}
    </section>
  );
}
