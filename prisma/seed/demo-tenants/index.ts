import type { DemoTenant } from "../demo-tenant";
import { allatonce } from "./allatonce";
import { inone } from "./inone";
import { inqonto } from "./inqonto";
import { superoffice } from "./superoffice";
import { web1on1 } from "./web1on1";

export const demoTenants: DemoTenant[] = [inone, allatonce, inqonto, web1on1, superoffice];
