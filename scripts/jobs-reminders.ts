import { disconnect } from "@/lib/db/client";
import { sendReminderDigests } from "@/lib/requests/reminders";

/** npm run jobs:reminders — sends today's reminder digests; the app also runs this on a timer. */
const { digests } = await sendReminderDigests();
console.log(`Reminder digests sent: ${digests}`);
await disconnect();
