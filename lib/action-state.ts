import type { FormState } from "./action";

/** The state of a form before its first submit; importable from client components. */
export const idle: FormState = { status: "idle" };
