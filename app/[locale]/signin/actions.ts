"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { email, locale } from "@/lib/validation";

/** The limits per address and IP are counted where the mail is sent (lib/auth/sign-in-mail.ts). */
export const requestSignIn = publicAction(
  z.object({ email, locale, next: z.string().max(500).optional() }),
  async (_context, input) => {
    await requestSignInLink(input.email, input.locale, input.next);
  },
);
