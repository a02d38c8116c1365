// One schema for the organizer's person form (speakers, moderators, chairs…),
// used by the browser (Conform) and the server.
import { z } from "zod";
import { optionalHttpsLink, optionalSlug, optionalText } from "~/events/directory-fields";
import { isValidTimeZone } from "~/time";

export const PERSON_NAME_MAX = 200;
export const PERSON_BIO_MAX = 5000;
export const PEOPLE_QUERY_MAX = 100;

export const personFormSchema = z.object({
  honorific: optionalText(40, "honorific"),
  name: z
    .string({ required_error: "Enter the person's name" })
    .trim()
    .min(1, "Enter the person's name")
    .max(PERSON_NAME_MAX, `Keep the name under ${PERSON_NAME_MAX} characters`),
  position: optionalText(200, "position"),
  affiliation: optionalText(200, "affiliation"),
  bio: optionalText(PERSON_BIO_MAX, "biography"),
  photoUrl: optionalHttpsLink("photo link"),
  homeZone: z.string().trim().refine(isValidTimeZone, "Choose a time zone from the list").optional(),
  email: z.string().trim().max(254, "That email address is too long").email("Enter a valid email address, like name@university.edu").optional(),
  slug: optionalSlug,
});

export type PersonFormValues = z.infer<typeof personFormSchema>;
