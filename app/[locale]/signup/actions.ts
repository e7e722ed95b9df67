"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { signUp as signUpTenant, slugTaken } from "@/lib/console/signup";
import { enforceLimits, limits } from "@/lib/rate-limit";
import { requestIp } from "@/lib/request-ip";
import { countryCode, email, locale, optionalText, slug, text } from "@/lib/validation";

const signupSchema = z.object({
  locale,
  companyName: text(120),
  slug: slug.refine(async (value) => !(await slugTaken(value)), "slugTaken"),
  legalName: text(200),
  address: text(500),
  country: countryCode,
  registrationNumber: optionalText(60),
  contactEmail: email,
  adminEmail: email,
});

export const signUp = publicAction(signupSchema, async (_context, input) => {
  const ip = await requestIp();
  await enforceLimits([[limits.signupPerIp, ip]]);
  await signUpTenant(input, ip);
});
