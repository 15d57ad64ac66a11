import type { Messages } from '../i18n/i18n.js';

/**
 * The information pages: the accessibility statement (ustawa z dnia 4 kwietnia 2019 r. o
 * dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych, in the
 * structure of the official template) and the GDPR art. 13 privacy notice. Each page is a list of
 * sections (a heading, paragraphs, a bullet list); the keys are made from their positions
 * (`info.<page>.<section>.h`, `.p<n>`, `.li<n>`), so both languages must keep the same shape (the
 * catalogue test holds the keys equal). Square brackets mark what the centre running the
 * installation fills in.
 */
export interface InfoSection {
  h: string;
  p?: string[];
  li?: string[];
  /** Paragraphs after the list. */
  after?: string[];
}

const CENTRE_PL = 'Ośrodek Wsparcia Ekonomii Społecznej prowadzący ten serwis';
const CENTRE_EN = 'The Social Economy Support Centre running this service';

export const ACCESSIBILITY: Record<'pl' | 'en', InfoSection[]> = {
  pl: [
    {
      h: 'Wstęp',
      p: [
        `${CENTRE_PL} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy serwisu OWES Granty, w którym składa się zgłoszenia grup inicjatywnych i wnioski o wsparcie finansowe.`,
        'Nazwę, adres i dane kontaktowe podmiotu oraz adres strony internetowej uzupełnia ośrodek prowadzący instalację serwisu: [nazwa ośrodka], [adres strony internetowej].',
      ],
      li: [
        'Data publikacji strony internetowej: [uzupełnia ośrodek prowadzący serwis].',
        'Data ostatniej istotnej aktualizacji: 30 listopada 2026 r.',
      ],
    },
    {
      h: 'Stan dostępności cyfrowej',
      p: [
        'Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej. Status „częściowo zgodna” obowiązuje do czasu przeprowadzenia zewnętrznego audytu dostępności.',
      ],
    },
    {
      h: 'Niezgodności i wyłączenia',
      li: [
        'Zgodności serwisu nie potwierdził jeszcze zewnętrzny audyt dostępności: ocena opiera się na samoocenie.',
        'Dokumenty nie są udostępniane w formacie PDF. Decyzje i pisma ośrodka są przekazywane jako treść strony i wiadomości e-mail; jeśli potrzebny jest dokument w innej formie, można o niego wystąpić (procedura poniżej).',
        'Załączniki dodawane przez wnioskodawców (skany zaświadczeń, orzeczeń i innych dokumentów) są treściami stron trzecich, które nie są finansowane ani rozwijane przez podmiot i nie podlegają jego kontroli; mogą nie być dostępne cyfrowo (wyłączenie na podstawie art. 3 ust. 2 pkt 6 ustawy).',
        'Serwis nie zawiera informacji o zakresie działalności podmiotu w polskim języku migowym (PJM) ani w tekście łatwym do czytania (ETR).',
        'Sesja zalogowanej osoby kończy się po okresie bezczynności; przed jej końcem pojawia się okno z możliwością przedłużenia sesji. Zapisane dane nie są tracone.',
      ],
    },
    {
      h: 'Przygotowanie deklaracji dostępności',
      li: [
        'Data sporządzenia deklaracji: 30 listopada 2026 r.',
        'Data ostatniego przeglądu deklaracji: 30 listopada 2026 r.',
      ],
      after: [
        'Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny. Każda strona serwisu, także w stanach z błędami formularza, jest sprawdzana automatycznie narzędziem axe-core pod kątem wymagań WCAG 2.1 na poziomie A i AA przy każdej zmianie oprogramowania; obsługę z klawiatury, kolejność fokusu, komunikaty błędów i działanie bez JavaScriptu sprawdzono ręcznie.',
      ],
    },
    {
      h: 'Skróty klawiaturowe',
      p: [
        'Serwis nie ma własnych skrótów klawiaturowych. Działają standardowe skróty przeglądarki i czytników ekranu. Na początku każdej strony jest łącze „Przejdź do treści głównej”.',
      ],
    },
    {
      h: 'Informacje zwrotne i dane kontaktowe',
      p: [
        'W przypadku problemów z dostępnością serwisu prosimy o kontakt. Osobą kontaktową jest [imię i nazwisko — uzupełnia ośrodek], adres e-mail: [adres e-mail], telefon: [numer telefonu]. Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz żądania zapewnienia dostępności.',
      ],
    },
    {
      h: 'Procedura wnioskowo-skargowa',
      p: [
        'Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu lub opisanie zawartości załącznika.',
        'Żądanie powinno zawierać dane osoby zgłaszającej, wskazanie strony internetowej lub jej elementu, którego dotyczy, oraz sposób kontaktu. Jeżeli osoba żądająca potrzebuje informacji w alternatywnej formie, powinna także określić dogodny dla niej sposób jej przedstawienia.',
        'Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot niezwłocznie informuje o tym wnoszącego żądanie oraz o terminie realizacji, który nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot może zaproponować alternatywny sposób dostępu do informacji.',
        'Jeżeli podmiot odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, wnoszący żądanie może złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony internetowej lub jej elementu.',
        'Po wyczerpaniu tej procedury można złożyć wniosek do Rzecznika Praw Obywatelskich (www.rpo.gov.pl).',
      ],
    },
    {
      h: 'Dostępność architektoniczna',
      p: [
        '[Opis dostępności siedziby ośrodka — uzupełnia ośrodek prowadzący serwis: dojście i wejście do budynku, windy i schody, miejsca parkingowe dla osób z niepełnosprawnościami, pętla indukcyjna, możliwość wejścia z psem asystującym, dostęp do tłumacza polskiego języka migowego.]',
      ],
    },
    {
      h: 'Aplikacje mobilne',
      p: ['Podmiot nie udostępnia aplikacji mobilnych.'],
    },
  ],
  en: [
    {
      h: 'Introduction',
      p: [
        `${CENTRE_EN} is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies. This accessibility statement applies to OWES Grants, the service for enrolling initiative groups and applying for grants.`,
        'The body’s name, address and contact details and the website’s address are filled in by the centre running the installation: [name of the centre], [website address].',
      ],
      li: [
        'Date the website was published: [filled in by the centre running the service].',
        'Date of the last significant update: 30 November 2026.',
      ],
    },
    {
      h: 'Compliance status',
      p: [
        'This website is partially compliant with the Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies, due to the non-compliances and exemptions listed below. The status “partially compliant” applies until an external accessibility audit has been carried out.',
      ],
    },
    {
      h: 'Non-accessible content and exemptions',
      li: [
        'No external accessibility audit has confirmed compliance yet: the assessment is a self-assessment.',
        'Documents are not offered as PDF. The centre’s decisions and letters are given as web pages and emails; if you need a document in another form, you can ask for it (procedure below).',
        'Attachments uploaded by applicants (scans of certificates and other documents) are third-party content that the body neither funds nor develops nor controls; they may not be accessible (exemption under Article 3(2)(6) of the Act).',
        'The service does not describe the body’s activities in Polish Sign Language (PJM) or in easy-to-read text (ETR).',
        'A signed-in session ends after a period of inactivity; before it ends a dialog lets you extend it. What you have saved is not lost.',
      ],
    },
    {
      h: 'Preparation of this accessibility statement',
      li: [
        'This statement was prepared on 30 November 2026.',
        'It was last reviewed on 30 November 2026.',
      ],
      after: [
        'The statement is based on a self-assessment by the public body. Every page of the service, including its form error states, is tested automatically with axe-core against WCAG 2.1 level A and AA at every change of the software; keyboard use, focus order, error messages and use without JavaScript were checked manually.',
      ],
    },
    {
      h: 'Keyboard shortcuts',
      p: [
        'The service has no keyboard shortcuts of its own. The usual shortcuts of browsers and screen readers work. Every page starts with a “Skip to main content” link.',
      ],
    },
    {
      h: 'Feedback and contact information',
      p: [
        'If you have problems with the accessibility of this service, please contact us. The contact person is [name — filled in by the centre], email: [email address], phone: [phone number]. The same way you can ask for information that is not accessible and request that accessibility be ensured.',
      ],
    },
    {
      h: 'Enforcement procedure',
      p: [
        'Everyone has the right to request that a website or a part of it be made digitally accessible. You can also ask for the information in an alternative form, for example by having an inaccessible document read out or the content of an attachment described.',
        'The request should include the requester’s details, the website or the part of it concerned, and how to contact the requester. If you need the information in an alternative form, say which form suits you.',
        'The public body deals with the request without delay and within 7 days at the latest. If that is not possible, it tells the requester without delay when the request will be met, within 2 months of the request at the latest. If digital accessibility cannot be ensured, the body may offer an alternative way of accessing the information.',
        'If the body refuses to ensure accessibility or an alternative way of accessing the information, the requester may lodge a complaint about the digital accessibility of the website or a part of it.',
        'After this procedure you can also apply to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich, www.rpo.gov.pl).',
      ],
    },
    {
      h: 'Accessibility of the premises',
      p: [
        '[Description of the accessibility of the centre’s premises — filled in by the centre running the service: access and entrance, lifts and stairs, parking for disabled people, induction loop, entry with an assistance dog, access to a Polish Sign Language interpreter.]',
      ],
    },
    {
      h: 'Mobile applications',
      p: ['The body does not offer mobile applications.'],
    },
  ],
};

export const PRIVACY: Record<'pl' | 'en', InfoSection[]> = {
  pl: [
    {
      h: 'Administrator danych',
      p: [
        `Zgodnie z art. 13 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. (RODO) informujemy, że administratorem danych osobowych jest ośrodek wsparcia ekonomii społecznej, do którego składane jest zgłoszenie grupy inicjatywnej lub wniosek, a w zakresie konta w serwisie — ${CENTRE_PL.charAt(0).toLowerCase() + CENTRE_PL.slice(1)}: [nazwa, adres i dane kontaktowe — uzupełnia ośrodek prowadzący serwis].`,
      ],
    },
    {
      h: 'Inspektor ochrony danych',
      p: [
        'Z inspektorem ochrony danych można się kontaktować we wszystkich sprawach dotyczących przetwarzania danych osobowych: [imię i nazwisko, adres e-mail i adres do korespondencji inspektora — uzupełnia ośrodek].',
      ],
    },
    {
      h: 'Cele i podstawy prawne przetwarzania',
      li: [
        'prowadzenie konta w serwisie, rekrutacja grup inicjatywnych, rozpatrywanie wniosków, przyznawanie i rozliczanie wsparcia finansowego oraz monitorowanie utworzonych miejsc pracy — wykonywanie zadania realizowanego w interesie publicznym (art. 6 ust. 1 lit. e RODO) na podstawie ustawy z dnia 5 sierpnia 2022 r. o ekonomii społecznej;',
        'wypełnianie obowiązków prawnych związanych z realizacją projektów współfinansowanych ze środków Unii Europejskiej: sprawozdawczość, kontrola, audyt i archiwizacja (art. 6 ust. 1 lit. c RODO), w szczególności na podstawie rozporządzenia (UE) 2021/1060 i ustawy z dnia 28 kwietnia 2022 r. o zasadach realizacji zadań finansowanych ze środków europejskich w perspektywie finansowej 2021–2027;',
        'dane o stanie zdrowia zawarte w dokumentach potwierdzających kwalifikowalność (np. orzeczenie o niepełnosprawności, zaświadczenie lekarskie) — przetwarzane ze względów związanych z ważnym interesem publicznym na podstawie prawa Unii i prawa krajowego (art. 9 ust. 2 lit. g RODO);',
        'zapewnienie bezpieczeństwa serwisu (dzienniki zdarzeń) — art. 6 ust. 1 lit. c i e RODO.',
      ],
      after: [
        'Dane członków grupy inicjatywnej podaje lider grupy; członkowie potwierdzają zgodę na ich przetwarzanie w celu rekrutacji, a ośrodek przekazuje im informację, o której mowa w art. 14 RODO.',
      ],
    },
    {
      h: 'Odbiorcy danych',
      li: [
        'instytucja pośrednicząca i instytucja zarządzająca programem, w ramach którego udzielane jest wsparcie, oraz inne podmioty uprawnione do kontroli i audytu (np. Komisja Europejska, Krajowa Administracja Skarbowa, Najwyższa Izba Kontroli);',
        'dostawcy usług informatycznych i poczty elektronicznej, którym ośrodek powierzył przetwarzanie danych na podstawie umowy;',
        'organy i podmioty uprawnione na podstawie przepisów prawa.',
      ],
      after: [
        'Dane nie są przekazywane do państw spoza Europejskiego Obszaru Gospodarczego ani do organizacji międzynarodowych.',
      ],
    },
    {
      h: 'Okres przechowywania danych',
      p: [
        'Dane są przechowywane zgodnie z zasadami projektu: zwykle do końca okresu archiwizacji dokumentów programu określonego w umowie o dofinansowanie projektu (co najmniej 5 lat od 31 grudnia roku, w którym dokonano ostatniej płatności na rzecz beneficjenta), a dane konta, które nie posłużyło do złożenia zgłoszenia ani wniosku — do jego usunięcia.',
      ],
    },
    {
      h: 'Prawa osób, których dane dotyczą',
      li: [
        'prawo dostępu do danych i otrzymania ich kopii (art. 15 RODO);',
        'prawo do sprostowania danych (art. 16 RODO);',
        'prawo do usunięcia danych, jeżeli nie zachodzą przesłanki ich dalszego przetwarzania, w szczególności obowiązek archiwizacji (art. 17 RODO);',
        'prawo do ograniczenia przetwarzania (art. 18 RODO);',
        'prawo do wniesienia sprzeciwu wobec przetwarzania danych na podstawie art. 6 ust. 1 lit. e RODO (art. 21 RODO).',
      ],
    },
    {
      h: 'Prawo wniesienia skargi',
      p: [
        'Każdej osobie przysługuje prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa), jeżeli uzna, że przetwarzanie jej danych osobowych narusza przepisy RODO.',
      ],
    },
    {
      h: 'Czy podanie danych jest obowiązkowe',
      p: [
        'Podanie danych jest dobrowolne, ale niezbędne do założenia konta, zgłoszenia grupy inicjatywnej i złożenia wniosku: bez nich nie można ubiegać się o wsparcie. Zakres wymaganych danych wynika z przepisów o realizacji programów współfinansowanych ze środków Unii Europejskiej oraz z regulaminu naboru.',
      ],
    },
    {
      h: 'Zautomatyzowane podejmowanie decyzji',
      p: [
        'Dane nie są wykorzystywane do zautomatyzowanego podejmowania decyzji, w tym do profilowania. Serwis sprawdza kompletność i poprawność formularzy, ale o zakwalifikowaniu grupy i o przyznaniu wsparcia decydują pracownicy ośrodka, oceniający i komisje.',
      ],
    },
  ],
  en: [
    {
      h: 'Controller',
      p: [
        `Under Article 13 of Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 (GDPR), the controller of your personal data is the social economy support centre to which the initiative group’s enrolment or the application is submitted, and for your account in the service — ${CENTRE_EN.charAt(0).toLowerCase() + CENTRE_EN.slice(1)}: [name, address and contact details — filled in by the centre running the service].`,
      ],
    },
    {
      h: 'Data protection officer',
      p: [
        'You can contact the data protection officer about anything concerning the processing of your personal data: [name, email and postal address of the officer — filled in by the centre].',
      ],
    },
    {
      h: 'Purposes and legal bases',
      li: [
        'your account in the service, the recruitment of initiative groups, the assessment of applications, awarding and settling grants and monitoring the jobs created — a task carried out in the public interest (Article 6(1)(e) GDPR) under the Social Economy Act of 5 August 2022;',
        'legal obligations of projects co-funded by the European Union: reporting, control, audit and archiving (Article 6(1)(c) GDPR), in particular under Regulation (EU) 2021/1060 and the Polish Act of 28 April 2022 on the implementation of tasks funded from European funds in the 2021–2027 period;',
        'health data in documents proving eligibility (e.g. a disability certificate, a medical certificate) — processed for reasons of substantial public interest under Union and national law (Article 9(2)(g) GDPR);',
        'the security of the service (event logs) — Article 6(1)(c) and (e) GDPR.',
      ],
      after: [
        'The data of an initiative group’s members is given by the group’s leader; the members confirm their consent to its processing for the recruitment, and the centre gives them the information required by Article 14 GDPR.',
      ],
    },
    {
      h: 'Recipients',
      li: [
        'the intermediate body and the managing authority of the programme funding the support, and other bodies entitled to control and audit (e.g. the European Commission, the National Revenue Administration, the Supreme Audit Office);',
        'providers of IT and email services processing the data on the centre’s behalf under a contract;',
        'authorities and bodies entitled by law.',
      ],
      after: [
        'The data is not transferred to countries outside the European Economic Area or to international organisations.',
      ],
    },
    {
      h: 'How long the data is kept',
      p: [
        'The data is kept under the project’s rules: usually until the end of the programme’s archiving period set in the project’s funding agreement (at least 5 years from 31 December of the year of the last payment to the beneficiary); the data of an account never used to submit an enrolment or an application is kept until the account is deleted.',
      ],
    },
    {
      h: 'Your rights',
      li: [
        'the right of access to your data and to a copy of it (Article 15 GDPR);',
        'the right to rectification (Article 16 GDPR);',
        'the right to erasure, unless the data must still be processed, in particular to meet the archiving obligation (Article 17 GDPR);',
        'the right to restriction of processing (Article 18 GDPR);',
        'the right to object to processing based on Article 6(1)(e) GDPR (Article 21 GDPR).',
      ],
    },
    {
      h: 'The right to lodge a complaint',
      p: [
        'You have the right to lodge a complaint with the President of the Personal Data Protection Office (Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa) if you think the processing of your personal data breaches the GDPR.',
      ],
    },
    {
      h: 'Do you have to give your data',
      p: [
        'Giving your data is voluntary but necessary to open an account, enrol an initiative group and submit an application: without it you cannot apply for support. The data required follows from the rules of programmes co-funded by the European Union and from the call’s rules.',
      ],
    },
    {
      h: 'Automated decision-making',
      p: [
        'Your data is not used for automated decision-making, including profiling. The service checks that forms are complete and correct, but the centre’s staff, the assessors and the committees decide on qualifying a group and on awarding support.',
      ],
    },
  ],
};

/** A page's sections as keys (the same in both languages: the Polish shape). */
export function sectionKeys(page: 'a11y' | 'privacy') {
  const sections = (page === 'a11y' ? ACCESSIBILITY : PRIVACY).pl;
  return sections.map((s, i) => ({
    h: `info.${page}.${i}.h`,
    p: (s.p ?? []).map((_, j) => `info.${page}.${i}.p${j}`),
    li: (s.li ?? []).map((_, j) => `info.${page}.${i}.li${j}`),
    after: (s.after ?? []).map((_, j) => `info.${page}.${i}.after${j}`),
  }));
}

function flatten(page: 'a11y' | 'privacy', sections: InfoSection[]): Record<string, string> {
  const out: Record<string, string> = {};
  sections.forEach((s, i) => {
    out[`info.${page}.${i}.h`] = s.h;
    (s.p ?? []).forEach((text, j) => (out[`info.${page}.${i}.p${j}`] = text));
    (s.li ?? []).forEach((text, j) => (out[`info.${page}.${i}.li${j}`] = text));
    (s.after ?? []).forEach((text, j) => (out[`info.${page}.${i}.after${j}`] = text));
  });
  return out;
}

export const INFO_MESSAGES: Messages = {
  pl: {
    'info.a11y.title': 'Deklaracja dostępności',
    'info.privacy.title': 'Informacja o przetwarzaniu danych osobowych',
    'info.a11y.lead': `${CENTRE_PL}. Ośrodek prowadzący instalację uzupełnia w tej deklaracji swoje dane.`,
    'info.privacy.lead':
      'Informacja dla osób korzystających z serwisu OWES Granty, w tym liderów i członków grup inicjatywnych oraz wnioskodawców.',
    ...flatten('a11y', ACCESSIBILITY.pl),
    ...flatten('privacy', PRIVACY.pl),
  },
  en: {
    'info.a11y.title': 'Accessibility statement',
    'info.privacy.title': 'Privacy notice',
    'info.a11y.lead': `${CENTRE_EN}. The centre running the installation fills in its details in this statement.`,
    'info.privacy.lead':
      'Information for people using OWES Grants, including the leaders and members of initiative groups and applicants.',
    ...flatten('a11y', ACCESSIBILITY.en),
    ...flatten('privacy', PRIVACY.en),
  },
};
