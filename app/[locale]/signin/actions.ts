"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { enforceLimits, limits } from "@/lib/rate-limit";
import { requestIp } from "@/lib/request-ip";
import { email, locale } from "@/lib/validation";

export const requestSignIn = publicAction(
  z.object({ email, locale, next: z.string().max(500).optional() }),
  async (_context, input) => {
    await enforceLimits([
      [limits.signInMailPerAddress, input.email],
      [limits.signInMailPerIp, await requestIp()],
    ]);
    await requestSignInLink(input.email, input.locale, input.next);
  },
);
