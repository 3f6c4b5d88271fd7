import { z } from "zod";

/** The secret from an invitation link; its shape is checked, its value only by hash lookup. */
export const invitationTokenInput = z.object({
  token: z
    .string({ error: "The invitation link is incomplete." })
    .trim()
    .min(1, "The invitation link is incomplete.")
    .max(128, "That is not a valid invitation link.")
    .regex(/^[A-Za-z0-9_-]+$/, "That is not a valid invitation link."),
});
