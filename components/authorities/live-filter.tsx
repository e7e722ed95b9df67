"use client";

import { useEffect, useState } from "react";
import { matchesTerms, searchTerms } from "@/lib/authorities/search";

interface Props {
  /** The search form: its `q` and `country` fields drive the filter. */
  formId: string;
  /** The list whose `[data-group]` sections hold `[data-search]` entries. */
  listId: string;
  /** The "nothing found" message, shown when no entry is left. */
  emptyId: string;
  initialCount: number;
  total: number;
  /** "{count} of {total} authorities shown". */
  template: string;
}

/**
 * Filters the server-rendered overview as the visitor types or picks a country:
 * entries that do not match get `hidden`, as do countries left without entries.
 * Without JavaScript the same form is submitted and the server filters.
 */
export function LiveFilter({ formId, listId, emptyId, initialCount, total, template }: Props) {
  const [count, setCount] = useState(initialCount);

  useEffect(() => {
    const form = document.getElementById(formId);
    const list = document.getElementById(listId);
    if (!(form instanceof HTMLFormElement) || !list) return;
    const apply = () => {
      const data = new FormData(form);
      const terms = searchTerms(String(data.get("q") ?? ""));
      const country = String(data.get("country") ?? "").toUpperCase();
      let visible = 0;
      for (const group of list.querySelectorAll<HTMLElement>("[data-group]")) {
        let inGroup = 0;
        for (const entry of group.querySelectorAll<HTMLElement>("[data-search]")) {
          const show = (!country || entry.dataset.country === country) && matchesTerms(entry.dataset.search ?? "", terms);
          entry.hidden = !show;
          if (show) inGroup += 1;
        }
        group.hidden = inGroup === 0;
        visible += inGroup;
      }
      const empty = document.getElementById(emptyId);
      if (empty) empty.hidden = visible > 0;
      setCount(visible);
    };
    // What was typed before the page became interactive counts too.
    apply();
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    return () => {
      form.removeEventListener("input", apply);
      form.removeEventListener("change", apply);
    };
  }, [formId, listId, emptyId]);

  return (
    <p role="status" className="text-sm text-muted" data-testid="authority-count">
      {template.replace("{count}", String(count)).replace("{total}", String(total))}
    </p>
  );
}
