import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PolicyVersion, Tenant } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action";
import { can, type Permission } from "@/lib/auth/permissions";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { countryCodes } from "@/lib/geo/countries";
import { notifyMaterialChange } from "@/lib/subscriptions/statement-changed";
import { tenantChanged } from "@/lib/tenant-changes";
import { findGaps, type Gap } from "./completeness";
import {
  automatedDecisionStates,
  cookieCategories,
  dataOrigins,
  durationUnits,
  emptyDeclarations,
  legalBases,
  provisionRequirements,
  recipientRoles,
  sectionPlacements,
  statementContentSchema,
  transferSafeguards,
  type Locale,
  type LocalizedText,
  type StatementContent,
} from "./content";
import { blockHeadings, buildPublicStatement, type PublicStatement } from "./public-statement";
import { readVersionContent, writeVersionContent } from "./store";
import { dismiss, localizedFields, updatePending, type PendingTranslations, type RowIds } from "./translation";
import { controllerFromTenant, createDraft, findDraft, findPublishedVersion, publishDraft } from "./versions";

/**
 * The statement editor's service: the tenant's one draft, loaded (or, on the first
 * edit after a publish, created as a copy of the newest published version), saved
 * with optimistic concurrency, its pending translations, and publishing it.
 *
 * Every save names the state it was based on (a `base` token). A save based on
 * anything but the current state is refused as a conflict and changes nothing, so
 * two people editing the same draft never silently overwrite each other.
 */

/** Who edits, for which tenant; the console context fits. */
export interface DraftActor {
  tenant: Tenant;
  user: { id: string };
  role: Role;
}

/** What the editor works on: the draft, or, when there is none, the newest published version it would be copied from. */
export interface DraftView {
  /** The draft's id; null when there is no draft and the content is the newest published version's. */
  draftId: string | null;
  revision: number;
  /** Identifies this exact state; a save must name it. */
  base: string;
  /** The content; every row carries a uid. */
  content: StatementContent;
  /** Field path (`list.uid.field`) -> the language still to translate. */
  pending: PendingTranslations;
  /** Number of the newest published version, or null before the first publish. */
  latestNumber: number | null;
  updatedAt: Date | null;
}

export const emptyContent = (): StatementContent => ({
  declarations: emptyDeclarations(),
  sections: [],
  dataCategories: [],
  purposes: [],
  recipients: [],
  cookies: [],
  retention: [],
});

const contentLists = ["sections", "dataCategories", "purposes", "recipients", "cookies", "retention"] as const;
export type ContentList = (typeof contentLists)[number];

function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ActionError("forbidden");
}

const draftBase = (draft: Pick<PolicyVersion, "id" | "revision">) => `draft:${draft.id}:${draft.revision}`;
const publishedBase = (latestNumber: number | null) => `published:${latestNumber ?? 0}`;

function pendingOf(version: Pick<PolicyVersion, "pendingTranslations"> | null): PendingTranslations {
  const parsed = z.record(z.string(), z.enum(["nl", "en"])).safeParse(version?.pendingTranslations ?? {});
  return parsed.success ? parsed.data : {};
}

/** The row ids translation paths are keyed by: each row's uid. */
export function rowIds(content: StatementContent): RowIds {
  const ids = (rows: Array<{ uid?: string }>) => rows.map((row, index) => row.uid ?? `#${index}`);
  return {
    sections: ids(content.sections),
    dataCategories: ids(content.dataCategories),
    purposes: ids(content.purposes),
    recipients: ids(content.recipients),
    cookies: ids(content.cookies),
    retention: ids(content.retention),
  };
}

/** Gives every row a uid, and a fresh one to a row whose uid another row of its list already has. */
export function withRowUids(content: StatementContent): StatementContent {
  const result = { ...content };
  for (const list of contentLists) {
    const seen = new Set<string>();
    (result[list] as Array<{ uid?: string }>) = content[list].map((row) => {
      const uid = row.uid && !seen.has(row.uid) ? row.uid : randomUUID();
      seen.add(uid);
      return { ...row, uid };
    });
  }
  return result;
}

/** The draft as it is now, or the newest published version when there is no draft. Reads only. */
export async function readDraft(tx: TenantTx, tenantId: string): Promise<DraftView> {
  const [draft, latest] = await Promise.all([findDraft(tx, tenantId), findPublishedVersion(tx, tenantId)]);
  const latestNumber = latest?.number ?? null;
  if (draft) {
    return {
      draftId: draft.id,
      revision: draft.revision,
      base: draftBase(draft),
      content: await readVersionContent(tx, tenantId, draft.id),
      pending: pendingOf(draft),
      latestNumber,
      updatedAt: draft.updatedAt,
    };
  }
  return {
    draftId: null,
    revision: 0,
    base: publishedBase(latestNumber),
    content: latest ? await readVersionContent(tx, tenantId, latest.id) : emptyContent(),
    pending: pendingOf(latest),
    latestNumber,
    updatedAt: null,
  };
}

export function loadDraft(tenant: Pick<Tenant, "id">): Promise<DraftView> {
  return withTenant(tenant.id, (tx) => readDraft(tx, tenant.id));
}

/**
 * The tenant's draft, created when there is none as a copy of the newest published
 * version: its content with the same row uids, and its pending translations.
 */
export async function loadOrCreateDraft(tx: TenantTx, tenantId: string): Promise<PolicyVersion> {
  const existing = await findDraft(tx, tenantId);
  if (existing) return existing;
  const latest = await findPublishedVersion(tx, tenantId);
  const content = latest ? await readVersionContent(tx, tenantId, latest.id) : emptyContent();
  const draft = await createDraft(tx, tenantId, content);
  const pending = pendingOf(latest);
  if (Object.keys(pending).length === 0) return draft;
  return tx.policyVersion.update({ where: { id: draft.id, tenantId }, data: { pendingTranslations: pending } });
}

// ---------------------------------------------------------------------------------
// What the editor sends, checked field by field. Incomplete drafts may be saved
// (completeness is checked when publishing); only malformed data is refused. Each
// message is a key of "Editor.errors" or "Errors".

const text = (max: number) => z.string().max(max, "tooLong");
const localized = (max: number) => z.object({ nl: text(max), en: text(max) });
const uid = z.string().min(1).max(64).optional();
const name = 300;
const prose = 5000;
const body = 20000;
const maxRows = 200;
const categoryKeyPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

const categoryKey = z
  .string()
  .trim()
  .min(1, "required")
  .regex(categoryKeyPattern, "categoryKey");

/** A whole number above zero, typed as text or sent as number; empty means none. */
const positiveWhole = z.union([z.string(), z.number(), z.null()]).transform((value, ctx) => {
  if (value === null) return null;
  const typed = String(value).trim();
  if (typed === "") return null;
  if (!/^\d{1,6}$/.test(typed) || Number(typed) < 1) {
    ctx.addIssue({ code: "custom", message: "positiveNumber" });
    return z.NEVER;
  }
  return Number(typed);
});

const knownCountries = new Set([...countryCodes, "EU"]);
const country = z.union([z.string(), z.null()]).transform((value, ctx) => {
  const code = (value ?? "").trim().toUpperCase();
  if (code === "") return null;
  if (!knownCountries.has(code)) {
    ctx.addIssue({ code: "custom", message: "country" });
    return z.NEVER;
  }
  return code;
});

const httpsUrl = z.union([z.string(), z.null()]).transform((value, ctx) => {
  const url = (value ?? "").trim();
  if (url === "") return null;
  if (url.length > 500 || !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(url) || !z.url().safeParse(url).success) {
    ctx.addIssue({ code: "custom", message: "httpsUrl" });
    return z.NEVER;
  }
  return url;
});

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, "invalid");
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(""), z.null(), z.enum(values, "invalid")]).transform((value) => (value ? value : null));
/** Yes, no or not stated: the editor sends "true", "false" or "". */
const yesNo = z
  .union([z.boolean(), z.null(), z.enum(["", "true", "false"], "invalid")])
  .transform((value) => (value === "" || value === null ? null : value === true || value === "true"));
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(maxRows, "tooManyRows");

const declarations = z
  .object({
    noCookies: z.boolean(),
    noRecipients: z.boolean(),
    noDpo: z.boolean(),
    announcesChanges: z.boolean(),
    automatedDecisions: choice(automatedDecisionStates),
    automatedDecisionLogic: localized(prose),
    automatedDecisionConsequences: localized(prose),
    representativeName: text(name),
    representativeContact: text(prose),
    safeguardCopy: localized(prose),
  })
  .partial();

export const draftContentSchema = z
  .object({
    declarations: declarations.optional(),
    sections: rows(
      z.object({ uid, placement: choice(sectionPlacements), title: localized(name), body: localized(body) }),
    ),
    dataCategories: rows(
      z.object({
        uid,
        key: categoryKey,
        name: localized(name),
        description: localized(prose),
        origin: optionalChoice(dataOrigins).optional(),
        source: localized(prose),
        publiclyAccessible: yesNo.optional(),
      }),
    ),
    purposes: rows(
      z.object({
        uid,
        name: localized(name),
        description: localized(prose),
        legalBasis: choice(legalBases),
        legitimateInterest: localized(prose),
        dataCategoryKeys: z.array(z.string().regex(categoryKeyPattern, "categoryKey")).max(maxRows, "tooManyRows"),
        provision: choice(provisionRequirements),
        provisionNote: localized(prose),
      }),
    ),
    recipients: rows(
      z.object({
        uid,
        name: z.string().trim().min(1, "required").max(name, "tooLong"),
        role: choice(recipientRoles),
        purpose: localized(prose),
        dataShared: localized(prose),
        country,
        safeguard: optionalChoice(transferSafeguards),
        policyUrl: httpsUrl,
      }),
    ),
    cookies: rows(
      z
        .object({
          uid,
          name: z.string().trim().min(1, "required").max(name, "tooLong"),
          provider: z.string().trim().min(1, "required").max(name, "tooLong"),
          purpose: localized(prose),
          category: choice(cookieCategories),
          lifetimeValue: positiveWhole,
          lifetimeUnit: choice(durationUnits),
        })
        .transform((cookie, ctx) => {
          if (cookie.lifetimeUnit === "SESSION") return { ...cookie, lifetimeValue: null };
          if (cookie.lifetimeValue === null) ctx.addIssue({ code: "custom", path: ["lifetimeValue"], message: "lifetimeRequired" });
          return cookie;
        }),
    ),
    retention: rows(
      z
        .object({
          uid,
          dataCategoryKey: categoryKey,
          periodValue: positiveWhole,
          periodUnit: optionalChoice(durationUnits),
          criteria: localized(prose),
        })
        .superRefine((rule, ctx) => {
          if (rule.periodValue !== null && rule.periodUnit === null) {
            ctx.addIssue({ code: "custom", path: ["periodUnit"], message: "periodUnitRequired" });
          }
          if (rule.periodValue === null && rule.periodUnit !== null) {
            ctx.addIssue({ code: "custom", path: ["periodValue"], message: "periodValueRequired" });
          }
        }),
    ),
  })
  .superRefine(
    (content, ctx) => {
      // Runs even when other fields are wrong, so every problem shows at once; the value may be malformed.
      const categories: unknown[] = Array.isArray(content?.dataCategories) ? content.dataCategories : [];
      const seen = new Set<string>();
      categories.forEach((category, index) => {
        const key = (category as { key?: unknown } | null)?.key;
        if (typeof key !== "string" || key.trim() === "") return;
        if (seen.has(key.trim())) ctx.addIssue({ code: "custom", path: ["dataCategories", index, "key"], message: "duplicateKey" });
        seen.add(key.trim());
      });
    },
    { when: () => true },
  )
  .pipe(statementContentSchema);

export type DraftContentInput = z.input<typeof draftContentSchema>;

// ---------------------------------------------------------------------------------

export interface SaveInput {
  /** The `base` of the state the editor started from. */
  base: string;
  content: StatementContent;
  /** Field paths the editor marked as translated, or as needing no change. */
  dismiss?: string[];
}

export type SaveOutcome =
  | { kind: "saved"; draft: DraftView }
  /** Someone else saved (or published) since `base`; nothing was written. `current` is what is there now. */
  | { kind: "conflict"; current: DraftView };

class Conflict extends Error {}

const isBlank = (value: string) => value.trim() === "";

/** Saves the whole content of the draft, when it is still the state the editor started from. */
export async function saveDraft(actor: DraftActor, input: SaveInput): Promise<SaveOutcome> {
  assertCan(actor.role, "statement.edit");
  const tenantId = actor.tenant.id;
  const content = withRowUids(statementContentSchema.parse(input.content));
  try {
    const draft = await withTenant(tenantId, async (tx) => {
      const claimed = await claim(tx, tenantId, input.base);
      const before = await readVersionContent(tx, tenantId, claimed.id);
      const after = localizedFields(content, rowIds(content));
      let pending = updatePending(pendingOf(claimed), localizedFields(before, rowIds(before)), after);
      for (const path of input.dismiss ?? []) {
        const text = after.get(path);
        // A text missing in one language always waits for it; that cannot be waved away.
        if (text && !isBlank(text.nl) && !isBlank(text.en)) pending = dismiss(pending, path);
      }
      await writeVersionContent(tx, tenantId, claimed.id, content);
      await tx.policyVersion.update({ where: { id: claimed.id, tenantId }, data: { pendingTranslations: pending } });
      return readDraft(tx, tenantId);
    });
    return { kind: "saved", draft };
  } catch (error) {
    // A conflict, or another editor creating the draft at the same moment (the one-draft index).
    if (error instanceof Conflict || isUniqueViolation(error)) return { kind: "conflict", current: await loadDraft(actor.tenant) };
    throw error;
  }
}

/**
 * Takes the draft for a save based on `base`: bumps its revision only if it is still
 * at that revision (one atomic update, so of two saves from the same base exactly one
 * wins), or creates it when the base is the newest published version and there is no draft.
 */
async function claim(tx: TenantTx, tenantId: string, base: string): Promise<PolicyVersion> {
  const draftMatch = /^draft:([^:]+):(\d+)$/.exec(base);
  if (draftMatch) {
    const [, id, revision] = draftMatch;
    const { count } = await tx.policyVersion.updateMany({
      where: { id, tenantId, status: "DRAFT", revision: Number(revision) },
      data: { revision: { increment: 1 } },
    });
    if (count !== 1) throw new Conflict();
    return tx.policyVersion.findUniqueOrThrow({ where: { id, tenantId } });
  }
  const publishedMatch = /^published:(\d+)$/.exec(base);
  if (!publishedMatch) throw new Conflict();
  const [draft, latest] = await Promise.all([findDraft(tx, tenantId), findPublishedVersion(tx, tenantId)]);
  if (draft || (latest?.number ?? 0) !== Number(publishedMatch[1])) throw new Conflict();
  const created = await loadOrCreateDraft(tx, tenantId);
  return tx.policyVersion.update({ where: { id: created.id, tenantId }, data: { revision: { increment: 1 } } });
}

function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  return code === "P2002" || code === "23505" || /unique constraint|one_draft_per_tenant/i.test(String((error as Error).message));
}

// ---------------------------------------------------------------------------------

/** The public statement the draft would become if it were published now: the preview. */
export function draftStatement(tenant: Tenant, draft: DraftView, locale: Locale, publishedAt = new Date()): PublicStatement {
  const number = (draft.latestNumber ?? 0) + 1;
  return buildPublicStatement(
    {
      tenant: { slug: tenant.slug, name: tenant.name },
      version: { number, publishedAt, materialChange: false, changeSummary: { nl: "", en: "" } },
      latestNumber: number,
      controller: controllerFromTenant(tenant),
      content: draft.content,
    },
    locale,
  );
}

/** What the completeness check finds missing in the draft. */
export function draftGaps(tenant: Tenant, draft: Pick<DraftView, "content">, subjectLocale: Locale = "nl"): Gap[] {
  return findGaps({ content: draft.content, controller: controllerFromTenant(tenant), subjectLocale, headings: blockHeadings() });
}

export interface PublishInput {
  /** The `base` of the draft the publisher reviewed; publishing refuses a draft that changed since. */
  base: string;
  changeSummary: LocalizedText;
  materialChange: boolean;
  /** The publisher saw the completeness gaps and publishes anyway. Required when there are gaps. */
  confirmGaps: boolean;
}

export interface PublishOutcome {
  number: number;
  gaps: string[];
  /** How many subscribers were told of a material change; null when nobody was to be told or telling failed. */
  notified: number | null;
}

/**
 * Publishes the draft as the next numbered, immutable version. Afterwards there is no
 * draft; the next edit copies this version into a new one.
 */
export async function publishStatement(actor: DraftActor, input: PublishInput): Promise<PublishOutcome> {
  assertCan(actor.role, "statement.publish");
  const { tenant } = actor;
  const version = await withTenant(tenant.id, async (tx) => {
    const draft = await findDraft(tx, tenant.id);
    if (!draft) throw new ActionError("nothingToPublish");
    if (draftBase(draft) !== input.base) throw new ActionError("draftChanged");
    const content = await readVersionContent(tx, tenant.id, draft.id);
    const gaps = [...new Set(findGaps({ content, controller: controllerFromTenant(tenant), headings: blockHeadings() }).map((gap) => gap.code))];
    if (gaps.length > 0 && !input.confirmGaps) throw new ActionError("confirmGaps", "confirmGaps");
    await tx.policyVersion.update({ where: { id: draft.id, tenantId: tenant.id }, data: { publishedById: actor.user.id } });
    const published = await publishDraft(tx, tenant, {
      changeSummary: input.changeSummary,
      materialChange: input.materialChange,
      gaps,
    });
    return { number: published.number!, gaps };
  });
  tenantChanged(tenant);
  let notified: number | null = null;
  if (input.materialChange) {
    try {
      notified = await notifyMaterialChange(tenant, { number: version.number, changeSummary: input.changeSummary });
    } catch (error) {
      // The version is published; a mail that could not go out must not undo that.
      console.error("notifying subscribers of a material change failed", error);
    }
  }
  return { ...version, notified };
}
