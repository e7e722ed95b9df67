import { translator } from "@/lib/i18n/messages";
import type { PublicStatement } from "./public-statement";

/**
 * Comparing two statement versions for people: each version becomes a list of
 * readable lines, the lists are compared line by line, and a line that was only
 * reworded is shown as one changed line with the changed words marked.
 */

export const diffBlocks = ["controller", "data", "purposes", "recipients", "retention", "cookies", "sections"] as const;
export type DiffBlock = (typeof diffBlocks)[number];

export interface DiffLine {
  block: DiffBlock;
  text: string;
}

export interface DiffPart {
  text: string;
  change?: "added" | "removed";
}

/**
 * One line of the comparison. `same` and `changed` rows have both sides; `removed`
 * only `before`, `added` only `after`. Only `changed` rows carry marks in their parts.
 */
export interface DiffRow {
  kind: "same" | "added" | "removed" | "changed";
  block: DiffBlock;
  before?: DiffPart[];
  after?: DiffPart[];
}

const joined = (...parts: Array<string | null | undefined>) =>
  parts.filter((part): part is string => !!part && part.trim() !== "").join(" — ");

/** Markdown split into paragraphs (blocks separated by a blank line), as written. */
const paragraphs = (markdown: string) =>
  markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");

/** The statement as lines in reading order; rights and version metadata are left out. */
export function statementLines(statement: PublicStatement): DiffLine[] {
  const t = translator(statement.locale);
  const lines: DiffLine[] = [];
  const add = (block: DiffBlock, text: string) => {
    if (text.trim() !== "") lines.push({ block, text: text.trim() });
  };
  const labelled = (label: string, value: string | null | undefined) => (value ? `${label}: ${value}` : "");

  const { controller } = statement;
  add("controller", controller.name);
  if (controller.legalName !== controller.name) add("controller", controller.legalName);
  add("controller", labelled(t("Statement.controller.address"), `${controller.address}, ${controller.country.name}`));
  add("controller", labelled(t("Statement.controller.registration"), controller.registrationNumber));
  add("controller", labelled(t("Statement.controller.email"), controller.email));
  add("controller", labelled(t("Statement.controller.phone"), controller.phone));
  add("controller", labelled(t("Statement.controller.website"), controller.website));
  if (controller.dpo) {
    add("controller", labelled(t("Statement.controller.dpo"), joined(controller.dpo.name, controller.dpo.email)));
  }
  if (statement.leadAuthority) add("controller", `${t("Statement.complaint.lead")} ${statement.leadAuthority.name}`);

  for (const category of statement.dataCategories) {
    add("data", joined(category.name, category.description, category.source || t("Statement.data.fromYou")));
  }

  for (const purpose of statement.purposes) {
    const categories = purpose.dataCategories.map((category) => category.name).join(", ");
    add("purposes", joined(purpose.name, purpose.legalBasis.label, categories));
    add("purposes", purpose.description);
    if (purpose.legitimateInterest) add("purposes", t("Statement.data.interest", { interest: purpose.legitimateInterest }));
    add("purposes", `${t("Statement.data.required")} ${joined(purpose.provision.label, purpose.provisionNote)}`);
  }

  for (const recipient of statement.recipients) {
    const location = recipient.country?.name ?? t("Statement.recipients.unknownLocation");
    add("recipients", joined(recipient.name, recipient.role.label, location, recipient.safeguard?.label));
    add("recipients", labelled(t("Statement.recipients.purpose"), recipient.purpose));
    add("recipients", labelled(t("Statement.recipients.dataShared"), recipient.dataShared));
    add("recipients", labelled(t("Statement.recipients.policy"), recipient.policyUrl));
  }

  for (const rule of statement.retention) {
    const period = rule.period?.label ?? t("Statement.retention.noFixedPeriod");
    add("retention", joined(rule.dataCategory.name, period, rule.criteria));
  }

  for (const cookie of statement.cookies) {
    add("cookies", [cookie.name, cookie.provider, cookie.purpose, cookie.category.label, cookie.lifetime.label].join(" · "));
  }

  for (const section of statement.sections) {
    add("sections", section.title);
    for (const paragraph of paragraphs(section.markdown)) add("sections", paragraph);
  }

  return lines;
}

export interface SequenceEdit {
  kind: "same" | "removed" | "added";
  /** Index in the first sequence, for same and removed. */
  before?: number;
  /** Index in the second sequence, for same and added. */
  after?: number;
}

/**
 * The shortest edit script between two sequences (Myers' O(N·D) algorithm), after
 * taking off a common start and end. Beyond `maxEdits` differences it gives up on
 * finding common items in the middle and reports it as removed and added whole, to
 * bound time and memory (the trace grows with the square of the number of edits).
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], maxEdits = 3000): SequenceEdit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const edits: SequenceEdit[] = [];
  for (let i = 0; i < start; i++) edits.push({ kind: "same", before: i, after: i });
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEdits);
  for (const edit of middle) {
    edits.push({
      kind: edit.kind,
      before: edit.before === undefined ? undefined : edit.before + start,
      after: edit.after === undefined ? undefined : edit.after + start,
    });
  }
  for (let i = 0; endA + i < a.length; i++) edits.push({ kind: "same", before: endA + i, after: endB + i });
  return edits;
}

function myers<T>(a: readonly T[], b: readonly T[], maxEdits: number): SequenceEdit[] {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  // furthest[offset + k]: the furthest x reached on diagonal k (x - y = k).
  const furthest = new Int32Array(2 * limit + 3);
  // trace[d]: the part of `furthest` (diagonals -d-1 .. d+1) as it was before round d.
  const trace: Int32Array[] = [];
  let found = false;

  search: for (let d = 0; d <= limit; d++) {
    trace.push(furthest.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest[offset + k - 1] < furthest[offset + k + 1]);
      let x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break search;
      }
    }
  }

  if (!found) {
    return [
      ...a.map((_, i): SequenceEdit => ({ kind: "removed", before: i })),
      ...b.map((_, i): SequenceEdit => ({ kind: "added", after: i })),
    ];
  }

  const edits: SequenceEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const previous = trace[d];
    const reached = (k: number) => previous[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && reached(k - 1) < reached(k + 1)) ? k + 1 : k - 1;
    const previousX = reached(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) edits.push({ kind: "same", before: --x, after: --y });
    if (d > 0) {
      if (x === previousX) edits.push({ kind: "added", after: --y });
      else edits.push({ kind: "removed", before: --x });
    }
  }
  return edits.reverse();
}

interface WordCounts {
  counts: Map<string, number>;
  total: number;
}

function wordCounts(text: string): WordCounts {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { counts, total: words.length };
}

/** Share of words two lines have in common (Dice coefficient over word counts), 0..1; case and punctuation ignored. */
function similarity(first: WordCounts, second: WordCounts): number {
  if (first.total + second.total === 0) return 1;
  let common = 0;
  for (const [word, count] of first.counts) common += Math.min(count, second.counts.get(word) ?? 0);
  return (2 * common) / (first.total + second.total);
}

export function lineSimilarity(first: string, second: string): number {
  return similarity(wordCounts(first), wordCounts(second));
}

const similarEnough = 0.4;

/** Both sides of a reworded line, with the removed and added words marked. */
export function diffWords(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  // A token is a word with the whitespace before it; words are compared, whitespace is carried along.
  const tokenize = (text: string) => [...text.matchAll(/(\s*)(\S+)/g)].map(([, space, word]) => ({ space, word }));
  const beforeTokens = tokenize(before);
  const afterTokens = tokenize(after);
  const edits = diffSequences(
    beforeTokens.map((token) => token.word),
    afterTokens.map((token) => token.word),
  );

  const beforeParts: DiffPart[] = [];
  const afterParts: DiffPart[] = [];
  const append = (parts: DiffPart[], token: { space: string; word: string }, change?: "added" | "removed") => {
    const last = parts.at(-1);
    if (last && last.change === change) {
      last.text += token.space + token.word;
      return;
    }
    // Keep the space before a marked run outside the mark.
    if (change && token.space) append(parts, { space: "", word: token.space });
    parts.push(change ? { text: token.word, change } : { text: token.space + token.word });
  };
  for (const edit of edits) {
    if (edit.kind === "same") {
      append(beforeParts, beforeTokens[edit.before!]);
      append(afterParts, afterTokens[edit.after!]);
    } else if (edit.kind === "removed") append(beforeParts, beforeTokens[edit.before!], "removed");
    else append(afterParts, afterTokens[edit.after!], "added");
  }
  return { before: beforeParts, after: afterParts };
}

/** How many added lines of the same block a removed line is compared with, to keep large rewrites fast. */
const pairingWindow = 50;

/**
 * Rows for a run of removed and added lines between two unchanged ones. Each removed
 * line is paired with the most similar of the next added lines of the same block, if
 * similar enough, and shown as changed; the rest stay removed or added, in order.
 */
function hunkRows(removed: DiffLine[], added: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const addedWords = added.map((line) => wordCounts(line.text));
  let nextAdded = 0;
  const emitAddedUpTo = (end: number) => {
    for (; nextAdded < end; nextAdded++) {
      rows.push({ kind: "added", block: added[nextAdded].block, after: [{ text: added[nextAdded].text }] });
    }
  };
  for (const line of removed) {
    const words = wordCounts(line.text);
    let best = -1;
    let bestSimilarity = similarEnough;
    let compared = 0;
    for (let i = nextAdded; i < added.length && compared < pairingWindow; i++) {
      if (added[i].block !== line.block) continue;
      compared++;
      const score = similarity(words, addedWords[i]);
      if (score > bestSimilarity) {
        best = i;
        bestSimilarity = score;
      }
    }
    if (best < 0) {
      rows.push({ kind: "removed", block: line.block, before: [{ text: line.text }] });
      continue;
    }
    emitAddedUpTo(best);
    rows.push({ kind: "changed", block: line.block, ...diffWords(line.text, added[best].text) });
    nextAdded = best + 1;
  }
  emitAddedUpTo(added.length);
  return rows;
}

export function diffStatements(a: PublicStatement, b: PublicStatement): DiffRow[] {
  const before = statementLines(a);
  const after = statementLines(b);
  const key = (line: DiffLine) => `${line.block}\n${line.text}`;
  const edits = diffSequences(before.map(key), after.map(key));

  const rows: DiffRow[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    if (removed.length + added.length > 0) rows.push(...hunkRows(removed, added));
    removed = [];
    added = [];
  };
  for (const edit of edits) {
    if (edit.kind === "removed") removed.push(before[edit.before!]);
    else if (edit.kind === "added") added.push(after[edit.after!]);
    else {
      flush();
      const line = after[edit.after!];
      rows.push({ kind: "same", block: line.block, before: [{ text: line.text }], after: [{ text: line.text }] });
    }
  }
  flush();
  return rows;
}

/** A run of unchanged lines left out of the comparison, shown as "… 40 unchanged lines". */
export interface FoldedRun {
  kind: "folded";
  block: DiffBlock;
  count: number;
}

/**
 * The rows to show: every change with up to `context` unchanged lines before and after
 * it; longer runs of unchanged lines in between fold into one FoldedRun. A run of one
 * line stays, as its fold would take as much room.
 */
export function foldUnchanged(rows: DiffRow[], context = 2): Array<DiffRow | FoldedRun> {
  const changes = rows.flatMap((row, index) => (row.kind === "same" ? [] : [index]));
  const near = (index: number) => changes.some((change) => Math.abs(change - index) <= context);
  const shown: Array<DiffRow | FoldedRun> = [];
  let hidden: DiffRow[] = [];
  const flush = () => {
    if (hidden.length === 1) shown.push(hidden[0]);
    else if (hidden.length > 1) shown.push({ kind: "folded", block: hidden[0].block, count: hidden.length });
    hidden = [];
  };
  rows.forEach((row, index) => {
    if (row.kind === "same" && !near(index)) {
      hidden.push(row);
      return;
    }
    flush();
    shown.push(row);
  });
  flush();
  return shown;
}

/**
 * What the console compares when nobody chose: the newest version against the draft
 * being written, or without a draft the previous version against the newest.
 * `numbers` is the published history, newest first.
 */
export function defaultComparison(numbers: readonly number[], hasDraft: boolean): { from: number | null; to: number | "draft" | null } {
  if (hasDraft) return { from: numbers[0] ?? null, to: "draft" };
  return { from: numbers[1] ?? numbers[0] ?? null, to: numbers[0] ?? null };
}
