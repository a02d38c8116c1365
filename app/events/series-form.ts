// One schema for the organizer's series form, used by the browser (Conform) and the server.
import { z } from "zod";
import { optionalSlug, optionalText } from "./directory-fields";

export const seriesFormSchema = z.object({
  title: z
    .string({ required_error: "Give the series a title" })
    .trim()
    .min(1, "Give the series a title")
    .max(200, "Keep the title under 200 characters"),
  slug: optionalSlug,
  description: optionalText(5000, "description"),
});

export type SeriesFormValues = z.infer<typeof seriesFormSchema>;
