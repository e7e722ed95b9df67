import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { useTestDatabase } from "@/test/database";
import { defaultFilter, inboxCounts, inboxPage, parseCursor, parseInboxFilter, type InboxFilter, type InboxRow } from "./inbox";
import { requesterEmailHash } from "./reference";
import { median, requestStats, weekStart } from "./stats";

useTestDatabase();

const now = new Date("2026-06-17T12:00:00Z"); // a Wednesday
const day = 86_400_000;
let tenant: Tenant;
let other: Tenant;

interface Spec {
  ref: string;
  status: RequestStatus;
  type?: RequestType;
  /** Days from now to the deadline (negative: passed); null: never received. */
  due: number | null;
  extendedBy?: number;
  email?: string;
  name?: string;
  receivedDaysAgo?: number;
  closedAfterDays?: number;
}

const specs: Spec[] = [
  { ref: "R-AAAA-KKZY", status: "RECEIVED", due: -3, email: "late@example.net", name: "Laat Persoon" },
  { ref: "R-AAAA-KKZ2", status: "IN_PROGRESS", due: 2, type: "ERASURE" },
  { ref: "R-AAAA-KKZ3", status: "WAITING_FOR_REQUESTER", due: 5 },
  { ref: "R-AAAA-KKZ4", status: "EXTENDED", due: -10, extendedBy: 31, type: "RECTIFICATION" },
  { ref: "R-AAAA-KKZ5", status: "IDENTITY_CONFIRMED", due: 20, email: "Mixed.Case@Example.net" },
  { ref: "R-AAAA-KKZ6", status: "RECEIVED", due: 1 },
  { ref: "R-AAAA-KKZ7", status: "COMPLETED", due: -40 },
  { ref: "R-AAAA-KKZ8", status: "REJECTED", due: -5 },
  { ref: "R-AAAA-KKZ9", status: "AWAITING_CONFIRMATION", due: null },
  { ref: "R-AAAA-KKYZ", status: "IN_PROGRESS", due: 3, type: "ERASURE" },
  { ref: "R-AAAA-KKYY", status: "RECEIVED", due: -1, type: "OBJECTION" },
  { ref: "R-AAAA-KKY2", status: "WITHDRAWN", due: null },
];

async function seed(target: Tenant, list: Spec[]) {
  await withTenant(target.id, (tx) =>
    tx.dataRequest.createMany({
      data: list.map((s, i) => {
        const dueAt = s.due === null ? null : new Date(now.getTime() + s.due * day);
        const receivedAt = dueAt ? new Date(dueAt.getTime() - 30 * day) : null;
        const email = s.email ?? `person${i}@example.net`;
        return {
          tenantId: target.id,
          reference: s.ref,
          type: s.type ?? "ACCESS",
          status: s.status,
          requesterEmail: email.toLowerCase(),
          requesterName: s.name ?? null,
          requesterEmailHash: requesterEmailHash(target, email),
          locale: "nl",
          channel: "portal",
          receivedAt,
          dueAt,
          extendedDueAt: dueAt && s.extendedBy ? new Date(dueAt.getTime() + s.extendedBy * day) : null,
          createdAt: new Date(now.getTime() - 60 * day),
        };
      }),
    }),
  );
}

const refs = (rows: InboxRow[]) => rows.map((r) => r.reference);

beforeAll(async () => {
  [tenant, other] = await withPlatform((tx) =>
    Promise.all(
      ["inbox-a", "inbox-b"].map((slug) =>
        tx.tenant.create({ data: { slug, name: slug, legalName: slug, address: "Straat 1", country: "NL", contactEmail: `privacy@${slug}.example` } }),
      ),
    ),
  );
  await seed(tenant, specs);
  await seed(other, [{ ref: "R-BBBB-KKZY", status: "RECEIVED", due: -100, email: "late@example.net" }]);
});

describe("the inbox", () => {
  it("shows the open requests, nearest deadline first (the extended one by its new deadline), without unconfirmed or closed ones", async () => {
    const page = await inboxPage(tenant, defaultFilter, null, { now });
    expect(refs(page.rows)).toEqual(["R-AAAA-KKZY", "R-AAAA-KKYY", "R-AAAA-KKZ6", "R-AAAA-KKZ2", "R-AAAA-KKYZ", "R-AAAA-KKZ3", "R-AAAA-KKZ5", "R-AAAA-KKZ4"]);
    const dues = page.rows.map((r) => r.effectiveDueAt.getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(page.rows.find((r) => r.reference === "R-AAAA-KKZ4")!.effectiveDueAt).toEqual(new Date(now.getTime() + 21 * day));
    expect(page.next).toBeNull();
    expect(page.previous).toBeNull();
  });

  it("pages by keyset forwards and back, every row once", async () => {
    const size = 3;
    const seen: string[] = [];
    let page = await inboxPage(tenant, { ...defaultFilter, status: "all" }, null, { now, size });
    const first = refs(page.rows);
    seen.push(...first);
    const pages = [first];
    while (page.next) {
      page = await inboxPage(tenant, { ...defaultFilter, status: "all" }, parseCursor({ after: page.next }), { now, size });
      seen.push(...refs(page.rows));
      pages.push(refs(page.rows));
    }
    // All but the unconfirmed one, each once.
    expect(seen).toHaveLength(specs.length - 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain("R-AAAA-KKZ9");
    // Back from the last page gives the one before it, and so on to the first.
    for (let i = pages.length - 1; i > 0; i--) {
      expect(page.previous).not.toBeNull();
      page = await inboxPage(tenant, { ...defaultFilter, status: "all" }, parseCursor({ before: page.previous! }), { now, size });
      expect(refs(page.rows)).toEqual(pages[i - 1]);
    }
    expect(page.previous).toBeNull();
  });

  it("filters by status, type and deadline", async () => {
    const get = async (filter: Partial<InboxFilter>) => refs((await inboxPage(tenant, { ...defaultFilter, ...filter }, null, { now })).rows);
    expect(await get({ status: "COMPLETED" })).toEqual(["R-AAAA-KKZ7"]);
    expect(await get({ status: "AWAITING_CONFIRMATION" })).toEqual(["R-AAAA-KKZ9"]);
    expect(await get({ type: "ERASURE" })).toEqual(["R-AAAA-KKZ2", "R-AAAA-KKYZ"]);
    expect(await get({ due: "overdue" })).toEqual(["R-AAAA-KKZY", "R-AAAA-KKYY"]);
    expect(await get({ due: "soon" })).toEqual(["R-AAAA-KKZ6", "R-AAAA-KKZ2", "R-AAAA-KKYZ", "R-AAAA-KKZ3"]);
    expect(await get({ status: "RECEIVED", due: "overdue" })).toEqual(["R-AAAA-KKZY", "R-AAAA-KKYY"]);
    expect(await get({ status: "RECEIVED", due: "overdue", type: "OBJECTION" })).toEqual(["R-AAAA-KKYY"]);
    // A closed request is never overdue.
    expect(await get({ status: "REJECTED", due: "overdue" })).toEqual([]);
  });

  it("searches by reference, by address (any case), and by part of an address or name", async () => {
    const get = async (q: string) => refs((await inboxPage(tenant, { ...defaultFilter, status: "all", q }, null, { now })).rows);
    expect(await get("r aaaa kkz7")).toEqual(["R-AAAA-KKZ7"]);
    expect(await get("mixed.case@example.NET")).toEqual(["R-AAAA-KKZ5"]);
    expect(await get("late@example.net")).toEqual(["R-AAAA-KKZY"]);
    expect(await get("Laat pers")).toEqual(["R-AAAA-KKZY"]);
    expect(await get("nobody@example.net")).toEqual([]);
  });

  it("reads the filter from the query string, falling back to the defaults", () => {
    expect(parseInboxFilter({})).toEqual(defaultFilter);
    expect(parseInboxFilter({ status: "EXTENDED", type: "ERASURE", due: "soon", q: "  x  " })).toEqual({ status: "EXTENDED", type: "ERASURE", due: "soon", q: "x" });
    expect(parseInboxFilter({ status: "nonsense", type: "DROP TABLE", due: "yesterday" })).toEqual(defaultFilter);
    expect(parseCursor({ after: "garbage" })).toBeNull();
  });

  it("counts per status for the whole tenant, and the open ones overdue or due within a week", async () => {
    const counts = await inboxCounts(tenant.id, now);
    expect(counts.byStatus).toEqual({
      AWAITING_CONFIRMATION: 1,
      RECEIVED: 3,
      IDENTITY_CONFIRMED: 1,
      IN_PROGRESS: 2,
      WAITING_FOR_REQUESTER: 1,
      EXTENDED: 1,
      COMPLETED: 1,
      REJECTED: 1,
      WITHDRAWN: 1,
    });
    expect(counts).toMatchObject({ open: 8, overdue: 2, dueSoon: 4 });
  });

  it("shows nothing of another tenant", async () => {
    expect(refs((await inboxPage(other, { ...defaultFilter, status: "all" }, null, { now })).rows)).toEqual(["R-BBBB-KKZY"]);
    expect(await inboxPage(tenant, { ...defaultFilter, status: "all", q: "R-BBBB-KKZY" }, null, { now })).toMatchObject({ rows: [] });
    expect((await inboxCounts(other.id, now)).byStatus.RECEIVED).toBe(1);
  });
});

describe("the dashboard figures", () => {
  it("counts requests per week and type, the median days to complete and the share on time", async () => {
    const stats = await withPlatform((tx) => tx.tenant.create({ data: { slug: "stats-a", name: "Stats", legalName: "Stats", address: "Straat 1", country: "NL", contactEmail: "p@stats.example" } }));
    const thisWeek = weekStart(now);
    const at = (weeksAgo: number, dayOfWeek: number, hour = 10) => new Date(thisWeek.getTime() - weeksAgo * 7 * day + dayOfWeek * day + hour * 3_600_000);
    // [type, received, completed after days (null: open), deadline days after receipt]
    const rows: Array<[RequestType, Date, number | null, number, RequestStatus?]> = [
      ["ACCESS", at(0, 0), 2, 30],
      ["ACCESS", at(0, 1), null, 30],
      ["ERASURE", at(0, 2), 10, 30],
      ["ACCESS", at(3, 4), 40, 30], // late
      ["OBJECTION", at(3, 6, 23), 20, 30],
      ["RECTIFICATION", at(11, 0), 31, 61], // extended, on time
      ["ACCESS", at(12, 6), 5, 30], // received before the window: not counted per week; completed in it
      ["ACCESS", at(20, 0), 5, 30], // completed long ago: in neither
      ["ACCESS", at(1, 1), 3, 30, "REJECTED"], // rejected: counted as received, not as completed
    ];
    await withTenant(stats.id, (tx) =>
      tx.dataRequest.createMany({
        data: rows.map(([type, receivedAt, done, deadline, status], i) => ({
          tenantId: stats.id,
          reference: `R-STAT-${String(i).padStart(4, "0")}`,
          type,
          status: status ?? (done === null ? "IN_PROGRESS" : "COMPLETED"),
          requesterEmail: `s${i}@example.net`,
          requesterEmailHash: `h${i}`,
          locale: "nl",
          channel: "portal",
          receivedAt,
          dueAt: new Date(receivedAt.getTime() + Math.min(deadline, 30) * day),
          extendedDueAt: deadline > 30 ? new Date(receivedAt.getTime() + deadline * day) : null,
          closedAt: done === null ? null : new Date(receivedAt.getTime() + done * day),
          createdAt: receivedAt,
        })),
      }),
    );
    const result = await requestStats(stats.id, now);
    expect(result.weeks).toHaveLength(12);
    expect(result.weeks[0].start.toISOString()).toBe(new Date(thisWeek.getTime() - 11 * 7 * day).toISOString());
    expect(result.weeks[11].start).toEqual(thisWeek);
    expect(result.weeks[11]).toMatchObject({ total: 3, byType: { ACCESS: 2, ERASURE: 1 } });
    expect(result.weeks[10]).toMatchObject({ total: 1, byType: { ACCESS: 1 } });
    expect(result.weeks[8]).toMatchObject({ total: 2, byType: { ACCESS: 1, OBJECTION: 1 } });
    expect(result.weeks[0]).toMatchObject({ total: 1, byType: { RECTIFICATION: 1 } });
    expect(result.weeks.reduce((sum, w) => sum + w.total, 0)).toBe(7);
    // Completed within the window: after 2, 10, 40, 20, 31 and 5 days; the one of 20 weeks ago is out.
    const completedInWindow = rows.filter(([, received, done, , status]) => done !== null && !status && received.getTime() + done * day >= result.weeks[0].start.getTime());
    expect(result.completed).toBe(completedInWindow.length);
    expect(result.medianDays).toBeCloseTo(median(completedInWindow.map(([, , done]) => done!))!, 5);
    expect(result.onTime).toBe(completedInWindow.filter(([, , done, deadline]) => done! <= deadline).length);
    expect(result.onTimeShare).toBeCloseTo(result.onTime / result.completed, 5);
  });

  it("has no median or share without completed requests", async () => {
    const empty = await requestStats(other.id, now);
    expect(empty).toMatchObject({ completed: 0, onTime: 0, onTimeShare: null, medianDays: null });
    expect(empty.weeks.every((w) => w.total === 0)).toBe(true);
  });
});
