/**
 * Message templates (Handlebars), Polish by default and English, each with a subject, a
 * plain-text part and an HTML part. Every message names the reference and says what happens
 * next. Variables come from the event payloads (see `render.ts`).
 */
export interface TemplateSource {
  subject: string;
  text: string;
  html: string;
}

export type TemplateName = 'application-submitted';

export const CATALOGUE: Record<TemplateName, { pl: TemplateSource; en: TemplateSource }> = {
  'application-submitted': {
    pl: {
      subject: 'Potwierdzenie złożenia wniosku {{reference}}',
      text: `Dzień dobry {{name}},

potwierdzamy złożenie wniosku o przyznanie wsparcia finansowego w naborze {{callNumber}} „{{callTitle}}”.

Numer wniosku: {{reference}}
Data złożenia: {{datetime submittedAt}}

Co dalej: wniosek przejdzie ocenę formalną. Jeśli będzie wymagał uzupełnienia braków formalnych, poinformujemy Cię o tym e-mailem i wskażemy termin. Podawaj numer wniosku we wszystkich sprawach z nim związanych.

Z poważaniem
Ośrodek Wsparcia Ekonomii Społecznej`,
      html: `<p>Dzień dobry {{name}},</p>
<p>potwierdzamy złożenie wniosku o przyznanie wsparcia finansowego w naborze <strong>{{callNumber}}</strong> „{{callTitle}}”.</p>
<table role="presentation" cellpadding="4">
<tr><td>Numer wniosku:</td><td><strong>{{reference}}</strong></td></tr>
<tr><td>Data złożenia:</td><td>{{datetime submittedAt}}</td></tr>
</table>
<p><strong>Co dalej:</strong> wniosek przejdzie ocenę formalną. Jeśli będzie wymagał uzupełnienia braków formalnych, poinformujemy Cię o tym e-mailem i wskażemy termin. Podawaj numer wniosku we wszystkich sprawach z nim związanych.</p>
<p>Z poważaniem<br>Ośrodek Wsparcia Ekonomii Społecznej</p>`,
    },
    en: {
      subject: 'Your application {{reference}} has been submitted',
      text: `Hello {{name}},

we confirm that your grant application in call {{callNumber}} "{{callTitle}}" has been submitted.

Reference number: {{reference}}
Submitted: {{datetime submittedAt}}

What happens next: the application goes through the formal check. If anything needs correcting, we will e-mail you what and by when. Please quote the reference number in every matter concerning it.

Kind regards
Social Economy Support Centre (OWES)`,
      html: `<p>Hello {{name}},</p>
<p>we confirm that your grant application in call <strong>{{callNumber}}</strong> "{{callTitle}}" has been submitted.</p>
<table role="presentation" cellpadding="4">
<tr><td>Reference number:</td><td><strong>{{reference}}</strong></td></tr>
<tr><td>Submitted:</td><td>{{datetime submittedAt}}</td></tr>
</table>
<p><strong>What happens next:</strong> the application goes through the formal check. If anything needs correcting, we will e-mail you what and by when. Please quote the reference number in every matter concerning it.</p>
<p>Kind regards<br>Social Economy Support Centre (OWES)</p>`,
    },
  },
};
