// One schema for the organizer's person form (speakers, moderators, chairs…),
// used by the browser (Conform) and the server. It is also the base of the speaker's
// own profile form on their public portal, so its messages live in the interface
// catalogue (group `personForm`), in the language of whoever reads the form.
import { z } from "zod";
import { optionalHttpsLinkIn, optionalSlugIn, optionalTextIn } from "~/events/directory-fields-in";
import type { Translate } from "~/i18n/translator";
import { isValidTimeZone } from "~/time";

export const PERSON_NAME_MAX = 200;
export const PERSON_BIO_MAX = 5000;
export const PEOPLE_QUERY_MAX = 100;

/** The person form in the reader's language: `t` is the interface (default namespace) translator. */
export function personFormSchemaIn(t: Translate) {
  return z.object({
    honorific: optionalTextIn(40, t("personForm.honorificTooLong", { max: 40 })),
    name: z
      .string({ required_error: t("personForm.nameRequired") })
      .trim()
      .min(1, t("personForm.nameRequired"))
      .max(PERSON_NAME_MAX, t("personForm.nameTooLong", { max: PERSON_NAME_MAX })),
    position: optionalTextIn(200, t("personForm.positionTooLong", { max: 200 })),
    affiliation: optionalTextIn(200, t("personForm.affiliationTooLong", { max: 200 })),
    bio: optionalTextIn(PERSON_BIO_MAX, t("personForm.bioTooLong", { max: PERSON_BIO_MAX })),
    photoUrl: optionalHttpsLinkIn({
      tooLong: t("personForm.photoUrlTooLong"),
      notUrl: t("personForm.photoUrlNotUrl"),
      notWeb: t("personForm.photoUrlNotWeb"),
      notHttps: t("personForm.photoUrlNotHttps"),
    }),
    homeZone: z.string().trim().refine(isValidTimeZone, t("personForm.zoneFromList")).optional(),
    email: z.string().trim().max(254, t("personForm.emailTooLong")).email(t("personForm.emailInvalid")).optional(),
    slug: optionalSlugIn({ tooLong: t("personForm.slugTooLong", { max: 80 }), pattern: t("personForm.slugPattern") }),
  });
}

export type PersonFormValues = z.infer<ReturnType<typeof personFormSchemaIn>>;
