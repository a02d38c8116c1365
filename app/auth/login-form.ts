import { z } from "zod";

export const loginSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address"),
  password: z.string({ required_error: "Enter your password" }).max(1024),
  redirectTo: z.string().optional(),
});
