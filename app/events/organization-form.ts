// One schema for the organizer's organization form (the universities that host
// events), used by the browser (Conform) and the server.
import { z } from "zod";
import { optionalSlug, optionalWebLink } from "./directory-fields";

export const organizationFormSchema = z.object({
  name: z
    .string({ required_error: "Enter the organization's full name" })
    .trim()
    .min(1, "Enter the organization's full name")
    .max(200, "Keep the name under 200 characters"),
  shortName: z
    .string({ required_error: "Enter a short name, like HKUST" })
    .trim()
    .min(1, "Enter a short name, like HKUST")
    .max(40, "Keep the short name under 40 characters"),
  slug: optionalSlug,
  websiteUrl: optionalWebLink("website address"),
});

export type OrganizationFormValues = z.infer<typeof organizationFormSchema>;
