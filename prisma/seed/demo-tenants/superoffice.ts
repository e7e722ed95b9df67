import { emptyDeclarations, type LocalizedText, type StatementContent, type StatementSection } from "../../../lib/policy/content";
import type { DemoTenant } from "../demo-tenant";

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const none = (): LocalizedText => t("", "");

const scope: StatementSection = {
  placement: "INTRO",
  title: t("Waar deze verklaring over gaat", "What this statement covers"),
  body: t(
    "SuperOffice maakt CRM-software voor marketing, verkoop en klantenservice. Ons hoofdkantoor staat in Oslo; daarnaast hebben we dochterondernemingen in Denemarken, Duitsland, Litouwen, Nederland, Noorwegen, het Verenigd Koninkrijk, Zweden en Zwitserland.\n\n" +
      "Deze verklaring gaat over gegevens die we verwerken als u onze producten gebruikt, als we u iets verkopen of over ons aanbod vertellen, als we een contract met u sluiten en als u bij ons solliciteert.",
    "SuperOffice makes CRM software for marketing, sales and customer service. Our head office is in Oslo; we also have subsidiaries in Denmark, Germany, Lithuania, the Netherlands, Norway, Sweden, Switzerland and the United Kingdom.\n\n" +
      "This statement concerns data we process when you use our products, when we sell to you or tell you about what we offer, when we enter into a contract with you and when you apply for a job with us.",
  ),
};

const sources: StatementSection = {
  placement: "DATA",
  title: t("Waar we gegevens vandaan halen", "Where we get data from"),
  body: t(
    "- **Uit het gebruik van onze producten.**\n" +
      "- **Uit direct contact met u**: brieven, telefoongesprekken, sociale media en onze websites.\n" +
      "- **Van anderen**: verzamelaars van bedrijfsgegevens, partners, openbare bronnen en sociale netwerken. Van sociale netwerken ontvangen we alleen gegevens als u daar zelf toestemming voor hebt gegeven.\n\n" +
      "Gebruiken we gegevens op basis van ons gerechtvaardigd belang, dan wegen we eerst af of dat belang opweegt tegen uw privacy. " +
      "Bijzondere persoonsgegevens, zoals gegevens over gezondheid of religie, verwerken we niet.",
    "- **From the use of our products.**\n" +
      "- **From direct contact with you**: letters, phone calls, social media and our websites.\n" +
      "- **From others**: business data aggregators, partners, public sources and social networks. We receive data from social networks only if you gave your consent there.\n\n" +
      "Where we use data on the basis of our legitimate interest, we first weigh whether that interest outweighs your privacy. " +
      "We do not process special categories of data, such as data about health or religion.",
  ),
};

const community: StatementSection = {
  placement: "DATA",
  title: t("Wat u in de Community plaatst", "What you post in the Community"),
  body: t(
    "Bestanden en berichten die u uploadt naar de SuperOffice Community, zijn zichtbaar voor alle leden van de Community.",
    "Files and messages you upload to the SuperOffice Community are visible to all members of the Community.",
  ),
};

const sharing: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Wanneer we gegevens delen", "When we share data"),
  body: t(
    "Zonder uw toestemming verkopen, verhuren of ruilen we uw gegevens niet. Wel kunnen gegevens terechtkomen bij:\n\n" +
      "- distributeurs, agenten en onderaannemers die voor ons werken;\n" +
      "- instanties, als de wet of een rechterlijk bevel ons daartoe verplicht.",
    "We do not sell, rent or trade your data without your consent. Data may, however, reach:\n\n" +
      "- distributors, agents and subcontractors working for us;\n" +
      "- authorities, where the law or a court order obliges us.",
  ),
};

const appStore: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Apps van derden uit de App Store", "Third-party apps from the App Store"),
  body: t(
    "Installeert u een app van een andere leverancier via de SuperOffice App Store, dan kan die leverancier uw gegevens verwerken. Lees daarom eerst de privacyverklaring van de leverancier en sluit zo nodig zelf een verwerkersovereenkomst met hem af.",
    "If you install an app from another vendor through the SuperOffice App Store, that vendor may process your data. So read the vendor's privacy statement first and, where needed, sign a data processing agreement with them yourself.",
  ),
};

const subProcessors: StatementSection = {
  placement: "RECIPIENTS",
  title: t("Subverwerkers en doorgifte buiten de EER", "Sub-processors and transfers outside the EEA"),
  body: t(
    "Met elke subverwerker sluiten we een verwerkersovereenkomst. Gaan gegevens naar een land buiten de EU of de EER, dan gebeurt dat alleen onder het privacykader van de EU, met de modelcontracten van de EU of op een andere wettelijke grondslag.\n\n" +
      "De lijst met goedgekeurde subverwerkers hoort bij onze verwerkersovereenkomst en staat in ons Trust Center. Klanten van SuperOffice CRM Online horen volgens de gebruiksvoorwaarden van ons wanneer er een nieuwe subverwerker bij komt.",
    "We sign a data processing agreement with every sub-processor. If data goes to a country outside the EU or the EEA, that happens only under the EU privacy framework, with the EU model clauses or on another legal basis.\n\n" +
      "The list of approved sub-processors belongs to our data processing agreement and is published in our Trust Center. Customers of SuperOffice CRM Online hear from us, as the terms of service describe, when a new sub-processor is added.",
  ),
};

const cookies: StatementSection = {
  placement: "COOKIES",
  title: t("Cookies en webbeacons", "Cookies and web beacons"),
  body: t(
    "Op onze websites gebruiken we cookies en webbeacons. Daarmee zien we onder meer uw browser en de taal daarvan, uw IP-adres, welke pagina's u opent en waarop u klikt, uw besturingssysteem, de route die u over de site aflegt en het domein van uw internetprovider. " +
      "Dat gebruiken we om de site efficiënter te maken, voor marketinginformatie, om de inhoud op u af te stemmen en om misbruik te ontdekken.",
    "We use cookies and web beacons on our websites. They show us things such as your browser and its language, your IP address, which pages you open and what you click, your operating system, the route you take through the site and your internet provider's domain. " +
      "We use this to make the site more efficient, for marketing information, to tailor content to you and to detect abuse.",
  ),
};

const selfService: StatementSection = {
  placement: "RIGHTS",
  title: t("Uw gegevens zelf bekijken en bijwerken", "Viewing and updating your data yourself"),
  body: t(
    "Uw profiel in de Community en in SuperOffice CRM Online kunt u zelf aanpassen. Vraagt u om overdracht van uw gegevens, dan ontvangt u ze in een bestandsformaat dat u kunt meenemen naar een andere partij. " +
      "Zegt u de marketingmails op via de afmeldlink, dan blijft u wel berichten over uw systeem of beheer ontvangen.",
    "You can edit your profile in the Community and in SuperOffice CRM Online yourself. If you ask for your data to be transferred, you receive it in a file format you can take to another party. " +
      "If you stop marketing e-mails through the unsubscribe link, you will still receive messages about your system or its administration.",
  ),
};

const complaints: StatementSection = {
  placement: "RIGHTS",
  title: t("Klachten in andere landen", "Complaints in other countries"),
  body: t(
    "Hebt u een klacht, mail dan eerst naar [privacy@superoffice.com](mailto:privacy@superoffice.com). Komen we er samen niet uit, dan kunt u ook terecht bij de toezichthouder in het land van een van onze vestigingen:\n\n" +
      "- Denemarken: [Datatilsynet](https://www.datatilsynet.dk)\n" +
      "- Duitsland: de toezichthouder van de deelstaat waar u woont\n" +
      "- Litouwen: [Valstybinė duomenų apsaugos inspekcija](https://ada.lt)\n" +
      "- Nederland: [Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl)\n" +
      "- Noorwegen: [Datatilsynet](https://www.datatilsynet.no)\n" +
      "- Verenigd Koninkrijk: [Information Commissioner's Office (ICO)](https://ico.org.uk)\n" +
      "- Zweden: [Datainspektionen](https://www.datainspektionen.se)\n" +
      "- Zwitserland: [Federal Data Protection and Information Commissioner (FDPIC)](https://www.edoeb.admin.ch)",
    "If you have a complaint, first write to [privacy@superoffice.com](mailto:privacy@superoffice.com). If we cannot settle it together, you can also turn to the authority in the country of one of our offices:\n\n" +
      "- Denmark: [Datatilsynet](https://www.datatilsynet.dk)\n" +
      "- Germany: the authority of the federal state you live in\n" +
      "- Lithuania: [Valstybinė duomenų apsaugos inspekcija](https://ada.lt)\n" +
      "- Netherlands: [Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl)\n" +
      "- Norway: [Datatilsynet](https://www.datatilsynet.no)\n" +
      "- Sweden: [Datainspektionen](https://www.datainspektionen.se)\n" +
      "- Switzerland: [Federal Data Protection and Information Commissioner (FDPIC)](https://www.edoeb.admin.ch)\n" +
      "- United Kingdom: [Information Commissioner's Office (ICO)](https://ico.org.uk)",
  ),
};

const changes: StatementSection = {
  placement: "END",
  title: t("Als deze verklaring verandert", "When this statement changes"),
  body: t(
    "De geldende versie van deze verklaring staat altijd op onze websites. Veranderen we iets wezenlijks, dan laten we u dat van tevoren weten per e-mail of met een bericht op onze sites.",
    "The current version of this statement is always on our websites. If we change something significant, we let you know beforehand by e-mail or with a notice on our sites.",
  ),
};

const baseCategories: StatementContent["dataCategories"] = [
  {
    key: "contact",
    origin: "BOTH",
    publiclyAccessible: true,
    name: t("Contact- en bedrijfsgegevens", "Contact and company details"),
    description: t(
      "Naam, telefoonnummer, functie, e-mailadres, bedrijfsnaam en contactgegevens van uw bedrijf.",
      "Name, phone number, job title, e-mail address, company name and your company's contact details.",
    ),
    source: t(
      "verzamelaars van bedrijfsgegevens, partners, openbare bronnen en sociale netwerken (die laatste alleen met uw toestemming)",
      "business data aggregators, partners, public sources and social networks (the latter only with your consent)",
    ),
  },
  {
    key: "interactions",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Contactmomenten", "Interactions"),
    description: t(
      "Uw reacties en feedback uit gesprekken, telefoontjes, documenten en e-mails, en supportverzoeken.",
      "Your responses and feedback from meetings, calls, documents and e-mails, and support requests.",
    ),
    source: none(),
  },
  {
    key: "orders",
    origin: "BOTH",
    publiclyAccessible: null,
    name: t("Bestellingen en licenties", "Orders and licences"),
    description: t(
      "Orderbevestigingen, licenties, facturen en betalingsherinneringen.",
      "Order confirmations, licences, invoices and payment reminders.",
    ),
    source: t("de partner via wie u SuperOffice hebt gekocht", "the partner you bought SuperOffice through"),
  },
  {
    key: "website",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Websitegegevens", "Website data"),
    description: t(
      "IP-adres, browser en taal, besturingssysteem, bekeken pagina's, klikken, de route over de site en het domein van uw internetprovider.",
      "IP address, browser and language, operating system, pages viewed, clicks, route through the site and your internet provider's domain.",
    ),
    source: none(),
  },
  {
    key: "community",
    origin: "SUBJECT",
    publiclyAccessible: null,
    name: t("Community-bijdragen", "Community contributions"),
    description: t(
      "Berichten en bestanden die u in de SuperOffice Community plaatst.",
      "Messages and files you post in the SuperOffice Community.",
    ),
    source: none(),
  },
];

const applicants: StatementContent["dataCategories"][number] = {
  key: "applicants",
  origin: "SUBJECT",
  publiclyAccessible: null,
  name: t("Sollicitatiegegevens", "Application data"),
  description: t(
    "De gegevens die u ons stuurt als u solliciteert, zoals uw cv en motivatie.",
    "The data you send us when you apply, such as your CV and cover letter.",
  ),
  source: none(),
};

const basePurposes: StatementContent["purposes"] = [
  {
    name: t("Marketing waarvoor u zich hebt aangemeld", "Marketing you signed up for"),
    description: t(
      "U aanbiedingen van SuperOffice en partners sturen en u uitnodigen voor evenementen.",
      "Sending you offers from SuperOffice and partners and inviting you to events.",
    ),
    legalBasis: "CONSENT",
    legitimateInterest: none(),
    dataCategoryKeys: ["contact", "website"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "Zonder aanmelding ontvangt u geen marketing. Afmelden kan via de link in elke mail; uw toestemming leggen we vast.",
      "Without signing up you receive no marketing. You can unsubscribe through the link in every e-mail; we keep a record of your consent.",
    ),
  },
  {
    name: t("Bestellingen, licenties en facturen", "Orders, licences and invoices"),
    description: t(
      "Orderbevestigingen, licenties, facturen en herinneringen versturen, ook als u via een partner hebt gekocht.",
      "Sending order confirmations, licences, invoices and reminders, including when you bought through a partner.",
    ),
    legalBasis: "CONTRACT",
    legitimateInterest: none(),
    dataCategoryKeys: ["contact", "orders"],
    provision: "CONTRACTUAL",
    provisionNote: t(
      "Zonder deze gegevens kunnen we uw bestelling niet uitvoeren.",
      "Without this data we cannot fulfil your order.",
    ),
  },
  {
    name: t("Directe verkoop", "Direct sales"),
    description: t(
      "Contact met u opnemen om te bespreken of SuperOffice iets voor uw bedrijf kan betekenen.",
      "Getting in touch with you to discuss whether SuperOffice can be of value to your company.",
    ),
    legalBasis: "LEGITIMATE_INTEREST",
    legitimateInterest: t(
      "Bedrijven benaderen voor wie onze software aantoonbaar relevant is. We toetsen vooraf of er een wederzijds belang is.",
      "Approaching companies for which our software is demonstrably relevant. We check beforehand that there is a mutual interest.",
    ),
    dataCategoryKeys: ["contact", "interactions"],
    provision: "VOLUNTARY",
    provisionNote: t(
      "U kunt op elk moment bezwaar maken; dan benaderen we u niet meer.",
      "You can object at any time; we will then stop approaching you.",
    ),
  },
];

/** Uses the statement names without a legal basis for each; Inzage does not invent one. */
const furtherUses: StatementSection = {
  placement: "DATA",
  title: t("Andere toepassingen", "Other uses"),
  body: t(
    "We gebruiken uw gegevens ook voor: informatie over producten die u kocht, gegevens van webinars, antwoorden op webformulieren, supportverzoeken, een gratis proefversie van CRM, toegang tot het supportportaal en de Community, meldingen van storingen, feedbackonderzoek en sollicitaties. " +
      "Op welke rechtsgrond elk daarvan berust, staat niet in onze privacyverklaring.",
    "We also use your data for: information about products you bought, webinar details, replies to web forms, support requests, a free CRM trial, access to the support portal and the Community, outage alerts, feedback surveys and job applications. " +
      "Our privacy statement does not give the legal basis of each of these.",
  ),
};

const retentionCriteria = t(
  "Geen vaste termijn. We bewaren gegevens zolang we ze nodig hebben voor het doel, en daarna nog een redelijke periode na ons laatste contact. Vervolgens wissen we ze op een veilige manier; statistieken houden we alleen in geanonimiseerde vorm.",
  "No fixed period. We keep data as long as we need it for the purpose, and then for a reasonable period after our last contact. After that we erase it securely; statistics we keep only in anonymised form.",
);

const retentionFor = (categories: StatementContent["dataCategories"]): StatementContent["retention"] =>
  categories.map((category) => ({
    dataCategoryKey: category.key,
    periodValue: null,
    periodUnit: null,
    criteria: retentionCriteria,
  }));

const v1: StatementContent = {
  // The statement promises notice before significant changes; it declares nothing else outright.
  declarations: { ...emptyDeclarations(), announcesChanges: true },
  sections: [scope, sources, community, sharing, appStore, subProcessors, cookies, selfService, changes],
  dataCategories: baseCategories,
  purposes: basePurposes,
  recipients: [],
  cookies: [],
  retention: retentionFor(baseCategories),
};

const v2Categories = [...baseCategories, applicants];

const v2: StatementContent = {
  declarations: v1.declarations,
  sections: [scope, sources, furtherUses, community, sharing, appStore, subProcessors, cookies, selfService, complaints, changes],
  dataCategories: v2Categories,
  purposes: basePurposes,
  recipients: [],
  cookies: [],
  retention: retentionFor(v2Categories),
};

export const superoffice: DemoTenant = {
  tenant: {
    slug: "superoffice",
    name: "SuperOffice",
    legalName: "SuperOffice AS",
    address: "Wergelandsveien 27, 0167 Oslo",
    country: "NO",
    registrationNumber: null,
    contactEmail: "privacy@superoffice.com",
    phone: null,
    website: null,
    dpoName: null,
    dpoEmail: "privacy@superoffice.com",
    leadAuthorityId: null,
    accentColor: "#9A3412",
  },
  versions: [
    {
      publishedAt: "2025-06-30T09:00:00.000Z",
      changeSummary: t(
        "Eerste versie in Inzage, overgenomen uit onze privacyverklaring.",
        "First version in Inzage, taken over from our privacy statement.",
      ),
      materialChange: false,
      content: v1,
    },
    {
      publishedAt: "2026-03-23T09:00:00.000Z",
      changeSummary: t(
        "Aangevuld in Inzage: de andere toepassingen (zoals support, feedbackonderzoek en sollicitaties), de gegevens van sollicitanten en de toezichthouders van de landen waar we vestigingen hebben. Onze privacyverklaring noemde die al; versie 1 hier liet ze weg.",
        "Completed in Inzage: the other uses (such as support, feedback surveys and job applications), applicants' data and the supervisory authorities of the countries where we have offices. Our privacy statement already named these; version 1 here left them out.",
      ),
      materialChange: true,
      content: v2,
    },
  ],
};
