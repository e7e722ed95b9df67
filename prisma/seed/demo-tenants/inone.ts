import { emptyDeclarations, type LocalizedText, type RecipientContent, type StatementContent, type StatementSection } from "../../../lib/policy/content";
import type { DemoTenant } from "../demo-tenant";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const none = (): LocalizedText => t("", "");

const scope = (sites: LocalizedText): StatementSection => ({
  placement: "INTRO",
  title: t("Waar deze verklaring over gaat", "What this statement covers"),
  body: t(
    "inONE brengt inkopers en hun leveranciers samen: via ons bestelplatform, op het web en in de app, plaatsen inkopers hun bestellingen. " +
      `Deze verklaring geldt voor al onze producten, voor de app en voor ${sites.nl}. ` +
      "Ook gegevens die we buiten het web verzamelen vallen eronder, bijvoorbeeld als u ons spreekt op een evenement of een beurs.",
    "inONE brings buyers and their suppliers together: buyers place their orders through our ordering platform, on the web and in the app. " +
      `This statement applies to all our products, to the app and to ${sites.en}. ` +
      "It also covers data we collect away from the web, for example when you talk to us at an event or a trade fair.",
  ),
});

const sources: StatementSection = {
  placement: "DATA",
  title: t("Waar we gegevens vandaan halen", "Where we get data from"),
  body: t(
    "Gegevens komen langs drie wegen bij ons binnen:\n\n" +
      "- **Van uzelf.** U geeft ons uw naam, e-mailadres en eventueel uw telefoonnummer, bijvoorbeeld als u een account aanmaakt, iets koopt, ons belt of langskomt op ons kantoor.\n" +
      "- **Automatisch.** Gebruikt u de app of een van onze websites, dan registreren wij en onze leveranciers onder meer uw IP-adres, het soort apparaat, het besturingssysteem en de versie daarvan, uw browser, de pagina's die u bekijkt en wat u daar aanklikt. Op basis van het IP-adres schatten we ruwweg in waar u zich bevindt.\n" +
      "- **Via anderen.** Leveranciers die op het platform actief zijn, partners met wie we samen campagnes voeren en sociale media kunnen gegevens over u aan ons doorgeven.",
    "Data reaches us in three ways:\n\n" +
      "- **From you.** You give us your name, e-mail address and possibly your phone number, for example when you create an account, buy something, call us or visit our office.\n" +
      "- **Automatically.** When you use the app or one of our websites, we and our vendors register things such as your IP address, the kind of device, its operating system and version, your browser, the pages you view and what you click on there. From the IP address we make a rough estimate of where you are.\n" +
      "- **Through others.** Suppliers active on the platform, partners we run joint campaigns with, and social media may pass data about you on to us.",
  ),
};

const payments: StatementSection = {
  placement: "DATA",
  title: t("Betaalgegevens", "Payment details"),
  body: t(
    "Koopt u iets op myinone.com of via een van onze medewerkers, dan bewaren we de betaalgegevens die u daarbij opgeeft. We zetten ze uitsluitend in voor die ene aankoop. " +
      "Werkt u met het platform zonder te betalen, bijvoorbeeld met een gratis account, dan vragen we helemaal geen betaalgegevens.",
    "If you buy something on myinone.com or through one of our staff, we keep the payment details you enter for it. We use them for that one purchase only. " +
      "If you work with the platform without paying, for example on a free account, we do not ask for payment details at all.",
  ),
};

const otherRecipients: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Andere ontvangers", "Other recipients"),
  body: t(
    "Behalve de verwerkers in de tabel kunnen ook deze partijen gegevens van ons krijgen:\n\n" +
      "- bedrijven die voor ons hosting, websitebeheer, webverkoop en verzending, kaartbetalingen of e-mail regelen;\n" +
      "- ondernemingen die bij inONE horen, zoals dochterbedrijven, op grond van ons gerechtvaardigd belang;\n" +
      "- politie of rechter, wanneer we wettelijk verplicht zijn gegevens af te staan.\n\n" +
      "Voor analyses van de branche delen we soms totaalcijfers. Daaruit is niet meer af te leiden over wie ze gaan.",
    "Besides the processors in the table, these parties may also receive data from us:\n\n" +
      "- companies that handle hosting, website management, online sales and shipping, card payments or e-mail for us;\n" +
      "- businesses that belong to inONE, such as subsidiaries, on the basis of our legitimate interest;\n" +
      "- the police or a court, when the law obliges us to hand data over.\n\n" +
      "For analyses of the sector we sometimes share totals. Those no longer reveal who they are about.",
  ),
};

const storage: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Opslag en doorgifte", "Storage location and transfers"),
  body: t(
    "Uw gegevens staan in uw eigen regio, in de Europese Unie, of in het land waar een verwerker of gelieerde onderneming van ons actief is. " +
      "Onze belangrijkste datacenters staan in Nederland, Ierland en Duitsland. " +
      "Verlaten gegevens de EER, dan spreken we met de ontvanger de standaardcontractbepalingen van de Europese Commissie af.",
    "Your data is kept in your own region, in the European Union, or in the country where one of our processors or affiliates operates. " +
      "Our main data centres are in the Netherlands, Ireland and Germany. " +
      "When data leaves the EEA, we agree the European Commission's standard contractual clauses with the recipient.",
  ),
};

const merger: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Verkoop of fusie", "Sale or merger"),
  body: t(
    "Wordt inONE, of een deel ervan, verkocht of gaat het bedrijf op in een fusie, dan gaan de gegevens over naar de koper. U hoort dat van ons per e-mail of via een bericht op onze website.",
    "If inONE, or part of it, is sold or merges into another business, the data passes to the buyer. You will hear about it from us by e-mail or through a notice on our website.",
  ),
};

const noSale: StatementSection = {
  placement: "RECIPIENTS",
  title: t("We verkopen geen gegevens", "We do not sell data"),
  body: t("Uw gegevens zijn voor ons geen handelswaar: we verkopen ze aan niemand.", "Your data is not a commodity to us: we sell it to no one."),
};

const security: StatementSection = {
  placement: "RETENTION",
  title: t("Hoe we uw gegevens beschermen", "How we protect your data"),
  body: t(
    "- Onze systemen draaien in afgeschermde omgevingen waar alleen bevoegde mensen bij kunnen.\n" +
      "- De datacenters die we gebruiken, hebben we eerst op hun beveiliging gecontroleerd.\n" +
      "- Verkeer tussen uw apparaat en onze servers is versleuteld met TLS.\n" +
      "- Wachtwoorden slaan we zo op dat niemand ze kan terughalen, wijzelf ook niet.\n" +
      "- Iedere gebruiker logt in met een eigen, persoonlijk account.\n\n" +
      "Medewerkers van inONE vragen u nooit om uw wachtwoord. Krijgt u toch zo'n vraag, geef het dan niet en laat het ons weten via [cs@myinone.com](mailto:cs@myinone.com).",
    "- Our systems run in shielded environments that only authorised people can reach.\n" +
      "- We checked the security of the data centres we use before choosing them.\n" +
      "- Traffic between your device and our servers is encrypted with TLS.\n" +
      "- Passwords are stored in a way nobody can reverse, ourselves included.\n" +
      "- Every user signs in with their own personal account.\n\n" +
      "inONE staff will never ask you for your password. If someone does, do not give it and let us know at [cs@myinone.com](mailto:cs@myinone.com).",
  ),
};

const cookieNote = (trackers: LocalizedText): StatementSection => ({
  placement: "COOKIES",
  title: t("Wie cookies plaatst", "Who places cookies"),
  body: t(
    "Op onze websites en in de app plaatsen de volgende partijen cookies of vergelijkbare technieken:\n\n" +
      "- inONE zelf: analytische en functionele cookies;\n" +
      "- Pardot: trackingcookies en webbeacons;\n" +
      `- ${trackers.nl}: trackingcookies;\n` +
      "- Zendesk: analytische en functionele cookies.",
    "The following parties place cookies or similar techniques on our websites and in the app:\n\n" +
      "- inONE itself: analytics and functional cookies;\n" +
      "- Pardot: tracking cookies and web beacons;\n" +
      `- ${trackers.en}: tracking cookies;\n` +
      "- Zendesk: analytics and functional cookies.",
  ),
});

const responseTime: StatementSection = {
  placement: "RIGHTS",
  title: t("Hoe snel we reageren", "How quickly we respond"),
  body: t(
    "Op een verzoek over uw gegevens krijgt u binnen 30 dagen antwoord. " +
      "Wilt u iets laten verbeteren, dan kunt u ook mailen naar [privacy@myinone.com](mailto:privacy@myinone.com). " +
      "Bezwaar tegen gebruik op grond van ons gerechtvaardigd belang stuurt u naar [cs@myinone.com](mailto:cs@myinone.com).",
    "You will receive an answer to a request about your data within 30 days. " +
      "If you want something corrected, you can also write to [privacy@myinone.com](mailto:privacy@myinone.com). " +
      "Objections to use based on our legitimate interest go to [cs@myinone.com](mailto:cs@myinone.com).",
  ),
};

const changes: StatementSection = {
  placement: "END",
  title: t("Nieuwe datum en bericht vooraf", "A new date, and notice in advance"),
  body: t(
    "Bij elke wijziging zetten we een nieuwe datum bovenaan deze verklaring. Gaat het om een ingrijpende wijziging, dan kondigen we die vooraf aan of sturen we u er zelf bericht over.",
    "With every change we put a new date at the top of this statement. If a change is significant, we announce it in advance or send you a message about it ourselves.",
  ),
};

const dataCategories: StatementContent["dataCategories"] = [
  {
    key: "contact",
    origin: "BOTH",
    publiclyAccessible: null,
    name: t("Contactgegevens", "Contact details"),
    description: t(
      "Naam, e-mailadres, adres en, als u dat opgeeft, telefoonnummer.",
      "Name, e-mail address, postal address and, if you give it, phone number.",
    ),
    source: t(
      "leveranciers op het platform, partners met wie we samen marketing doen, en sociale media",
      "suppliers on the platform, partners we market jointly with, and social media",
    ),
  },
  {
    key: "payment",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Betaalgegevens", "Payment data"),
    description: t(
      "Gegevens van uw betaalkaart of bankrekening (IBAN) waarmee u een aankoop betaalt.",
      "Details of the card or bank account (IBAN) you use to pay for a purchase.",
    ),
    source: none(),
  },
  {
    key: "usage",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Gebruiks- en apparaatgegevens", "Usage and device data"),
    description: t(
      "IP-adres en de globale locatie die daaruit volgt, soort apparaat, besturingssysteem en versie, browser, bekeken pagina's, zoekopdrachten, klikken, foutmeldingen en cookiegegevens.",
      "IP address and the rough location derived from it, kind of device, operating system and version, browser, pages viewed, searches, clicks, error reports and cookie data.",
    ),
    source: none(),
  },
];

const purposes: StatementContent["purposes"] = [
  {
    name: t("Geïnteresseerden informeren", "Informing people who are exploring inONE"),
    description: t(
      "Verdiept u zich in inONE via onze website, aan de telefoon, op ons kantoor of op een evenement, dan sturen we u productnieuws. Daarnaast zien we uit welke regio's onze websitebezoekers komen.",
      "If you look into inONE through our website, on the phone, at our office or at an event, we send you product news. We also see which regions our website visitors come from.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Mensen die belangstelling tonen voor ons platform op de hoogte houden, en weten in welke regio's die belangstelling zit.",
      "Keeping people who show interest in our platform up to date, and knowing in which regions that interest lies.",
    ),
    dataCategoryKeys: ["contact", "usage"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "U bent niet verplicht ons gegevens te geven; zonder e-mailadres sturen we u geen productnieuws.",
      "You are under no obligation to give us data; without an e-mail address we send you no product news.",
    ),
  },
  {
    name: t("Aankopen afhandelen", "Handling purchases"),
    description: t(
      "Een bestelling op myinone.com of via een medewerker verwerken en u helpen het product in gebruik te nemen.",
      "Processing an order on myinone.com or through a member of staff, and helping you start using the product.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["contact", "payment"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder naam, e-mailadres, adres en betaalgegevens kunnen we de aankoop niet afronden. Uw telefoonnummer is optioneel.",
      "Without your name, e-mail address, postal address and payment details we cannot complete the purchase. Your phone number is optional.",
    ),
  },
  {
    name: t("Toegang tot het platform", "Access to the platform"),
    description: t(
      "Uw account activeren, u koppelen aan uw leveranciers en u helpen als u vastloopt, ook bij een gratis account.",
      "Activating your account, linking you to your suppliers and helping you when you get stuck, including on a free account.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["contact"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder naam, e-mailadres en adres kunnen we het platform niet voor u openzetten. Uw telefoonnummer is optioneel.",
      "Without your name, e-mail address and postal address we cannot open the platform for you. Your phone number is optional.",
    ),
  },
  {
    name: t("Onderzoek en productverbetering", "Research and product improvement"),
    description: t(
      "Fouten opsporen en bekijken hoe het platform wordt gebruikt, waarop wordt gezocht en waar op wordt geklikt.",
      "Tracking down errors and looking at how the platform is used, what people search for and what they click.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Een platform bouwen dat goed werkt en steeds beter aansluit op wat inkopers en leveranciers nodig hebben.",
      "Building a platform that works well and fits ever better with what buyers and suppliers need.",
    ),
    dataCategoryKeys: ["usage"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Deze gegevens ontstaan bij gebruik van het platform. U kunt bezwaar maken via cs@myinone.com.",
      "This data arises as you use the platform. You can object by writing to cs@myinone.com.",
    ),
  },
  {
    name: t("Veiligheid, fraude en geschillen", "Security, fraud and disputes"),
    description: t(
      "Het platform beveiligen, fraude voorkomen en opsporen, geschillen oplossen en onze voorwaarden handhaven.",
      "Securing the platform, preventing and detecting fraud, resolving disputes and enforcing our terms.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Onze gebruikers, onze leveranciers en onszelf beschermen tegen misbruik en schade.",
      "Protecting our users, our suppliers and ourselves against abuse and harm.",
    ),
    dataCategoryKeys: ["contact", "payment", "usage"],
    provision: "VOLUNTARY",
    provisionNote: none(),
  },
  {
    name: t("Bedrijfsanalyses", "Business intelligence"),
    description: t(
      "Gebruiksgegevens samenvoegen tot totaalcijfers waarmee we het platform en de branche beter begrijpen.",
      "Combining usage data into totals that help us understand the platform and the sector better.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Inzicht krijgen in hoe het platform en de markt zich ontwikkelen, zodat we betere keuzes maken.",
      "Gaining insight into how the platform and the market develop, so we make better decisions.",
    ),
    dataCategoryKeys: ["usage"],
    provision: "VOLUNTARY",
    provisionNote: none(),
  },
  {
    name: t("Communicatie en marketing", "Communication and marketing"),
    description: t(
      "U berichten sturen per e-mail of in de app, u om uw mening vragen in een enquête, u melden dat er een update is en advertenties tonen.",
      "Sending you messages by e-mail or in the app, asking your opinion in a survey, telling you an update is available and showing advertisements.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Klanten en gebruikers op de hoogte houden van wat inONE doet en nieuwe klanten bereiken.",
      "Keeping customers and users informed about what inONE does, and reaching new customers.",
    ),
    dataCategoryKeys: ["contact", "usage"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Wilt u deze berichten niet, maak dan bezwaar via cs@myinone.com.",
      "If you do not want these messages, object by writing to cs@myinone.com.",
    ),
  },
];

const salesforce: RecipientContent = {
  name: "Salesforce",
  role: "PROCESSOR",
  purpose: t("Beheer van klant- en contactgegevens (CRM).", "Managing customer and contact records (CRM)."),
  dataShared: t("Naam, telefoonnummer, e-mailadres, adres.", "Name, phone number, e-mail address, postal address."),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const zuora: RecipientContent = {
  name: "Zuora",
  role: "PROCESSOR",
  purpose: t("Facturering van abonnementen.", "Subscription billing."),
  dataShared: t(
    "Naam, telefoonnummer, e-mailadres, adres en IBAN.",
    "Name, phone number, e-mail address, postal address and IBAN.",
  ),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const adyen: RecipientContent = {
  name: "Adyen",
  role: "PROCESSOR",
  purpose: t("Verwerking van betalingen.", "Payment processing."),
  dataShared: t(
    "Naam, telefoonnummer, e-mailadres, adres en IBAN.",
    "Name, phone number, e-mail address, postal address and IBAN.",
  ),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const pardot: RecipientContent = {
  name: "Pardot (Salesforce)",
  role: "PROCESSOR",
  purpose: t(
    "Marketing per e-mail, met trackingcookies en webbeacons.",
    "E-mail marketing, using tracking cookies and web beacons.",
  ),
  dataShared: t(
    "Naam, telefoonnummer, e-mailadres, adres en aanvullende marketinggegevens.",
    "Name, phone number, e-mail address, postal address and further marketing data.",
  ),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const googleAnalytics: RecipientContent = {
  name: "Google Analytics",
  role: "PROCESSOR",
  purpose: t("Statistieken over het gebruik van website en app.", "Statistics on how the website and app are used."),
  dataShared: t("IP-adres en gedrag in de app.", "IP address and behaviour in the app."),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const mixpanel: RecipientContent = {
  name: "Mixpanel",
  role: "PROCESSOR",
  purpose: t("Analyse van hoe het product wordt gebruikt.", "Analysis of how the product is used."),
  dataShared: t("IP-adres, naam, e-mailadres en gebruiksgedrag.", "IP address, name, e-mail address and usage behaviour."),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const zendesk: RecipientContent = {
  name: "Zendesk",
  role: "PROCESSOR",
  purpose: t("Klantenservice en afhandeling van supportvragen.", "Customer service and handling support requests."),
  dataShared: t("Naam, telefoonnummer, e-mailadres, adres.", "Name, phone number, e-mail address, postal address."),
  country: null,
  safeguard: null,
  policyUrl: null,
};
const newVoiceMedia: RecipientContent = {
  name: "NewVoiceMedia",
  role: "PROCESSOR",
  purpose: t("Telefonie voor ons klantcontact.", "Telephony for our customer contact."),
  dataShared: t("Telefoonnummer.", "Phone number."),
  country: null,
  safeguard: null,
  policyUrl: null,
};

const retention: StatementContent["retention"] = [
  {
    dataCategoryKey: "contact",
    periodValue: null,
    periodUnit: null,
    criteria: t(
      "Geen vaste termijn. We volgen interne richtlijnen en bewaren deze gegevens zolang u het platform gebruikt of contact met ons onderhoudt. Hoe lang dat voor u is, hoort u via cs@myinone.com.",
      "No fixed period. We follow internal guidelines and keep this data while you use the platform or stay in touch with us. How long that is in your case, you can find out at cs@myinone.com.",
    ),
  },
  {
    dataCategoryKey: "payment",
    periodValue: null,
    periodUnit: null,
    criteria: t(
      "Geen vaste termijn. We gebruiken deze gegevens alleen voor de aankoop waarvoor u ze gaf en bewaren ze volgens interne richtlijnen. De termijn kunt u opvragen via cs@myinone.com.",
      "No fixed period. We use this data only for the purchase you gave it for and keep it under internal guidelines. You can ask for the period at cs@myinone.com.",
    ),
  },
  {
    dataCategoryKey: "usage",
    periodValue: null,
    periodUnit: null,
    criteria: t(
      "Geen vaste termijn; we houden ons aan interne richtlijnen. Voor analyses werken we zoveel mogelijk met totaalcijfers. Vragen over de termijn kunt u stellen via cs@myinone.com.",
      "No fixed period; we keep to internal guidelines. For analyses we work with totals wherever we can. Questions about the period can go to cs@myinone.com.",
    ),
  },
];

const v1: StatementContent = {
  // The statement promises advance notice of material changes; it declares nothing else outright.
  declarations: { ...emptyDeclarations(), announcesChanges: true },
  sections: [
    scope(t("de websites myinone.com en app.myinone.com", "the websites myinone.com and app.myinone.com")),
    sources,
    payments,
    otherRecipients,
    storage,
    merger,
    noSale,
    security,
    cookieNote(t("Google Analytics", "Google Analytics")),
    responseTime,
    changes,
  ],
  dataCategories,
  purposes,
  recipients: [salesforce, zuora, adyen, pardot, googleAnalytics, zendesk],
  cookies: [],
  retention,
};

const v2: StatementContent = {
  ...v1,
  sections: [
    scope(
      t(
        "de websites myinone.com, app.myinone.com en bestelbox.nl",
        "the websites myinone.com, app.myinone.com and bestelbox.nl",
      ),
    ),
    sources,
    payments,
    otherRecipients,
    storage,
    merger,
    noSale,
    security,
    cookieNote(t("Google Analytics en Mixpanel", "Google Analytics and Mixpanel")),
    responseTime,
    changes,
  ],
  recipients: [salesforce, zuora, adyen, pardot, googleAnalytics, mixpanel, zendesk, newVoiceMedia],
};

export const inone: DemoTenant = {
  tenant: {
    slug: "inone",
    name: "inONE",
    legalName: "inONE BV",
    address: "Lekstraat 88E, 2314 VJ Leiden",
    country: "NL",
    registrationNumber: "68663684",
    contactEmail: "cs@myinone.com",
    phone: null,
    website: "https://myinone.com",
    dpoName: null,
    dpoEmail: null,
    leadAuthorityId: null,
    accentColor: "#1D4E89",
  },
  versions: [
    {
      publishedAt: "2025-03-10T09:00:00.000Z",
      changeSummary: t(
        "Eerste versie in Inzage, overgenomen uit onze privacyverklaring.",
        "First version in Inzage, taken over from our privacy statement.",
      ),
      materialChange: false,
      content: v1,
    },
    {
      publishedAt: "2026-02-16T09:00:00.000Z",
      changeSummary: t(
        "Aangevuld in Inzage: de verwerkers Mixpanel en NewVoiceMedia en het domein bestelbox.nl, die onze privacyverklaring al noemde maar versie 1 hier wegliet. Aan onze verwerking zelf veranderde niets.",
        "Completed in Inzage: the processors Mixpanel and NewVoiceMedia and the domain bestelbox.nl, which our privacy statement already named but version 1 here left out. Our processing itself did not change.",
      ),
      materialChange: true,
      content: v2,
    },
  ],
};
