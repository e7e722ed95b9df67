import { z } from "zod";
import { limits } from "@/lib/rate-limit";
import {
  categoryPattern,
  consentAnswer,
  consentInput,
  errorAnswer,
  maxRecordsPerRequest,
  profileInput,
  putSubjectAnswer,
  recordsAnswer,
  recordsInput,
  recordsPage,
  requestsPage,
  requestStatuses,
  subjectView,
} from "./schemas";

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and kept in
 * docs/openapi.json (a unit test checks they match; regenerate with
 * `npx tsx scripts/write-schemas.ts`). Bodies and answers come from the zod schemas
 * the routes use, so the document cannot drift from the code.
 */

type JsonSchema = Record<string, unknown>;

interface MediaType {
  schema: JsonSchema;
}
interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}
interface ParameterObject {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  description: string;
  schema: JsonSchema;
  style?: "form" | "simple";
  explode?: boolean;
}
interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject | { $ref: string }>;
}
type PathItem = Partial<Record<"get" | "put" | "post" | "delete", OperationObject>> & { parameters?: ParameterObject[] };

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description?: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, PathItem>;
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
  };
}

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const problem = () => ({ "application/problem+json": { schema: ref("Error") } });

const emailParameter: ParameterObject = {
  name: "email",
  in: "path",
  required: true,
  description: "The person's e-mail address, URL-encoded (jan%40example.com). Compared in lowercase.",
  schema: { type: "string", format: "email" },
};

const cursorParameter = (description: string): ParameterObject => ({
  name: "cursor",
  in: "query",
  description,
  schema: { type: "string", pattern: "^[a-z0-9]{1,40}$" },
});

const limitParameter = (name: string, max: number, fallback: number): ParameterObject => ({
  name,
  in: "query",
  description: `How many items per page, 1 to ${max}.`,
  schema: { type: "integer", minimum: 1, maximum: max, default: fallback },
});

const commonErrors = {
  "401": errorRef("Unauthorized"),
  "429": errorRef("TooManyRequests"),
  "500": errorRef("InternalError"),
};

/** The draft-ietf-httpapi-ratelimit-headers fields every answer carries (lib/api/route.ts). */
const rateLimitFields = {
  "RateLimit-Policy": {
    description: `The limit counted: \`"key";q=${limits.apiKey.max};w=${limits.apiKey.windowSeconds}\` for a valid key, \`"address"\` for calls without one.`,
    schema: { type: "string" },
  },
  RateLimit: { description: 'What is left of it: `"key";r=<requests left>;t=<seconds until the window ends>`.', schema: { type: "string" } },
};

/** Adds the RateLimit fields to every answer the document describes. */
function withRateLimitFields(document: OpenApiDocument): OpenApiDocument {
  const answers = [
    ...Object.values(document.paths).flatMap((item) => (["get", "put", "post", "delete"] as const).flatMap((method) => Object.values(item[method]?.responses ?? {}))),
    ...Object.values(document.components.responses),
  ];
  for (const answer of answers) if ("description" in answer) answer.headers = { ...answer.headers, ...rateLimitFields };
  return document;
}

export function openApiDocument(): OpenApiDocument {
  return withRateLimitFields({
    openapi: "3.1.0",
    info: {
      title: "Inzage API",
      version: "1.0.0",
      description: [
        "For a tenant's own systems: keep the people whose data you hold (subjects) and their data up to date in Inzage, so that they can see and export it in their privacy portal, and learn which requests they filed and whether they restricted or objected to processing.",
        "",
        "Authenticate with an API key made in the console (Integrations), in the header `Authorization: Bearer inz_…`. Keys in the query string are refused. A key only reaches its own tenant's data: a subject of another tenant is answered with 404, as if it did not exist.",
        "",
        `Each key may make ${limits.apiKey.max} requests per ${limits.apiKey.windowSeconds} seconds; beyond that the answer is 429 with Retry-After. An address that sends more than ${limits.apiUnauthorizedPerIp.max} requests without a valid key in ${limits.apiUnauthorizedPerIp.windowSeconds / 60} minutes gets 429 instead of 401 until the window ends. Every answer says where the caller stands, in the fields of the IETF draft "RateLimit header fields for HTTP": \`RateLimit-Policy: "key";q=${limits.apiKey.max};w=${limits.apiKey.windowSeconds}\` and \`RateLimit: "key";r=<requests left>;t=<seconds until the window ends>\` (policy \`"address"\` for calls without a valid key; only the 400 for a key in the query carries neither).`,
        "",
        "Every error is an RFC 9457 problem, `application/problem+json`: `type` (`urn:inzage:problem:<code>`), `title`, `status`, `detail`, and the extension members `code` and, with a 400, `issues` (each problem with the body or query and where it is). The same code, message and issues are also under `error` (`{\"error\": {\"code\": \"…\", \"message\": \"…\", \"issues\": […]}}`), as before. A cursor this API did not give out is a 400 (`invalid_cursor`). A method an address does not serve is a 405 (`method_not_allowed`) with `Allow`.",
      ].join("\n"),
    },
    servers: [{ url: "/api/v1", description: "This Inzage installation" }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Subjects", description: "People whose data the tenant holds, with their profile and records." },
      { name: "Requests", description: "Data-subject requests (GDPR art. 15–21) filed with the tenant." },
    ],
    paths: {
      "/subjects/{email}": {
        parameters: [emailParameter],
        get: {
          operationId: "getSubject",
          summary: "Everything the tenant holds on a person",
          description:
            "The profile, the first page of records (continue with GET /subjects/{email}/records?cursor=…), consent (current state and history), requests, profile changes, and whether processing is restricted or objected to — honour these in your systems.",
          tags: ["Subjects"],
          parameters: [limitParameter("recordsLimit", 1000, 500)],
          responses: {
            "200": { description: "The subject.", content: json("Subject") },
            "400": errorRef("BadRequest"),
            "404": errorRef("SubjectNotFound"),
            ...commonErrors,
          },
        },
        put: {
          operationId: "putSubject",
          summary: "Create or update a person's profile",
          description:
            "Creates the subject when the tenant does not know the address yet. Fields left out stay as they are; null (or an empty text) clears one. Each change is kept in the profile history with changedBy \"api\". customFields accepts only the keys of the tenant's own profile fields.",
          tags: ["Subjects"],
          requestBody: { required: true, content: json("ProfileInput") },
          responses: {
            "200": { description: "The subject existed and is updated.", content: json("PutSubjectAnswer") },
            "201": { description: "The subject was created.", content: json("PutSubjectAnswer") },
            "400": errorRef("BadRequest"),
            "413": errorRef("TooLarge"),
            "415": errorRef("UnsupportedMediaType"),
            ...commonErrors,
          },
        },
      },
      "/subjects/{email}/records": {
        parameters: [emailParameter],
        get: {
          operationId: "listSubjectRecords",
          summary: "A page of a person's records",
          tags: ["Subjects"],
          parameters: [
            cursorParameter("nextCursor of the previous page."),
            limitParameter("limit", 1000, 500),
            { name: "category", in: "query", description: "Only records of this category.", schema: { type: "string", pattern: categoryPattern.source } },
          ],
          responses: {
            "200": { description: "Records, oldest first.", content: json("RecordsPage") },
            "400": errorRef("BadRequest"),
            "404": errorRef("SubjectNotFound"),
            ...commonErrors,
          },
        },
        post: {
          operationId: "addSubjectRecords",
          summary: "Add records to a person",
          description: `Up to ${maxRecordsPerRequest} records and 1 MB per request. The subject must exist (PUT /subjects/{email} first).`,
          tags: ["Subjects"],
          requestBody: { required: true, content: json("RecordsInput") },
          responses: {
            "201": { description: "The records were added.", content: json("RecordsAnswer") },
            "400": errorRef("BadRequest"),
            "404": errorRef("SubjectNotFound"),
            "413": errorRef("TooLarge"),
            "415": errorRef("UnsupportedMediaType"),
            ...commonErrors,
          },
        },
      },
      "/subjects/{email}/consents": {
        parameters: [emailParameter],
        post: {
          operationId: "recordSubjectConsent",
          summary: "Record consent collected elsewhere",
          description:
            "Art. 7(1) GDPR: appends consent given or withdrawn outside the portal (on paper, by phone, in a shop) to the person's consent history, with the wording version they were shown, when, through which channel and where the proof is kept. Nothing is ever changed or removed; a later event counts over an earlier one by collectedAt. Audited, and sent as the webhook event consent.changed. Giving consent needs a purpose the portal asks for now (active, and based on consent in the privacy statement in force); withdrawing is always recorded. Consent to an earlier wording version is recorded as such, and the portal asks the person again.",
          tags: ["Subjects"],
          requestBody: { required: true, content: json("ConsentInput") },
          responses: {
            "201": { description: "The consent event was appended.", content: json("ConsentAnswer") },
            "400": errorRef("BadRequest"),
            "404": errorRef("SubjectNotFound"),
            "409": errorRef("PurposeNotAsked"),
            "413": errorRef("TooLarge"),
            "415": errorRef("UnsupportedMediaType"),
            ...commonErrors,
          },
        },
      },
      "/requests": {
        get: {
          operationId: "listRequests",
          summary: "The tenant's data-subject requests",
          description: "Oldest first, in pages; filter on one or more statuses.",
          tags: ["Requests"],
          parameters: [
            {
              name: "status",
              in: "query",
              description: "Only requests with one of these statuses; repeat the parameter or separate with commas.",
              schema: { type: "array", items: { type: "string", enum: [...requestStatuses] } },
              style: "form",
              explode: true,
            },
            cursorParameter("nextCursor of the previous page."),
            limitParameter("limit", 200, 50),
          ],
          responses: {
            "200": { description: "Requests.", content: json("RequestsPage") },
            "400": errorRef("BadRequest"),
            ...commonErrors,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key made in the console: inz_ followed by 32 characters." },
      },
      schemas: {
        ProfileInput: schemaOf(profileInput, "input"),
        RecordsInput: schemaOf(recordsInput, "input"),
        Subject: schemaOf(subjectView, "output"),
        PutSubjectAnswer: schemaOf(putSubjectAnswer, "output"),
        RecordsPage: schemaOf(recordsPage, "output"),
        RecordsAnswer: schemaOf(recordsAnswer, "output"),
        ConsentInput: schemaOf(consentInput, "input"),
        ConsentAnswer: schemaOf(consentAnswer, "output"),
        RequestsPage: schemaOf(requestsPage, "output"),
        Error: schemaOf(errorAnswer, "output"),
      },
      responses: {
        BadRequest: {
          description: "The body or query is not valid (codes invalid_json, invalid_body, invalid_query, invalid_cursor, invalid_email, key_in_query); issues says what is wrong where.",
          content: problem(),
        },
        Unauthorized: {
          description: "No key, an unknown key or a revoked key.",
          content: problem(),
          headers: { "WWW-Authenticate": { description: "Bearer", schema: { type: "string" } } },
        },
        SubjectNotFound: { description: "The tenant holds no subject with this address.", content: problem() },
        PurposeNotAsked: {
          description: "Consent cannot be given for this purpose: it is deactivated, or the privacy statement in force does not base it on consent (code purpose_not_asked).",
          content: problem(),
        },
        TooLarge: { description: "The body is larger than allowed (1 MB for records, 64 KB for a profile, 16 KB for a consent).", content: problem() },
        UnsupportedMediaType: { description: "The body was not sent as application/json.", content: problem() },
        TooManyRequests: {
          description: `More than ${limits.apiKey.max} requests with this key within ${limits.apiKey.windowSeconds} seconds.`,
          content: problem(),
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
        },
        InternalError: { description: "An unexpected error; the answer holds no details.", content: problem() },
      },
    },
  });
}
