import type { NextRequest } from "next/server";
import { auditCsv, parseAuditFilter } from "@/lib/audit-log";
import { can } from "@/lib/auth/permissions";
import { consoleState } from "@/lib/console/context";

/** The active tenant's audit log as CSV, with the same filters as the console page. */
export async function GET(request: NextRequest) {
  const state = await consoleState();
  if (!state?.active) return new Response(null, { status: 401 });
  if (!can(state.active.role, "audit.view")) return new Response(null, { status: 404 });
  const filter = parseAuditFilter(Object.fromEntries(request.nextUrl.searchParams));
  const lines = auditCsv(state.active.tenant.id, filter);
  // The first batch is read before the 200 goes out: an error after it would cut the file off.
  const first = await lines.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${state.active.tenant.slug}-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
