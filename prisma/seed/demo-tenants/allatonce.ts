import { emptyDeclarations, type LocalizedText, type PurposeContent, type StatementContent, type StatementSection } from "../../../lib/policy/content";
import type { DemoTenant } from "../demo-tenant";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const none = (): LocalizedText => t("", "");

const scope: StatementSection = {
  placement: "INTRO",
  title: t("Waar deze verklaring over gaat", "What this statement covers"),
  body: t(
    "ALL@ONCE levert online software om facturen te maken en te versturen, en daarnaast een tool voor een helpcentrum. " +
      "In deze verklaring staat wat we doen met de gegevens van mensen die zich bij ons registreren, van de contactpersonen, vertegenwoordigers en gebruikers van onze zakelijke klanten, en van iedereen die onze software gebruikt.",
    "ALL@ONCE provides online software for creating and sending invoices, along with a help-centre tool. " +
      "This statement sets out what we do with the data of people who register with us, of the contact persons, representatives and users of our business customers, and of everyone who uses our software.",
  ),
};

const requiredOptional: StatementSection = {
  placement: "DATA",
  title: t("Verplichte en optionele gegevens", "Required and optional data"),
  body: t(
    "Voor een account hebben we maar twee dingen nodig: de naam van uw bedrijf en een e-mailadres. " +
      "De rest vult u alleen in als u dat zelf wilt: uw voor- en achternaam, adres, mobiel of vast telefoonnummer, btw-nummer, taal en of u direct marketing wilt ontvangen.\n\n" +
      "Terwijl u met de software werkt, houdt ons systeem automatisch tijdstippen en logregels bij, samen met uw IP-adres en de versie van uw browser. Ook gebruiken we cookies.",
    "For an account we need just two things: your company's name and an e-mail address. " +
      "Everything else you fill in only if you choose to: your first and last name, address, mobile or landline number, VAT number, language and whether you want to receive direct marketing.\n\n" +
      "While you work with the software, our system automatically notes times and log lines, together with your IP address and your browser version. We also use cookies.",
  ),
};

const sharing: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Wanneer we gegevens delen", "When we share data"),
  body: t(
    "We geven gegevens alleen door als de wet dat toestaat of voorschrijft, en dan in deze gevallen:\n\n" +
      "- aan dienstverleners die in onze opdracht werken en alleen doen wat wij hun vragen;\n" +
      "- als het nodig is om onze rechten of de veiligheid van anderen te beschermen, of om fraude tegen te gaan;\n" +
      "- als een overheidsinstantie erom vraagt.",
    "We pass data on only where the law allows or requires it, and then in these cases:\n\n" +
      "- to service providers who work on our behalf and do only what we ask of them;\n" +
      "- where needed to protect our rights or the safety of others, or to counter fraud;\n" +
      "- when a government body asks for it.",
  ),
};

const merger: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Verkoop of fusie", "Sale or merger"),
  body: t(
    "Gaat ALL@ONCE samen met een ander bedrijf, of verkopen we bedrijfsonderdelen, dan kunnen gegevens overgaan naar de nieuwe eigenaar.",
    "If ALL@ONCE combines with another company, or we sell parts of the business, data may pass to the new owner.",
  ),
};

const noSale: StatementSection = {
  placement: "RECIPIENTS",
  title: t("We verkopen geen gegevens", "We do not sell data"),
  body: t("Uw gegevens zijn niet te koop, bij niemand.", "Your data is not for sale, to anyone."),
};

const security: StatementSection = {
  placement: "RETENTION",
  title: t("Hoe we uw gegevens beschermen", "How we protect your data"),
  body: t(
    "We beveiligen gegevens tegen verlies, tegen misbruik en tegen inzage door mensen die er niets mee te maken hebben. " +
      "Hoe zwaar we dat doen, stemmen we af op hoe gevoelig de gegevens zijn en op wat de techniek op dit moment mogelijk maakt. " +
      "Een uitgebreidere beschrijving staat in een apart beveiligingsdocument.",
    "We secure data against loss, against misuse and against viewing by people who have no business with it. " +
      "How heavily we do so depends on how sensitive the data is and on what technology currently makes possible. " +
      "A fuller description is set out in a separate security document.",
  ),
};

const cookies: StatementSection = {
  placement: "COOKIES",
  title: t("Cookies", "Cookies"),
  body: t(
    "Een aantal functies van ALL@ONCE werkt alleen met cookies. U kunt cookies in uw browser tegenhouden of wissen; houd er dan rekening mee dat sommige onderdelen van de software niet meer goed werken.",
    "Some ALL@ONCE features only work with cookies. You can block or delete cookies in your browser; bear in mind that some parts of the software may then stop working properly.",
  ),
};

const minimumAge: StatementSection = {
  placement: "RIGHTS",
  title: t("Minimumleeftijd", "Minimum age"),
  body: t(
    "Om een account bij ALL@ONCE te openen moet u minstens 18 jaar oud zijn.",
    "You must be at least 18 years old to open an ALL@ONCE account.",
  ),
};

const download: StatementSection = {
  placement: "RIGHTS",
  title: t("Uw gegevens inzien en downloaden", "Viewing and downloading your data"),
  body: t(
    "De meeste gegevens bekijkt en wijzigt u zelf in de app. Lukt dat niet, gebruik dan het contactformulier in het Help Center. " +
      "Wilt u uw gegevens meenemen naar een andere dienst, dan ontvangt u ze in een gestructureerd bestand dat computers kunnen lezen.\n\n" +
      "Bedrijfsnaam en e-mailadres zijn verplicht voor een account. Die kunnen we pas wissen als u het account zelf opheft.",
    "You can view and change most data yourself in the app. If that does not work, use the contact form in the Help Center. " +
      "If you want to take your data to another service, you receive it in a structured file that computers can read.\n\n" +
      "Company name and e-mail address are required for an account. We can only erase them once you close the account itself.",
  ),
};

const changes: StatementSection = {
  placement: "END",
  title: t("Als deze verklaring verandert", "When this statement changes"),
  body: t(
    "Passen we deze verklaring aan, dan ziet u daarover een melding in de software zelf.",
    "When we update this statement, you will see a notice about it inside the software.",
  ),
};

const dataCategories: StatementContent["dataCategories"] = [
  {
    key: "account",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Registratiegegevens", "Registration data"),
    description: t("Bedrijfsnaam en e-mailadres.", "Company name and e-mail address."),
    source: none(),
  },
  {
    key: "profile",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Aanvullende profielgegevens", "Additional profile data"),
    description: t(
      "Voor- en achternaam, adres, mobiel en vast telefoonnummer, btw-nummer, taal en uw keuze voor of tegen direct marketing.",
      "First and last name, address, mobile and landline number, VAT number, language and your choice for or against direct marketing.",
    ),
    source: none(),
  },
  {
    key: "business-contacts",
    origin: "OTHER",
    publiclyAccessible: null,
    name: t("Contactpersonen van zakelijke klanten", "Business customers' contact persons"),
    description: t(
      "Namen en contactgegevens van contactpersonen, vertegenwoordigers en gebruikers bij zakelijke klanten.",
      "Names and contact details of contact persons, representatives and users at business customers.",
    ),
    source: t(
      "Van de zakelijke klant waarvoor u werkt of die u vertegenwoordigt.",
      "From the business customer you work for or represent.",
    ),
  },
  {
    key: "technical",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Technische gegevens", "Technical data"),
    description: t(
      "Tijdstippen, logbestanden, IP-adres, browserversie en gegevens uit cookies.",
      "Timestamps, log files, IP address, browser version and data from cookies.",
    ),
    source: none(),
  },
];

const marketing = (description: LocalizedText, note: LocalizedText): PurposeContent => ({
  name: t("Marketing en reclame", "Marketing and advertising"),
  description,
  legalBasis: "LEGITIMATE_INTEREST",
  legitimateInterest: t(
    "ALL@ONCE onder de aandacht brengen van bestaande en nieuwe klanten.",
    "Bringing ALL@ONCE to the attention of existing and new customers.",
  ),
  dataCategoryKeys: ["account", "profile", "technical"],
  provision: "VOLUNTARY",
  provisionNote: note,
});

const basePurposes: StatementContent["purposes"] = [
  {
    name: t("De dienst leveren", "Providing the service"),
    description: t(
      "Uw account openen en de factuursoftware en het helpcentrum voor u en uw collega's laten werken.",
      "Opening your account and running the invoicing software and the help centre for you and your colleagues.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account", "profile", "business-contacts"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder bedrijfsnaam en e-mailadres kunnen we geen account voor u openen.",
      "Without a company name and e-mail address we cannot open an account for you.",
    ),
  },
  {
    name: t("Ondersteuning", "Support"),
    description: t(
      "Uw vragen beantwoorden en problemen oplossen die u in de software tegenkomt.",
      "Answering your questions and solving problems you run into in the software.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account", "profile", "technical"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder e-mailadres kunnen we u niet antwoorden.",
      "Without an e-mail address we cannot reply to you.",
    ),
  },
  {
    name: t("Facturering", "Billing"),
    description: t("U een factuur sturen voor het gebruik van ALL@ONCE.", "Sending you an invoice for your use of ALL@ONCE."),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account", "profile"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder deze gegevens kunnen we u niet factureren.",
      "Without this data we cannot invoice you.",
    ),
  },
  {
    name: t("De software ontwikkelen", "Developing the software"),
    description: t(
      "Fouten opsporen en herstellen, en nieuwe functies bouwen.",
      "Finding and fixing bugs, and building new features.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Software leveren die zonder fouten werkt en met de wensen van gebruikers meegroeit.",
      "Delivering software that works without errors and grows with what users need.",
    ),
    dataCategoryKeys: ["technical"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Deze gegevens ontstaan vanzelf als u de software gebruikt. U kunt bezwaar maken tegen dit gebruik ervan.",
      "This data arises by itself as you use the software. You can object to it being used this way.",
    ),
  },
];

const dataRetention = t(
  "Zolang uw account bestaat en we de gegevens nodig hebben. Verwijdert u het account, dan wissen we de gegevens meteen uit onze systemen; in back-ups blijven ze nog hooguit een jaar bestaan.",
  "For as long as your account exists and we need the data. When you delete the account, we wipe the data from our systems straight away; backups may still hold it for up to a year.",
);

const retention: StatementContent["retention"] = dataCategories.map((category) => ({
  dataCategoryKey: category.key,
  periodValue: 1,
  periodUnit: "YEARS" as const,
  criteria: dataRetention,
}));

const v1: StatementContent = {
  // Changes are announced inside the service, but not promised before they take effect; nothing else is declared.
  declarations: emptyDeclarations(),
  sections: [scope, requiredOptional, sharing, merger, noSale, security, cookies, minimumAge, changes],
  dataCategories,
  purposes: [
    ...basePurposes,
    marketing(
      t(
        "U nieuws en aanbiedingen sturen en advertenties tonen.",
        "Sending you news and offers and showing advertisements.",
      ),
      t("U kunt direct marketing op elk moment weigeren.", "You can refuse direct marketing at any time."),
    ),
  ],
  recipients: [],
  cookies: [],
  retention,
};

const v2: StatementContent = {
  ...v1,
  sections: [scope, requiredOptional, sharing, merger, noSale, security, cookies, minimumAge, download, changes],
  purposes: [
    ...basePurposes,
    marketing(
      t(
        "U nieuws en aanbiedingen sturen en advertenties tonen. Daarbij stemmen we direct marketing af op uw profiel: op basis van uw gegevens en gebruik bepalen we welke berichten bij u passen (profilering).",
        "Sending you news and offers and showing advertisements. In doing so we tailor direct marketing to your profile: based on your data and use we decide which messages suit you (profiling).",
      ),
      t(
        "U kunt direct marketing op elk moment weigeren en bezwaar maken tegen profilering.",
        "You can refuse direct marketing at any time and object to profiling.",
      ),
    ),
  ],
};

export const allatonce: DemoTenant = {
  tenant: {
    slug: "allatonce",
    name: "ALL@ONCE",
    legalName: "ALL@ONCE",
    address: "Dumolinlaan 1/13, 8500 Kortrijk",
    country: "BE",
    registrationNumber: null,
    contactEmail: "rosy@allatonce.be",
    phone: null,
    website: null,
    dpoName: null,
    dpoEmail: null,
    leadAuthorityId: null,
    accentColor: "#8B1E3F",
  },
  versions: [
    {
      publishedAt: "2025-05-20T09:00:00.000Z",
      changeSummary: t(
        "Eerste versie in Inzage, overgenomen uit onze privacyverklaring.",
        "First version in Inzage, taken over from our privacy statement.",
      ),
      materialChange: false,
      content: v1,
    },
    {
      publishedAt: "2026-04-07T09:00:00.000Z",
      changeSummary: t(
        "Aangevuld in Inzage: de profilering bij direct marketing en het recht om daartegen bezwaar te maken, en het downloaden van uw gegevens in een machineleesbaar formaat. Onze privacyverklaring noemde die al; versie 1 hier liet ze weg. Aan onze verwerking zelf veranderde niets.",
        "Completed in Inzage: the profiling used for direct marketing and the right to object to it, and downloading your data in a machine-readable format. Our privacy statement already named these; version 1 here left them out. Our processing itself did not change.",
      ),
      materialChange: true,
      content: v2,
    },
  ],
};
