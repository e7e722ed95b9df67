import { describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { rawSql } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant-db";
import type { StatementContent } from "@/lib/policy/content";
import {
  draftContentSchema,
  draftGaps,
  draftStatement,
  loadDraft,
  publishStatement,
  saveDraft,
  type DraftActor,
  type DraftView,
} from "@/lib/policy/draft";
import { publishedHistory, publishedStatement } from "@/lib/policy/published";
import { readVersionContent } from "@/lib/policy/store";
import { statementTemplate } from "@/lib/policy/template";
import { createDraft, findDraft, publishDraft } from "@/lib/policy/versions";
import { fieldErrors } from "@/lib/validation";
import { platformDb, useTestDatabase } from "@/test/database";
import { toForm } from "@/components/editor/model";

useTestDatabase();

let counter = 0;

/** A company with a first published version (the template) and no draft, like one that published once. */
async function publishedCompany(): Promise<Tenant> {
  const slug = `draft-test-${++counter}`;
  const tenant = await platformDb().tenant.create({
    data: {
      slug,
      name: `Draft Test ${counter}`,
      legalName: `Draft Test ${counter} B.V.`,
      address: "Teststraat 1, Utrecht",
      country: "NL",
      contactEmail: `privacy@${slug}.example`,
      leadAuthorityId: "nl-ap",
    },
  });
  await withTenant(tenant.id, async (tx) => {
    await createDraft(tx, tenant.id, statementTemplate({ name: tenant.name, contactEmail: tenant.contactEmail }));
    await publishDraft(tx, tenant, { changeSummary: { nl: "Eerste versie", en: "First version" }, materialChange: false, gaps: [] });
  });
  return tenant;
}

const actor = (tenant: Tenant, role: Role = "EDITOR"): DraftActor => ({ tenant, user: { id: `user-${role.toLowerCase()}` }, role });

const clone = <T>(value: T): T => structuredClone(value);

function renamedPurpose(view: DraftView, index: number, name: { nl?: string; en?: string }): StatementContent {
  const content = clone(view.content);
  content.purposes[index].name = { ...content.purposes[index].name, ...name };
  return content;
}

async function saved(outcome: Awaited<ReturnType<typeof saveDraft>>): Promise<DraftView> {
  if (outcome.kind !== "saved") throw new Error(`expected a save, got ${outcome.kind}`);
  return outcome.draft;
}

describe("loading the draft", () => {
  it("without a draft, shows the newest published version and creates nothing", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    expect(view.draftId).toBeNull();
    expect(view.latestNumber).toBe(1);
    expect(view.base).toBe("published:1");
    expect(view.content.purposes.length).toBeGreaterThan(0);
    expect(await withTenant(tenant.id, (tx) => findDraft(tx, tenant.id))).toBeNull();
  });

  it("the first save creates the draft as a copy of the newest version, keeping row uids", async () => {
    const tenant = await publishedCompany();
    const published = await loadDraft(tenant);
    const draft = await saved(await saveDraft(actor(tenant), { base: published.base, content: renamedPurpose(published, 0, { nl: "Nieuw" }) }));
    expect(draft.draftId).not.toBeNull();
    expect(draft.revision).toBe(1);
    expect(draft.content.purposes.map((p) => p.uid)).toEqual(published.content.purposes.map((p) => p.uid));
    expect(draft.content.cookies.map((c) => c.uid)).toEqual(published.content.cookies.map((c) => c.uid));
    expect(draft.content.purposes[0].name.nl).toBe("Nieuw");
  });

  it("gives new rows a uid and a fresh one to a duplicated uid", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const content = clone(view.content);
    content.purposes.push({ ...clone(content.purposes[0]), name: { nl: "Kopie", en: "Copy" } });
    content.cookies.push({ name: "_new", provider: "Us", purpose: { nl: "", en: "" }, category: "FUNCTIONAL", lifetimeValue: 1, lifetimeUnit: "DAYS" });
    const draft = await saved(await saveDraft(actor(tenant), { base: view.base, content }));
    const purposeUids = draft.content.purposes.map((p) => p.uid);
    expect(new Set(purposeUids).size).toBe(purposeUids.length);
    expect(draft.content.cookies.at(-1)!.uid).toMatch(/\S/);
  });
});

describe("two people editing the same draft", () => {
  it("refuses the second save from the same base revision and keeps the first", async () => {
    const tenant = await publishedCompany();
    const first = await saved(await saveDraft(actor(tenant), { base: (await loadDraft(tenant)).base, content: (await loadDraft(tenant)).content }));

    // Anna and Bram both open the draft at revision 1.
    const anna = await loadDraft(tenant);
    const bram = await loadDraft(tenant);
    expect(anna.base).toBe(first.base);

    const annaSaved = await saved(await saveDraft(actor(tenant), { base: anna.base, content: renamedPurpose(anna, 0, { nl: "Van Anna", en: "By Anna" }) }));
    expect(annaSaved.revision).toBe(2);

    const bramContent = renamedPurpose(bram, 1, { nl: "Van Bram" });
    const refused = await saveDraft(actor(tenant), { base: bram.base, content: bramContent });
    expect(refused.kind).toBe("conflict");
    if (refused.kind !== "conflict") return;
    // What is there now is Anna's, in full; Bram's save wrote nothing.
    expect(refused.current.revision).toBe(2);
    expect(refused.current.content.purposes[0].name).toEqual({ nl: "Van Anna", en: "By Anna" });
    expect(refused.current.content.purposes[1].name.nl).not.toBe("Van Bram");
    const stored = await loadDraft(tenant);
    expect(stored.content).toEqual(annaSaved.content);

    // Bram merges deliberately on top of the current revision: Anna's change and his.
    const merged = clone(refused.current.content);
    merged.purposes[1].name.nl = "Van Bram";
    const bramSaved = await saved(await saveDraft(actor(tenant), { base: refused.current.base, content: merged }));
    expect(bramSaved.revision).toBe(3);
    expect(bramSaved.content.purposes[0].name.nl).toBe("Van Anna");
    expect(bramSaved.content.purposes[1].name.nl).toBe("Van Bram");
  });

  it("of two simultaneous saves from one base exactly one wins", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const outcomes = await Promise.all([
      saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { nl: "Eén" }) }),
      saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { nl: "Twee" }) }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["conflict", "saved"]);
    const winner = outcomes.find((o) => o.kind === "saved")!;
    const stored = await loadDraft(tenant);
    expect(stored.content.purposes[0].name.nl).toBe(winner.kind === "saved" ? winner.draft.content.purposes[0].name.nl : "");
    expect(stored.revision).toBe(1);
  });

  it("refuses a save based on a draft that was published in the meantime", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const draft = await saved(await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { nl: "Gepubliceerd" }) }));
    await publishStatement(actor(tenant, "OWNER"), {
      base: draft.base,
      changeSummary: { nl: "Wijziging", en: "Change" },
      materialChange: false,
      confirmGaps: true,
    });
    const late = await saveDraft(actor(tenant), { base: draft.base, content: renamedPurpose(draft, 0, { nl: "Te laat" }) });
    expect(late.kind).toBe("conflict");
    if (late.kind !== "conflict") return;
    expect(late.current).toMatchObject({ draftId: null, latestNumber: 2, base: "published:2" });
    // An editor that still shows version 1 is also refused: version 2 came after it.
    const stale = await saveDraft(actor(tenant), { base: "published:1", content: draft.content });
    expect(stale.kind).toBe("conflict");
  });
});

describe("translation check", () => {
  it("marks a field changed in one language, clears it when the other follows, and tracks it through saves", async () => {
    const tenant = await publishedCompany();
    let view = await loadDraft(tenant);
    const uid = view.content.purposes[0].uid!;
    const path = `purposes.${uid}.name`;
    expect(view.pending[path]).toBeUndefined();

    view = await saved(await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { nl: "Alleen Nederlands" }) }));
    expect(view.pending[path]).toBe("en");

    // Another field's edit leaves the waiting one waiting.
    const other = clone(view.content);
    other.cookies[0].purpose.en = "Changed in English";
    view = await saved(await saveDraft(actor(tenant), { base: view.base, content: other }));
    expect(view.pending[path]).toBe("en");
    expect(view.pending[`cookies.${other.cookies[0].uid}.purpose`]).toBe("nl");

    // Moving the row does not lose its state: paths follow uids, not positions.
    const moved = clone(view.content);
    moved.purposes.reverse();
    view = await saved(await saveDraft(actor(tenant), { base: view.base, content: moved }));
    expect(view.pending[path]).toBe("en");

    const index = view.content.purposes.findIndex((p) => p.uid === uid);
    view = await saved(await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, index, { en: "English only now" }) }));
    expect(view.pending[path]).toBeUndefined();
  });

  it("dismisses a waiting field on request, but never a text missing in one language", async () => {
    const tenant = await publishedCompany();
    let view = await loadDraft(tenant);
    const content = renamedPurpose(view, 0, { nl: "Nieuwe naam" });
    content.purposes.push({
      uid: "new-purpose",
      name: { nl: "Alleen NL", en: "" },
      description: { nl: "", en: "" },
      legalBasis: "CONSENT",
      legitimateInterest: { nl: "", en: "" },
      dataCategoryKeys: [],
      provision: "VOLUNTARY",
      provisionNote: { nl: "", en: "" },
    });
    view = await saved(await saveDraft(actor(tenant), { base: view.base, content }));
    const path = `purposes.${view.content.purposes[0].uid}.name`;
    expect(view.pending[path]).toBe("en");
    expect(view.pending["purposes.new-purpose.name"]).toBe("en");

    view = await saved(
      await saveDraft(actor(tenant), { base: view.base, content: view.content, dismiss: [path, "purposes.new-purpose.name"] }),
    );
    expect(view.pending[path]).toBeUndefined();
    expect(view.pending["purposes.new-purpose.name"]).toBe("en");

    // Dismissed stays dismissed through unrelated saves, until the field is edited again.
    view = await saved(await saveDraft(actor(tenant), { base: view.base, content: view.content }));
    expect(view.pending[path]).toBeUndefined();
    view = await saved(await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { nl: "Weer anders" }) }));
    expect(view.pending[path]).toBe("en");
  });

  it("a conflict leaves the pending state as the winner left it", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const winner = await saved(await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { nl: "Winnaar" }) }));
    await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 1, { en: "Loser" }) });
    expect((await loadDraft(tenant)).pending).toEqual(winner.pending);
  });
});

describe("publishing", () => {
  it("requires confirming the gaps, records them, numbers the version and leaves no draft", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const content = clone(view.content);
    content.purposes[0].description = { nl: "", en: "Only English" };
    const draft = await saved(await saveDraft(actor(tenant), { base: view.base, content }));
    const gaps = draftGaps(tenant, draft);
    expect(gaps.map((g) => g.code)).toContain("purposeDescriptionMissing");

    const publish = { base: draft.base, changeSummary: { nl: "Beschrijving aangepast", en: "Description changed" }, materialChange: true };
    await expect(publishStatement(actor(tenant, "ADMIN"), { ...publish, confirmGaps: false })).rejects.toMatchObject({
      key: "confirmGaps",
      field: "confirmGaps",
    });
    expect((await loadDraft(tenant)).draftId).toBe(draft.draftId);

    const outcome = await publishStatement(actor(tenant, "ADMIN"), { ...publish, confirmGaps: true });
    expect(outcome.number).toBe(2);
    expect(outcome.gaps).toEqual([...new Set(gaps.map((g) => g.code))]);
    expect(outcome.notified).toBe(0);

    const version = await platformDb().policyVersion.findFirstOrThrow({ where: { tenantId: tenant.id, number: 2 } });
    expect(version).toMatchObject({
      status: "PUBLISHED",
      materialChange: true,
      publishedById: "user-admin",
      gaps: outcome.gaps,
      changeSummary: publish.changeSummary,
    });
    expect(await withTenant(tenant.id, (tx) => findDraft(tx, tenant.id))).toBeNull();

    // The public page shows it at once (the publish dropped the caches).
    const statement = await publishedStatement(tenant, "en");
    expect(statement!.version.number).toBe(2);
    expect(statement!.purposes[0].description).toBe("Only English");
    expect((await publishedHistory(tenant)).map((v) => v.number)).toEqual([2, 1]);

    // The published version never changes; the next edit makes a new draft from it.
    const raw = await rawSql();
    await expect(raw.query(`UPDATE "PolicyVersion" SET "materialChange" = false WHERE id = $1`, [version.id])).rejects.toThrow(
      /cannot be changed/,
    );
    await raw.close();
    const next = await loadDraft(tenant);
    expect(next).toMatchObject({ draftId: null, latestNumber: 2 });
    const newDraft = await saved(await saveDraft(actor(tenant), { base: next.base, content: renamedPurpose(next, 0, { nl: "Volgende" }) }));
    expect(newDraft.draftId).not.toBe(draft.draftId);
    const publishedContent = await withTenant(tenant.id, (tx) => readVersionContent(tx, tenant.id, version.id));
    expect(publishedContent.purposes[0].name.nl).toBe(content.purposes[0].name.nl);
    expect(newDraft.content.purposes.map((p) => p.uid)).toEqual(publishedContent.purposes.map((p) => p.uid));
  });

  it("publishes without confirmation when nothing is missing", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    // The template declares nothing and names a sample recipient; the company completes it.
    const content: StatementContent = {
      ...view.content,
      declarations: { ...view.content.declarations, noDpo: true, automatedDecisions: "NONE" },
      recipients: view.content.recipients.map((recipient) => ({ ...recipient, name: "Hosting B.V." })),
    };
    expect(draftGaps(tenant, view).map((gap) => gap.code)).toEqual(["dpoNotStated", "placeholderRecipient", "automatedDecisionsNotStated"]);
    const draft = await saved(await saveDraft(actor(tenant), { base: view.base, content }));
    expect(draftGaps(tenant, draft)).toEqual([]);
    const outcome = await publishStatement(actor(tenant, "OWNER"), {
      base: draft.base,
      changeSummary: { nl: "Niets", en: "Nothing" },
      materialChange: false,
      confirmGaps: false,
    });
    expect(outcome).toEqual({ number: 2, gaps: [], notified: null });
  });

  it("refuses a draft that changed since the publisher looked, and when there is no draft", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const reviewed = await saved(await saveDraft(actor(tenant), { base: view.base, content: view.content }));
    await saved(await saveDraft(actor(tenant), { base: reviewed.base, content: renamedPurpose(reviewed, 0, { nl: "Later" }) }));
    const input = { changeSummary: { nl: "x", en: "x" }, materialChange: false, confirmGaps: true };
    await expect(publishStatement(actor(tenant, "OWNER"), { ...input, base: reviewed.base })).rejects.toMatchObject({ key: "draftChanged" });

    const other = await publishedCompany();
    await expect(publishStatement(actor(other, "OWNER"), { ...input, base: "published:1" })).rejects.toMatchObject({
      key: "nothingToPublish",
    });
  });

  it("the preview is the draft as the next version", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    const draft = await saved(await saveDraft(actor(tenant), { base: view.base, content: renamedPurpose(view, 0, { en: "Previewed" }) }));
    const preview = draftStatement(tenant, draft, "en", new Date("2030-01-02T03:04:05Z"));
    expect(preview.version).toMatchObject({ number: 2, latestNumber: 2, superseded: false, publishedAt: "2030-01-02T03:04:05.000Z" });
    expect(preview.purposes[0].name).toBe("Previewed");
    expect(preview.controller.legalName).toBe(tenant.legalName);
  });
});

describe("roles", () => {
  it("editors save but do not publish; viewers do neither", async () => {
    const tenant = await publishedCompany();
    const view = await loadDraft(tenant);
    await expect(saveDraft(actor(tenant, "VIEWER"), { base: view.base, content: view.content })).rejects.toMatchObject({ key: "forbidden" });
    expect((await loadDraft(tenant)).draftId).toBeNull();
    const draft = await saved(await saveDraft(actor(tenant, "EDITOR"), { base: view.base, content: view.content }));
    const input = { base: draft.base, changeSummary: { nl: "x", en: "x" }, materialChange: false, confirmGaps: true };
    for (const role of ["EDITOR", "VIEWER"] as const) {
      await expect(publishStatement(actor(tenant, role), input)).rejects.toMatchObject({ key: "forbidden" });
    }
    expect((await loadDraft(tenant)).draftId).toBe(draft.draftId);
    await expect(publishStatement(actor(tenant, "OWNER"), input)).resolves.toMatchObject({ number: 2 });
  });
});

describe("what the editor may send", () => {
  const valid = () => clone(statementTemplate({ name: "X", contactEmail: "x@example.com" }));

  it("accepts an incomplete draft", () => {
    const content = valid();
    content.purposes[0].name = { nl: "", en: "" };
    content.sections[0].body = { nl: "", en: "" };
    expect(draftContentSchema.safeParse(content).success).toBe(true);
  });

  it("accepts the editor's working copy as it sends it: origins and public sources typed as text", () => {
    const form = toForm(valid());
    form.dataCategories[0] = { ...form.dataCategories[0], origin: "OTHER", publiclyAccessible: "false" };
    form.dataCategories[1] = { ...form.dataCategories[1], origin: "", publiclyAccessible: "" };
    const parsed = draftContentSchema.parse(JSON.parse(JSON.stringify(form)));
    expect(parsed.dataCategories.slice(0, 2).map((c) => [c.origin, c.publiclyAccessible])).toEqual([
      ["OTHER", false],
      [null, null],
    ]);
  });

  it("names the field of each malformed value with a message key", () => {
    const content = valid() as unknown as Record<string, Array<Record<string, unknown>>>;
    content.recipients[0].country = "XX";
    content.recipients[0].policyUrl = "http://example.com/privacy";
    content.cookies[0].lifetimeValue = "-3";
    content.cookies[0].lifetimeUnit = "DAYS";
    content.dataCategories[1].key = content.dataCategories[0].key;
    content.dataCategories[2].key = "Not A Key";
    content.retention[0].periodUnit = "";
    content.retention[0].periodValue = "3";
    content.recipients[0].name = " ";
    const result = draftContentSchema.safeParse(content);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      "recipients.0.country": "country",
      "recipients.0.policyUrl": "httpsUrl",
      "recipients.0.name": "required",
      "cookies.0.lifetimeValue": "positiveNumber",
      "dataCategories.1.key": "duplicateKey",
      "dataCategories.2.key": "categoryKey",
      "retention.0.periodUnit": "periodUnitRequired",
    });
  });

  it("turns typed numbers and empty choices into the stored shape", () => {
    const content = valid() as unknown as Record<string, Array<Record<string, unknown>>>;
    content.cookies[0].lifetimeValue = " 12 ";
    content.cookies[0].lifetimeUnit = "MONTHS";
    content.recipients[0].country = "us";
    content.recipients[0].safeguard = "";
    content.recipients[0].policyUrl = "";
    const parsed = draftContentSchema.parse(content);
    expect(parsed.cookies[0]).toMatchObject({ lifetimeValue: 12, lifetimeUnit: "MONTHS" });
    expect(parsed.recipients[0]).toMatchObject({ country: "US", safeguard: null, policyUrl: null });
  });
});
