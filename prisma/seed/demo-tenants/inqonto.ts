import { emptyDeclarations, type CookieContent, type LocalizedText, type StatementContent, type StatementSection } from "../../../lib/policy/content";
import type { DemoTenant } from "../demo-tenant";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const none = (): LocalizedText => t("", "");

const scope: StatementSection = {
  placement: "INTRO",
  title: t("Waar deze verklaring over gaat", "What this statement covers"),
  body: t(
    "inqonto is online software waarmee u facturen maakt en uw boekhouding bijhoudt. " +
      "Deze verklaring gaat over de gegevens van iedereen die zich bij inqonto aanmeldt, de software gebruikt of onze website bezoekt. Ze maakt deel uit van onze algemene voorwaarden.",
    "inqonto is online software for making invoices and keeping your books. " +
      "This statement is about the data of everyone who signs up for inqonto, uses the software or visits our website. It forms part of our general terms and conditions.",
  ),
};

const ownership: StatementSection = {
  placement: "DATA",
  title: t("Uw administratie blijft van u", "Your records stay yours"),
  body: t(
    "Alles wat u in inqonto invoert, zoals facturen, relaties en boekingen, is en blijft van u. " +
      "Onze medewerkers kennen uw wachtwoord niet en kunnen niet zomaar in uw administratie kijken. Dat lukt hun pas als u hen zelf tijdelijk als gebruiker toevoegt.",
    "Everything you enter into inqonto, such as invoices, contacts and entries, is and remains yours. " +
      "Our staff do not know your password and cannot simply look into your records. They can only do so once you add them yourself as a temporary user.",
  ),
};

const storage: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Waar uw gegevens staan", "Where your data is stored"),
  body: t(
    "inqonto draait bij een externe hostingpartij. De servers die we daar gebruiken, staan in Europa.",
    "inqonto runs at an external hosting company. The servers we use there are located in Europe.",
  ),
};

const takeover: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Als de dienst in andere handen komt", "If the service changes hands"),
  body: t(
    "Neemt een ander bedrijf inqonto of onze overeenkomst met u over, dan gaan uw gegevens mee naar die opvolger. De adviseurs die de overname begeleiden, kunnen ze dan ook inzien.",
    "If another company takes over inqonto or our agreement with you, your data moves with it to that successor. The advisers guiding the takeover may then see it too.",
  ),
};

const authorities: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Onderzoek door instanties", "Investigations by authorities"),
  body: t(
    "Vraagt een bevoegde instantie ons in het kader van een onderzoek om gegevens, dan kunnen we verplicht zijn die af te geven.",
    "If a competent authority asks us for data as part of an investigation, we may be obliged to hand it over.",
  ),
};

const security: StatementSection = {
  placement: "RETENTION",
  title: t("Hoe we uw gegevens beschermen", "How we protect your data"),
  body: t(
    "- Uw wachtwoord bewaren we versleuteld.\n" +
      "- We nemen fysieke, elektronische en organisatorische maatregelen; de servers staan in een beveiligde ruimte.\n" +
      "- In de inhoud van een account kijken we alleen als het echt moet, bijvoorbeeld omdat we vermoeden dat iemand onze voorwaarden overtreedt.\n\n" +
      "Een systeem dat nooit te kraken is, bestaat niet. Gaat er toch iets mis, dan hoort u dat van ons per e-mail of via een bericht op onze website.",
    "- We store your password encrypted.\n" +
      "- We take physical, electronic and organisational measures; the servers sit in a secured facility.\n" +
      "- We look at the contents of an account only when we truly must, for instance because we suspect someone is breaking our terms.\n\n" +
      "No system is impossible to break into. If something does go wrong, you will hear it from us by e-mail or through a notice on our website.",
  ),
};

const publicComputers: StatementSection = {
  placement: "COOKIES",
  title: t("Werkt u op een gedeelde computer?", "Working on a shared computer?"),
  body: t(
    "Onze cookies bevatten geen persoonsgegevens. Gebruikt u een computer die ook door anderen wordt gebruikt, vink 'Onthoud mij' dan niet aan en meld u af als u klaar bent.",
    "Our cookies hold no personal data. If you use a computer that others use too, leave 'Remember me' unticked and sign out when you are done.",
  ),
};

const download: StatementSection = {
  placement: "RIGHTS",
  title: t("Uw gegevens inzien en downloaden", "Viewing and downloading your data"),
  body: t(
    "U kunt uw gegevens op elk moment als CSV-bestand uit inqonto halen. " +
      "Moet iemand anders meekijken, zoals uw accountant, maak dan een subaccount voor die persoon aan. Uw eigen inloggegevens hoeft u dan met niemand te delen.",
    "You can take your data out of inqonto as a CSV file at any moment. " +
      "If someone else needs to look along, such as your accountant, create a sub-account for that person. You then never need to share your own sign-in details.",
  ),
};

const changes: StatementSection = {
  placement: "END",
  title: t("Als deze verklaring verandert", "When this statement changes"),
  body: t(
    "Een nieuwe versie van deze verklaring zetten we op onze website.",
    "We post any new version of this statement on our website.",
  ),
};

const dataCategories: StatementContent["dataCategories"] = [
  {
    key: "account",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Aanmeldgegevens", "Sign-up data"),
    description: t(
      "Naam, contactgegevens waaronder uw e-mailadres, en gegevens over uw bedrijf.",
      "Name, contact details including your e-mail address, and details of your company.",
    ),
    source: none(),
  },
  {
    key: "records",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Administratie", "Business records"),
    description: t(
      "Facturen, relaties, boekingen en andere gegevens die u zelf in inqonto invoert.",
      "Invoices, contacts, entries and other data you enter into inqonto yourself.",
    ),
    source: none(),
  },
  {
    key: "usage",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Gebruiksgegevens", "Usage data"),
    description: t(
      "Wanneer u inlogt, hoeveel gegevens u opslaat en uw IP-adres.",
      "When you sign in, how much data you store and your IP address.",
    ),
    source: none(),
  },
];

const purposes: StatementContent["purposes"] = [
  {
    name: t("Facturen en boekhouding", "Invoicing and bookkeeping"),
    description: t(
      "U met inqonto facturen laten maken en een boekhouding laten voeren die aan de regels voldoet.",
      "Letting you use inqonto to make invoices and keep books that meet the rules.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account", "records"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder deze gegevens kan inqonto geen facturen of boekingen voor u maken.",
      "Without this data inqonto cannot produce invoices or entries for you.",
    ),
  },
  {
    name: t("Onze eigen administratie", "Our own administration"),
    description: t("Uw abonnement bijhouden en u daarvoor factureren.", "Keeping track of your subscription and invoicing you for it."),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder deze gegevens kunnen we uw abonnement niet beheren.",
      "Without this data we cannot manage your subscription.",
    ),
  },
  {
    name: t("Ondersteuning", "Support"),
    description: t("U helpen als u vragen hebt of ergens niet uitkomt.", "Helping you when you have questions or get stuck."),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account"],
    provision: "CONTRACTUAL",
    provisionNote: t("Zonder e-mailadres kunnen we u niet antwoorden.", "Without an e-mail address we cannot reply to you."),
  },
  {
    name: t("Identiteit controleren", "Verifying identity"),
    description: t(
      "Nagaan of degene die inlogt of contact opneemt, echt de eigenaar van het account is.",
      "Checking that whoever signs in or gets in touch really is the owner of the account.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Voorkomen dat iemand anders dan u bij uw administratie komt.",
      "Preventing anyone other than you from reaching your records.",
    ),
    dataCategoryKeys: ["account", "usage"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Kunnen we niet vaststellen wie u bent, dan geven we geen toegang en voeren we uw verzoek niet uit.",
      "If we cannot establish who you are, we grant no access and do not carry out your request.",
    ),
  },
  {
    name: t("Capaciteit bewaken", "Monitoring capacity"),
    description: t(
      "Volgen hoe vaak er wordt ingelogd en hoeveel gegevens er worden opgeslagen, zodat we tijdig servercapaciteit bijschakelen.",
      "Following how often people sign in and how much data is stored, so we add server capacity in good time.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "inqonto snel en beschikbaar houden voor alle gebruikers.",
      "Keeping inqonto fast and available for all users.",
    ),
    dataCategoryKeys: ["usage"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Deze gegevens ontstaan vanzelf bij gebruik van de software.",
      "This data arises by itself as you use the software.",
    ),
  },
  {
    name: t("Nieuwsbrief", "Newsletter"),
    description: t(
      "U per e-mail nieuws over inqonto sturen, alleen als u daar toestemming voor gaf.",
      "Sending you news about inqonto by e-mail, only if you gave permission for it.",
    ),
    legalBasis: "CONSENT",
    legitimateInterest: none(),
    dataCategoryKeys: ["account"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Zonder toestemming krijgt u geen nieuwsbrief; de software blijft gewoon werken.",
      "Without permission you get no newsletter; the software keeps working as usual.",
    ),
  },
  {
    name: t("Marketing, verbetering en personalisatie", "Marketing, improvement and personalisation"),
    description: t(
      "inqonto beter maken, de software afstemmen op uw gebruik en nieuwe klanten over inqonto vertellen.",
      "Making inqonto better, tuning the software to how you use it and telling new customers about inqonto.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Een product bieden dat past bij wat gebruikers nodig hebben, en ons klantenbestand laten groeien.",
      "Offering a product that fits what users need, and growing our customer base.",
    ),
    dataCategoryKeys: ["account", "usage"],
    provision: "VOLUNTARY",
    provisionNote: t("U kunt bezwaar maken tegen dit gebruik.", "You can object to this use."),
  },
];

const deletion = t(
  "Na het opzeggen van uw account. Daarna wissen we de gegevens definitief.",
  "After you cancel your account. After that we delete the data for good.",
);

const retention: StatementContent["retention"] = dataCategories.map((category) => ({
  dataCategoryKey: category.key,
  periodValue: 7,
  periodUnit: "DAYS" as const,
  criteria: deletion,
}));

const sessionLogin: CookieContent = {
  name: "session login",
  provider: "inqonto",
  purpose: t(
    "Houdt u ingelogd op uw account. Vervalt na 60 minuten zonder activiteit of zodra u zich afmeldt.",
    "Keeps you signed in to your account. Expires after 60 minutes without activity or as soon as you sign out.",
  ),
  category: "STRICTLY_NECESSARY",
  lifetimeValue: null,
  lifetimeUnit: "SESSION",
};

const rememberMe: CookieContent = {
  name: "remember me",
  provider: "inqonto",
  purpose: t(
    "Alleen als u 'Onthoud mij' aanvinkt: u hoeft dan niet telkens opnieuw in te loggen. Het cookie verdwijnt zodra u zich uitdrukkelijk afmeldt.",
    "Only if you tick 'Remember me': you then do not have to sign in every time. The cookie is removed as soon as you explicitly sign out.",
  ),
  category: "FUNCTIONAL",
  lifetimeValue: 1,
  lifetimeUnit: "YEARS",
};

const v1: StatementContent = {
  // The statement declares nothing outright: no DPO, recipients or change notice are stated.
  declarations: emptyDeclarations(),
  sections: [scope, ownership, storage, takeover, authorities, security, download, changes],
  dataCategories,
  purposes,
  recipients: [],
  cookies: [sessionLogin],
  retention,
};

const v2: StatementContent = {
  ...v1,
  sections: [scope, ownership, storage, takeover, authorities, security, publicComputers, download, changes],
  cookies: [sessionLogin, rememberMe],
};

export const inqonto: DemoTenant = {
  tenant: {
    slug: "inqonto",
    name: "inqonto",
    legalName: "inqonto",
    address: "Nederland",
    country: "NL",
    registrationNumber: null,
    contactEmail: "info@inqonto.com",
    phone: null,
    website: null,
    dpoName: null,
    dpoEmail: null,
    leadAuthorityId: null,
    accentColor: "#1F6140",
  },
  versions: [
    {
      publishedAt: "2025-01-28T09:00:00.000Z",
      changeSummary: t(
        "Eerste versie in Inzage, overgenomen uit onze privacyverklaring.",
        "First version in Inzage, taken over from our privacy statement.",
      ),
      materialChange: false,
      content: v1,
    },
    {
      publishedAt: "2026-06-15T09:00:00.000Z",
      changeSummary: t(
        "Aangevuld in Inzage: het cookie voor 'Onthoud mij' en het advies die optie niet op een gedeelde computer te gebruiken. Onze privacyverklaring noemde beide al; versie 1 hier liet ze weg.",
        "Completed in Inzage: the 'Remember me' cookie and the advice not to use that option on a shared computer. Our privacy statement already named both; version 1 here left them out.",
      ),
      materialChange: false,
      content: v2,
    },
  ],
};
