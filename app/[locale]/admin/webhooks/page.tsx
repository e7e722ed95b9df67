import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { WebhookForm } from "@/components/console/webhook-form";
import { ActionButton } from "@/components/forms/action-button";
import { removeEndpoint, resendDeliveryAction, toggleEndpoint } from "@/app/[locale]/admin/webhooks/actions";
import { HeadedSection } from "@/components/headed-section";
import { requireConsole } from "@/lib/console/context";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { allowedNetworks } from "@/lib/webhooks/endpoint-url";
import { listEndpoints, maxEndpointsPerTenant, recentDeliveries } from "@/lib/webhooks/endpoints";
import { webhookEvents } from "@/lib/webhooks/events";
import { standardSecret } from "@/lib/webhooks/signature";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.webhooks.title") };
}

export default async function WebhooksPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "integrations.manage", `/${locale}/admin/webhooks`);
  const t = translator(locale);
  const [endpoints, deliveries] = await Promise.all([listEndpoints(context.tenant.id), recentDeliveries(context.tenant.id)]);
  const networks = allowedNetworks().map((network) => network.cidr);
  const urlHint = networks.length > 0 ? t("Console.webhooks.urlHintAllowed", { networks: networks.join(", ") }) : t("Console.webhooks.urlHint");
  const time = (date: Date) => `${formatDate(date, locale)} ${date.toISOString().slice(11, 19)} UTC`;
  return (
    <ConsoleShell context={context} locale={locale} section="webhooks">
      <div className="space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("Console.webhooks.title")}</h1>
          <p className="max-w-3xl text-muted">{t("Console.webhooks.intro")}</p>
        </div>
        <HeadedSection id="endpoints-heading" title={t("Console.webhooks.endpoints")}>
          {endpoints.length === 0 && <p>{t("Console.webhooks.none")}</p>}
          <ul className="space-y-3" data-testid="endpoints">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="space-y-2 rounded border border-line p-3">
                <p className="break-all font-semibold">{endpoint.url}</p>
                {endpoint.description && <p>{endpoint.description}</p>}
                <p className="text-sm">
                  {t("Console.webhooks.subscribed")}: {endpoint.events.join(", ")}
                </p>
                <p className="text-sm">
                  {t("Console.webhooks.secret")}: <code className="break-all">{endpoint.secret}</code>
                </p>
                <p className="text-sm">
                  {t("Console.webhooks.standardSecret")}: <code className="break-all">{standardSecret(endpoint.secret)}</code>
                </p>
                <p className="text-sm">{endpoint.active ? t("Console.webhooks.active") : t("Console.webhooks.inactive")}</p>
                <div className="flex flex-wrap gap-2">
                  <ActionButton
                    action={toggleEndpoint}
                    fields={{ locale, endpointId: endpoint.id, active: String(!endpoint.active) }}
                    label={endpoint.active ? t("Console.webhooks.disable") : t("Console.webhooks.enable")}
                  />
                  <ActionButton action={removeEndpoint} fields={{ locale, endpointId: endpoint.id }} label={t("Console.webhooks.delete")} variant="danger" />
                </div>
              </li>
            ))}
          </ul>
          <h3 className="text-lg font-semibold">{t("Console.webhooks.addTitle")}</h3>
          <p className="text-sm text-muted">{t("Console.webhooks.limit", { count: endpoints.length, max: maxEndpointsPerTenant })}</p>
          {/* Message keys cannot hold dots: the text of request.created is eventNames.request_created. */}
          <WebhookForm locale={locale} urlHint={urlHint} events={webhookEvents.map((event) => ({ value: event, label: t(`Console.webhooks.eventNames.${event.replace(".", "_")}` as never) }))} />
        </HeadedSection>
        <HeadedSection id="deliveries-heading" title={t("Console.webhooks.deliveries")}>
          {deliveries.length === 0 ? (
            <p>{t("Console.webhooks.noDeliveries")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table" data-testid="deliveries">
                <caption className="sr-only">{t("Console.webhooks.deliveries")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("Console.webhooks.event")}</th>
                    <th scope="col">{t("Console.webhooks.endpoint")}</th>
                    <th scope="col">{t("Console.webhooks.status")}</th>
                    <th scope="col">{t("Console.webhooks.attempts")}</th>
                    <th scope="col">{t("Console.webhooks.response")}</th>
                    <th scope="col">{t("Console.webhooks.created")}</th>
                    <th scope="col">
                      <span className="sr-only">{t("Console.webhooks.resend")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <th scope="row" className="font-normal">
                        <code>{delivery.eventType}</code>
                        <span className="block text-xs text-muted">{delivery.eventId}</span>
                      </th>
                      <td data-label={t("Console.webhooks.endpoint")} className="break-all">
                        {delivery.endpoint.url}
                      </td>
                      <td data-label={t("Console.webhooks.status")}>{t(`Console.webhooks.deliveryStatus.${delivery.status}`)}</td>
                      <td data-label={t("Console.webhooks.attempts")}>{delivery.attempts}</td>
                      <td data-label={t("Console.webhooks.response")}>{delivery.lastStatusCode ?? delivery.lastError ?? "–"}</td>
                      <td data-label={t("Console.webhooks.created")}>{time(delivery.createdAt)}</td>
                      <td>
                        <ActionButton action={resendDeliveryAction} fields={{ locale, deliveryId: delivery.id }} label={t("Console.webhooks.resend")} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </HeadedSection>
      </div>
    </ConsoleShell>
  );
}
