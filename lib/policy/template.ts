import { placeholderRecipientName } from "./completeness";
import { emptyDeclarations, type LocalizedText, type StatementContent } from "./content";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const none = (): LocalizedText => t("", "");

/**
 * The statement a new tenant starts from. Every part is meant to be checked and edited
 * before the first version is published; the company name and contact address are filled in.
 */
export function statementTemplate(company: { name: string; contactEmail: string }): StatementContent {
  const { name, contactEmail: email } = company;
  const mail = `[${email}](mailto:${email})`;

  return {
    // Nothing declared: the company ticks what is true for it (no cookies, no DPO, ...).
    declarations: emptyDeclarations(),
    sections: [
      {
        placement: "INTRO",
        title: t("Waar deze verklaring over gaat", "What this statement covers"),
        body: t(
          `Hier leest u welke persoonsgegevens ${name} gebruikt, waarom we dat doen en hoe lang we ze houden. ` +
            `De verklaring geldt voor onze online dienst, onze website en het contact dat u met ons hebt per e-mail of telefoon.\n\n` +
            `Staat uw vraag er niet bij? Mail ons dan op ${mail}.`,
          `Here you can read which personal data ${name} uses, why we do so and how long we hold on to it. ` +
            `The statement applies to our online service, our website and the contact you have with us by e-mail or phone.\n\n` +
            `Is your question not answered here? Then e-mail us at ${mail}.`,
        ),
      },
      {
        placement: "DATA",
        title: t(
          "Gegevens die u ons geeft en gegevens die we zelf vastleggen",
          "Data you give us and data we record ourselves",
        ),
        body: t(
          "Een deel van de gegevens krijgen we rechtstreeks van u, bijvoorbeeld als u een account aanmaakt, een abonnement afsluit of de helpdesk iets vraagt. " +
            "Andere gegevens legt de dienst zelf vast terwijl u hem gebruikt, zoals het moment waarop u inlogt en de onderdelen die u opent. " +
            "Gegevens over u van andere partijen kopen of verzamelen we niet.",
          "Some data we receive from you directly, for example when you create an account, take out a subscription or ask the helpdesk something. " +
            "Other data is recorded by the service itself while you use it, such as the moment you sign in and the parts you open. " +
            "We do not buy or gather data about you from other parties.",
        ),
      },
      {
        placement: "RETENTION",
        title: t("Hoe we uw gegevens beschermen", "How we protect your data"),
        body: t(
          "- Elke verbinding met onze dienst loopt via HTTPS.\n" +
            "- Wachtwoorden bewaren we uitsluitend als onomkeerbare hash.\n" +
            "- Medewerkers zien alleen de gegevens die ze voor hun eigen taak nodig hebben.\n" +
            "- We maken dagelijks back-ups en oefenen met het terugzetten ervan.\n\n" +
            "Raken gegevens toch in verkeerde handen, dan melden we dat aan de toezichthouder en aan u wanneer de wet dat vraagt.",
          "- Every connection to our service runs over HTTPS.\n" +
            "- Passwords are kept only as a one-way hash.\n" +
            "- Staff see only the data they need for their own task.\n" +
            "- We make daily backups and practise restoring them.\n\n" +
            "Should data still end up in the wrong hands, we report it to the supervisory authority and to you whenever the law requires that.",
        ),
      },
      {
        placement: "RIGHTS",
        title: t("Minimumleeftijd", "Minimum age"),
        body: t(
          `${name} richt zich op volwassenen en bedrijven. Bent u jonger dan 16, vraag dan eerst een ouder of voogd om toestemming voordat u ons gegevens geeft. ` +
            "Blijkt dat we zonder die toestemming gegevens van een kind hebben ontvangen, dan wissen we ze.",
          `${name} is aimed at adults and businesses. If you are under 16, first ask a parent or guardian for permission before giving us any data. ` +
            "If we find we have received a child's data without that permission, we erase it.",
        ),
      },
    ],
    dataCategories: [
      {
        key: "contact",
        name: t("Contactgegevens", "Contact details"),
        description: t(
          "Naam, e-mailadres en, als u dat opgeeft, telefoonnummer.",
          "Name, e-mail address and, if you provide it, phone number.",
        ),
        origin: "SUBJECT",
        source: none(),
        publiclyAccessible: null,
      },
      {
        key: "account",
        name: t("Accountgegevens", "Account data"),
        description: t(
          "Gebruikersnaam, wachtwoord-hash, uw instellingen en de rol die u binnen het account hebt.",
          "Username, password hash, your settings and the role you hold within the account.",
        ),
        origin: "SUBJECT",
        source: none(),
        publiclyAccessible: null,
      },
      {
        key: "usage",
        name: t("Gebruiksgegevens", "Usage data"),
        description: t(
          "IP-adres, type browser, tijdstippen van inloggen en welke functies u gebruikt. De dienst legt dit automatisch vast.",
          "IP address, browser type, sign-in times and which features you use. The service records this automatically.",
        ),
        origin: "SUBJECT",
        source: none(),
        publiclyAccessible: null,
      },
      {
        key: "billing",
        name: t("Factuurgegevens", "Billing data"),
        description: t(
          "Bedrijfsnaam, factuuradres, btw-nummer, gefactureerde bedragen en de manier waarop u betaalt.",
          "Company name, billing address, VAT number, amounts invoiced and the way you pay.",
        ),
        origin: "SUBJECT",
        source: none(),
        publiclyAccessible: null,
      },
      {
        key: "support",
        name: t("Supportberichten", "Support messages"),
        description: t(
          "Wat u aan onze helpdesk vraagt of meldt, en onze antwoorden daarop.",
          "What you ask or report to our helpdesk, and our replies.",
        ),
        origin: "SUBJECT",
        source: none(),
        publiclyAccessible: null,
      },
    ],
    purposes: [
      {
        name: t("De dienst leveren", "Providing the service"),
        description: t(
          "Uw account aanmaken, u laten inloggen en de functies van de dienst voor u laten werken.",
          "Creating your account, letting you sign in and making the service's features work for you.",
        ),
        legalBasis: "CONTRACT",
        legitimateInterest: none(),
        dataCategoryKeys: ["contact", "account", "usage"],
        provision: "CONTRACTUAL",
        provisionNote: t(
          "Zonder deze gegevens kunnen we geen account voor u openen.",
          "Without this data we cannot open an account for you.",
        ),
      },
      {
        name: t("Ondersteuning", "Support"),
        description: t(
          "Uw vragen en meldingen beantwoorden en storingen in uw account oplossen.",
          "Answering your questions and reports and fixing problems in your account.",
        ),
        legalBasis: "CONTRACT",
        legitimateInterest: none(),
        dataCategoryKeys: ["contact", "account", "support"],
        provision: "CONTRACTUAL",
        provisionNote: t(
          "Zonder contactgegevens kunnen we u geen antwoord sturen.",
          "Without contact details we cannot send you a reply.",
        ),
      },
      {
        name: t("De dienst verbeteren", "Improving the service"),
        description: t(
          "Nagaan welke onderdelen veel of weinig worden gebruikt en waar fouten optreden, zodat we gericht kunnen verbeteren.",
          "Finding out which parts are used often or rarely and where errors occur, so we can make targeted improvements.",
        ),
        legalBasis: "LEGITIMATE_INTEREST",
        legitimateInterest: t(
          `${name} wil een dienst aanbieden die betrouwbaar is en prettig werkt. Daarvoor moeten we weten hoe hij in de praktijk wordt gebruikt.`,
          `${name} wants to offer a service that is reliable and pleasant to use. For that we need to know how it is used in practice.`,
        ),
        dataCategoryKeys: ["usage"],
        provision: "VOLUNTARY",
        provisionNote: t(
          "Deze gegevens ontstaan vanzelf bij gebruik van de dienst. U kunt bezwaar maken tegen dit gebruik ervan.",
          "This data arises by itself as you use the service. You can object to it being used this way.",
        ),
      },
      {
        name: t("Nieuwsbrief", "Newsletter"),
        description: t(
          "U per e-mail op de hoogte houden van nieuwe functies en tips, als u zich daarvoor hebt aangemeld.",
          "Keeping you informed by e-mail about new features and tips, if you have signed up for that.",
        ),
        legalBasis: "CONSENT",
        legitimateInterest: none(),
        dataCategoryKeys: ["contact"],
        provision: "VOLUNTARY",
        provisionNote: t(
          "Meldt u zich niet aan, dan ontvangt u geen nieuwsbrief. De dienst zelf werkt gewoon. Afmelden kan via de link onder elke nieuwsbrief.",
          "If you do not sign up, you receive no newsletter; the service itself works as normal. You can unsubscribe through the link at the bottom of every issue.",
        ),
      },
      {
        name: t("Boekhouding", "Bookkeeping"),
        description: t(
          "Facturen opstellen en onze administratie voeren zoals de belastingwet dat voorschrijft.",
          "Drawing up invoices and keeping our accounts as tax law prescribes.",
        ),
        legalBasis: "LEGAL_OBLIGATION",
        legitimateInterest: none(),
        dataCategoryKeys: ["contact", "billing"],
        provision: "STATUTORY",
        provisionNote: t(
          "De wet verplicht ons deze gegevens op facturen te vermelden en te bewaren. Zonder die gegevens kunnen we geen betaald abonnement leveren.",
          "The law requires us to state this data on invoices and keep it. Without it we cannot provide a paid subscription.",
        ),
      },
    ],
    recipients: [
      {
        name: placeholderRecipientName,
        role: "PROCESSOR",
        purpose: t(
          "Draait onze dienst en bewaart de database waarin uw gegevens staan.",
          "Runs our service and stores the database that holds your data.",
        ),
        dataShared: t("Alle gegevens die in de dienst zijn opgeslagen.", "All data stored in the service."),
        country: "NL",
        safeguard: null,
        policyUrl: null,
      },
    ],
    cookies: [
      {
        name: "session",
        provider: name,
        purpose: t(
          "Onthoudt dat u bent ingelogd zolang u de dienst gebruikt. Verdwijnt zodra u de browser sluit.",
          "Remembers that you are signed in while you use the service. Disappears as soon as you close the browser.",
        ),
        category: "STRICTLY_NECESSARY",
        lifetimeValue: null,
        lifetimeUnit: "SESSION",
      },
    ],
    retention: [
      {
        dataCategoryKey: "contact",
        periodValue: 3,
        periodUnit: "MONTHS",
        criteria: t(
          "Na het opheffen van uw account of na uw afmelding voor de nieuwsbrief. Staan de gegevens op een factuur, dan geldt de termijn voor factuurgegevens.",
          "After your account is closed or you unsubscribe from the newsletter. Where the data appears on an invoice, the period for billing data applies.",
        ),
      },
      {
        dataCategoryKey: "account",
        periodValue: 3,
        periodUnit: "MONTHS",
        criteria: t("Na het opheffen van uw account.", "After your account is closed."),
      },
      {
        dataCategoryKey: "usage",
        periodValue: 12,
        periodUnit: "MONTHS",
        criteria: t("Vanaf het moment dat de dienst ze vastlegt.", "From the moment the service records them."),
      },
      {
        dataCategoryKey: "billing",
        periodValue: 7,
        periodUnit: "YEARS",
        criteria: t(
          "Gerekend vanaf het einde van het boekjaar waarin de factuur is opgemaakt. Zo lang moeten we ze bewaren op grond van de fiscale bewaarplicht (artikel 52 Algemene wet inzake rijksbelastingen).",
          "Counted from the end of the financial year in which the invoice was issued. We must keep them that long under the Dutch tax retention duty (Article 52 of the General Tax Act, AWR).",
        ),
      },
      {
        dataCategoryKey: "support",
        periodValue: 2,
        periodUnit: "YEARS",
        criteria: t("Nadat uw vraag of melding is afgehandeld.", "After your question or report has been dealt with."),
      },
    ],
  };
}
