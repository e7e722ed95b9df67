"use client";

/** Opens the browser's print dialog; no inline script, so it runs under the nonce-only policy. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand px-4 py-1.5 font-semibold text-white" data-testid="print-button">
      {label}
    </button>
  );
}
