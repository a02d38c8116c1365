// One schema for the organizer's series form, used by the browser (Conform) and the
// server, with its messages in the organizer's language (`t`: the console translator).
import { z } from "zod";
import type { Translate } from "~/i18n/translator";
import { optionalSlugIn, optionalTextIn } from "./directory-fields-in";

export function seriesFormSchemaIn(t: Translate) {
  return z.object({
    title: z
      .string({ required_error: t("series.titleRequired") })
      .trim()
      .min(1, t("series.titleRequired"))
      .max(200, t("series.titleTooLong", { max: 200 })),
    slug: optionalSlugIn({ tooLong: t("directory.slugTooLong", { max: 80 }), pattern: t("directory.slugPattern") }),
    description: optionalTextIn(5000, t("series.descriptionTooLong", { max: 5000 })),
  });
}

export type SeriesFormValues = z.infer<ReturnType<typeof seriesFormSchemaIn>>;
