import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { RequestsDashboard } from "@/components/requests/dashboard";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { activeStatuses, filterQuery, inboxCounts, inboxPage, parseCursor, parseInboxFilter, requestTypes, type InboxFilter } from "@/lib/requests/inbox";
import { requestStatuses } from "@/lib/requests/status";
import { effectiveDueAt } from "@/lib/requests/deadline";
import { requestStats } from "@/lib/requests/stats";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Inbox.title") };
}

/** Every request of the active tenant: counts, filters that work without JavaScript, keyset pages by deadline, figures. */
export default async function InboxPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "requests.view", `/${locale}/admin/requests`);
  const t = translator(locale);
  const query = await searchParams;
  const filter = parseInboxFilter(query);
  const cursor = parseCursor(query);
  const now = new Date();
  const page = await inboxPage(context.tenant, filter, cursor, { now });
  const counts = await inboxCounts(context.tenant.id, now);
  const stats = await requestStats(context.tenant.id, now);
  const base = `/${locale}/admin/requests`;
  const link = (change: Partial<InboxFilter>) => {
    const params = filterQuery({ ...filter, ...change });
    return params.size ? `${base}?${params}` : base;
  };
  const pageLink = (key: "after" | "before", value: string) => `${base}?${new URLSearchParams([...filterQuery(filter), [key, value]])}`;
  const statusLabel = (status: string) => t(`Inbox.status.${status as "RECEIVED"}`);
  const shortcuts: Array<{ id: string; label: string; count: number; href: string; current: boolean }> = [
    { id: "open", label: t("Inbox.counts.open"), count: counts.open, href: link({ status: "open", due: "" }), current: filter.status === "open" && !filter.due },
    { id: "overdue", label: t("Inbox.counts.overdue"), count: counts.overdue, href: link({ status: "open", due: "overdue" }), current: filter.status === "open" && filter.due === "overdue" },
    { id: "soon", label: t("Inbox.counts.soon"), count: counts.dueSoon, href: link({ status: "open", due: "soon" }), current: filter.status === "open" && filter.due === "soon" },
  ];
  const handle = can(context.role, "requests.handle");

  return (
    <ConsoleShell context={context} locale={locale} section="requests">
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-3xl font-bold">{t("Inbox.title")}</h1>
            <p className="max-w-3xl text-muted">{t("Inbox.intro")}</p>
          </div>
          {handle && (
            <a href={`${base}/new`} className="rounded border border-brand px-4 py-2 font-medium no-underline hover:bg-blue-50" data-testid="record-request-link">
              {t("Inbox.record")}
            </a>
          )}
        </div>

        <nav aria-label={t("Inbox.counts.label")} data-testid="status-counts">
          <ul className="flex flex-wrap gap-2">
            {shortcuts.map((item) => (
              <li key={item.id}>
                <a
                  href={item.href}
                  aria-current={item.current ? "page" : undefined}
                  className="block rounded border border-line px-3 py-1 no-underline aria-[current=page]:border-brand aria-[current=page]:bg-blue-50 aria-[current=page]:font-semibold"
                  data-testid={`count-${item.id}`}
                >
                  {item.label} <span className="font-semibold">{item.count}</span>
                </a>
              </li>
            ))}
          </ul>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {requestStatuses.map((status) => (
              <li key={status}>
                <a
                  href={link({ status, due: "" })}
                  aria-current={filter.status === status ? "page" : undefined}
                  className="block rounded border border-line px-2 py-0.5 no-underline aria-[current=page]:border-brand aria-[current=page]:bg-blue-50 aria-[current=page]:font-semibold"
                  data-testid={`count-${status}`}
                >
                  {statusLabel(status)} <span className="font-semibold">{counts.byStatus[status]}</span>
                  {status === "AWAITING_CONFIRMATION" && <span className="sr-only"> ({t("Inbox.awaitingSeparate")})</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <form method="get" action={base} role="search" aria-label={t("Inbox.filter.label")} className="grid gap-3 rounded border border-line p-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" data-testid="inbox-filter">
          <div className="lg:col-span-2">
            <label htmlFor="inbox-q" className="block font-medium">
              {t("Inbox.filter.search")}
            </label>
            <p id="inbox-q-hint" className="text-sm text-muted">
              {t("Inbox.filter.searchHint")}
            </p>
            <input id="inbox-q" name="q" type="search" defaultValue={filter.q} aria-describedby="inbox-q-hint" className="mt-1 w-full rounded border border-gray-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="inbox-status" className="block font-medium">
              {t("Inbox.filter.status")}
            </label>
            <select id="inbox-status" name="status" defaultValue={filter.status} className="mt-1 w-full rounded border border-gray-500 bg-white px-2 py-1">
              <option value="open">{t("Inbox.filter.open")}</option>
              <option value="all">{t("Inbox.filter.all")}</option>
              {requestStatuses.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="inbox-type" className="block font-medium">
              {t("Inbox.filter.type")}
            </label>
            <select id="inbox-type" name="type" defaultValue={filter.type ?? ""} className="mt-1 w-full rounded border border-gray-500 bg-white px-2 py-1">
              <option value="">{t("Inbox.filter.anyType")}</option>
              {requestTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`Requests.types.${type}.title`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="inbox-due" className="block font-medium">
              {t("Inbox.filter.due")}
            </label>
            <select id="inbox-due" name="due" defaultValue={filter.due} className="mt-1 w-full rounded border border-gray-500 bg-white px-2 py-1">
              <option value="">{t("Inbox.filter.anyDue")}</option>
              <option value="soon">{t("Inbox.filter.soon")}</option>
              <option value="overdue">{t("Inbox.filter.overdue")}</option>
            </select>
          </div>
          <div className="flex gap-3 lg:col-span-5">
            <button type="submit" className="rounded border border-gray-600 bg-white px-3 py-1.5">
              {t("Inbox.filter.apply")}
            </button>
            <a href={base} className="self-center">
              {t("Inbox.filter.reset")}
            </a>
          </div>
        </form>

        <section aria-labelledby="inbox-results" className="space-y-3">
          <h2 id="inbox-results" className="sr-only">
            {t("Inbox.results")}
          </h2>
          {filter.status === "AWAITING_CONFIRMATION" && <p className="max-w-3xl rounded border border-line bg-gray-50 p-3">{t("Inbox.awaitingNote")}</p>}
          {page.rows.length === 0 ? (
            <p data-testid="inbox-empty">{t("Inbox.empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table" data-testid="inbox">
                <caption className="sr-only">{t("Inbox.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("Inbox.columns.reference")}</th>
                    <th scope="col">{t("Inbox.columns.type")}</th>
                    <th scope="col">{t("Inbox.columns.status")}</th>
                    <th scope="col">{t("Inbox.columns.requester")}</th>
                    <th scope="col">{t("Inbox.columns.received")}</th>
                    <th scope="col">{t("Inbox.columns.due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => {
                    const due = effectiveDueAt(row);
                    const active = (activeStatuses as readonly string[]).includes(row.status);
                    const overdue = active && due !== null && due < now;
                    return (
                      <tr key={row.id} data-testid={`inbox-row-${row.reference}`}>
                        <th scope="row" className="font-normal">
                          <a href={`${base}/${row.reference}`} className="font-mono">
                            {row.reference}
                          </a>
                        </th>
                        <td data-label={t("Inbox.columns.type")}>{t(`Requests.types.${row.type}.title`)}</td>
                        <td data-label={t("Inbox.columns.status")}>
                          {statusLabel(row.status)}
                          {row.erasureDueAt && !row.erasedAt && !row.erasureCancelledAt && <span className="block text-sm text-muted">{t("Inbox.erasureScheduled")}</span>}
                        </td>
                        <td data-label={t("Inbox.columns.requester")} className="break-all">
                          {row.requesterEmail ?? <span className="text-muted">{t("Inbox.erased")}</span>}
                          {row.requesterName && <span className="block text-sm text-muted">{row.requesterName}</span>}
                        </td>
                        <td data-label={t("Inbox.columns.received")}>
                          {row.receivedAt ? formatDate(row.receivedAt, locale) : "–"}
                          <span className="block text-sm text-muted">{t(`Inbox.channels.${row.channel as "web"}`)}</span>
                        </td>
                        <td data-label={t("Inbox.columns.due")}>
                          {due ? formatDate(due, locale) : "–"}
                          {overdue && (
                            <span className="ms-1 rounded bg-red-100 px-1 text-sm font-semibold text-red-800" data-testid="overdue">
                              {t("Inbox.overdue")}
                            </span>
                          )}
                          {row.extendedDueAt && <span className="block text-sm text-muted">{t("Inbox.extended")}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {(page.previous || page.next || cursor) && (
            <nav aria-label={t("Inbox.pages")} className="flex flex-wrap gap-4" data-testid="inbox-pager">
              {cursor && <a href={link({})}>{t("Inbox.firstPage")}</a>}
              {page.previous && (
                <a href={pageLink("before", page.previous)} rel="prev">
                  {t("Inbox.previous")}
                </a>
              )}
              {page.next && (
                <a href={pageLink("after", page.next)} rel="next">
                  {t("Inbox.next")}
                </a>
              )}
            </nav>
          )}
        </section>

        <RequestsDashboard stats={stats} locale={locale} />
      </div>
    </ConsoleShell>
  );
}
