import { countryName, countryOptions } from "@/lib/geo/countries";
import { translator } from "@/lib/i18n/messages";
import {
  cookieCategories,
  dataOrigins,
  durationUnits,
  legalBases,
  provisionRequirements,
  recipientRoles,
  sectionPlacements,
  transferSafeguards,
  type Locale,
} from "@/lib/policy/content";
import type { EditorOptions } from "./model";

/** The labels of the editor's choices in the reader's language, for the server page to hand to the editor. */
export function editorOptions(locale: Locale): EditorOptions {
  const t = translator(locale);
  return {
    placements: sectionPlacements.map((value) => ({ value, label: t(`Editor.placements.${value}`) })),
    legalBases: legalBases.map((value) => ({ value, label: t(`Enums.legalBasis.${value}`) })),
    provisions: provisionRequirements.map((value) => ({ value, label: t(`Enums.provision.${value}`) })),
    roles: recipientRoles.map((value) => ({ value, label: t(`Enums.recipientRole.${value}`) })),
    safeguards: transferSafeguards.map((value) => ({ value, label: t(`Enums.safeguard.${value}`) })),
    origins: dataOrigins.map((value) => ({ value, label: t(`Editor.origins.${value}`) })),
    cookieCategories: cookieCategories.map((value) => ({ value, label: t(`Enums.cookieCategory.${value}`) })),
    units: durationUnits.map((value) => ({ value, label: t(`Editor.units.${value}`) })),
    countries: [...countryOptions(locale), { value: "EU", label: countryName("EU", locale) }].sort((a, b) =>
      a.label.localeCompare(b.label, locale),
    ),
  };
}
