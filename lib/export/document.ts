import {
  exportSchemaVersion,
  type AccessInformation,
  type ExportAccessLogEntry,
  type ExportConsentEvent,
  type ExportConsentState,
  type ExportCustomField,
  type ExportMeta,
  type ExportProfile,
  type ExportProfileChange,
  type ExportRecord,
  type ExportRequest,
} from "./schema";

/**
 * Writes data.json piece by piece: the small parts at once, the long lists (records,
 * history, access log) batch by batch as they are read, so the document is never
 * whole in memory. One list item per line keeps the file readable in an editor.
 */

/** A list item already written as JSON (records come from the database as JSON text). */
export class JsonText {
  constructor(readonly json: string) {}
}

export interface ExportDocumentParts {
  meta: ExportMeta;
  accessInformation: AccessInformation;
  profile: ExportProfile;
  customFields: ExportCustomField[];
  records: AsyncIterable<Array<ExportRecord | JsonText>>;
  profileChanges: AsyncIterable<ExportProfileChange[]>;
  consentsCurrent: ExportConsentState[];
  consentHistory: AsyncIterable<ExportConsentEvent[]>;
  requests: ExportRequest[];
  accessLog: AsyncIterable<ExportAccessLogEntry[]>;
}

const indent = (json: string, depth: number) => json.replace(/\n/g, "\n" + "  ".repeat(depth));
const pretty = (value: unknown, depth: number) => indent(JSON.stringify(value, null, 2), depth);

async function* array<T>(batches: AsyncIterable<T[]> | T[][], depth: number): AsyncGenerator<string> {
  let first = true;
  const pad = "  ".repeat(depth + 1);
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    let text = "";
    for (const item of batch) {
      text += (first ? "\n" : ",\n") + pad + (item instanceof JsonText ? item.json : JSON.stringify(item));
      first = false;
    }
    yield text;
  }
  yield first ? "]" : "\n" + "  ".repeat(depth) + "]";
}

export async function* exportDocumentText(parts: ExportDocumentParts): AsyncGenerator<string> {
  yield `{\n  "schemaVersion": ${exportSchemaVersion},\n`;
  yield `  "export": ${pretty(parts.meta, 1)},\n`;
  yield `  "accessInformation": ${pretty(parts.accessInformation, 1)},\n`;
  yield `  "profile": ${pretty(parts.profile, 1)},\n`;
  yield `  "customFields": [`;
  yield* array([parts.customFields], 1);
  yield `,\n  "records": [`;
  yield* array(parts.records, 1);
  yield `,\n  "profileChanges": [`;
  yield* array(parts.profileChanges, 1);
  yield `,\n  "consents": {\n    "current": [`;
  yield* array([parts.consentsCurrent], 2);
  yield `,\n    "history": [`;
  yield* array(parts.consentHistory, 2);
  yield `\n  },\n  "requests": [`;
  yield* array(parts.requests.length ? [parts.requests] : [], 1);
  yield `,\n  "accessLog": [`;
  yield* array(parts.accessLog, 1);
  yield `\n}\n`;
}
