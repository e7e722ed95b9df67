import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import {
  approveErasureAction,
  cancelErasureAction,
  completeAction,
  correctProfileAction,
  extendAction,
  messageAction,
  noticeAction,
  objectionAction,
  rejectAction,
  restrictAction,
  setStatusAction,
} from "@/app/[locale]/admin/requests/actions";
import { ConsoleShell } from "@/components/console/console-shell";
import { HeadedSection } from "@/components/headed-section";
import { formatDateTime } from "@/components/portal/format";
import { RecordTable } from "@/components/portal/record-table";
import { AdminForm, type AdminFormProps, type FieldSpec } from "@/components/requests/admin-form";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { withTenant } from "@/lib/db/tenant-db";
import { erasureState } from "@/lib/erasure/erasure";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { publishedStatement } from "@/lib/policy/published";
import { consentStates, localized } from "@/lib/portal/consent";
import { recordOverview } from "@/lib/portal/data";
import { customFieldName, customValues, profileFields, profileHistory } from "@/lib/portal/profile";
import { noticeTypes, recordSubjectViewed, requestForStaff, simpleStatuses } from "@/lib/requests/admin";
import { canStillExtend, effectiveDueAt, extensionBounds, latestExtension, tenantCalendar } from "@/lib/requests/deadline";
import { normalizeReference } from "@/lib/requests/reference";
import { canTransition, isActive } from "@/lib/requests/status";

type Props = { params: Promise<{ locale: string; reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  return { title: translator(locale)("RequestAdmin.title", { reference: normalizeReference((await params).reference) ?? "" }) };
}

const messageKinds = new Set(["message", "information", "merged"]);

/**
 * One request for staff: its facts, the actions its status and type allow, the
 * recipients to tell (art. 19), attachments, the message thread with the requester,
 * the full history, and the requester's data as their portal shows it (viewing that is
 * recorded in the audit trail, which the person's portal lists).
 */
/** A boxed action on the person's data: its heading, what it does (after `children`, such as the current state) and its form. */
function ActionPanel({ name, title, intro, children, ...form }: Omit<AdminFormProps, "testId" | "idPrefix"> & { name: string; title: string; intro: string; children?: ReactNode }) {
  return (
    <HeadedSection id={`${name}-heading`} title={title} className="space-y-3 rounded border border-line p-4">
      {children}
      <p className="max-w-3xl text-sm">{intro}</p>
      <AdminForm {...form} testId={`${name}-form`} idPrefix={`${name}-`} />
    </HeadedSection>
  );
}

export default async function RequestAdminPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const raw = (await params).reference;
  const reference = normalizeReference(raw);
  const context = await requireConsole(locale, "requests.view", `/${locale}/admin/requests/${raw}`);
  const view = reference ? await requestForStaff(context.tenant.id, reference) : null;
  if (!view) notFound();
  const { request, events, attachments, notices, subject } = view;
  const t = translator(locale);
  const query = await searchParams;
  const now = new Date();
  const handle = can(context.role, "requests.handle");
  const active = isActive(request.status);
  const hidden = (extra: Record<string, string> = {}): FieldSpec[] =>
    Object.entries({ locale, reference: request.reference, ...extra }).map(([name, value]) => ({ kind: "hidden" as const, name, value }));
  const date = (value: Date | null) => (value ? formatDate(value, locale) : "–");
  const due = effectiveDueAt(request);
  const overdue = active && due !== null && due < now;
  const erasure = erasureState(request);

  const statement = noticeTypes.has(request.type) ? await publishedStatement(context.tenant, locale) : null;
  const recipients = statement?.recipients ?? [];
  const staffIds = [...new Set(notices.map((n) => n.notifiedById).filter((id): id is string => Boolean(id)))];
  const staff = staffIds.length
    ? await withTenant(context.tenant.id, (tx) => tx.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, email: true } }))
    : [];
  const staffEmail = new Map(staff.map((u) => [u.id, u.email]));

  const subjectData = subject
    ? await (async () => {
        const [fields, records, consents, history] = [
          await profileFields(context.tenant),
          await recordOverview(context.tenant, subject.id, 5),
          await consentStates(context.tenant, subject.id),
          await profileHistory(context.tenant, subject.id, 20),
        ];
        await recordSubjectViewed(context, subject.id, request);
        return { fields, records, consents, history };
      })()
    : null;
  const purposes =
    request.type === "OBJECTION" && handle
      ? await withTenant(context.tenant.id, (tx) => tx.consentPurpose.findMany({ where: { tenantId: context.tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }))
      : [];

  const facts: Array<[string, string, string]> = [
    ["type", t("RequestAdmin.facts.type"), t(`Requests.types.${request.type}.title`)],
    ["status", t("RequestAdmin.facts.status"), t(`Inbox.status.${request.status}`)],
    ["channel", t("RequestAdmin.facts.channel"), t(`Inbox.channels.${request.channel as "web"}`)],
    ["requester", t("RequestAdmin.facts.requester"), request.requesterEmail ?? t("Inbox.erased")],
  ];
  if (request.requesterName) facts.push(["name", t("RequestAdmin.facts.name"), request.requesterName]);
  facts.push(["language", t("RequestAdmin.facts.language"), t(`Common.languageNames.${request.locale === "en" ? "en" : "nl"}`)]);
  facts.push(["filed", t("RequestAdmin.facts.filed"), date(request.createdAt)]);
  if (request.receivedAt) facts.push(["received", t("RequestAdmin.facts.received"), date(request.receivedAt)]);
  if (request.dueAt) facts.push(["due", t("RequestAdmin.facts.due"), date(request.dueAt)]);
  if (request.extendedDueAt) facts.push(["extended", t("RequestAdmin.facts.extendedDue"), date(request.extendedDueAt)]);
  if (request.extensionReason) facts.push(["extensionReason", t("RequestAdmin.facts.extensionReason"), request.extensionReason]);
  if (request.closedAt) facts.push(["closed", t("RequestAdmin.facts.closed"), date(request.closedAt)]);
  if (request.rejectionReason) facts.push(["rejectionReason", t("RequestAdmin.facts.rejectionReason"), request.rejectionReason]);
  if (request.target) facts.push(["target", t("RequestAdmin.facts.target"), request.target]);
  if (request.details) facts.push(["details", t("RequestAdmin.facts.details"), request.details]);
  facts.push(["subject", t("RequestAdmin.facts.subject"), subject ? t("RequestAdmin.facts.known") : t("RequestAdmin.facts.unknown")]);

  const eventLabel = (kind: string, toStatus: string | null) => {
    if (kind === "status" && toStatus) return t("RequestAdmin.events.status", { status: t(`Inbox.status.${toStatus as "RECEIVED"}`) });
    const known = ["created", "information", "merged", "message", "rectified", "restricted", "unrestricted", "objection", "erasure_approved", "erasure_cancelled", "erased"] as const;
    return (known as readonly string[]).includes(kind) ? t(`RequestAdmin.events.${kind as (typeof known)[number]}`) : kind;
  };
  const actorLabel = (event: (typeof events)[number]) =>
    event.actor === "staff" ? (event.actorLabel ?? t("RequestAdmin.actors.staff")) : t(`RequestAdmin.actors.${event.actor === "requester" ? "requester" : "system"}`);
  const thread = events.filter((e) => messageKinds.has(e.kind));
  const statusOptions = simpleStatuses.filter((s) => canTransition(request.status, s, "staff"));
  const calendar = tenantCalendar(context.tenant);
  const bounds = request.dueAt ? extensionBounds(request.dueAt, calendar) : null;
  const canExtend = Boolean(request.dueAt && canStillExtend(request.dueAt)) && !request.extendedDueAt && canTransition(request.status, "EXTENDED", "staff");
  const canComplete = canTransition(request.status, "COMPLETED", "staff") && !(request.type === "ERASURE" && subject);
  const custom = subject ? customValues(subject.customFields) : {};

  return (
    <ConsoleShell context={context} locale={locale} section="requests">
      <div className="space-y-8">
        <div className="space-y-2">
          <p>
            <a href={`/${locale}/admin/requests`}>{t("RequestAdmin.backToInbox")}</a>
          </p>
          <h1 className="text-3xl font-bold">{t("RequestAdmin.title", { reference: request.reference })}</h1>
          {query.recorded === "1" && (
            <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="recorded">
              {t("RequestAdmin.record.done")}
            </p>
          )}
          {overdue && (
            <p className="rounded border border-red-700 bg-red-50 p-3 font-semibold text-red-800" data-testid="request-overdue">
              {t("RequestAdmin.overdue", { date: date(due) })}
            </p>
          )}
        </div>

        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]" data-testid="request-facts">
          {facts.map(([id, label, value]) => (
            <div key={id} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="mb-2 whitespace-pre-line wrap-anywhere sm:mb-0" data-testid={`fact-${id}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>

        {request.status === "AWAITING_CONFIRMATION" && <p className="max-w-3xl rounded border border-line bg-gray-50 p-3">{t("Inbox.awaitingNote")}</p>}

        {handle && active && (
          <section aria-labelledby="handle-heading" className="space-y-6" data-testid="request-actions">
            <h2 id="handle-heading" className="text-2xl font-semibold">
              {t("RequestAdmin.handle.title")}
            </h2>
            <div className="grid gap-8 lg:grid-cols-2">
              {statusOptions.length > 0 && (
                <section aria-labelledby="status-heading" className="space-y-2">
                  <h3 id="status-heading" className="text-lg font-semibold">
                    {t("RequestAdmin.handle.statusTitle")}
                  </h3>
                  <AdminForm
                    action={setStatusAction}
                    testId="status-form"
                    idPrefix="status-"
                    submit={t("RequestAdmin.handle.statusSubmit")}
                    success={t("RequestAdmin.handle.statusDone")}
                    fields={[
                      ...hidden(),
                      { kind: "select", name: "status", label: t("RequestAdmin.handle.newStatus"), required: true, options: statusOptions.map((s) => ({ value: s, label: t(`Inbox.status.${s}`) })) },
                      { kind: "textarea", name: "message", label: t("RequestAdmin.handle.statusMessage"), hint: t("RequestAdmin.handle.statusMessageHint"), rows: 3 },
                    ]}
                  />
                </section>
              )}
              {canComplete && (
                <section aria-labelledby="complete-heading" className="space-y-2">
                  <h3 id="complete-heading" className="text-lg font-semibold">
                    {t("RequestAdmin.handle.completeTitle")}
                  </h3>
                  <p className="text-sm">{t(`RequestAdmin.handle.completeHint.${request.type}`)}</p>
                  <AdminForm
                    action={completeAction}
                    testId="complete-form"
                    idPrefix="complete-"
                    submit={t("RequestAdmin.handle.completeSubmit")}
                    fields={[
                      ...hidden(),
                      {
                        kind: "textarea",
                        name: "note",
                        label: t("RequestAdmin.handle.completeNote"),
                        hint: t("RequestAdmin.handle.completeNoteHint"),
                        required: request.type === "RECTIFICATION",
                        rows: 3,
                      },
                    ]}
                  />
                </section>
              )}
              {canExtend && bounds && request.dueAt && (
                <section aria-labelledby="extend-heading" className="space-y-2">
                  <h3 id="extend-heading" className="text-lg font-semibold">
                    {t("RequestAdmin.handle.extendTitle")}
                  </h3>
                  <p className="text-sm">{t("RequestAdmin.handle.extendHint", { due: date(request.dueAt), latest: date(latestExtension(request.dueAt, calendar)) })}</p>
                  <AdminForm
                    action={extendAction}
                    testId="extend-form"
                    idPrefix="extend-"
                    submit={t("RequestAdmin.handle.extendSubmit")}
                    fields={[
                      ...hidden(),
                      { kind: "date", name: "until", label: t("RequestAdmin.handle.extendUntil"), required: true, min: bounds.min, max: bounds.max },
                      { kind: "textarea", name: "reason", label: t("RequestAdmin.handle.extendReason"), hint: t("RequestAdmin.handle.extendReasonHint"), required: true, rows: 3 },
                    ]}
                  />
                </section>
              )}
              {canTransition(request.status, "REJECTED", "staff") && (
                <section aria-labelledby="reject-heading" className="space-y-2">
                  <h3 id="reject-heading" className="text-lg font-semibold">
                    {t("RequestAdmin.handle.rejectTitle")}
                  </h3>
                  <p className="text-sm">{t("RequestAdmin.handle.rejectHint")}</p>
                  <AdminForm
                    action={rejectAction}
                    testId="reject-form"
                    idPrefix="reject-"
                    variant="danger"
                    submit={t("RequestAdmin.handle.rejectSubmit")}
                    fields={[...hidden(), { kind: "textarea", name: "reason", label: t("RequestAdmin.handle.rejectReason"), required: true, rows: 3 }]}
                  />
                </section>
              )}
            </div>
          </section>
        )}

        {request.type === "ERASURE" && (
          <HeadedSection id="erasure-heading" title={t("RequestAdmin.erasure.title")} className="space-y-3 rounded border border-line p-4" testId="erasure">
            <p data-testid="erasure-state">
              {erasure === "erased"
                ? t("RequestAdmin.erasure.erased", { date: formatDateTime(request.erasedAt!, locale) })
                : erasure === "scheduled"
                  ? t("RequestAdmin.erasure.scheduled", { date: formatDateTime(request.erasureDueAt!, locale) })
                  : erasure === "cancelled"
                    ? t("RequestAdmin.erasure.cancelled")
                    : subject
                      ? t("RequestAdmin.erasure.none", { days: context.tenant.erasureGraceDays })
                      : t("RequestAdmin.erasure.noSubject")}
            </p>
            {handle && active && subject && (erasure === "none" || erasure === "cancelled") && (
              <>
                <p className="text-sm">{t("RequestAdmin.erasure.what")}</p>
                <AdminForm action={approveErasureAction} testId="approve-erasure" idPrefix="approve-" variant="danger" submit={t("RequestAdmin.erasure.approve")} fields={hidden()} />
              </>
            )}
            {handle && erasure === "scheduled" && request.erasureDueAt && request.erasureDueAt > now && (
              <AdminForm action={cancelErasureAction} testId="cancel-erasure" idPrefix="cancel-" variant="secondary" submit={t("RequestAdmin.erasure.cancel")} fields={hidden()} />
            )}
          </HeadedSection>
        )}

        {handle && subject && active && request.type === "RECTIFICATION" && subjectData && (
          <ActionPanel
            name="rectify"
            title={t("RequestAdmin.rectify.title")}
            intro={t("RequestAdmin.rectify.intro")}
            action={correctProfileAction}
            submit={t("RequestAdmin.rectify.submit")}
            success={t("RequestAdmin.rectify.done")}
            fields={[
              ...hidden(),
              { kind: "text", name: "name", label: t("Portal.fields.name"), defaultValue: subject.name },
              { kind: "tel", name: "phone", label: t("Portal.fields.phone"), defaultValue: subject.phone },
              { kind: "textarea", name: "postalAddress", label: t("Portal.fields.postalAddress"), defaultValue: subject.postalAddress, rows: 3 },
              { kind: "text", name: "companyName", label: t("Portal.fields.companyName"), defaultValue: subject.companyName },
              { kind: "text", name: "vatNumber", label: t("Portal.fields.vatNumber"), defaultValue: subject.vatNumber },
              ...subjectData.fields.map((field): FieldSpec => ({ kind: "text", name: customFieldName(field.key), label: field.label[locale] || field.key, defaultValue: custom[field.key] ?? "" })),
            ]}
          />
        )}

        {handle && subject && active && ["RESTRICTION", "RECTIFICATION", "OBJECTION"].includes(request.type) && (
          <ActionPanel
            name="restrict"
            title={t("RequestAdmin.restrict.title")}
            intro={t("RequestAdmin.restrict.intro")}
            action={restrictAction}
            variant="secondary"
            submit={subject.restricted ? t("RequestAdmin.restrict.lift") : t("RequestAdmin.restrict.set")}
            fields={hidden({ restricted: String(!subject.restricted) })}
          >
            <p data-testid="restriction-state">{subject.restricted ? t("RequestAdmin.restrict.on") : t("RequestAdmin.restrict.off")}</p>
          </ActionPanel>
        )}

        {handle && subject && active && request.type === "OBJECTION" && (
          <ActionPanel
            name="objection"
            title={t("RequestAdmin.objection.title")}
            intro={t("RequestAdmin.objection.intro")}
            action={objectionAction}
            submit={t("RequestAdmin.objection.submit")}
            success={t("RequestAdmin.objection.done")}
            fields={[
              ...hidden(),
              {
                kind: "text",
                name: "purpose",
                label: t("RequestAdmin.objection.purpose"),
                hint: t("RequestAdmin.objection.purposeHint", { keys: purposes.map((p) => `${p.key} (${localized(p.title, locale)})`).join(", ") || "–" }),
                required: true,
                defaultValue: request.target ?? "",
              },
            ]}
          />
        )}

        {noticeTypes.has(request.type) && (
          <HeadedSection id="recipients-heading" title={t("RequestAdmin.recipients.title")} testId="recipients">
            <p className="max-w-3xl text-sm">{t("RequestAdmin.recipients.intro")}</p>
            {recipients.length === 0 ? (
              <p>{statement ? t("RequestAdmin.recipients.none") : t("RequestAdmin.recipients.noStatement")}</p>
            ) : (
              <ul className="space-y-2">
                {recipients.map((recipient) => {
                  const notice = notices.find((n) => n.recipientName === recipient.name);
                  return (
                    <li key={recipient.name} className="flex flex-wrap items-center justify-between gap-3 rounded border border-line p-3" data-testid="recipient">
                      <div>
                        <p className="font-semibold">{recipient.name}</p>
                        <p className="text-sm text-muted">
                          {recipient.role.label}
                          {recipient.country ? ` · ${recipient.country.name}` : ""}
                        </p>
                      </div>
                      {notice ? (
                        <p className="text-sm" data-testid="recipient-told">
                          {t("RequestAdmin.recipients.told", {
                            date: formatDateTime(notice.notifiedAt, locale),
                            who: (notice.notifiedById && staffEmail.get(notice.notifiedById)) || t("RequestAdmin.actors.staff"),
                          })}
                        </p>
                      ) : handle ? (
                        <AdminForm
                          action={noticeAction}
                          inline
                          idPrefix={`notice-${recipient.name}-`}
                          variant="secondary"
                          submit={t("RequestAdmin.recipients.markTold", { name: recipient.name })}
                          fields={hidden({ recipient: recipient.name })}
                        />
                      ) : (
                        <p className="text-sm">{t("RequestAdmin.recipients.notTold")}</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </HeadedSection>
        )}

        {attachments.length > 0 && (
          <HeadedSection id="attachments-heading" title={t("RequestAdmin.attachments.title")} className="space-y-2" testId="attachments">
            <ul className="list-disc ps-6">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/admin/requests/${request.reference}/attachments/${a.id}`} download data-testid="attachment-link">
                    {a.filename}
                  </a>{" "}
                  <span className="text-sm text-muted">
                    ({t("RequestAdmin.attachments.size", { kb: Math.max(1, Math.round(a.size / 1024)) })}, {formatDateTime(a.createdAt, locale)})
                  </span>
                </li>
              ))}
            </ul>
          </HeadedSection>
        )}

        <HeadedSection id="messages-heading" title={t("RequestAdmin.messages.title")}>
          {thread.length === 0 ? (
            <p>{t("RequestAdmin.messages.none")}</p>
          ) : (
            <ol className="max-w-3xl space-y-3" data-testid="message-thread">
              {thread.map((event) => (
                <li key={event.id} className={`rounded border p-3 ${event.actor === "staff" ? "border-blue-300 bg-blue-50" : "border-line"}`}>
                  <p className="text-sm text-muted">
                    {formatDateTime(event.at, locale)} · {actorLabel(event)} · {eventLabel(event.kind, event.toStatus)}
                  </p>
                  <p className="whitespace-pre-line wrap-anywhere">{event.body || t("RequestAdmin.messages.blank")}</p>
                </li>
              ))}
            </ol>
          )}
          {handle && request.requesterEmail && (
            <AdminForm
              action={messageAction}
              testId="message-form"
              idPrefix="message-"
              clearOnSuccess
              submit={t("RequestAdmin.messages.send")}
              success={t("RequestAdmin.messages.sent")}
              fields={[...hidden(), { kind: "textarea", name: "body", label: t("RequestAdmin.messages.body"), hint: t("RequestAdmin.messages.bodyHint"), required: true, rows: 4 }]}
            />
          )}
        </HeadedSection>

        <HeadedSection id="timeline-heading" title={t("RequestAdmin.timeline")}>
          <ol className="max-w-3xl space-y-3 border-s-2 border-line ps-4" data-testid="timeline">
            {events.map((event) => (
              <li key={event.id}>
                <p className="text-sm text-muted">
                  {formatDateTime(event.at, locale)} · {actorLabel(event)}
                </p>
                <p className="font-medium">{eventLabel(event.kind, event.toStatus)}</p>
                {event.body && event.kind !== "erasure_approved" && <p className="whitespace-pre-line wrap-anywhere">{event.body}</p>}
              </li>
            ))}
          </ol>
        </HeadedSection>

        {subject && subjectData && (
          <HeadedSection id="subject-heading" title={t("RequestAdmin.subject.title")} className="space-y-4 rounded border border-line p-4" testId="subject-data">
            <p className="max-w-3xl text-sm">{t("RequestAdmin.subject.intro")}</p>
            <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]" data-testid="subject-profile">
              {(
                [
                  [t("Portal.fields.name"), subject.name],
                  [t("Portal.fields.email"), subject.email],
                  [t("Portal.fields.phone"), subject.phone],
                  [t("Portal.fields.postalAddress"), subject.postalAddress],
                  [t("Portal.fields.companyName"), subject.companyName],
                  [t("Portal.fields.vatNumber"), subject.vatNumber],
                  [t("Portal.fields.preferredLocale"), t(`Common.languageNames.${subject.preferredLocale === "en" ? "en" : "nl"}`)],
                  ...subjectData.fields.map((field): [string, string | null] => [field.label[locale] || field.key, custom[field.key] ?? null]),
                  [t("RequestAdmin.subject.restricted"), subject.restricted ? t("Common.yes") : t("Common.no")],
                  [t("RequestAdmin.subject.objections"), Array.isArray(subject.objections) && subject.objections.length ? subject.objections.join(", ") : null],
                ] as Array<[string, string | null]>
              ).map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-semibold">{label}</dt>
                  <dd className="mb-2 whitespace-pre-line wrap-anywhere sm:mb-0">{value || t("Portal.empty")}</dd>
                </div>
              ))}
            </dl>
            <h3 className="text-lg font-semibold">{t("RequestAdmin.subject.consents")}</h3>
            {subjectData.consents.length === 0 ? (
              <p>{t("RequestAdmin.subject.noConsents")}</p>
            ) : (
              <ul className="list-disc ps-6" data-testid="subject-consents">
                {subjectData.consents.map((c) => (
                  <li key={c.key}>
                    {localized(c.title, locale)}:{" "}
                    {c.given === true
                      ? t("Portal.consent.givenOn", { date: date(c.at) })
                      : c.given === false
                        ? t("Portal.consent.withdrawnOn", { date: date(c.at) })
                        : t("Portal.consent.never")}
                  </li>
                ))}
              </ul>
            )}
            <h3 className="text-lg font-semibold">{t("RequestAdmin.subject.records")}</h3>
            {subjectData.records.length === 0 ? (
              <p>{t("RequestAdmin.subject.noRecords")}</p>
            ) : (
              subjectData.records.map((category) =>
                category.groups.map((group) => (
                  <div key={`${group.category}:${group.sourceSystem}`} className="space-y-1">
                    <h4 className="font-semibold">
                      {group.category} · {group.sourceSystem}{" "}
                      <span className="font-normal text-muted">({t("RequestAdmin.subject.newest", { shown: group.newest.length, count: group.count })})</span>
                    </h4>
                    <RecordTable records={group.newest} locale={locale} caption={`${group.category} – ${group.sourceSystem}`} />
                  </div>
                )),
              )
            )}
            {subjectData.history.length > 0 && (
              <>
                <h3 className="text-lg font-semibold">{t("RequestAdmin.subject.history")}</h3>
                <ul className="list-disc ps-6 text-sm" data-testid="subject-history">
                  {subjectData.history.map((change) => (
                    <li key={change.id}>
                      {formatDateTime(change.changedAt, locale)}: {change.field} — {change.oldValue ?? "–"} → {change.newValue ?? "–"} ({change.changedBy})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </HeadedSection>
        )}
      </div>
    </ConsoleShell>
  );
}
