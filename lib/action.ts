import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { activeTenant, consoleState, type ConsoleContext, type ConsoleState } from "@/lib/console/context";
import { inputProblems } from "@/lib/safe-input";
import { fieldErrorParams, fieldErrors } from "@/lib/validation";

/**
 * The one wrapper for server actions behind forms: who is asking, may they, is the
 * input valid. A failed submit answers with translated-message keys per field and
 * the values as typed, so the form shows them again and nothing is lost.
 */

export interface FormState {
  status: "idle" | "success" | "error";
  /** Field path -> key in the "Errors" messages. */
  fieldErrors?: Record<string, string>;
  /** Field path -> values its message names (such as the bad entry of a list). */
  errorParams?: Record<string, Record<string, string>>;
  /** Key in the "Errors" messages for a problem with the whole form. */
  formError?: string;
  /** What was submitted, to fill the form again. */
  values?: Record<string, unknown>;
  result?: unknown;
}

/** A refusal the user should read, e.g. ActionError("slugTaken", "slug"); params are the values its message names. */
export class ActionError extends Error {
  constructor(
    readonly key: string,
    readonly field?: string,
    readonly params?: Record<string, string>,
  ) {
    super(key);
  }
}

/**
 * The fields of a posted form. An action gets whatever arguments the client sends (a
 * script can call it with anything): what is not a form has no fields.
 */
export function formValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (!(formData instanceof FormData)) return values;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    values[key] = key in values ? [values[key], value].flat() : value;
  }
  return values;
}

type Handler<S extends z.ZodType, Context, Result> = (context: Context, input: z.output<S>) => Promise<Result>;

async function run<S extends z.ZodType, Context, Result>(
  schema: S,
  raw: Record<string, unknown>,
  context: Context,
  handler: Handler<S, Context, Result>,
): Promise<FormState> {
  // NUL and lone surrogates cannot be stored or searched for (lib/safe-input.ts): refused before any field rule.
  const unsafe = inputProblems(raw);
  if (unsafe.length > 0) {
    const fields = Object.fromEntries(unsafe.map((problem) => [String(problem.path[0] ?? "_form"), "invalidCharacters"]));
    return { status: "error", formError: "invalidCharacters", fieldErrors: fields, values: raw };
  }
  const parsed = await schema.safeParseAsync(raw);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), errorParams: fieldErrorParams(parsed.error), values: raw };
  try {
    return { status: "success", result: await handler(context, parsed.data), values: raw };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionError) {
      return error.field
        ? { status: "error", fieldErrors: { [error.field]: error.key }, ...(error.params ? { errorParams: { [error.field]: error.params } } : {}), values: raw }
        : { status: "error", formError: error.key, values: raw };
    }
    console.error(error);
    return { status: "error", formError: "unexpected", values: raw };
  }
}

/** An action of the admin console: needs a signed-in member of the active tenant with the permission. */
export function consoleAction<S extends z.ZodType, Result>(
  permission: Permission,
  schema: S,
  handler: Handler<S, ConsoleContext, Result>,
  read: (formData: FormData) => Record<string, unknown> = formValues,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    runConsoleAction(await consoleState(), permission, schema, formData instanceof FormData ? read(formData) : {}, handler);
}

/** The checks of consoleAction on an already known session state; what the role tests call. */
export async function runConsoleAction<S extends z.ZodType, Result>(
  state: ConsoleState | null,
  permission: Permission,
  schema: S,
  raw: Record<string, unknown>,
  handler: Handler<S, ConsoleContext, Result>,
): Promise<FormState> {
  if (!state?.active) return { status: "error", formError: "signedOut", values: raw };
  if (!can(state.active.role, permission)) return { status: "error", formError: "forbidden", values: raw };
  const tenant = await activeTenant(state.active.tenant.id);
  const context: ConsoleContext = { user: state.user, memberships: state.memberships, tenant, role: state.active.role };
  return run(schema, raw, context, handler);
}

/** An action anyone may call, such as signing up or asking for a sign-in link. */
export function publicAction<S extends z.ZodType, Result>(schema: S, handler: Handler<S, null, Result>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    run(schema, formValues(formData), null, handler);
}
