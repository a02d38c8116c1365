// One schema for the organizer's organization form (the universities that host
// events), used by the browser (Conform) and the server, with its messages in the
// organizer's language (`t`: the console translator).
import { z } from "zod";
import type { Translate } from "~/i18n/translator";
import { optionalSlugIn, optionalWebLinkIn } from "./directory-fields-in";

export function organizationFormSchemaIn(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("organizations.nameRequired") })
      .trim()
      .min(1, t("organizations.nameRequired"))
      .max(200, t("organizations.nameTooLong", { max: 200 })),
    shortName: z
      .string({ required_error: t("organizations.shortNameRequired") })
      .trim()
      .min(1, t("organizations.shortNameRequired"))
      .max(40, t("organizations.shortNameTooLong", { max: 40 })),
    slug: optionalSlugIn({ tooLong: t("directory.slugTooLong", { max: 80 }), pattern: t("directory.slugPattern") }),
    websiteUrl: optionalWebLinkIn({
      tooLong: t("organizations.websiteTooLong"),
      notUrl: t("organizations.websiteNotUrl"),
      notWeb: t("organizations.websiteNotWeb"),
    }),
  });
}

export type OrganizationFormValues = z.infer<ReturnType<typeof organizationFormSchemaIn>>;
