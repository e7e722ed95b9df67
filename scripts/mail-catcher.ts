import http from "node:http";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP peer for the end-to-end tests: the app sends mail to it over SMTP, and
 * the tests read what arrived over HTTP (GET /messages?to=address).
 */
interface Received {
  to: string[];
  raw: string;
  receivedAt: string;
}

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 2526);
const messages: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      messages.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        raw: Buffer.concat(chunks).toString("utf8"),
        receivedAt: new Date().toISOString(),
      });
      callback();
    });
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return void response.end("ok");
    const to = url.searchParams.get("to")?.toLowerCase();
    const found = to ? messages.filter((m) => m.to.includes(to)) : messages;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(found));
  })
  .listen(httpPort, "127.0.0.1");

console.log(`mail catcher: SMTP on ${smtpPort}, HTTP on ${httpPort}`);
