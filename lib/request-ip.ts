import { headers } from "next/headers";

/** The client's address as the server saw it (first hop of X-Forwarded-For behind a proxy). */
export async function requestIp(): Promise<string | null> {
  try {
    const all = await headers();
    return all.get("x-forwarded-for")?.split(",")[0]?.trim() || all.get("x-real-ip") || null;
  } catch {
    // Outside a request (a script or a test) there is no address.
    return null;
  }
}
