import type { ReactNode } from "react";
import { formatDate, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { erasureState } from "@/lib/erasure/erasure";
import { erasedOf, keptOf, keptText, partText } from "@/lib/erasure/kept";
import type { RequestWithEvents } from "@/lib/requests/requests";
import { formatDateTime } from "./format";

/** A request's facts and its history, for the requester; `actions` (add information, withdraw) go below. */
export function RequestDetail({
  request,
  locale,
  company,
  targetLabel,
  actions,
}: {
  request: RequestWithEvents;
  locale: Locale;
  company: string;
  /** The request's target as the requester should read it (a purpose's title rather than its key). */
  targetLabel?: string | null;
  actions?: ReactNode;
}) {
  const t = translator(locale);
  const facts: Array<[string, string, string]> = [
    ["type", t("Requests.detail.type"), t(`Requests.types.${request.type}.title`)],
    ["status", t("Requests.detail.status"), t(`Requests.status.${request.status}`)],
    ["filed", t("Requests.detail.filed"), formatDate(request.createdAt, locale)],
  ];
  if (request.receivedAt) facts.push(["received", t("Requests.detail.received"), formatDate(request.receivedAt, locale)]);
  if (request.dueAt) facts.push(["due", t("Requests.detail.due"), formatDate(request.dueAt, locale)]);
  if (request.extendedDueAt) facts.push(["extended", t("Requests.detail.extendedDue"), formatDate(request.extendedDueAt, locale)]);
  if (request.target) facts.push(["target", t("Requests.detail.target"), targetLabel ?? request.target]);
  if (request.details) facts.push(["details", t("Requests.detail.details"), request.details]);
  // Art. 12(4): why the request was refused, as the mail said.
  if (request.refusalGround) facts.push(["refusalGround", t("Requests.detail.refusalGround"), t(`RequestAdmin.refuse.grounds.${request.refusalGround as "other"}`)]);
  if (request.rejectionReason) facts.push(["rejectionReason", t("Requests.detail.rejectionReason"), request.rejectionReason]);
  // Art. 17: an approved erasure shows its date at once, and what is kept and why (art. 17(3)).
  if (request.erasureDueAt && erasureState(request) === "scheduled") facts.push(["erasureDue", t("Requests.detail.erasureDue"), formatDate(request.erasureDueAt, locale)]);
  const erased = erasedOf(request.erasureErased);
  if (request.erasedAt && erased.length > 0) facts.push(["erasureErased", t("Requests.detail.erasureErased"), erased.map((part) => partText(t, part)).join("\n")]);
  const kept = keptOf(request.erasureKept);
  if (kept.length > 0 && erasureState(request) !== "cancelled") facts.push(["erasureKept", t("Requests.detail.erasureKept"), kept.map((k) => keptText(t, k)).join("\n")]);
  const eventText = (event: RequestWithEvents["events"][number]) => {
    if (event.kind === "status" && event.toStatus) return t("Requests.detail.events.status", { status: t(`Requests.status.${event.toStatus}`) });
    // The erasure's date is the event's body (an ISO time), shown as a date.
    if (event.kind === "erasure_approved") return t("Requests.detail.events.erasure_approved", { date: event.body ? formatDate(new Date(event.body), locale) : "" });
    const kinds = ["created", "information", "merged", "message", "restricted", "unrestricted", "objection", "lapsed", "erasure_cancelled", "erased"] as const;
    if ((kinds as readonly string[]).includes(event.kind)) return t(`Requests.detail.events.${event.kind as (typeof kinds)[number]}`);
    return event.kind;
  };
  const actorText = (actor: string) =>
    actor === "requester" || actor === "staff" || actor === "system" ? t(`Requests.detail.by.${actor}`, { company }) : actor;
  return (
    <div className="space-y-8">
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-testid="request-facts">
        {facts.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="mb-2 whitespace-pre-line sm:mb-0" data-testid={`request-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="request-history-heading" className="space-y-3">
        <h2 id="request-history-heading" className="text-2xl font-semibold">
          {t("Requests.detail.history")}
        </h2>
        <ol className="space-y-3 border-s-2 border-line ps-4" data-testid="request-history">
          {request.events.map((event) => (
            <li key={event.id}>
              <p className="text-sm text-muted">
                {formatDateTime(event.at, locale)} · {actorText(event.actor)}
              </p>
              <p className="font-medium">{eventText(event)}</p>
              {event.body && event.kind !== "erasure_approved" && <p className="whitespace-pre-line">{event.body}</p>}
            </li>
          ))}
        </ol>
      </section>
      {actions}
    </div>
  );
}
