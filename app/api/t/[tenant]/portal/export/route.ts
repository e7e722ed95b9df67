import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { clientAddress } from "@/lib/client-address";
import { recordAudit } from "@/lib/audit";
import { withTenant } from "@/lib/db/tenant-db";
import { isLocale } from "@/lib/i18n/routing";
import { exportFileName } from "@/lib/export/file-name";
import { subjectExportStream } from "@/lib/export/stream";
import { currentSubject } from "@/lib/portal/session";
import { hit, limits, tooManyRequests } from "@/lib/rate-limit";
import { findTenantBySlug } from "@/lib/tenants";

/**
 * The signed-in person's data as a ZIP (rights of access and portability), streamed
 * as it is written. ?locale=nl|en picks the language of summary.html; by default the
 * person's preferred language.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const tenant = await findTenantBySlug(slug);
  if (!tenant) return problem(404, "tenant_not_found", "no tenant with this slug");
  const subject = await currentSubject(tenant);
  if (!subject) return problem(401, "not_signed_in", "sign in to the portal to download your data");

  const allowed = await hit(limits.portalExport, subject.id);
  if (!allowed.allowed) return tooManyRequests(allowed, "You downloaded your data several times in the last hour; try again later.");

  const asked = request.nextUrl.searchParams.get("locale");
  const locale = isLocale(asked) ? asked : isLocale(subject.preferredLocale) ? subject.preferredLocale : "nl";
  await withTenant(tenant.id, (tx) =>
    recordAudit(tx, tenant.id, {
      actorType: "subject",
      actorId: subject.id,
      // Never the person's address: audit rows outlive an erasure.
      actorLabel: "portal",
      action: "subject.export",
      targetType: "Subject",
      targetId: subject.id,
      subjectId: subject.id,
      ip: clientAddress(request.headers),
      details: { locale },
    }),
  );
  // After the audit entry, so that the archive lists this download in its access log too.
  const now = new Date();
  let archive: Readable;
  try {
    archive = await subjectExportStream(tenant.id, subject.id, locale, { now });
  } catch (error) {
    console.error("export failed", error);
    return problem(500, "internal_error", "the export could not be made; try again later");
  }
  archive.on("error", (error) => console.error("export failed while sending", error));
  return new Response(Readable.toWeb(archive) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFileName(tenant.slug, now)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function problem(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}
