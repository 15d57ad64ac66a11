import Handlebars from 'handlebars';
import { DAYS, WORKING_DAYS, formatCount, formatPln, type Lang } from '@app/common';
import {
  CATALOGUE,
  FRAME,
  type MessageData,
  type MessageSource,
  type TemplateName,
} from './catalogue.js';
import { COUNTS, LABELS } from './labels.js';

/**
 * What a centre's letter says of its centre (docs/tenancy.md#letters): its name in the header and
 * the footer, its signature under the closing. Without it, the generic frame of the installation.
 */
export interface CentreFrame {
  name: string;
  /** Lines under "Z poważaniem" / "Kind regards"; the centre's name when empty. */
  signature: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const LOCALE: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };
const TIME_ZONE = 'Europe/Warsaw';

function formats(lang: Lang) {
  const locale = LOCALE[lang];
  return {
    datetime: new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      dateStyle: 'long',
      timeStyle: 'short',
    }),
    date: new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'long' }),
    time: new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
    month: new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, month: 'long', year: 'numeric' }),
    number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
  };
}
const FORMATS = { pl: formats('pl'), en: formats('en') };

function instant(value: unknown, what: string): Date {
  const date = new Date(String(value));
  if (value === null || value === undefined || Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a moment for ${what}: ${String(value)}`);
  }
  return date;
}

/** A calendar day 'YYYY-MM-DD' is read as that Warsaw day (noon UTC is inside it all year). */
function day(value: unknown, what: string): Date {
  const text = String(value ?? '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return instant(`${text}T12:00:00Z`, what);
  if (/^\d{4}-\d{2}$/.test(text)) return instant(`${text}-15T12:00:00Z`, what);
  return instant(value, what);
}

/** The words of every enumeration, looked up by the group a template names. */
const WORDS: Readonly<Record<string, Record<Lang, Record<string, string>>>> = LABELS;

function number(value: unknown, what: string): number {
  const n = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(n)) {
    throw new RangeError(`Not a number for ${what}: ${String(value)}`);
  }
  return n;
}

function helpers(lang: Lang): Record<string, Handlebars.HelperDelegate> {
  const f = FORMATS[lang];
  return {
    pln: (grosze: unknown) => {
      const n = number(grosze, 'pln');
      if (!Number.isSafeInteger(n))
        throw new RangeError(`Amounts are integer grosze, got ${String(grosze)}`);
      return formatPln(n, lang);
    },
    datetime: (value: unknown) => f.datetime.format(instant(value, 'datetime')),
    date: (value: unknown) => f.date.format(day(value, 'date')),
    time: (value: unknown) => f.time.format(instant(value, 'time')),
    month: (value: unknown) => f.month.format(day(value, 'month')),
    num: (value: unknown) => f.number.format(number(value, 'num')),
    days: (n: unknown) => formatCount(number(n, 'days'), lang, DAYS),
    workingDays: (n: unknown) => formatCount(number(n, 'workingDays'), lang, WORKING_DAYS),
    count: (kind: unknown, n: unknown) => {
      const forms = COUNTS[kind as keyof typeof COUNTS];
      if (!forms) throw new RangeError(`Unknown count word ${String(kind)}`);
      return formatCount(number(n, String(kind)), lang, forms);
    },
    label: (group: unknown, value: unknown) => {
      const text = WORDS[String(group)]?.[lang]?.[String(value)];
      if (text === undefined)
        throw new RangeError(`No ${lang} label for ${String(group)} "${String(value)}"`);
      return text;
    },
  };
}
const HELPERS = { pl: helpers('pl'), en: helpers('en') };

/** The helpers templates may call (besides Handlebars' own `if`, `unless`, `each`). */
export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS.pl);

const when = (condition: string | undefined, body: string) =>
  condition ? `{{#if ${condition}}}${body}{{/if}}` : body;

/** The closing and footer of a message: the installation's, or the centre's (`centre`). */
function tail(lang: Lang, centre: CentreFrame | null | undefined) {
  const frame = FRAME[lang];
  if (!centre) return { brand: 'OWES Grants', closing: frame.closing, footer: frame.footer };
  const signature = centre.signature.replace(/\r\n?/g, '\n').trim() || centre.name;
  return {
    brand: centre.name,
    closing: `${frame.closing.split('\n')[0]}\n${signature}`,
    footer: CENTRE_FOOTER[lang](centre.name),
  };
}

const CENTRE_FOOTER: Record<Lang, (name: string) => string> = {
  pl: (name) => `Wiadomość wysłana automatycznie przez system OWES Grants w imieniu: ${name}.`,
  en: (name) => `This message was sent automatically by OWES Grants on behalf of ${name}.`,
};

/** The plain-text source of a message's body: its parts, one paragraph each (no closing). */
function textSource(src: MessageSource, lang: Lang): string {
  const frame = FRAME[lang];
  const parts: string[] = [frame.greeting, src.intro];
  if (src.action) parts.push(`${src.action.label}:\n${src.action.url}`);
  if (src.facts) parts.push(src.facts.map((f) => when(f.if, `${f.label}: ${f.value}\n`)).join(''));
  if (src.list)
    parts.push(`${src.list.title}:{{#each ${src.list.field}}}\n- ${src.list.item}{{/each}}`);
  parts.push(...(src.paragraphs ?? []));
  parts.push(`${frame.next}: ${src.next}`);
  return parts.join('\n\n');
}

const P = 'margin:0 0 16px';

/** The HTML body of a message (the layout wraps it, the closing follows): the text's parts. */
function htmlSource(src: MessageSource, lang: Lang): string {
  const frame = FRAME[lang];
  const parts: string[] = [
    `<p style="${P}">${frame.greeting}</p>`,
    `<p style="${P}">${src.intro}</p>`,
  ];
  if (src.action) {
    parts.push(
      `<p style="margin:24px 0"><a href="${src.action.url}" style="display:inline-block;background:#1f5fa8;color:#ffffff;` +
        `text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold">${src.action.label}</a></p>`,
      `<p style="${P};font-size:13px;color:#555555;word-break:break-all">${frame.linkHint}<br>${src.action.url}</p>`,
    );
  }
  if (src.facts) {
    const rows = src.facts
      .map((f) =>
        when(
          f.if,
          `<tr><td style="padding:6px 12px 6px 0;color:#555555;vertical-align:top;width:40%">${f.label}:</td>` +
            `<td style="padding:6px 0;vertical-align:top"><strong>${f.value}</strong></td></tr>`,
        ),
      )
      .join('\n');
    parts.push(
      `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;${P}">\n${rows}\n</table>`,
    );
  }
  if (src.list) {
    parts.push(
      `<p style="margin:0 0 8px"><strong>${src.list.title}:</strong></p>\n` +
        `<ul style="${P};padding-left:20px">{{#each ${src.list.field}}}<li>${src.list.item}</li>{{/each}}</ul>`,
    );
  }
  for (const paragraph of src.paragraphs ?? []) parts.push(`<p style="${P}">${paragraph}</p>`);
  parts.push(
    `<p style="${P};padding:12px 16px;background:#eef4fb;border-left:4px solid #1f5fa8"><strong>${frame.next}:</strong> ${src.next}</p>`,
  );
  return parts.join('\n');
}

const LAYOUT = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d1d1f">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;line-height:1.5;font-size:15px">
<p style="margin:0 0 24px;font-size:13px;font-weight:bold;color:#1f5fa8;letter-spacing:0.5px">{{brand}}</p>
{{{body}}}
<p style="margin:24px 0 0">{{#each closing}}{{this}}{{#unless @last}}<br>{{/unless}}{{/each}}</p>
<p style="margin:32px 0 0;padding-top:12px;border-top:1px solid #e1e4e8;font-size:12px;color:#777777">{{footer}}</p>
</div></body></html>`);

type Compiled = {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
};
const compiled = new Map<string, Compiled>();

/** The Handlebars sources of a message: its subject, its plain text and its HTML body. */
export function templateSources(
  name: TemplateName,
  lang: Lang,
): { subject: string; text: string; html: string } {
  const source = CATALOGUE[name]?.[lang];
  if (!source) throw new RangeError(`No template ${name} in ${lang}`);
  const { closing, footer } = tail(lang, null);
  return {
    subject: source.subject,
    text: [textSource(source, lang), closing, footer].join('\n\n'),
    html: `${htmlSource(source, lang)}\n<p style="margin:24px 0 0">${closing.replace(/\n/g, '<br>')}</p>`,
  };
}

function templateFor(name: TemplateName, lang: Lang): Compiled {
  const key = `${name}:${lang}`;
  let entry = compiled.get(key);
  if (!entry) {
    const src = CATALOGUE[name]?.[lang];
    if (!src) throw new RangeError(`No template ${name} in ${lang}`);
    const source = {
      subject: src.subject,
      text: textSource(src, lang),
      html: htmlSource(src, lang),
    };
    entry = {
      subject: Handlebars.compile(source.subject, { noEscape: true, strict: true }),
      text: Handlebars.compile(source.text, { noEscape: true, strict: true }),
      html: Handlebars.compile(source.html, { strict: true }),
    };
    compiled.set(key, entry);
  }
  return entry;
}

/** Paragraphs that came out empty (a condition not met) leave no gap. */
function tidyText(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tidyHtml(html: string): string {
  return html.replace(/<p style="[^"]*">\s*<\/p>\n?/g, '');
}

/**
 * Renders a catalogue template in a language. Its data is typed per template (`TemplateData`); a
 * variable missing all the same (data read back from the database) is an error, never an empty gap.
 * A centre's letter (`centre`) names the centre in its header and footer and ends with its
 * signature; without it, the installation's generic frame.
 */
export function renderMessage<T extends TemplateName>(
  name: T,
  lang: Lang,
  data: MessageData<T>,
  centre?: CentreFrame | null,
): RenderedMessage {
  const template = templateFor(name, lang);
  const options = { helpers: HELPERS[lang] };
  const subject = template.subject(data, options).replace(/\s+/g, ' ').trim();
  const { brand, closing, footer } = tail(lang, centre);
  return {
    subject,
    text: tidyText([template.text(data, options), closing, footer].join('\n\n')),
    html: LAYOUT({
      lang,
      subject,
      brand,
      closing: closing.split('\n'),
      footer,
      body: tidyHtml(template.html(data, options)),
    }),
  };
}
