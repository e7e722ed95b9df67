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
import { requireConsole } from "@/lib/console/context";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { localized } from "@/lib/portal/consent";
import { customFieldName, customValues } from "@/lib/portal/profile";
import { eraseChoice, erasureGrounds, groundPoint, keptText, partText } from "@/lib/erasure/kept";
import { normalizeReference } from "@/lib/requests/reference";
import { loadStaffRequestPage } from "@/lib/requests/staff-view";

type Props = { params: Promise<{ locale: string; reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  return { title: translator(locale)("RequestAdmin.title", { reference: normalizeReference((await params).reference) ?? "" }) };
}

const messageKinds = new Set(["message", "information", "merged"]);

/**
 * One request for staff: its facts, the actions its status and type allow, the
 * recipients to tell (art. 19), attachments, the message thread with the requester,
 * the full history, and the requester's data as their portal shows it. All of it, and
 * what may be done, comes from loadStaffRequestPage (lib/requests/staff-view.ts), which
 * also records that the person's data were viewed; this page only renders.
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
  const view = reference ? await loadStaffRequestPage(context, reference, locale) : null;
  if (!view) notFound();
  const { request, events, attachments, notices, subject, subjectData, facts, availableActions: can, due, overdue, erasure, recipients, purposes } = view;
  const t = translator(locale);
  const query = await searchParams;
  const hidden = (extra: Record<string, string> = {}): FieldSpec[] =>
    Object.entries({ locale, reference: request.reference, ...extra }).map(([name, value]) => ({ kind: "hidden" as const, name, value }));
  const date = (value: Date | null) => (value ? formatDate(value, locale) : "–");
  const factValue = (fact: (typeof facts)[number]) => ("date" in fact ? date(fact.date) : "text" in fact ? fact.text : t(fact.message as "Inbox.erased"));

  const eventLabel = (kind: string, toStatus: string | null) => {
    if (kind === "status" && toStatus) return t("RequestAdmin.events.status", { status: t(`Inbox.status.${toStatus as "RECEIVED"}`) });
    const known = ["created", "information", "merged", "message", "rectified", "restricted", "unrestricted", "objection", "erasure_approved", "erasure_cancelled", "erased", "lapsed", "reminder"] as const;
    return (known as readonly string[]).includes(kind) ? t(`RequestAdmin.events.${kind as (typeof known)[number]}`) : kind;
  };
  const actorLabel = (event: (typeof events)[number]) =>
    event.actor === "staff" ? (event.actorLabel ?? t("RequestAdmin.actors.staff")) : t(`RequestAdmin.actors.${event.actor === "requester" ? "requester" : "system"}`);
  const thread = events.filter((e) => messageKinds.has(e.kind));
  const custom = subject ? customValues(subject.customFields) : {};
  const handling = can.statuses.length > 0 || can.complete || can.extend || can.refuse;

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
          {facts.map((fact) => (
            <div key={fact.id} className="contents">
              <dt className="font-semibold">{t(`RequestAdmin.facts.${fact.label as "type"}`)}</dt>
              <dd className="mb-2 whitespace-pre-line wrap-anywhere sm:mb-0" data-testid={`fact-${fact.id}`}>
                {factValue(fact)}
              </dd>
            </div>
          ))}
        </dl>

        {request.status === "AWAITING_CONFIRMATION" && <p className="max-w-3xl rounded border border-line bg-gray-50 p-3">{t("Inbox.awaitingNote")}</p>}

        {handling && (
          <section aria-labelledby="handle-heading" className="space-y-6" data-testid="request-actions">
            <h2 id="handle-heading" className="text-2xl font-semibold">
              {t("RequestAdmin.handle.title")}
            </h2>
            <div className="grid gap-8 lg:grid-cols-2">
              {can.statuses.length > 0 && (
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
                      { kind: "select", name: "status", label: t("RequestAdmin.handle.newStatus"), required: true, options: can.statuses.map((s) => ({ value: s, label: t(`Inbox.status.${s}`) })) },
                      { kind: "textarea", name: "message", label: t("RequestAdmin.handle.statusMessage"), hint: t("RequestAdmin.handle.statusMessageHint"), rows: 3 },
                    ]}
                  />
                </section>
              )}
              {can.complete && (
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
                        required: can.complete.noteRequired,
                        rows: 3,
                      },
                    ]}
                  />
                </section>
              )}
              {can.extend && request.dueAt && (
                <section aria-labelledby="extend-heading" className="space-y-2">
                  <h3 id="extend-heading" className="text-lg font-semibold">
                    {t("RequestAdmin.handle.extendTitle")}
                  </h3>
                  <p className="text-sm">{t("RequestAdmin.handle.extendHint", { due: date(request.dueAt), latest: date(can.extend.latest) })}</p>
                  <AdminForm
                    action={extendAction}
                    testId="extend-form"
                    idPrefix="extend-"
                    submit={t("RequestAdmin.handle.extendSubmit")}
                    fields={[
                      ...hidden(),
                      { kind: "date", name: "until", label: t("RequestAdmin.handle.extendUntil"), required: true, min: can.extend.min, max: can.extend.max },
                      { kind: "textarea", name: "reason", label: t("RequestAdmin.handle.extendReason"), hint: t("RequestAdmin.handle.extendReasonHint"), required: true, rows: 3 },
                    ]}
                  />
                </section>
              )}
              {can.refuse && (
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
                    fields={[
                      ...hidden(),
                      {
                        kind: "select",
                        name: "ground",
                        label: t("RequestAdmin.handle.rejectGround"),
                        required: true,
                        options: can.refuse.grounds.map((ground) => ({ value: ground, label: t(`RequestAdmin.refuse.grounds.${ground}`) })),
                      },
                      { kind: "textarea", name: "reason", label: t("RequestAdmin.handle.rejectReason"), hint: t("RequestAdmin.handle.rejectReasonHint"), required: true, rows: 4 },
                    ]}
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
            {view.erasureKept.length > 0 && (
              <div data-testid="erasure-kept">
                <p className="font-semibold">{t("RequestAdmin.erasure.kept")}</p>
                <ul className="list-disc ps-6">
                  {view.erasureKept.map((k) => (
                    <li key={`${k.part}:${k.category ?? ""}`}>{keptText(t, k)}</li>
                  ))}
                </ul>
              </div>
            )}
            {view.erasureErased.length > 0 && (
              <div data-testid="erasure-erased">
                <p className="font-semibold">{t("RequestAdmin.erasure.erasedParts")}</p>
                <ul className="list-disc ps-6">
                  {view.erasureErased.map((part) => (
                    <li key={`${part.part}:${part.category ?? ""}`}>{partText(t, part)}</li>
                  ))}
                </ul>
              </div>
            )}
            {can.approveErasure && (
              <>
                <p className="text-sm">{t("RequestAdmin.erasure.what")}</p>
                {/* Art. 17(3): per part, erase (the default) or keep under a ground with an explanation. */}
                <h3 className="text-lg font-semibold">{t("RequestAdmin.erasure.keepTitle")}</h3>
                <p className="max-w-3xl text-sm">{t("RequestAdmin.erasure.keepIntro")}</p>
                <AdminForm
                  action={approveErasureAction}
                  testId="approve-erasure"
                  idPrefix="approve-"
                  variant="danger"
                  submit={t("RequestAdmin.erasure.approve")}
                  fields={[
                    ...hidden(),
                    ...view.erasureKeepOptions.flatMap((option, i): FieldSpec[] => {
                      const part = partText(t, option);
                      return [
                        { kind: "hidden", name: `keep-${i}`, value: option.key },
                        {
                          kind: "select",
                          name: `ground-${i}`,
                          label: option.count !== undefined ? t("RequestAdmin.erasure.records", { part, count: option.count }) : part,
                          options: [
                            { value: eraseChoice, label: t("RequestAdmin.erasure.erase") },
                            ...erasureGrounds.map((ground) => ({ value: ground, label: t("RequestAdmin.erasure.keepUnder", { ground: t(`Erasure.grounds.${ground}`), point: groundPoint[ground] }) })),
                          ],
                        },
                        { kind: "textarea", name: `explanation-${i}`, label: t("RequestAdmin.erasure.explanation", { part }), hint: t("RequestAdmin.erasure.explanationHint"), rows: 2 },
                      ];
                    }),
                  ]}
                />
              </>
            )}
            {can.cancelErasure && (
              <AdminForm action={cancelErasureAction} testId="cancel-erasure" idPrefix="cancel-" variant="secondary" submit={t("RequestAdmin.erasure.cancel")} fields={hidden()} />
            )}
          </HeadedSection>
        )}

        {can.rectify && subject && subjectData && (
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

        {subject && (can.restrict || can.liftRestriction) && (
          <ActionPanel
            name="restrict"
            title={t("RequestAdmin.restrict.title")}
            intro={subject.restricted ? `${t("RequestAdmin.restrict.intro")} ${t("RequestAdmin.restrict.liftHint")}` : t("RequestAdmin.restrict.intro")}
            action={restrictAction}
            variant="secondary"
            submit={subject.restricted ? t("RequestAdmin.restrict.lift") : t("RequestAdmin.restrict.set")}
            fields={hidden({ restricted: String(!subject.restricted) })}
          >
            <p data-testid="restriction-state">{subject.restricted ? t("RequestAdmin.restrict.on") : t("RequestAdmin.restrict.off")}</p>
          </ActionPanel>
        )}

        {view.directMarketing && (
          <p className="max-w-3xl rounded border border-line bg-gray-50 p-3" data-testid="direct-marketing-objection">
            {t("RequestAdmin.objection.directMarketing")}
          </p>
        )}

        {can.objection && (
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

        {can.notice && (
          <HeadedSection id="recipients-heading" title={t("RequestAdmin.recipients.title")} testId="recipients">
            <p className="max-w-3xl text-sm">{t("RequestAdmin.recipients.intro")}</p>
            {!recipients || recipients.length === 0 ? (
              <p>{recipients ? t("RequestAdmin.recipients.none") : t("RequestAdmin.recipients.noStatement")}</p>
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
                            who: (notice.notifiedById && view.noticeBy.get(notice.notifiedById)) || t("RequestAdmin.actors.staff"),
                          })}
                        </p>
                      ) : can.notice ? (
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
          {can.message && (
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
