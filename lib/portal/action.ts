import type { z } from "zod";
import type { Subject, Tenant } from "@/generated/prisma/client";
import { formValues, publicAction, type FormState } from "@/lib/action";
import type { Locale } from "@/lib/policy/content";
import { requestContext } from "@/lib/request";
import { tenantPath } from "@/lib/tenant-host";
import { findTenantBySlug } from "@/lib/tenants";
import { currentSubject } from "./session";

/**
 * Form actions of a tenant's pages. The tenant comes from the hidden `tenant` field
 * (its slug); portalAction also needs the person signed in to that tenant's portal.
 * Both answer like the console's actions: error keys per field and the typed values.
 */

export interface PortalContext {
  tenant: Tenant;
  subject: Subject;
}

type Handler<S extends z.ZodType, Context, Result> = (context: Context, input: z.output<S>) => Promise<Result>;

async function tenantOf(raw: Record<string, unknown>): Promise<Tenant | null> {
  return typeof raw.tenant === "string" ? findTenantBySlug(raw.tenant) : null;
}

/** An action of the portal: needs someone signed in to this tenant's portal. */
export function portalAction<S extends z.ZodType, Result>(schema: S, handler: Handler<S, PortalContext, Result>) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = formValues(formData);
    const tenant = await tenantOf(raw);
    if (!tenant) return { status: "error", formError: "notFound", values: raw };
    const subject = await currentSubject(tenant);
    if (!subject) return { status: "error", formError: "signedOut", values: raw };
    return publicAction(schema, (_none, input) => handler({ tenant, subject }, input))(previous, formData);
  };
}

/** An action on a tenant's public pages that anyone may use (signing in, a request without an account). */
export function tenantAction<S extends z.ZodType, Result>(schema: S, handler: Handler<S, { tenant: Tenant }, Result>) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const tenant = await tenantOf(formValues(formData));
    if (!tenant) return { status: "error", formError: "notFound", values: formValues(formData) };
    return publicAction(schema, (_none, input) => handler({ tenant }, input))(previous, formData);
  };
}

/** A path to a tenant page in the shape the visitor uses (their own host or /t/slug), for redirects from actions. */
export async function tenantHref(tenant: Pick<Tenant, "slug">, locale: Locale, subPath = ""): Promise<string> {
  const { tenantHost } = await requestContext();
  return tenantPath(locale, tenant.slug, subPath, tenantHost === tenant.slug);
}
