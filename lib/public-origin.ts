/** The address of the platform as people reach it, for links in e-mail. */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, "");
  return `http://${env.PLATFORM_HOST || "localhost"}:${env.PORT || "3000"}`;
}
