import type { HeadersFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Translate } from "~/i18n/translator";

/** The sign-in routes' headers: Retry-After and Cache-Control reach the document response only through here. */
export const signInProblemHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const out = new Headers();
  for (const name of ["Retry-After", "Cache-Control"]) {
    const value = actionHeaders.get(name) ?? loaderHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

/** What a sign-in route answers for a provider id that is not (or no longer) configured. */
export function unknownProvider(t: Translate) {
  return { title: t("signInProblem.unknownProvider.title"), message: t("signInProblem.unknownProvider.message") };
}

/** A sign-in that could not finish (provider down, refused, expired link): what happened and the way back. */
export function SignInProblemPage({ title, message }: { title: string; message: string }) {
  const { t } = useTranslation();
  return (
    <section className="narrow-page" aria-labelledby="sign-in-problem-title">
      <h1 id="sign-in-problem-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/login">{t("login.backToSignIn")}</Link>
      </p>
    </section>
  );
}
