import { z } from "zod";

export const loginSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address"),
  password: z.string({ required_error: "Enter your password" }).max(1024),
  redirectTo: z.string().optional(),
});

/** "Email me a sign-in link": the same form's email, sent with intent=link (no password needed). */
export const signInLinkSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address").max(320),
  redirectTo: z.string().optional(),
});

export const LINK_INTENT = "link";
