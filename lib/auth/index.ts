import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { mailFrom } from "@/lib/mail/send";
import { authSecret } from "@/lib/platform-settings";
import { prismaAdapter } from "./adapter";
import { sendSignInLink, signInLinkMinutes } from "./sign-in-mail";

/**
 * Sign-in for the people who run tenants: e-mail magic links (Auth.js), sessions kept
 * in the database so signing out ends them on the server. The session cookie is
 * httpOnly and SameSite=Lax, and Secure when the app is reached over https.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  adapter: prismaAdapter(),
  secret: await authSecret(),
  trustHost: true,
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
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
}));
