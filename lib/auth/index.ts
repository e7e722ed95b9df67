import NextAuth from "next-auth";
import { headers } from "next/headers";
import Nodemailer from "next-auth/providers/nodemailer";
import { clientAddress } from "@/lib/client-address";
import { mailFrom } from "@/lib/mail/send";
import { authSecret } from "@/lib/platform-settings";
import { overHttps } from "@/lib/public-origin";
import { requestIp } from "@/lib/request-ip";
import { prismaAdapter } from "./adapter";
import { countSignInMail, sendSignInLink, signInLinkMinutes } from "./sign-in-mail";

/**
 * Sign-in for the people who run tenants: e-mail magic links (Auth.js), sessions kept
 * in the database so signing out ends them on the server. The session cookie is
 * httpOnly and SameSite=Lax, and Secure (named `__Secure-…`) when the site is reached over
 * https by the app's one rule (overHttps: an https PUBLIC_URL, or a trusted proxy's
 * X-Forwarded-Proto), not by the URL Next.js hands Auth.js, which behind a proxy that
 * ends TLS says http (nextauthjs/next-auth#10928). Reading and writing the session use the
 * same rule, so they agree on the cookie's name. The route handler shows Auth.js each
 * request under the public origin (lib/auth/public-request.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  adapter: prismaAdapter(),
  secret: await authSecret(),
  trustHost: true,
  basePath: "/api/auth",
  useSecureCookies: overHttps(request ? request.headers : await headersOfThisRequest()),
  session: { strategy: "database", maxAge: 7 * 24 * 60 * 60, updateAge: 60 * 60 },
  pages: { signIn: "/signin", verifyRequest: "/signin", error: "/signin/error" },
  providers: [
    Nodemailer({
      id: "email",
      server: {},
      from: mailFrom(),
      maxAge: signInLinkMinutes * 60,
      sendVerificationRequest: sendSignInLink,
    }),
  ],
  callbacks: {
    /**
     * Before every sign-in mail, however it was asked for (the forms through signIn(),
     * or a POST to /api/auth/signin/email): count it against the limits of the address
     * and the client (request is Auth.js's HTTP request; for signIn() on the server it is
     * absent and the page's request counts). A refusal stops Auth.js before any mail.
     */
    async signIn({ user, email }) {
      if (email?.verificationRequest && user.email) {
        await countSignInMail(user.email, request ? clientAddress(request.headers) : await requestIp());
      }
      return true;
    },
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
}));

/** The headers of the page or action being answered (signIn(), auth() and signOut() on the server); none outside a request. */
async function headersOfThisRequest(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}
