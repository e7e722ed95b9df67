import { headers } from "next/headers";
import { negotiateLocale } from "./i18n/negotiate";
import { overHttps, siteOrigin } from "./public-origin";
import { isLocale } from "./i18n/routing";
import type { Locale } from "./policy/content";
import { requestHeaders } from "./request-context";

/**
 * What proxy.ts learned about this request: the visitor's own path and the tenant host;
 * and the site's origin, from configuration only (siteOrigin), not from any header.
 */
export async function requestContext() {
  const all = await headers();
  const tenantHost = all.get(requestHeaders.tenantHost);
  return {
    path: all.get(requestHeaders.path) ?? "/",
    tenantHost,
    origin: siteOrigin(tenantHost),
  };
}

/** The Secure flag for a cookie set while answering this request (overHttps: one rule for every cookie). */
export async function secureCookies(): Promise<boolean> {
  return overHttps(await headers());
}

/** The locale of the page being rendered, from the visitor's path; for not-found pages, which get no params. */
export async function pathLocale(): Promise<Locale> {
  const { path } = await requestContext();
  const first = path.split("?")[0].split("/")[1];
  if (isLocale(first)) return first;
  return negotiateLocale((await headers()).get("accept-language"));
}
