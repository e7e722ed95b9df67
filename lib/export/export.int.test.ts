import { readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import type { Subject, Tenant } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { useTestDatabase, platformDb } from "@/test/database";
import { parseCsv } from "./csv";
import { exportFileName } from "./file-name";
import type { ExportDocument } from "./schema";
import { ExportSubjectNotFound, subjectExportStream } from "./stream";

useTestDatabase();

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync("docs/export.schema.json", "utf8")));

let inone: Tenant;
let other: Tenant;
let subject: Subject;
const orders = 2500;
const tickets = 700;

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The archive's files by name, read with yauzl. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(files));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return reject(openError);
          collect(stream)
            .then((content) => {
              files.set(entry.fileName, content);
              zip.readEntry();
            })
            .catch(reject);
        });
      });
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 2));
  const client = platformDb();
  inone = await client.tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  other = await client.tenant.findUniqueOrThrow({ where: { slug: demoTenants[1].tenant.slug } });
  subject = await withTenant(inone.id, async (tx) => {
    const tenantId = inone.id;
    // The demo seed may define these already; the export shows whatever the tenant defined.
    await tx.profileField.upsert({
      where: { tenantId_key: { tenantId, key: "customerNumber" } },
      create: { tenantId, key: "customerNumber", label: { nl: "Klantnummer", en: "Customer number" }, position: 1 },
      update: { label: { nl: "Klantnummer", en: "Customer number" } },
    });
    await tx.consentPurpose.upsert({
      where: { tenantId_key: { tenantId, key: "newsletter" } },
      create: { tenantId, key: "newsletter", title: { nl: "Nieuwsbrief", en: "Newsletter" }, description: { nl: "", en: "" }, position: 1 },
      update: { title: { nl: "Nieuwsbrief", en: "Newsletter" } },
    });
    const created = await tx.subject.create({
      data: {
        tenantId,
        email: "export@example.com",
        name: 'Eva "E" <Exporter>',
        postalAddress: "Straat 1\n1234 AB Leiden",
        customFields: { customerNumber: "C-42" },
        restricted: true,
        objections: ["profiling"],
      },
    });
    const subjectId = created.id;
    const rows = [
      ...Array.from({ length: orders }, (_, n) => ({
        tenantId,
        subjectId,
        category: "orders",
        sourceSystem: "webshop",
        fields: n === 7 ? { orderNumber: "O-7", note: 'komma, "quote"\nnieuwe regel', formula: "=1+1" } : { orderNumber: `O-${n}`, total: n / 4, paid: n % 2 === 0 },
      })),
      ...Array.from({ length: tickets }, (_, n) => ({ tenantId, subjectId, category: "tickets", sourceSystem: "helpdesk", fields: { subject: `Vraag ${n}`, id: n } })),
    ];
    for (let i = 0; i < rows.length; i += 1000) await tx.subjectRecord.createMany({ data: rows.slice(i, i + 1000) });
    await tx.profileChange.create({ data: { tenantId, subjectId, field: "name", oldValue: "Eva", newValue: created.name, changedBy: "api" } });
    const consent = { tenantId, subjectId, purposeKey: "newsletter", wording: "Ja, stuur mij nieuws", locale: "nl", channel: "portal" };
    await tx.consentEvent.create({ data: { ...consent, given: true, at: new Date("2026-01-01T00:00:00Z") } });
    await tx.consentEvent.create({ data: { ...consent, given: false, at: new Date("2026-02-01T00:00:00Z") } });
    const request = await tx.dataRequest.create({
      data: {
        tenantId,
        subjectId,
        reference: "R-EXPO-RT22",
        type: "ACCESS",
        status: "IN_PROGRESS",
        requesterEmail: "export@example.com",
        requesterEmailHash: "h",
        locale: "nl",
        channel: "portal",
        details: "Alles graag",
        receivedAt: new Date("2026-02-02T00:00:00Z"),
        dueAt: new Date("2026-03-02T00:00:00Z"),
      },
    });
    await tx.requestEvent.create({ data: { tenantId, requestId: request.id, kind: "status", fromStatus: "RECEIVED", toStatus: "IN_PROGRESS", actor: "staff", actorLabel: "Ed" } });
    await recordAudit(tx, tenantId, { actorType: "user", actorLabel: "staff@inone.example", action: "subject.view", subjectId });
    return created;
  });
  // The same address at another tenant is another person, whose data must not appear.
  await withTenant(other.id, async (tx) => {
    const elsewhere = await tx.subject.create({ data: { tenantId: other.id, email: "export@example.com", name: "Someone else" } });
    await tx.subjectRecord.create({ data: { tenantId: other.id, subjectId: elsewhere.id, category: "orders", sourceSystem: "other", fields: { secret: "not yours" } } });
  });
});

describe("subjectExportStream", () => {
  let files: Map<string, Buffer>;
  let document: ExportDocument;

  beforeAll(async () => {
    files = await unzip(await collect(await subjectExportStream(inone.id, subject.id, "nl", { batchSize: 1000 })));
    document = JSON.parse(files.get("data.json")!.toString("utf8"));
  });

  it("is a ZIP with data.json, the CSV files and summary.html", () => {
    expect([...files.keys()].sort()).toEqual(
      ["consents.csv", "data.json", "profile.csv", "records/orders.csv", "records/tickets.csv", "requests.csv", "summary.html"].sort(),
    );
    expect(document.export.files.sort()).toEqual([...files.keys()].sort());
  });

  it("holds a data.json that validates against docs/export.schema.json", async () => {
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(document.export.tenant.slug).toBe("inone");
    expect(document.export.locale).toBe("nl");
    expect(document.profile).toMatchObject({ email: "export@example.com", restricted: true, objections: ["profiling"] });
    expect(document.customFields).toEqual([{ key: "customerNumber", label: "Klantnummer", value: "C-42" }]);
    expect(document.records).toHaveLength(orders + tickets);
    const stored = await withTenant(inone.id, (tx) =>
      tx.subjectRecord.findMany({ where: { tenantId: inone.id, subjectId: subject.id }, orderBy: [{ category: "asc" }, { id: "asc" }] }),
    );
    expect(document.records.map((r) => r.id)).toEqual(stored.map((r) => r.id));
    // Times are UTC whatever the time zone of the process (run with TZ=Europe/Amsterdam to see).
    expect(document.records[0].receivedAt).toBe(stored[0].receivedAt.toISOString());
    expect(document.records[0]).toEqual({ ...stored[0], receivedAt: stored[0].receivedAt.toISOString(), tenantId: undefined, subjectId: undefined });
    expect(JSON.stringify(document)).not.toContain("not yours");
    expect(document.consents.current).toEqual([
      { purposeKey: "newsletter", purpose: "Nieuwsbrief", given: false, at: "2026-02-01T00:00:00.000Z", statementVersion: null },
    ]);
    expect(document.consents.history).toHaveLength(2);
    expect(document.requests).toEqual([
      expect.objectContaining({ reference: "R-EXPO-RT22", events: [expect.objectContaining({ toStatus: "IN_PROGRESS", actorLabel: "Ed" })] }),
    ]);
    expect(document.profileChanges).toEqual([expect.objectContaining({ field: "name", changedBy: "api" })]);
    expect(document.accessLog).toEqual([expect.objectContaining({ actorType: "user", actorLabel: "staff@inone.example", action: "subject.view" })]);
  });

  it("writes a CSV per category with the union of field names as columns", () => {
    const ordersCsv = parseCsv(files.get("records/orders.csv")!.toString("utf8"));
    expect(ordersCsv[0]).toEqual(["id", "sourceSystem", "receivedAt", "formula", "note", "orderNumber", "paid", "total"]);
    expect(ordersCsv).toHaveLength(orders + 1);
    const seventh = ordersCsv.find((row) => row[5] === "O-7")!;
    expect(seventh[4]).toBe('komma, "quote"\nnieuwe regel');
    expect(seventh[3]).toBe("'=1+1");
    expect(seventh[6]).toBe("");
    const second = ordersCsv.find((row) => row[5] === "O-2")!;
    expect(second.slice(6)).toEqual(["true", "0.5"]);
    expect(new Set(ordersCsv.slice(1).map((row) => row[0])).size).toBe(orders);

    const ticketsCsv = parseCsv(files.get("records/tickets.csv")!.toString("utf8"));
    expect(ticketsCsv[0]).toEqual(["id", "sourceSystem", "receivedAt", "fields.id", "subject"]);
    expect(ticketsCsv).toHaveLength(tickets + 1);
    expect(ticketsCsv[1][1]).toBe("helpdesk");
  });

  it("writes profile, consents and requests as CSV", () => {
    const profile = parseCsv(files.get("profile.csv")!.toString("utf8"));
    expect(profile[0]).toEqual(["field", "label", "value"]);
    expect(profile).toContainEqual(["name", "Naam", 'Eva "E" <Exporter>']);
    expect(profile).toContainEqual(["postalAddress", "Postadres", "Straat 1\n1234 AB Leiden"]);
    expect(profile).toContainEqual(["customFields.customerNumber", "Klantnummer", "C-42"]);
    const consents = parseCsv(files.get("consents.csv")!.toString("utf8"));
    expect(consents).toHaveLength(3);
    expect(consents[1].slice(2, 5)).toEqual(["newsletter", "Nieuwsbrief", "true"]);
    const requests = parseCsv(files.get("requests.csv")!.toString("utf8"));
    expect(requests).toHaveLength(2);
    expect(requests[1].slice(0, 3)).toEqual(["R-EXPO-RT22", "ACCESS", "IN_PROGRESS"]);
  });

  it("explains the archive in summary.html, escaped, in the chosen language", () => {
    const html = files.get("summary.html")!.toString("utf8");
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Uw gegevens bij inONE");
    expect(html).toContain("Eva &quot;E&quot; &lt;Exporter&gt;");
    expect(html).not.toContain("<Exporter>");
    expect(html).toContain("records/orders.csv");
    expect(html).toContain("Nieuwsbrief");
  });

  it("refuses a subject of another tenant", async () => {
    const elsewhere = await withTenant(other.id, (tx) => tx.subject.findFirstOrThrow({ where: { tenantId: other.id, email: "export@example.com" } }));
    await expect(subjectExportStream(inone.id, elsewhere.id, "nl")).rejects.toBeInstanceOf(ExportSubjectNotFound);
    await expect(subjectExportStream(inone.id, "nobody", "en")).rejects.toBeInstanceOf(ExportSubjectNotFound);
  });

  it("exports a person without any data in English", async () => {
    const empty = await withTenant(inone.id, (tx) => tx.subject.create({ data: { tenantId: inone.id, email: "empty@example.com" } }));
    const archive = await unzip(await collect(await subjectExportStream(inone.id, empty.id, "en")));
    const data = JSON.parse(archive.get("data.json")!.toString("utf8"));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.records).toEqual([]);
    expect([...archive.keys()].filter((name) => name.startsWith("records/"))).toEqual([]);
    expect(archive.get("summary.html")!.toString("utf8")).toContain("Your data at inONE");
  });

  it("stops when the download is abandoned", async () => {
    const stream = await subjectExportStream(inone.id, subject.id, "nl", { batchSize: 100 });
    let received = 0;
    for await (const chunk of stream) {
      received += (chunk as Buffer).length;
      break;
    }
    expect(received).toBeGreaterThan(0);
    expect(stream.destroyed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it("names the file after the tenant and the date", () => {
    expect(exportFileName("inone", new Date("2026-03-04T23:30:00Z"))).toBe("inzage-inone-2026-03-05.zip");
  });
});
