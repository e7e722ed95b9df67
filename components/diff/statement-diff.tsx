import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { diffBlocks, diffStatements, foldUnchanged, type DiffPart, type DiffRow } from "@/lib/policy/diff";
import type { PublicStatement } from "@/lib/policy/public-statement";

/**
 * Two versions of a statement side by side, in one language: removed text struck
 * through in red with a −, added text underlined in green with a +, and for screen
 * readers the words "removed:" and "added:". Parts without changes fold into one line,
 * and within a part, unchanged lines more than two away from a change fold into "… N unchanged lines".
 * Used by the console's comparison and the public version history.
 */
export function StatementDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  locale,
}: {
  before: PublicStatement;
  after: PublicStatement;
  beforeLabel: string;
  afterLabel: string;
  /** The language of the page around it; the compared texts are in before.locale. */
  locale: Locale;
}) {
  const t = translator(locale);
  const rows = diffStatements(before, after);
  const count = (kind: DiffRow["kind"]) => rows.filter((row) => row.kind === kind).length;
  const counts = { added: count("added"), removed: count("removed"), changed: count("changed") };
  const same = counts.added + counts.removed + counts.changed === 0;
  const textLang = before.locale;

  return (
    <section aria-labelledby="diff-heading" className="space-y-3" data-testid="statement-diff">
      <h2 id="diff-heading" className="text-2xl font-semibold">
        {t("Diff.title", { before: beforeLabel, after: afterLabel })}
      </h2>
      <p className="text-muted">{t("Diff.legend")}</p>
      <p className="font-medium" data-testid="diff-summary">
        {same ? t("Diff.same") : t("Diff.summary", counts)}
      </p>
      <table className="data-table" data-testid="diff-table">
        <caption className="sr-only">{t("Diff.title", { before: beforeLabel, after: afterLabel })}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-1/2">
              {beforeLabel}
            </th>
            <th scope="col" className="w-1/2">
              {afterLabel}
            </th>
          </tr>
        </thead>
        {diffBlocks.map((block) => {
          const blockRows = rows.filter((row) => row.block === block);
          if (blockRows.length === 0) return null;
          const changed = blockRows.some((row) => row.kind !== "same");
          return (
            <tbody key={block} data-block={block}>
              <tr>
                <th colSpan={2} scope="colgroup" className="bg-gray-100 px-2">
                  {t(`Diff.blocks.${block}`)}
                </th>
              </tr>
              {!changed ? (
                <tr>
                  <td colSpan={2} className="text-muted">
                    {t("Diff.unchangedBlock")}
                  </td>
                </tr>
              ) : (
                foldUnchanged(blockRows).map((row, index) =>
                  row.kind === "folded" ? (
                    <tr key={index} data-kind="folded">
                      <td colSpan={2} className="bg-gray-50 text-center text-muted italic">
                        {t("Diff.folded", { count: row.count })}
                      </td>
                    </tr>
                  ) : (
                    <tr key={index} data-kind={row.kind} className={row.kind === "same" ? "text-muted" : undefined}>
                      <td data-label={beforeLabel} lang={textLang}>
                        {row.before && <Side parts={row.before} kind={row.kind} side="before" locale={locale} />}
                      </td>
                      <td data-label={afterLabel} lang={textLang}>
                        {row.after && <Side parts={row.after} kind={row.kind} side="after" locale={locale} />}
                      </td>
                    </tr>
                  ),
                )
              )}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}

const removedClass = "rounded-sm bg-red-100 px-0.5 text-red-900 line-through decoration-2";
const addedClass = "rounded-sm bg-green-100 px-0.5 text-green-900 underline decoration-2";

function Mark({ change, children, locale }: { change: "added" | "removed"; children: string; locale: Locale }) {
  const t = translator(locale);
  const label = <span className="sr-only">[{t(change === "added" ? "Diff.added" : "Diff.removed")}] </span>;
  return change === "added" ? (
    <ins className={addedClass}>
      {label}
      {children}
    </ins>
  ) : (
    <del className={removedClass}>
      {label}
      {children}
    </del>
  );
}

function Side({ parts, kind, side, locale }: { parts: DiffPart[]; kind: DiffRow["kind"]; side: "before" | "after"; locale: Locale }) {
  if (kind === "same") return <>{parts.map((part) => part.text).join("")}</>;
  const change = side === "before" ? "removed" : "added";
  const sign = (
    <span aria-hidden="true" className={`me-1 inline-block w-3 font-bold ${change === "added" ? "text-green-800" : "text-red-800"}`}>
      {change === "added" ? "+" : "−"}
    </span>
  );
  if (kind === "added" || kind === "removed") {
    return (
      <span className="flex">
        {sign}
        <span>
          <Mark change={change} locale={locale}>
            {parts.map((part) => part.text).join("")}
          </Mark>
        </span>
      </span>
    );
  }
  return (
    <span className="flex">
      {sign}
      <span>
        {parts.map((part, index) =>
          part.change ? (
            <Mark key={index} change={part.change} locale={locale}>
              {part.text}
            </Mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </span>
    </span>
  );
}

/** A plain GET form to choose two versions (and, in the console, the language) to compare. */
export function VersionCompareForm({
  action,
  versions,
  from,
  to,
  locale,
  labels,
  draftOption,
  lang,
}: {
  action: string;
  versions: number[];
  from?: number;
  to?: number | "draft";
  locale: Locale;
  labels: { from: string; to: string; submit: string; lang?: string };
  /** Label of the draft as a choice for `to`, in the console. */
  draftOption?: string;
  /** The language choice, in the console; the public page compares in its own language. */
  lang?: Locale;
}) {
  const t = translator(locale);
  const select = "mt-1 block rounded border border-gray-500 bg-white px-3 py-2";
  return (
    <form action={action} method="get" className="no-print flex flex-wrap items-end gap-4" data-testid="compare-form">
      <div>
        <label htmlFor="compare-from" className="block font-medium">
          {labels.from}
        </label>
        <select id="compare-from" name="from" defaultValue={from ? String(from) : undefined} className={select}>
          {versions.map((number) => (
            <option key={number} value={number}>
              {t("Diff.version", { number })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="compare-to" className="block font-medium">
          {labels.to}
        </label>
        <select id="compare-to" name="to" defaultValue={to ? String(to) : undefined} className={select}>
          {draftOption && <option value="draft">{draftOption}</option>}
          {versions.map((number) => (
            <option key={number} value={number}>
              {t("Diff.version", { number })}
            </option>
          ))}
        </select>
      </div>
      {lang && labels.lang && (
        <div>
          <label htmlFor="compare-lang" className="block font-medium">
            {labels.lang}
          </label>
          <select id="compare-lang" name="lang" defaultValue={lang} className={select}>
            <option value="nl">{t("Editor.language.nl")}</option>
            <option value="en">{t("Editor.language.en")}</option>
          </select>
        </div>
      )}
      <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-blue-900">
        {labels.submit}
      </button>
    </form>
  );
}
