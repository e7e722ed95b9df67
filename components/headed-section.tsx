import type { ReactNode } from "react";

/** A section named by its h2 heading (`id` is the heading's, for aria-labelledby). */
export function HeadedSection({ id, title, className = "space-y-3", testId, children }: { id: string; title: ReactNode; className?: string; testId?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
