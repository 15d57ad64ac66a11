import type { Messages } from '../i18n/i18n.js';

/** Texts of the evaluator’s pages (/ocena): assignments, declaration, read-only application, scoring. Keys start with `evaluation.`. */
export const EVALUATION_MESSAGES: Messages = {
  pl: {
    // The list
    'evaluation.list.title': 'Wnioski do oceny',
    'evaluation.list.caption': 'Komisja Oceny Wniosków',
    'evaluation.list.intro':
      'Poniżej znajdują się wnioski przydzielone do oceny merytorycznej. Przed zapoznaniem się z wnioskiem należy złożyć deklarację bezstronności i poufności albo zgłosić konflikt interesów.',
    'evaluation.list.empty': 'Nie przydzielono żadnego wniosku do oceny.',
    'evaluation.list.tableCaption': 'Przydzielone oceny, najpierw te po terminie',
    'evaluation.list.reference': 'Numer wniosku',
    'evaluation.list.call': 'Nabór',
    'evaluation.list.due': 'Termin oceny',
    'evaluation.list.state': 'Status',
    'evaluation.list.action': 'Działanie',
    'evaluation.list.overdue': 'po terminie',
    'evaluation.list.submittedOn': 'złożono {date}',
    'evaluation.list.handedOver': 'Zgłoszone konflikty interesów',
    'evaluation.list.handedOverIntro':
      'Te wnioski oceni inny członek komisji, ponieważ zgłoszono konflikt interesów.',
    'evaluation.state.assigned': 'Wymaga deklaracji',
    'evaluation.state.declared': 'Do oceny',
    'evaluation.state.submitted': 'Ocena złożona',
    'evaluation.state.conflict': 'Konflikt interesów',
    'evaluation.round.appeal': 'Ponowna ocena po odwołaniu',
    'evaluation.round.third': 'Ocena trzeciego oceniającego',
    'evaluation.action.declare': 'Złóż deklarację',
    'evaluation.action.score': 'Oceń wniosek',
    'evaluation.action.view': 'Zobacz ocenę',
    'evaluation.action.declareFor': 'do wniosku {reference}',
    'evaluation.action.scoreFor': '{reference}',
    'evaluation.action.viewFor': 'wniosku {reference}',
    // The declaration
    'evaluation.declaration.title': 'Deklaracja bezstronności i poufności',
    'evaluation.declaration.caption': 'Wniosek {reference}',
    'evaluation.declaration.facts': 'Dane oceny',
    'evaluation.declaration.intro':
      'Wniosek zostanie udostępniony po złożeniu deklaracji. Jeżeli zachodzi którakolwiek z okoliczności wymienionych poniżej, należy zgłosić konflikt interesów — wniosek otrzyma wtedy inny członek komisji.',
    'evaluation.declaration.lead': 'Oświadczam, że:',
    'evaluation.declaration.point1':
      'nie pozostaję z wnioskodawcą ani z osobami uprawnionymi do jego reprezentacji, członkami jego organów lub osobami wskazanymi do zatrudnienia w związku małżeńskim, w stosunku pokrewieństwa lub powinowactwa w linii prostej lub bocznej do drugiego stopnia, ani w stosunku przysposobienia, opieki lub kurateli;',
    'evaluation.declaration.point2':
      'w okresie trzech lat przed dniem złożenia wniosku nie łączyła mnie z wnioskodawcą umowa o pracę ani umowa cywilnoprawna, członkostwo w jego organach ani udział w jego rekrutacji lub w udzielanym mu wsparciu;',
    'evaluation.declaration.point3':
      'nie pozostaję z wnioskodawcą w takim stosunku prawnym lub faktycznym, który mógłby budzić uzasadnione wątpliwości co do mojej bezstronności;',
    'evaluation.declaration.point4':
      'zobowiązuję się zachować w tajemnicy informacje i dokumenty, z którymi zapoznam się podczas oceny, nie wykorzystywać ich w innym celu niż ocena i nie udostępniać ich osobom trzecim;',
    'evaluation.declaration.point5':
      'w razie ujawnienia się okoliczności, o których mowa w pkt 1–3, niezwłocznie zgłoszę konflikt interesów i odstąpię od oceny.',
    'evaluation.declaration.choice': 'Deklaracja',
    'evaluation.declaration.impartial': 'Składam deklarację bezstronności i poufności',
    'evaluation.declaration.impartialHint':
      'Treść oświadczenia jest podana powyżej. Złożenie deklaracji zostanie odnotowane z datą i godziną.',
    'evaluation.declaration.conflict': 'Zgłaszam konflikt interesów',
    'evaluation.declaration.conflictHint': 'Wniosek zostanie przekazany innemu członkowi komisji.',
    'evaluation.declaration.reason': 'Na czym polega konflikt interesów',
    'evaluation.declaration.reasonHint':
      'Tylko przy zgłoszeniu konfliktu interesów. Wystarczy krótki opis, na przykład „pokrewieństwo z członkiem grupy inicjatywnej”.',
    'evaluation.declaration.submit': 'Potwierdzam',
    'evaluation.declaration.error.choice':
      'Należy wybrać, czy składa się deklarację bezstronności i poufności, czy zgłasza konflikt interesów',
    'evaluation.declaration.error.reason': 'Należy opisać, na czym polega konflikt interesów',
    'evaluation.declaration.signedFlash':
      'Złożono deklarację bezstronności i poufności. Wniosek {reference} jest dostępny do oceny.',
    'evaluation.declaration.conflictFlash':
      'Zgłoszono konflikt interesów. Wniosek {reference} zostanie przekazany innemu członkowi komisji.',
    'evaluation.declaration.conflictDone':
      'Zgłoszono konflikt interesów dla tego wniosku. Oceni go inny członek komisji.',
    'evaluation.declaration.already': 'Deklaracja do tej oceny została już złożona.',
    'evaluation.backToList': 'Wróć do listy wniosków do oceny',
    // Facts
    'evaluation.fact.reference': 'Numer wniosku',
    'evaluation.fact.call': 'Nabór',
    'evaluation.fact.due': 'Termin oceny',
    'evaluation.fact.dueValue': 'do {date}',
    'evaluation.fact.round': 'Rodzaj oceny',
    'evaluation.fact.roundFirst': 'Ocena merytoryczna',
    // The application
    'evaluation.application.title': 'Wniosek {reference}',
    'evaluation.application.caption': 'Ocena merytoryczna — wniosek tylko do odczytu',
    'evaluation.application.anonymised':
      'Dane osobowe (imiona i nazwiska, numery PESEL, dane kontaktowe) nie są udostępniane oceniającym.',
    'evaluation.application.applicant': 'Wnioskodawca',
    'evaluation.application.kind': 'Rodzaj wnioskodawcy',
    'evaluation.application.entityName': 'Nazwa podmiotu',
    'evaluation.application.county': 'Powiat siedziby',
    'evaluation.application.amount': 'Wnioskowana kwota',
    'evaluation.application.jobs': 'Planowane miejsca pracy',
    'evaluation.application.jobsCaption': 'Miejsca pracy (bez danych osób)',
    'evaluation.application.position': 'Stanowisko',
    'evaluation.application.workingTime': 'Wymiar czasu pracy',
    'evaluation.application.eligible': 'Osoba z grupy docelowej',
    'evaluation.application.start': 'Planowane zatrudnienie od',
    'evaluation.application.yes': 'Tak',
    'evaluation.application.no': 'Nie',
    'evaluation.application.plan': 'Biznesplan',
    'evaluation.application.appeal': 'Odwołanie od wyniku oceny',
    'evaluation.application.appealIntro':
      'Wnioskodawca zakwestionował ocenę. Należy ocenić wniosek ponownie we wszystkich kryteriach.',
    'evaluation.application.appealCriteria': 'Zakwestionowane kryteria',
    'evaluation.application.appealJustification': 'Uzasadnienie odwołania',
    'evaluation.application.toCard': 'Przejdź do karty oceny',
    'evaluation.application.toSubmitted': 'Zobacz złożoną ocenę',
    'evaluation.application.none': '—',
    // The card
    'evaluation.card.title': 'Karta oceny wniosku {reference}',
    'evaluation.card.caption': 'Ocena merytoryczna',
    'evaluation.card.intro':
      'Każde kryterium należy ocenić w pełnych punktach, od 0 do liczby wskazanej przy kryterium, i uzasadnić ocenę. Karta jest zapisywana w trakcie pisania; bez JavaScriptu należy użyć przycisku „Zapisz”.',
    'evaluation.card.readApplication': 'Przeczytaj wniosek',
    'evaluation.card.criterion': '{name} ({id})',
    'evaluation.card.points': 'Liczba punktów',
    'evaluation.card.pointsHint': 'Pełne punkty od 0 do {max}.',
    'evaluation.card.justification': 'Uzasadnienie oceny',
    'evaluation.card.justificationHint': 'Co przesądziło o liczbie punktów.',
    'evaluation.card.total': 'Suma punktów',
    'evaluation.card.totalValue': '{total} z {max}',
    'evaluation.card.save': 'Zapisz',
    'evaluation.card.continue': 'Dalej: sprawdź ocenę',
    'evaluation.card.saved': 'Zapisano o {time}.',
    'evaluation.card.saveFailed':
      'Nie udało się zapisać. Należy spróbować ponownie przyciskiem „Zapisz”.',
    'evaluation.card.sessionEnded':
      'Sesja wygasła. Wpisany tekst pozostaje na stronie — po naciśnięciu „Zapisz” i ponownym zalogowaniu zostanie zapisany.',
    'evaluation.card.unsaved': 'Nie wszystkie zmiany zostały zapisane.',
    'evaluation.card.savedFlash': 'Zapisano kartę oceny.',
    'evaluation.card.restored':
      'Sesja wygasła przed zapisaniem karty. To, co zostało wpisane, zostało zapisane po ponownym zalogowaniu.',
    'evaluation.card.error.pointsMissing':
      'Należy wpisać liczbę punktów za kryterium „{criterion}”',
    'evaluation.card.error.pointsWhole':
      'Liczba punktów za kryterium „{criterion}” musi być liczbą całkowitą od 0 do {max}',
    'evaluation.card.error.pointsRange':
      'Liczba punktów za kryterium „{criterion}” nie może przekraczać {max}',
    'evaluation.card.error.justificationMissing':
      'Należy wpisać uzasadnienie oceny kryterium „{criterion}”',
    'evaluation.card.error.justificationLong':
      'Uzasadnienie oceny kryterium „{criterion}” może mieć najwyżej {limit} znaków',
    'evaluation.card.error.submit': 'Nie udało się złożyć oceny: {message}',
    // Check and submit
    'evaluation.check.title': 'Sprawdź ocenę przed złożeniem',
    'evaluation.check.change': 'Zmień',
    'evaluation.check.pointsOf': '{points} z {max} pkt',
    'evaluation.check.submitHeading': 'Złożenie oceny',
    'evaluation.check.submitText':
      'Po złożeniu oceny nie można jej zmienić. Ocena zostanie przekazana do wyliczenia wyniku wniosku.',
    'evaluation.check.submit': 'Złóż ocenę',
    'evaluation.check.submittedFlash': 'Ocena wniosku {reference} została złożona.',
    // The submitted card
    'evaluation.view.title': 'Ocena wniosku {reference}',
    'evaluation.view.submittedAt': 'Złożono {date}',
    'evaluation.view.readOnly': 'Złożonej oceny nie można zmienić.',
  },
  en: {
    // The list
    'evaluation.list.title': 'Applications to evaluate',
    'evaluation.list.caption': 'Evaluation committee',
    'evaluation.list.intro':
      'These are the applications assigned to you for substantive evaluation. Before reading an application, the impartiality and confidentiality declaration must be signed or a conflict of interest declared.',
    'evaluation.list.empty': 'No application has been assigned for evaluation.',
    'evaluation.list.tableCaption': 'Assigned evaluations, overdue ones first',
    'evaluation.list.reference': 'Reference number',
    'evaluation.list.call': 'Call',
    'evaluation.list.due': 'Due date',
    'evaluation.list.state': 'Status',
    'evaluation.list.action': 'Action',
    'evaluation.list.overdue': 'overdue',
    'evaluation.list.submittedOn': 'submitted {date}',
    'evaluation.list.handedOver': 'Declared conflicts of interest',
    'evaluation.list.handedOverIntro':
      'Another committee member will evaluate these applications, as a conflict of interest was declared.',
    'evaluation.state.assigned': 'Declaration needed',
    'evaluation.state.declared': 'To score',
    'evaluation.state.submitted': 'Submitted',
    'evaluation.state.conflict': 'Conflict of interest',
    'evaluation.round.appeal': 'Re-evaluation after an appeal',
    'evaluation.round.third': 'Third evaluator',
    'evaluation.action.declare': 'Sign the declaration',
    'evaluation.action.score': 'Evaluate',
    'evaluation.action.view': 'View the evaluation',
    'evaluation.action.declareFor': 'for application {reference}',
    'evaluation.action.scoreFor': 'application {reference}',
    'evaluation.action.viewFor': 'of application {reference}',
    // The declaration
    'evaluation.declaration.title': 'Impartiality and confidentiality declaration',
    'evaluation.declaration.caption': 'Application {reference}',
    'evaluation.declaration.facts': 'The evaluation',
    'evaluation.declaration.intro':
      'The application is made available once the declaration is signed. If any of the circumstances below applies, a conflict of interest must be declared instead: another committee member will then receive the application.',
    'evaluation.declaration.lead': 'I declare that:',
    'evaluation.declaration.point1':
      'I am not married to, related by blood or marriage in the direct line or collaterally to the second degree to, nor bound by adoption, guardianship or curatorship with the applicant, the persons authorised to represent it, the members of its bodies or the persons to be employed;',
    'evaluation.declaration.point2':
      'in the three years before the application was submitted I had no employment or civil-law contract with the applicant, was not a member of its bodies and took no part in its recruitment or in the support given to it;',
    'evaluation.declaration.point3':
      'I have no legal or factual relationship with the applicant that could raise justified doubts about my impartiality;',
    'evaluation.declaration.point4':
      'I will keep confidential the information and documents I see during the evaluation, use them for no purpose other than the evaluation and disclose them to no third party;',
    'evaluation.declaration.point5':
      'should any circumstance referred to in points 1–3 come to light, I will declare a conflict of interest at once and withdraw from the evaluation.',
    'evaluation.declaration.choice': 'Declaration',
    'evaluation.declaration.impartial': 'I sign the impartiality and confidentiality declaration',
    'evaluation.declaration.impartialHint':
      'The text of the declaration is shown above. Signing it is recorded with the date and time.',
    'evaluation.declaration.conflict': 'I declare a conflict of interest',
    'evaluation.declaration.conflictHint':
      'The application will be given to another committee member.',
    'evaluation.declaration.reason': 'What the conflict of interest is',
    'evaluation.declaration.reasonHint':
      'Only when declaring a conflict of interest. A short description is enough, for example “related to a member of the initiative group”.',
    'evaluation.declaration.submit': 'Confirm',
    'evaluation.declaration.error.choice':
      'Select whether you sign the impartiality and confidentiality declaration or declare a conflict of interest',
    'evaluation.declaration.error.reason': 'Describe what the conflict of interest is',
    'evaluation.declaration.signedFlash':
      'The impartiality and confidentiality declaration has been signed. Application {reference} is open for evaluation.',
    'evaluation.declaration.conflictFlash':
      'A conflict of interest has been declared. Application {reference} will be given to another committee member.',
    'evaluation.declaration.conflictDone':
      'A conflict of interest was declared for this application. Another committee member will evaluate it.',
    'evaluation.declaration.already': 'The declaration for this evaluation has already been made.',
    'evaluation.backToList': 'Back to the applications to evaluate',
    // Facts
    'evaluation.fact.reference': 'Reference number',
    'evaluation.fact.call': 'Call',
    'evaluation.fact.due': 'Due date',
    'evaluation.fact.dueValue': 'by {date}',
    'evaluation.fact.round': 'Kind of evaluation',
    'evaluation.fact.roundFirst': 'Substantive evaluation',
    // The application
    'evaluation.application.title': 'Application {reference}',
    'evaluation.application.caption': 'Substantive evaluation — read-only application',
    'evaluation.application.anonymised':
      'Personal data (names, PESEL numbers, contact details) is not shown to evaluators.',
    'evaluation.application.applicant': 'Applicant',
    'evaluation.application.kind': 'Kind of applicant',
    'evaluation.application.entityName': 'Name of the entity',
    'evaluation.application.county': 'County of the seat',
    'evaluation.application.amount': 'Amount requested',
    'evaluation.application.jobs': 'Planned jobs',
    'evaluation.application.jobsCaption': 'Jobs (without personal data)',
    'evaluation.application.position': 'Position',
    'evaluation.application.workingTime': 'Working time',
    'evaluation.application.eligible': 'Person from the target group',
    'evaluation.application.start': 'Planned start',
    'evaluation.application.yes': 'Yes',
    'evaluation.application.no': 'No',
    'evaluation.application.plan': 'Business plan',
    'evaluation.application.appeal': 'Appeal against the evaluation',
    'evaluation.application.appealIntro':
      'The applicant contested the evaluation. The application is to be evaluated again in every criterion.',
    'evaluation.application.appealCriteria': 'Contested criteria',
    'evaluation.application.appealJustification': 'Grounds of the appeal',
    'evaluation.application.toCard': 'Go to the scoring card',
    'evaluation.application.toSubmitted': 'View the submitted evaluation',
    'evaluation.application.none': '—',
    // The card
    'evaluation.card.title': 'Scoring card of application {reference}',
    'evaluation.card.caption': 'Substantive evaluation',
    'evaluation.card.intro':
      'Score each criterion in whole points, from 0 to the number shown with it, and justify the score. The card is saved as you type; without JavaScript use the “Save” button.',
    'evaluation.card.readApplication': 'Read the application',
    'evaluation.card.criterion': '{name} ({id})',
    'evaluation.card.points': 'Points',
    'evaluation.card.pointsHint': 'Whole points from 0 to {max}.',
    'evaluation.card.justification': 'Justification',
    'evaluation.card.justificationHint': 'What decided the number of points.',
    'evaluation.card.total': 'Total points',
    'evaluation.card.totalValue': '{total} of {max}',
    'evaluation.card.save': 'Save',
    'evaluation.card.continue': 'Continue: check the evaluation',
    'evaluation.card.saved': 'Saved at {time}.',
    'evaluation.card.saveFailed': 'Could not save. Please try again with the “Save” button.',
    'evaluation.card.sessionEnded':
      'Your session has ended. What you typed stays on the page — press “Save” and sign in again to keep it.',
    'evaluation.card.unsaved': 'Not all changes have been saved.',
    'evaluation.card.savedFlash': 'The scoring card has been saved.',
    'evaluation.card.restored':
      'Your session ended before the card was saved. What you typed has been saved after you signed in again.',
    'evaluation.card.error.pointsMissing': 'Enter the points for the criterion “{criterion}”',
    'evaluation.card.error.pointsWhole':
      'The points for the criterion “{criterion}” must be a whole number from 0 to {max}',
    'evaluation.card.error.pointsRange':
      'The points for the criterion “{criterion}” must not exceed {max}',
    'evaluation.card.error.justificationMissing':
      'Enter the justification for the criterion “{criterion}”',
    'evaluation.card.error.justificationLong':
      'The justification for the criterion “{criterion}” must be {limit} characters or fewer',
    'evaluation.card.error.submit': 'The evaluation could not be submitted: {message}',
    // Check and submit
    'evaluation.check.title': 'Check the evaluation before submitting it',
    'evaluation.check.change': 'Change',
    'evaluation.check.pointsOf': '{points} of {max} points',
    'evaluation.check.submitHeading': 'Submitting the evaluation',
    'evaluation.check.submitText':
      'A submitted evaluation cannot be changed. It is passed on to calculate the application’s result.',
    'evaluation.check.submit': 'Submit the evaluation',
    'evaluation.check.submittedFlash':
      'The evaluation of application {reference} has been submitted.',
    // The submitted card
    'evaluation.view.title': 'Evaluation of application {reference}',
    'evaluation.view.submittedAt': 'Submitted {date}',
    'evaluation.view.readOnly': 'A submitted evaluation cannot be changed.',
  },
};
