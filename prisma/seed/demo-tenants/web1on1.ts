import {
  emptyDeclarations,
  type CookieContent,
  type DurationUnit,
  type LocalizedText,
  type StatementContent,
  type StatementSection,
} from "../../../lib/policy/content";
import type { DemoTenant } from "../demo-tenant";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const none = (): LocalizedText => t("", "");

const scope: StatementSection = {
  placement: "INTRO",
  title: t("Waar deze verklaring over gaat", "What this statement covers"),
  body: t(
    "Web1on1 is een berichtenplatform voor de autobranche. Bedrijven chatten ermee met hun klanten, via eigen kanalen en via kanalen van derden. " +
      "Deze verklaring gaat over de gegevens van bezoekers van onze website, van mensen die een demo aanvragen of ons een vraag of klacht sturen, en van de organisaties en gebruikers die met ons platform werken.",
    "Web1on1 is a messaging platform for the automotive sector. Businesses use it to chat with their customers, over their own channels and over third-party channels. " +
      "This statement concerns the data of visitors to our website, of people who request a demo or send us a question or complaint, and of the organisations and users who work with our platform.",
  ),
};

const givenVsCollected: StatementSection = {
  placement: "DATA",
  title: t(
    "Gegevens die u ons geeft en gegevens die we automatisch verzamelen",
    "Data you give us and data we collect automatically",
  ),
  body: t(
    "**Wat u ons zelf geeft.** Vraagt u een demo aan, dan vragen we uw voor- en achternaam, functie, zakelijk e-mailadres en gegevens over uw bedrijf. " +
      "Stuurt u ons een vraag of klacht, dan noteren we uw naam, adres, telefoonnummer en wat we verder nodig hebben om u te antwoorden.\n\n" +
      "**Wat we automatisch vastleggen.** Op onze website verzamelen we cookiegegevens, uw IP-adres, browser en apparaat, de pagina's die u bezoekt en de links waarop u klikt.",
    "**What you give us yourself.** If you request a demo, we ask for your first and last name, job title, work e-mail address and details of your company. " +
      "If you send us a question or complaint, we note your name, address, phone number and whatever else we need to answer you.\n\n" +
      "**What we record automatically.** On our website we collect cookie data, your IP address, browser and device, the pages you visit and the links you click.",
  ),
};

const accuracy: StatementSection = {
  placement: "DATA",
  title: t("Kloppende gegevens", "Keeping data accurate"),
  body: t(
    "Blijkt een gegeven niet te kloppen, dan verbeteren we het of vernietigen we het.",
    "If a piece of data turns out to be wrong, we correct it or destroy it.",
  ),
};

const storage: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Opslag en doorgifte", "Storage location and transfers"),
  body: t(
    "Alle gegevens staan op beveiligde servers binnen de Europese Economische Ruimte. We sturen niets naar landen daarbuiten.",
    "All data sits on secured servers inside the European Economic Area. We send nothing to countries outside it.",
  ),
};

const subProcessors: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Subverwerkers", "Sub-processors"),
  body: t(
    "Voor het monitoren van onze databases, voor hosting en opslag en voor onze supporttools schakelen we subverwerkers in. " +
      "Zij staan op een aparte lijst, die u kunt opvragen via [privacy@web1on1.chat](mailto:privacy@web1on1.chat).",
    "We use sub-processors for monitoring our databases, for hosting and storage, and for our support tools. " +
      "They are named on a separate list, which you can request at [privacy@web1on1.chat](mailto:privacy@web1on1.chat).",
  ),
};

const analyticsAds: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Google Analytics en adverteerders", "Google Analytics and advertisers"),
  body: t(
    "Op onze website meten we bezoek met Google Analytics. Wilt u daar niet aan meedoen, dan kunt u de [opt-out-add-on van Google](https://tools.google.com/dlpage/gaoptout) in uw browser installeren. " +
      "Adverteerders krijgen van ons een beperkte hoeveelheid gegevens voor hun advertenties.",
    "We measure visits to our website with Google Analytics. If you would rather not take part, you can install [Google's opt-out add-on](https://tools.google.com/dlpage/gaoptout) in your browser. " +
      "Advertisers receive a limited amount of data from us for their advertising.",
  ),
};

const businessChanges: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Verkoop, fusie en andere bedrijfswijzigingen", "Sale, merger and other business changes"),
  body: t(
    "Bij een fusie, overname, faillissement, reorganisatie of financieringsronde, en bij het boekenonderzoek dat daaraan voorafgaat, kunnen gegevens worden overgedragen of ingezien door de betrokken partijen.",
    "In a merger, acquisition, bankruptcy, reorganisation or funding round, and in the due diligence that comes before it, data may be transferred to or inspected by the parties involved.",
  ),
};

const lawAndFraud: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Wettelijke verplichtingen, fraude en veiligheid", "Legal duties, fraud and safety"),
  body: t(
    "We geven gegevens af als we daartoe verplicht zijn, bijvoorbeeld aan aanbieders of instanties in de EU, de VS of elders, en om fraude te bestrijden of iemands veiligheid te beschermen.",
    "We hand over data when we are obliged to, for instance to providers or authorities in the EU, the US or elsewhere, and to fight fraud or protect someone's safety.",
  ),
};

const noSale: StatementSection = {
  placement: "RECIPIENTS",
  title: t("We verkopen geen gegevens", "We do not sell data"),
  body: t("Web1on1 verkoopt uw gegevens niet.", "Web1on1 does not sell your data."),
};

const security: StatementSection = {
  placement: "RETENTION",
  title: t("Hoe we uw gegevens beschermen", "How we protect your data"),
  body: t(
    "Gegevens die tussen u en ons onderweg zijn, versleutelen we met TLS. In onze database staat alles wat gebruikers invoeren versleuteld opgeslagen, wachtwoorden inbegrepen.",
    "Data travelling between you and us is encrypted with TLS. In our database, everything users enter is stored encrypted, passwords included.",
  ),
};

const customRetention: StatementSection = {
  placement: "RETENTION",
  title: t("Een andere bewaartermijn", "A different retention period"),
  body: t(
    "De termijn van 18 maanden voor gesprekken is een standaardinstelling. Wilt u dat we uw gegevens korter of langer bewaren, vraag dan om een eigen termijn. " +
      "Wilt u gebruiksgegevens laten verwijderen, mail dan naar [support@web1on1.chat](mailto:support@web1on1.chat).\n\n" +
      "Gegevens uit het contactformulier verdwijnen ook na 18 maanden. Chat u daarna opnieuw met ons, dan blijft het nieuwe gesprek staan, maar de oudere berichten worden alsnog verwijderd.",
    "The 18-month period for conversations is a default setting. If you want us to keep your data for a shorter or longer time, ask for a period of your own. " +
      "To have usage data removed, write to [support@web1on1.chat](mailto:support@web1on1.chat).\n\n" +
      "Contact-form data also disappears after 18 months. If you chat with us again later, the new conversation stays, but the older messages are still removed.",
  ),
};

const cookieTypes: StatementSection = {
  placement: "COOKIES",
  title: t("Soorten cookies en Do Not Track", "Kinds of cookies and Do Not Track"),
  body: t(
    "We gebruiken functionele cookies, van onszelf en van derden, en advertentiecookies. Sommige verdwijnen als u de browser sluit; andere blijven langer staan. " +
      "We zetten ze in om u ingelogd te houden, om ons bezoek te analyseren en voor gerichte marketing.\n\n" +
      "Op een Do Not Track-signaal van uw browser reageert onze website niet.",
    "We use functional cookies, both our own and third-party ones, and advertising cookies. Some disappear when you close the browser; others stay longer. " +
      "We use them to keep you signed in, to analyse our traffic and for targeted marketing.\n\n" +
      "Our website does not respond to a Do Not Track signal from your browser.",
  ),
};

const changes: StatementSection = {
  placement: "END",
  title: t("Als deze verklaring verandert", "When this statement changes"),
  body: t(
    "Een nieuwe versie van deze verklaring publiceren we op onze website. Willen we uw gegevens voor een nieuw doel gebruiken, dan laten we u dat eerst weten.",
    "We publish any new version of this statement on our website. If we want to use your data for a new purpose, we tell you first.",
  ),
};

const dataCategories: StatementContent["dataCategories"] = [
  {
    key: "demo-request",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Gegevens bij een demo-aanvraag", "Demo request details"),
    description: t(
      "Voor- en achternaam, functie, zakelijk e-mailadres en bedrijfsgegevens.",
      "First and last name, job title, work e-mail address and company details.",
    ),
    source: none(),
  },
  {
    key: "enquiry",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Vragen en klachten", "Questions and complaints"),
    description: t(
      "Naam, adres, telefoonnummer en de informatie die nodig is om uw vraag of klacht te behandelen.",
      "Name, address, phone number and the information needed to deal with your question or complaint.",
    ),
    source: none(),
  },
  {
    key: "website",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Websitegegevens", "Website data"),
    description: t(
      "Cookiegegevens, IP-adres, browser, apparaat, bezochte pagina's en aangeklikte links.",
      "Cookie data, IP address, browser, device, pages visited and links clicked.",
    ),
    source: none(),
  },
  {
    key: "usage",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Gebruiksgegevens van het platform", "Platform usage data"),
    description: t(
      "Gegevens over hoe uw organisatie en haar gebruikers het platform gebruiken.",
      "Data on how your organisation and its users use the platform.",
    ),
    source: none(),
  },
  {
    key: "conversations",
    origin: "BOTH",
    publiclyAccessible: null,
    name: t("Gesprekken", "Conversations"),
    description: t(
      "Chatgesprekken via het platform, met de resultaten, rapporten en metadata die daarbij horen.",
      "Chat conversations through the platform, with the related results, reports and metadata.",
    ),
    source: t("de organisatie die het platform gebruikt", "the organisation that uses the platform"),
  },
  {
    key: "billing",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Betaal- en boekhoudgegevens", "Payment and accounting data"),
    description: t(
      "Gegevens die we nodig hebben om betalingen te innen en onze boekhouding te voeren.",
      "Data we need to collect payments and keep our accounts.",
    ),
    source: none(),
  },
];

const purposes: StatementContent["purposes"] = [
  {
    name: t("Het platform leveren", "Providing the platform"),
    description: t(
      "Het berichtenplatform laten werken zoals afgesproken in het bestelformulier, inclusief ondersteuning.",
      "Running the messaging platform as agreed in the order form, support included.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["usage", "conversations"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder deze gegevens kan het platform niet werken.",
      "Without this data the platform cannot work.",
    ),
  },
  {
    name: t("Vragen, klachten en demo's", "Questions, complaints and demos"),
    description: t(
      "Een demo inplannen en uw vragen of klachten beantwoorden.",
      "Scheduling a demo and answering your questions or complaints.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Mensen helpen die contact met ons opnemen, en geïnteresseerden laten zien wat het platform doet.",
      "Helping people who contact us, and showing interested parties what the platform does.",
    ),
    dataCategoryKeys: ["demo-request", "enquiry"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Zonder contactgegevens kunnen we u niet terugbellen of antwoorden.",
      "Without contact details we cannot call you back or reply.",
    ),
  },
  {
    name: t("Bedrijfsvoering en verbetering", "Operations and improvement"),
    description: t(
      "Onze dienstverlening goed laten verlopen en het platform en de website verbeteren.",
      "Keeping our services running smoothly and improving the platform and the website.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Een platform en website bieden die goed werken en beter worden.",
      "Offering a platform and website that work well and keep getting better.",
    ),
    dataCategoryKeys: ["website", "usage"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Deze gegevens ontstaan bij gebruik. Google Analytics kunt u uitschakelen met de opt-out-add-on.",
      "This data arises from use. You can switch off Google Analytics with the opt-out add-on.",
    ),
  },
  {
    name: t("Marketing en nieuwsbrief", "Marketing and newsletter"),
    description: t(
      "U nieuws en aanbiedingen van Web1on1 sturen, en gerichte marketing via cookies.",
      "Sending you news and offers from Web1on1, and targeted marketing through cookies.",
    ),
    legalBasis: "CONSENT",
    legitimateInterest: none(),
    dataCategoryKeys: ["demo-request", "website"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Zonder toestemming ontvangt u geen marketing. U kunt uw toestemming altijd weer intrekken.",
      "Without consent you receive no marketing. You can always withdraw your consent.",
    ),
  },
  {
    name: t("Betalingen innen", "Collecting payments"),
    description: t("Facturen voor het platform versturen en de betaling innen.", "Sending invoices for the platform and collecting payment."),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["billing"],
    provision: "CONTRACTUAL",
    provisionNote: t("Zonder deze gegevens kunnen we niet factureren.", "Without this data we cannot invoice."),
  },
  {
    name: t("Boekhouding", "Accounting records"),
    description: t(
      "Onze boekhouding voeren en bewaren zoals de wet dat eist.",
      "Keeping and retaining our accounts as the law requires.",
    ),
    legalBasis: "LEGAL_OBLIGATION",
    legitimateInterest: none(),
    dataCategoryKeys: ["billing"],
    provision: "STATUTORY",
    provisionNote: t(
      "De wet verplicht ons deze gegevens in onze administratie op te nemen.",
      "The law obliges us to include this data in our records.",
    ),
  },
];

const retention: StatementContent["retention"] = [
  {
    dataCategoryKey: "usage",
    periodValue: 90,
    periodUnit: "DAYS",
    criteria: t(
      "Na het einde van een proefperiode. Wordt uw organisatie gearchiveerd, dan wissen we de gegevens 30 dagen na het archiveren.",
      "After a trial ends. If your organisation is archived, we erase the data 30 days after archiving.",
    ),
  },
  {
    dataCategoryKey: "conversations",
    periodValue: 18,
    periodUnit: "MONTHS",
    criteria: t(
      "Standaardtermijn; daarna verwijdert het platform gesprekken, resultaten, rapporten en metadata automatisch. Op verzoek stellen we een andere termijn in.",
      "Default period; after it the platform automatically deletes conversations, results, reports and metadata. On request we set a different period.",
    ),
  },
  {
    dataCategoryKey: "enquiry",
    periodValue: 18,
    periodUnit: "MONTHS",
    criteria: t(
      "Gerekend vanaf het moment dat u het formulier verstuurde. Chat u later opnieuw met ons, dan blijft dat nieuwe gesprek bewaard; oudere berichten vervallen toch.",
      "Counted from when you sent the form. If you chat with us again later, that new conversation is kept; older messages still expire.",
    ),
  },
  {
    dataCategoryKey: "demo-request",
    periodValue: null,
    periodUnit: null,
    criteria: t(
      "Zolang nodig is om de demo te geven en op te volgen, of zolang uw toestemming voor marketing geldt.",
      "As long as needed to give and follow up the demo, or as long as your consent to marketing stands.",
    ),
  },
  {
    dataCategoryKey: "website",
    periodValue: null,
    periodUnit: null,
    criteria: t(
      "Zolang nodig is voor de analyse van het websitebezoek. Voor cookies gelden de looptijden in de cookietabel.",
      "As long as needed to analyse website traffic. Cookies follow the lifetimes in the cookie table.",
    ),
  },
  {
    dataCategoryKey: "billing",
    periodValue: null,
    periodUnit: null,
    criteria: t(
      "Zolang de wettelijke bewaarplicht voor de boekhouding duurt.",
      "For as long as the statutory duty to keep accounting records lasts.",
    ),
  },
];

const cookie = (
  name: string,
  provider: string,
  purpose: LocalizedText,
  category: CookieContent["category"],
  lifetimeValue: number | null,
  lifetimeUnit: DurationUnit,
): CookieContent => ({ name, provider, purpose, category, lifetimeValue, lifetimeUnit });

const viaYouTube = t(
  "Geplaatst door YouTube (Google) wanneer u een ingesloten video op onze website bekijkt.",
  "Placed by YouTube (Google) when you view an embedded video on our website.",
);
const viaGoogle = t(
  "Geplaatst door Google via ingesloten inhoud van Google op onze website, zoals video's.",
  "Placed by Google through embedded Google content on our website, such as videos.",
);
const viaGoogleAccount = t(
  "Geplaatst door Google via ingesloten inhoud; hoort bij uw Google-account als u daarop bent ingelogd.",
  "Placed by Google through embedded content; belongs to your Google account if you are signed in to it.",
);

const siteCookies: CookieContent[] = [
  cookie(
    "_icl_visitor_lang_js",
    "Web1on1",
    t("Onthoudt in welke taal u de website bekijkt.", "Remembers the language in which you view the website."),
    "FUNCTIONAL",
    1,
    "DAYS",
  ),
  cookie(
    "wpml_browser_redirect_test",
    "Web1on1",
    t(
      "Controleert of uw browser cookies accepteert, zodat we u naar de juiste taalversie kunnen sturen.",
      "Checks whether your browser accepts cookies, so we can send you to the right language version.",
    ),
    "FUNCTIONAL",
    null,
    "SESSION",
  ),
  cookie(
    "wp-wpml_current_language",
    "Web1on1",
    t("Slaat uw taalinstelling op.", "Stores your language setting."),
    "FUNCTIONAL",
    1,
    "DAYS",
  ),
  cookie(
    "__hs_opt_out",
    "HubSpot",
    t("Onthoudt welke keuze u over cookies hebt gemaakt.", "Remembers the choice you made about cookies."),
    "STRICTLY_NECESSARY",
    6,
    "MONTHS",
  ),
  cookie(
    "__hssc",
    "HubSpot",
    t("Levert geanonimiseerde statistieken over bezoeken.", "Provides anonymised statistics about visits."),
    "ANALYTICS",
    13,
    "MONTHS",
  ),
  cookie(
    "__hstc",
    "HubSpot",
    t("Houdt bij wanneer u de website bezoekt.", "Tracks when you visit the website."),
    "ANALYTICS",
    30,
    "MINUTES",
  ),
  cookie(
    "__hssrc",
    "HubSpot",
    t("Bevat een sessie-ID.", "Holds a session ID."),
    "ANALYTICS",
    null,
    "SESSION",
  ),
  cookie(
    "hubspotutk",
    "HubSpot",
    t("Herkent u als terugkerende bezoeker.", "Recognises you as a returning visitor."),
    "ANALYTICS",
    13,
    "MONTHS",
  ),
  cookie(
    "__hs_initial_opt_in",
    "HubSpot",
    t("Laat functies over meerdere pagina's heen werken.", "Makes features work across several pages."),
    "FUNCTIONAL",
    1,
    "WEEKS",
  ),
];

const embeddedCookies: CookieContent[] = [
  cookie(
    "ln_or",
    "LinkedIn",
    t("Geplaatst door LinkedIn wanneer u onze website bezoekt.", "Placed by LinkedIn when you visit our website."),
    "MARKETING",
    null,
    "SESSION",
  ),
  cookie("SAPISID", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("APISID", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("SSID", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("HSID", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("SID", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("LOGIN_INFO", "YouTube (Google)", viaYouTube, "FUNCTIONAL", 1, "YEARS"),
  cookie("VISITOR_INFO1_LIVE", "YouTube (Google)", viaYouTube, "MARKETING", 6, "MONTHS"),
  cookie("YSC", "YouTube (Google)", viaYouTube, "FUNCTIONAL", null, "SESSION"),
  cookie("__Secure-1PSIDCC", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("__Secure-3PSIDCC", "Google", viaGoogleAccount, "MARKETING", 1, "YEARS"),
  cookie("SEARCH_SAMESITE", "Google", viaGoogle, "FUNCTIONAL", 6, "MONTHS"),
  cookie("NID", "Google", viaGoogle, "MARKETING", 6, "MONTHS"),
  cookie("__Secure-ENID", "Google", viaGoogle, "MARKETING", 1, "YEARS"),
];

const v1: StatementContent = {
  // A Chief Privacy Officer is named, not a DPO; no change notice is promised. Nothing is declared outright.
  declarations: emptyDeclarations(),
  sections: [
    scope,
    givenVsCollected,
    accuracy,
    storage,
    subProcessors,
    analyticsAds,
    businessChanges,
    lawAndFraud,
    noSale,
    security,
    cookieTypes,
    changes,
  ],
  dataCategories,
  purposes,
  recipients: [
    {
      name: "Google Analytics",
      role: "PROCESSOR",
      purpose: t("Meten hoe onze website wordt bezocht.", "Measuring how our website is visited."),
      dataShared: t(
        "IP-adres, browser, apparaat, bezochte pagina's en aangeklikte links.",
        "IP address, browser, device, pages visited and links clicked.",
      ),
      country: null,
      safeguard: null,
      policyUrl: null,
    },
  ],
  cookies: siteCookies,
  retention,
};

const v2: StatementContent = {
  ...v1,
  sections: [
    scope,
    givenVsCollected,
    accuracy,
    storage,
    subProcessors,
    analyticsAds,
    businessChanges,
    lawAndFraud,
    noSale,
    security,
    customRetention,
    cookieTypes,
    changes,
  ],
  cookies: [...siteCookies, ...embeddedCookies],
};

export const web1on1: DemoTenant = {
  tenant: {
    slug: "web1on1",
    name: "Web1on1",
    legalName: "Web1on1",
    address: "Nederland",
    country: "NL",
    registrationNumber: null,
    contactEmail: "privacy@web1on1.chat",
    phone: null,
    website: null,
    dpoName: null,
    dpoEmail: null,
    leadAuthorityId: "nl-ap",
    accentColor: "#5A2D82",
  },
  versions: [
    {
      publishedAt: "2025-09-01T09:00:00.000Z",
      changeSummary: t(
        "Eerste versie in Inzage, overgenomen uit onze privacyverklaring.",
        "First version in Inzage, taken over from our privacy statement.",
      ),
      materialChange: false,
      content: v1,
    },
    {
      publishedAt: "2026-09-22T09:00:00.000Z",
      changeSummary: t(
        "Aangevuld in Inzage: veertien cookies die onze privacyverklaring al noemde, en wat die zegt over een eigen bewaartermijn en het laten verwijderen van gebruiksgegevens. Versie 1 hier liet ze weg; aan onze verwerking zelf veranderde niets.",
        "Completed in Inzage: fourteen cookies our privacy statement already named, and what it says about a custom retention period and having usage data removed. Version 1 here left them out; our processing itself did not change.",
      ),
      materialChange: true,
      content: v2,
    },
  ],
};
