import type { LocalizedText, StatementContent } from "../../lib/policy/content";

/** A demo tenant as the seed loads it: the company and its published versions, oldest first. */
export interface DemoTenant {
  tenant: {
    slug: string;
    name: string;
    legalName: string;
    address: string;
    country: string;
    registrationNumber: string | null;
    contactEmail: string;
    phone: string | null;
    website: string | null;
    dpoName: string | null;
    dpoEmail: string | null;
    leadAuthorityId: string | null;
    accentColor: string;
  };
  versions: Array<{
    publishedAt: string;
    changeSummary: LocalizedText;
    materialChange: boolean;
    content: StatementContent;
  }>;
}
