import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import type { User } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";

/** Auth.js storage for platform users, their sessions and sign-in tokens. */

const toAdapterUser = (user: User): AdapterUser => ({
  id: user.id,
  email: user.email,
  emailVerified: user.emailVerified,
  name: user.name,
});

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function prismaAdapter(): Adapter {
  return {
    async createUser(user) {
      const created = await (await db()).user.create({
        data: { email: normaliseEmail(user.email), emailVerified: user.emailVerified, name: user.name ?? null },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await (await db()).user.findUnique({ where: { id } });
      return user && toAdapterUser(user);
    },
    async getUserByEmail(email) {
      const user = await (await db()).user.findUnique({ where: { email: normaliseEmail(email) } });
      return user && toAdapterUser(user);
    },
    async updateUser({ id, emailVerified, name }) {
      const user = await (await db()).user.update({
        where: { id },
        data: { ...(emailVerified !== undefined ? { emailVerified } : {}), ...(name !== undefined ? { name } : {}) },
      });
      return toAdapterUser(user);
    },
    async createSession(session) {
      return (await db()).session.create({ data: session }) as Promise<AdapterSession>;
    },
    async getSessionAndUser(sessionToken) {
      const found = await (await db()).session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      const { user, ...session } = found;
      return { session, user: toAdapterUser(user) };
    },
    async updateSession({ sessionToken, expires }) {
      return (await db()).session.update({ where: { sessionToken }, data: { ...(expires ? { expires } : {}) } });
    },
    async deleteSession(sessionToken) {
      await (await db()).session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      await (await db()).verificationToken.create({ data: { ...token, identifier: normaliseEmail(token.identifier) } });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const client = await db();
      const found = await client.verificationToken.findUnique({
        where: { identifier_token: { identifier: normaliseEmail(identifier), token } },
      });
      if (!found) return null;
      // deleteMany counts the rows it removed: of two simultaneous clicks only one wins.
      const { count } = await client.verificationToken.deleteMany({ where: { identifier: found.identifier, token } });
      return count === 1 ? found : null;
    },
  };
}
