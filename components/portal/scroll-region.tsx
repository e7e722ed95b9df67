import type { ReactNode } from "react";

/** A wide table that scrolls sideways on a phone; focusable, so it can be scrolled with the keyboard. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
