import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TimeZoneField } from "~/components/time-zone-field";
import { safeRedirectPath } from "~/auth/session.server";
import { zoneChoiceValue, zoneName } from "~/time";
import { readViewerZoneChoice, viewerChoseZone, viewerZoneCookies, viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

// Where a visitor picks the zone every page shows times in. A plain form, so it
// works without JavaScript; the choice is two cookies (see app/viewer/).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = requestLocale(request);
  const zone = viewerZoneFrom(request);
  return {
    metaTitle: translatorFor(locale)("timeZone.metaTitle"),
    zone,
    zoneName: zone ? zoneName(zone, locale) : null,
    chosenByHand: viewerChoseZone(request),
    returnTo: safeRedirectPath(url.searchParams.get("returnTo"), "/"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const choice = readViewerZoneChoice(await request.formData(), translatorFor(requestLocale(request)));
  if (choice.kind === "invalid") return data(choice, { status: 400 });
  const headers = new Headers();
  for (const cookie of viewerZoneCookies(choice.zone)) headers.append("Set-Cookie", cookie);
  throw redirect(choice.returnTo, { headers });
}

export default function TimeZonePage() {
  const { t } = useTranslation();
  const { zone, zoneName, chosenByHand, returnTo } = useLoaderData<typeof loader>();
  const invalid = useActionData<typeof action>();
  return (
    <section className="narrow-page" aria-labelledby="time-zone-title">
      <h1 id="time-zone-title">{t("timeZone.title")}</h1>
      <p>
        {zone
          ? t(chosenByHand ? "timeZone.chosen" : "timeZone.browser", { zone: zoneName })
          : t("timeZone.none")}
      </p>
      {/* Whole-page submissions: after the redirect the client-hint script runs again, so "use my browser's zone" takes effect at once. */}
      <Form method="post" className="stack-form" reloadDocument>
        <input type="hidden" name="returnTo" value={invalid?.returnTo ?? returnTo} />
        <TimeZoneField
          id="viewer-zone"
          name="zone"
          label={t("timeZone.field")}
          defaultValue={invalid ? invalid.typed : zone ? zoneChoiceValue(zone) : ""}
          prefillNote={t("timeZone.prefill")}
          prefilled={!invalid && zone !== null}
          errorId="viewer-zone-error"
          errors={invalid ? [invalid.message] : undefined}
        />
        <p>
          <button type="submit" className="button">
            {t("timeZone.submit")}
          </button>{" "}
          <Link to={returnTo}>{t("timeZone.back")}</Link>
        </p>
      </Form>
      {chosenByHand ? (
        <Form method="post" reloadDocument>
          <input type="hidden" name="returnTo" value={returnTo} />
          <input type="hidden" name="intent" value="automatic" />
          <button type="submit" className="button button--secondary">
            {t("timeZone.automatic")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
