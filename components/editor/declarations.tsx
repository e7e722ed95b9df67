"use client";

import { useTranslations } from "next-intl";
import { isInEea } from "@/lib/geo/countries";
import { automatedDecisionStates, type Controller, type Declarations } from "@/lib/policy/content";
import { ChoiceInput, LocalizedInput, TextInput } from "./inputs";
import { declarationsId, type FormContent } from "./model";

/**
 * What the statement declares outright: the "none" of a list, no DPO, the change-notice
 * promise, automated decisions, the EU representative and where to get a copy of the
 * safeguards. A "none" box shows only while its list is empty (a list with rows wins).
 */
export function DeclarationFields({
  form,
  controller,
  update,
}: {
  form: FormContent;
  controller: Controller;
  update: (patch: Partial<Declarations>) => void;
}) {
  const t = useTranslations("Editor");
  const d = form.declarations;
  const outsideEea = controller.country !== "" && !isInEea(controller.country);
  const copyable = form.recipients.some((r) => r.safeguard === "STANDARD_CONTRACTUAL_CLAUSES" || r.safeguard === "BINDING_CORPORATE_RULES");
  const box = (name: "noCookies" | "noRecipients" | "noDpo" | "announcesChanges") => (
    <label className="flex min-h-6 items-center gap-2">
      <input id={`decl-${name}`} type="checkbox" checked={d[name]} onChange={(event) => update({ [name]: event.target.checked })} />
      {t(`declarations.${name}`)}
    </label>
  );
  return (
    <section id={declarationsId} tabIndex={-1} aria-labelledby="declarations-heading" className="scroll-mt-20 space-y-4" data-testid="declarations">
      <div>
        <h2 id="declarations-heading" className="text-2xl font-semibold">
          {t("declarations.title")}
        </h2>
        <p className="text-muted">{t("declarations.intro")}</p>
      </div>
      <div className="space-y-2">
        {form.cookies.length === 0 && box("noCookies")}
        {form.recipients.length === 0 && box("noRecipients")}
        {controller.dpoEmail ? <p>{t("declarations.noDpoAppointed")}</p> : box("noDpo")}
        {box("announcesChanges")}
      </div>
      <ChoiceInput
        id="decl-automatedDecisions"
        label={t("declarations.automatedDecisions")}
        value={d.automatedDecisions}
        onChange={(value) => update({ automatedDecisions: value as Declarations["automatedDecisions"] })}
        options={automatedDecisionStates.map((value) => ({ value, label: t(`declarations.automated.${value}`) }))}
      />
      {d.automatedDecisions === "DESCRIBED" && (
        <>
          <LocalizedInput
            id="decl-automatedDecisionLogic"
            label={t("declarations.automatedDecisionLogic")}
            value={d.automatedDecisionLogic}
            onChange={(automatedDecisionLogic) => update({ automatedDecisionLogic })}
            multiline
          />
          <LocalizedInput
            id="decl-automatedDecisionConsequences"
            label={t("declarations.automatedDecisionConsequences")}
            value={d.automatedDecisionConsequences}
            onChange={(automatedDecisionConsequences) => update({ automatedDecisionConsequences })}
            multiline
          />
        </>
      )}
      {(outsideEea || d.representativeName !== "" || d.representativeContact !== "") && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            id="decl-representativeName"
            label={t("declarations.representativeName")}
            value={d.representativeName}
            onChange={(representativeName) => update({ representativeName })}
          />
          <TextInput
            id="decl-representativeContact"
            label={t("declarations.representativeContact")}
            value={d.representativeContact}
            onChange={(representativeContact) => update({ representativeContact })}
          />
        </div>
      )}
      {(copyable || d.safeguardCopy.nl !== "" || d.safeguardCopy.en !== "") && (
        <LocalizedInput
          id="decl-safeguardCopy"
          label={t("declarations.safeguardCopy")}
          value={d.safeguardCopy}
          onChange={(safeguardCopy) => update({ safeguardCopy })}
        />
      )}
    </section>
  );
}
