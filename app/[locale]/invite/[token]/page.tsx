import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { AcceptInvitationForm } from "@/components/console/accept-invitation-form";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/console/context";
import { findInvitation } from "@/lib/console/team";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.invitation.title") };
}

/** Where an invitation link leads: sign in as the invited address, then accept. */
export default async function InvitationPage({ params }: Props) {
  const locale = await localeParam(params);
  const { token } = await params;
  const t = translator(locale);
  const invitation = await findInvitation(token);
  const user = await currentUser();
  const here = `/${locale}/invite/${token}`;
  return (
    <PageShell locale={locale}>
      <ClientMessages namespaces={["Errors", "SignIn", "Console"]}>
        <div className="max-w-2xl space-y-4" data-testid="invitation">
          <h1 className="text-3xl font-bold">{t("Console.invitation.title")}</h1>
          {invitation.state === "invalid" ? (
            <p>{t("Console.invitation.invalid")}</p>
          ) : !user ? (
            <>
              <p>{t("Console.invitation.signInFirst", { company: invitation.tenantName, email: invitation.email })}</p>
              <SignInForm locale={locale} next={here} />
            </>
          ) : user.email !== invitation.email ? (
            <p>{t("Console.invitation.otherEmail", { email: invitation.email, current: user.email })}</p>
          ) : (
            <>
              <p>{t("Console.invitation.ready", { company: invitation.tenantName, role: t(`Console.roles.${invitation.role}`) })}</p>
              <AcceptInvitationForm locale={locale} token={token} company={invitation.tenantName} />
            </>
          )}
        </div>
      </ClientMessages>
    </PageShell>
  );
}
