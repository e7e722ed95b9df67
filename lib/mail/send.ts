import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db/client";

/**
 * Outgoing mail. With SMTP_HOST set it goes to that SMTP server; otherwise it is kept
 * in the OutboxMail table, readable at /{locale}/dev/outbox outside production.
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  tenantId?: string | null;
}

export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM || "Inzage <no-reply@inzage.localhost>";
}

export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_HOST);
}

let transporter: Transporter | null = null;

function smtp(): Transporter {
  transporter ??= nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: process.env.SMTP_SECURE === "true",
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
    // Local test peers speak plain SMTP; real servers offer STARTTLS, which nodemailer uses when offered.
    ignoreTLS: process.env.SMTP_IGNORE_TLS === "true",
  });
  return transporter;
}

export async function sendMail(mail: Mail): Promise<void> {
  if (smtpConfigured()) {
    await smtp().sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  await (await db()).outboxMail.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, tenantId: mail.tenantId ?? null },
  });
}

/** Whether the development outbox page may be shown: never in production, except in the local demo. */
export function outboxVisible(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" || env.INZAGE_DEMO === "1";
}
