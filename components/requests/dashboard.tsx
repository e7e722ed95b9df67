import type { RequestType } from "@/generated/prisma/enums";
import { formatDate, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { requestTypes } from "@/lib/requests/inbox";
import type { RequestStats } from "@/lib/requests/stats";

/**
 * The inbox's figures: requests received per week by type as a stacked bar chart (plain
 * SVG, described for screen readers, with the same numbers as a table), the median time
 * to complete and the share completed on time.
 */

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart in the legend and the table. */
const colours: Record<RequestType, string> = {
  ACCESS: "#1e40af",
  RECTIFICATION: "#b45309",
  ERASURE: "#b91c1c",
  RESTRICTION: "#0f766e",
  OBJECTION: "#7e22ce",
  PORTABILITY: "#4d7c0f",
  AUTOMATED_DECISION: "#be185d",
};

const width = 720;
const height = 260;
const margin = { top: 16, right: 12, bottom: 44, left: 40 };

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * step >= value) return factor * step;
  return value;
}

export function RequestsDashboard({ stats, locale }: { stats: RequestStats; locale: Locale }) {
  const t = translator(locale);
  const number = new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { style: "percent", maximumFractionDigits: 0 });
  const weekLabel = (start: Date) => new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(start);
  const total = stats.weeks.reduce((sum, week) => sum + week.total, 0);
  const top = niceMax(Math.max(0, ...stats.weeks.map((w) => w.total)));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / stats.weeks.length;
  const barWidth = Math.max(4, slot * 0.65);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const ticks = [0, top / 4, top / 2, (3 * top) / 4, top];
  const busiest = stats.weeks.reduce((best, week) => (week.total > best.total ? week : best), stats.weeks[0]);
  const first = stats.weeks[0];
  const last = stats.weeks[stats.weeks.length - 1];
  const description = t("Inbox.dashboard.chartSummary", {
    total,
    from: formatDate(first.start, locale),
    to: formatDate(last.start, locale),
    busiest: busiest.total > 0 ? weekLabel(busiest.start) : "–",
    most: busiest.total,
  });

  return (
    <section aria-labelledby="dashboard-heading" className="space-y-4 rounded border border-line p-4" data-testid="requests-dashboard">
      <h2 id="dashboard-heading" className="text-xl font-semibold">
        {t("Inbox.dashboard.title", { weeks: stats.weeks.length })}
      </h2>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-muted">{t("Inbox.dashboard.received")}</dt>
          <dd className="text-2xl font-semibold" data-testid="stats-received">
            {total}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("Inbox.dashboard.median")}</dt>
          <dd className="text-2xl font-semibold" data-testid="stats-median">
            {stats.medianDays === null ? "–" : t("Inbox.dashboard.days", { days: number.format(stats.medianDays) })}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("Inbox.dashboard.onTime")}</dt>
          <dd className="text-2xl font-semibold" data-testid="stats-on-time">
            {stats.onTimeShare === null ? "–" : percent.format(stats.onTimeShare)}
          </dd>
          {stats.completed > 0 && <dd className="text-sm text-muted">{t("Inbox.dashboard.onTimeOf", { onTime: stats.onTime, completed: stats.completed })}</dd>}
        </div>
      </dl>
      <figure className="space-y-2">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full max-w-3xl"
          role="img"
          aria-labelledby="chart-title chart-desc"
          data-testid="requests-chart"
        >
          <title id="chart-title">{t("Inbox.dashboard.chartTitle")}</title>
          <desc id="chart-desc">{description}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#d1d5db" strokeWidth={1} />
              <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#374151">
                {number.format(tick)}
              </text>
            </g>
          ))}
          {stats.weeks.map((week, i) => {
            const x = margin.left + i * slot + (slot - barWidth) / 2;
            let base = 0;
            return (
              <g key={week.start.toISOString()}>
                {requestTypes.map((type) => {
                  const count = week.byType[type];
                  if (count === 0) return null;
                  const top = y(base + count);
                  const bottom = y(base);
                  base += count;
                  return <rect key={type} x={x} y={top} width={barWidth} height={Math.max(0, bottom - top)} fill={colours[type]} stroke="#fff" strokeWidth={0.5} />;
                })}
                <text x={x + barWidth / 2} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#374151">
                  {weekLabel(week.start)}
                </text>
              </g>
            );
          })}
          <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke="#374151" strokeWidth={1} />
        </svg>
        <figcaption>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("Inbox.dashboard.legend")}>
            {requestTypes.map((type) => (
              <li key={type} className="flex items-center gap-1">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: colours[type] }} />
                {t(`Requests.types.${type}.title`)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details>
        <summary className="cursor-pointer">{t("Inbox.dashboard.asTable")}</summary>
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("Inbox.dashboard.tableCaption")}>
          <table className="data-table" data-testid="requests-chart-table">
            <caption className="sr-only">{t("Inbox.dashboard.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("Inbox.dashboard.week")}</th>
                {requestTypes.map((type) => (
                  <th key={type} scope="col">
                    {t(`Requests.types.${type}.title`)}
                  </th>
                ))}
                <th scope="col">{t("Inbox.dashboard.total")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.weeks.map((week) => (
                <tr key={week.start.toISOString()}>
                  <th scope="row" className="font-normal">
                    {formatDate(week.start, locale)}
                  </th>
                  {requestTypes.map((type) => (
                    <td key={type} data-label={t(`Requests.types.${type}.title`)}>
                      {week.byType[type]}
                    </td>
                  ))}
                  <td data-label={t("Inbox.dashboard.total")}>{week.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
