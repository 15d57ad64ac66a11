import Handlebars from 'handlebars';
import { formatPln, type Lang } from '@app/common';
import { CATALOGUE, type TemplateName } from './catalogue.js';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

function formatDateTime(value: unknown, lang: Lang): string {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}

function formatDate(value: unknown, lang: Lang): string {
  const text = String(value ?? '');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T12:00:00Z`) : new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'long',
  }).format(date);
}

const LAYOUT = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d1d1f">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;line-height:1.5;font-size:15px">
{{{body}}}
</div></body></html>`);

type Compiled = { subject: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate };
const compiled = new Map<string, Compiled>();

function templateFor(name: TemplateName, lang: Lang): Compiled {
  const key = `${name}:${lang}`;
  let entry = compiled.get(key);
  if (!entry) {
    const source = CATALOGUE[name][lang];
    entry = {
      subject: Handlebars.compile(source.subject, { noEscape: true, strict: true }),
      text: Handlebars.compile(source.text, { noEscape: true, strict: true }),
      html: Handlebars.compile(source.html, { strict: true }),
    };
    compiled.set(key, entry);
  }
  return entry;
}

/** Renders a catalogue template in a language; a missing variable is an error, never an empty gap. */
export function renderMessage(name: TemplateName, lang: Lang, data: Record<string, unknown>): RenderedMessage {
  const template = templateFor(name, lang);
  const helpers = {
    pln: (grosze: unknown) => formatPln(Number(grosze), lang),
    datetime: (value: unknown) => formatDateTime(value, lang),
    date: (value: unknown) => formatDate(value, lang),
  };
  const options = { helpers };
  const subject = template.subject(data, options).trim();
  return {
    subject,
    text: template.text(data, options),
    html: LAYOUT({ lang, subject, body: template.html(data, options) }),
  };
}
