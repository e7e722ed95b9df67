import { headers } from "next/headers";
import { clientAddress } from "@/lib/client-address";

/** The address of the client of the request being rendered or acted on. */
export async function requestIp(): Promise<string | null> {
  try {
    return clientAddress(await headers());
  } catch {
    // Outside a request (a script or a test) there is no address.
    return null;
  }
}
