import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

/** "Tell me when this statement changes": a plain form that works without JavaScript. */
export function SubscribeForm({ slug, locale, email = "", invalid = false }: { slug: string; locale: Locale; email?: string; invalid?: boolean }) {
  const t = translator(locale);
  return (
    <form method="post" action={`/api/t/${slug}/subscriptions`} className="no-print space-y-2 rounded border border-line p-4" data-testid="subscribe-form">
      <input type="hidden" name="locale" value={locale} />
      <label htmlFor="subscribe-email" className="block font-medium">
        {t("Subscription.label")}
      </label>
      <p id="subscribe-hint" className="text-sm text-muted">
        {t("Subscription.hint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id="subscribe-email"
          name="email"
          type="email"
          required
          autoComplete="email"
          defaultValue={email}
          aria-invalid={invalid}
          aria-describedby={invalid ? "subscribe-hint subscribe-error" : "subscribe-hint"}
          className="min-w-64 flex-1 rounded border border-gray-500 px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
          {t("Subscription.submit")}
        </button>
      </div>
      {invalid && (
        <p id="subscribe-error" className="text-sm font-medium text-red-700">
          {t("Errors.email")}
        </p>
      )}
    </form>
  );
}
