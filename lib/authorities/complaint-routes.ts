import { z } from "zod";

/**
 * How to lodge a complaint with each authority (GDPR art. 77; art. 57(2): every
 * authority must make complaining easy, "such as a complaint submission form which
 * can also be completed electronically"). One entry per authority id in ./data.
 *
 * Every URL and e-mail address here was read in a source named in `sources`, on
 * `checkedOn`; nothing is guessed. Two kinds of source were used (there is no
 * internet on the machine where this was written, only stored public copies):
 *  - the authority's own pages (a stored copy of the page itself), and
 *  - the public dataset of supervisory authorities kept by Datenanfragen.de
 *    (github.com/datenanfragen/data, folder supervisory-authorities/, commit
 *    0a29c3d of 2026-07-21), whose entries name the authority's page they came from.
 * Where neither confirmed a form or a procedure page, `kind` is "unverified", `url`
 * is null and `note` says so and what to do instead (the general contact details
 * in ./data stay valid). Re-check every entry when changing checkedOn.
 */

export const complaintRouteSchema = z
  .object({
    /** form: an online complaint form; procedure: a page of the authority saying how to complain; unverified: neither was confirmed. */
    kind: z.enum(["form", "procedure", "unverified"]),
    /** The form, or the page describing the procedure. */
    url: z.string().url().nullable(),
    /** The authority's page explaining its complaint procedure, when it is not `url` itself. */
    infoUrl: z.string().url().nullable(),
    /** An address to which complaints can be sent by e-mail, where the source names one. */
    email: z.string().email().nullable(),
    /** Where the facts above were read. */
    sources: z.array(z.string().url()).min(1),
    /** The date they were checked. */
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Why there is no url, or what else to know (a PEC-only address, mandatory models), in Dutch and English. */
    note: z.object({ nl: z.string().min(1), en: z.string().min(1) }).nullable(),
  })
  .refine((route) => (route.kind === "unverified" ? route.url === null && route.note !== null : route.url !== null || route.note !== null), {
    message: "a route has a url or a stated reason; an unverified one has no url and a reason",
  });

export type ComplaintRoute = z.infer<typeof complaintRouteSchema>;

/** The date the routes below were checked. */
export const ROUTES_CHECKED_ON = "2026-12-03";

const DATASET_COMMIT = "0a29c3d6feee53b02e73204a3dbd312eafe56629";
/** The Datenanfragen.de dataset entry for an authority, at the commit that was read. */
const dataset = (file: string) => `https://github.com/datenanfragen/data/blob/${DATASET_COMMIT}/supervisory-authorities/${file}.json`;

type Entry = Omit<ComplaintRoute, "checkedOn" | "infoUrl" | "email" | "note"> & Partial<Pick<ComplaintRoute, "infoUrl" | "email" | "note">>;

const form = (url: string, sources: string[], extra: Partial<Entry> = {}): Entry => ({ kind: "form", url, sources, ...extra });
const procedure = (url: string | null, sources: string[], extra: Partial<Entry> = {}): Entry => ({ kind: "procedure", url, sources, ...extra });

/** No form or procedure page confirmed: say so, and point at the general contact details. */
function unverified(sources: string[], email: string | null, extra?: { nl: string; en: string }): Entry {
  const nl = "Niet geverifieerd: we vonden geen klachtformulier of klachtpagina die we konden controleren. Stuur uw klacht per post of e-mail naar de contactgegevens hieronder, of kijk op de website.";
  const en = "Not verified: we found no complaint form or complaint page we could check. Send your complaint by post or e-mail to the contact details below, or see the website.";
  return { kind: "unverified", url: null, sources, email, note: { nl: extra ? `${nl} ${extra.nl}` : nl, en: extra ? `${en} ${extra.en}` : en } };
}

const ENTRIES: Record<string, Entry> = {
  // ------------------------------------------------------------ EU member states
  "at-dsb": form(
    "https://www.formularservice.gv.at/site/fsrv/user/formular.aspx?pid=5a37966ab26c4489adc20dc53162fa4d&pn=Bf10e1134f601464e9b3835170de668bd",
    ["https://www.formularservice.gv.at/site/fsrv/user/formular.aspx?pid=5a37966ab26c4489adc20dc53162fa4d&pn=Bf10e1134f601464e9b3835170de668bd", dataset("atdsb")],
    { email: "dsb@dsb.gv.at" },
  ),
  "be-gba-apd": form("https://www.dataprotectionauthority.be/citizen/actions/lodge-a-complaint", [dataset("beapd")], { email: "contact@apd-gba.be" }),
  "bg-cpdp": unverified([dataset("bgcpdp")], "kzld@cpdp.bg"),
  "hr-azop": form("https://azop.hr/zahtjev-za-utvrdivanje-povrede-prava/", [dataset("hrazop")], { email: "azop@azop.hr" }),
  "cy-commissioner": form("https://www.dataprotection.gov.cy/dataprotection/dataprotection.nsf/All/2FBD2ACD407DEFE8C22582B9002E7019", [dataset("cydp")], {
    email: "commissioner@dataprotection.gov.cy",
  }),
  "cz-uoou": unverified([dataset("czcuooz")], null),
  "dk-datatilsynet": procedure("https://www.datatilsynet.dk/borger/klage/behandling-af-klagesager-", ["https://www.datatilsynet.dk/borger/klage/behandling-af-klagesager-", "https://www.datatilsynet.dk/databekymringspostkasse", dataset("dkdi")], {
    email: "dt@datatilsynet.dk",
    note: {
      nl: "Datatilsynet raadt aan zijn klachtformulier te gebruiken (een pdf op zijn site, onder ‘Sådan klager du’); u mag ook op een andere manier klagen. Het adres van dat formulier konden we niet controleren.",
      en: "Datatilsynet recommends its complaint form (a PDF on its site, under ‘Sådan klager du’); you may also complain in another way. We could not check that form's address.",
    },
  }),
  "ee-aki": unverified([dataset("eeaki")], "info@aki.ee"),
  "fi-tietosuoja": form("https://tietosuoja.fi/ilmoitus-tietosuojavaltuutetulle", [dataset("fitst")], { email: "tietosuoja@om.fi" }),
  "fr-cnil": form("https://www.cnil.fr/fr/plaintes", [dataset("frcnil")]),
  "de-bfdi": form("https://formulare.bfdi.bund.de/lip/action/invoke.do?id=BfDIBeschwerde", [dataset("debfdi"), "https://verwaltungsportal.hessen.de/leistung?leistung_id=L100009_6001146&regschl=145240000000"], {
    email: "poststelle@bfdi.bund.de",
  }),
  "gr-hdpa": procedure("https://www.dpa.gr/index.php/en/individuals/complaint-to-the-hellenic-dpa", [dataset("grdpa")], { email: "complaints@dpa.gr" }),
  "hu-naih": unverified([dataset("hunaih")], "ugyfelszolgalat@naih.hu"),
  "ie-dpc": form("https://forms.dataprotection.ie/contact", [dataset("iedpc"), "https://dataprotection.ie/en/individuals/exercising-your-rights/complaints-handling-investigations-and-enforcement-individuals"], {
    infoUrl: "https://dataprotection.ie/en/individuals/exercising-your-rights/complaints-handling-investigations-and-enforcement-individuals",
    email: "info@dataprotection.ie",
  }),
  "it-garante": procedure(null, [dataset("itgpdp"), "https://servizilegaliweb.it/come-fare-reclamo-al-garante-per-violazione-della-privacy-71357.html/amp"], {
    email: "protocollo@pec.gpdp.it",
    note: {
      nl: "We vonden geen online klachtformulier van de Garante. Een klacht (reclamo), op het model van de Garante en ondertekend (met de hand ondertekend: met een kopie van uw identiteitsbewijs), gaat per aangetekende brief naar of afgegeven aan Piazza Venezia 11, 00187 Roma, of per gecertificeerde e-mail (PEC) naar protocollo@pec.gpdp.it; dat adres neemt alleen PEC-berichten aan.",
      en: "We found no online complaint form of the Garante. A complaint (reclamo), on the Garante's model and signed (if signed by hand, with a copy of your identity document), goes by registered letter or by hand to Piazza Venezia 11, 00187 Roma, or by certified e-mail (PEC) to protocollo@pec.gpdp.it; that address accepts PEC messages only.",
    },
  }),
  "lv-dvi": unverified([dataset("lvdvi")], "pasts@dvi.gov.lv"),
  "lt-vdai": unverified([dataset("ltada")], "ada@ada.lt"),
  "lu-cnpd": form("https://cnpd.public.lu/en/particuliers/faire-valoir/formulaire-plainte.html", [dataset("lucnpd")], { email: "info@cnpd.lu" }),
  "mt-idpc": form("https://register.idpc.org.mt/report-breach/complaint/", [dataset("mtidpc")], { email: "idpc.info@idpc.org.mt" }),
  "nl-ap": form("https://autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient", [
    "https://autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient",
    "https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap",
    "https://www.autoriteitpersoonsgegevens.nl/de-ap-en-privacy/privacyverklaring-ap/u-dient-een-klacht-tip-of-datalektip-in",
  ], {
    infoUrl: "https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap",
    // The AP takes complaints through its form or by letter (its privacy statement), not by e-mail.
    email: null,
    note: {
      nl: "De AP neemt klachten aan via het klachtformulier of per brief (Postbus 93374, 2509 AJ Den Haag), niet per e-mail. Twijfelt u, bel dan eerst het gratis nummer 088 - 1805 250.",
      en: "The AP takes complaints through its complaint form or by letter (Postbus 93374, 2509 AJ Den Haag), not by e-mail. If in doubt, call its free number 088 - 1805 250 first.",
    },
  }),
  "pl-uodo": procedure("https://www.biznes.gov.pl/en/opisy-procedur/-/proc/891", ["https://www.biznes.gov.pl/en/opisy-procedur/-/proc/891", dataset("plgiodo")], {
    note: {
      nl: "Een klacht (skarga) bij de UODO gaat per brief, online via de ePUAP-postbus van de UODO (met Profil Zaufany of een gekwalificeerde handtekening) of mondeling op het kantoor.",
      en: "A complaint (skarga) to the UODO goes by letter, online through the UODO's ePUAP inbox (with a Profil Zaufany or a qualified signature) or orally at its office.",
    },
  }),
  "pt-cnpd": unverified([dataset("ptcnpd")], "geral@cnpd.pt"),
  "ro-anspdcp": form("https://www.dataprotection.ro/index.jsp?page=Plangeri_pagina_principala", [dataset("roanspdcp")], { email: "anspdcp@dataprotection.ro" }),
  "sk-uoou": unverified([dataset("skunoou")], "statny.dozor@pdp.gov.sk"),
  "si-ip": unverified([dataset("siiprs")], "gp.ip@ip-rs.si"),
  "es-aepd": form("https://sedeagpd.gob.es/sede-electronica-web/vistas/infoSede/tramitesCiudadano.jsf", [
    dataset("esaepa"),
    "https://sedeagpd.gob.es/sede-electronica-web/vistas/infoSede/tramitesEntidadAll.jsf",
  ], {
    note: {
      nl: "De AEPD schrijft eigen modellen voor klachten (reclamaciones) voor, die verplicht zijn; bij voorkeur in te dienen via haar elektronische loket (sede electrónica).",
      en: "The AEPD prescribes its own complaint models (reclamaciones), which are mandatory; preferably lodged through its electronic office (sede electrónica).",
    },
  }),
  "se-imy": procedure("https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/", ["https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/", dataset("sedi")], {
    email: "imy@imy.se",
  }),

  // ------------------------------------------------------------ EEA / EFTA
  "no-datatilsynet": procedure("https://www.datatilsynet.no/om-datatilsynet/kontakt-oss/klage-til-datatilsynet", ["https://www.datatilsynet.no/om-datatilsynet/kontakt-oss/klage-til-datatilsynet", dataset("nods")]),
  "is-personuvernd": unverified([dataset("isdpa")], "postur@personuvernd.is"),
  "li-dss": unverified([dataset("lidss")], "info.dss@llv.li", {
    nl: "Het dataset noemt een klachtformulier op formulare.llv.li, maar alleen via http; dat adres hebben we niet kunnen controleren.",
    en: "The dataset names a complaint form on formulare.llv.li, but over plain http only; we could not check that address.",
  }),

  // ------------------------------------------------------------ UK and Switzerland
  "gb-ico": form("https://ico.org.uk/make-a-complaint/data-protection-complaints/data-protection-complaints/", [dataset("gbico")], {
    infoUrl: "https://ico.org.uk/make-a-complaint/",
  }),
  "ch-fdpic": unverified([dataset("chedoeb")], null, {
    nl: "De EDÖB heeft een algemeen contactformulier op zijn website; een apart klachtformulier vonden we niet.",
    en: "The FDPIC has a general contact form on its website; we found no separate complaint form.",
  }),

  // ------------------------------------------------------------ German Länder
  "de-bw-lfdi": form("https://www.service-bw.de/onlineantraege/onlineantrag?processInstanceId=994719535", [dataset("debawueldb")], { email: "poststelle@lfdi.bwl.de" }),
  "de-by-lda": form("https://www.lda.bayern.de/de/beschwerde.html", [dataset("debaylda"), "https://lda.bayern.de/de/services_info.html"], { email: "poststelle@lda.bayern.de" }),
  "de-be-blnbdi": form("https://kontakt.datenschutz-berlin.de/", [dataset("deberlbdi")], { email: "mailbox@datenschutz-berlin.de" }),
  "de-bb-lda": form("https://www.lda.brandenburg.de/lda/de/service/formulare-und-musterschreiben/beschwerdeformular/", [dataset("debralda")], {
    email: "poststelle@lda.brandenburg.de",
  }),
  "de-hb-lfdi": form("https://www.datenschutz.bremen.de/wir-ueber-uns/online-meldungen/beschwerdeformular-15253", [dataset("debrelfdi")], { email: "office@datenschutz.bremen.de" }),
  "de-hh-hmbbfdi": form("https://datenschutz-hamburg.de/beschwerde/", [dataset("dehmbbfdi")], { email: "mailbox@datenschutz.hamburg.de" }),
  "de-he-hbdi": form("https://datenschutz.hessen.de/service/beschwerde-uebermitteln", [dataset("dehessbdi")], { email: "poststelle@datenschutz.hessen.de" }),
  "de-mv-lfdi": form("https://www.datenschutz-mv.de/kontakt/online-beschwerdeformular-mitteilung-ueber-einen-datenschutzverstoss/", [dataset("demvldi")], {
    email: "info@datenschutz-mv.de",
  }),
  "de-ni-lfd": form("https://www.navo.niedersachsen.de/navo2/portal/csend/8915/fileget/dsbeschwerdeformular.html", [dataset("dendslfd")], {
    email: "poststelle@lfd.niedersachsen.de",
  }),
  "de-nw-ldi": procedure("https://www.ldi.nrw.de/kontakt/ihre-beschwerde", [dataset("denrwldi")], { email: "poststelle@ldi.nrw.de" }),
  "de-rp-lfdi": form("https://www.datenschutz.rlp.de/de/themenfelder-themen/online-services/beschwerdeformular/", [dataset("derlpbdi")], {
    email: "poststelle@datenschutz.rlp.de",
  }),
  "de-sl-udz": form("https://www.datenschutz.saarland.de/online-dienste/beschwerdeformular", [dataset("desaarudz")], { email: "poststelle@datenschutz.saarland.de" }),
  "de-sn-sdtb": form("https://formulare.datenschutz.sachsen.de/form/provide/53/", [dataset("desaechsdsb")], { email: "post@sdtb.sachsen.de" }),
  "de-st-lfd": form("https://datenschutz.sachsen-anhalt.de/service/online-formulare/beschwerde-anfrage", [dataset("desalbd")], { email: "poststelle@lfd.sachsen-anhalt.de" }),
  "de-sh-uld": form("https://www.datenschutzzentrum.de/formular/beschwerde.php", [dataset("deshuld")], { email: "mail@datenschutzzentrum.de" }),
  "de-th-tlfdi": unverified([dataset("detlfdi")], "poststelle@datenschutz.thueringen.de"),

  // ------------------------------------------------------------ EU institutions
  "eu-edps": form("https://edps.europa.eu/data-protection/our-role-supervisor/complaints/edps-complaint-form_en", [
    "https://edps.europa.eu/data-protection/our-role-supervisor/complaints/edps-complaint-form_en",
    "https://edps.europa.eu/data-protection/our-role-supervisor/complaints_en",
  ], {
    infoUrl: "https://edps.europa.eu/data-protection/our-role-supervisor/complaints_en",
    note: {
      nl: "De EDPS behandelt alleen klachten over instellingen, organen en agentschappen van de EU, binnen twee jaar nadat u van de feiten hoorde; neem eerst contact op met de functionaris voor gegevensbescherming van die instelling.",
      en: "The EDPS handles complaints about EU institutions, bodies and agencies only, within two years of learning the facts; first contact that institution's data protection officer.",
    },
  }),
};

/** The complaint route of an authority id; every authority in ./data has one (checked when ./data loads and in the tests). */
export function complaintRouteFor(id: string): ComplaintRoute | undefined {
  const entry = ENTRIES[id];
  if (!entry) return undefined;
  return { infoUrl: null, email: null, note: null, ...entry, checkedOn: ROUTES_CHECKED_ON };
}

export const complaintRouteIds: readonly string[] = Object.keys(ENTRIES);
