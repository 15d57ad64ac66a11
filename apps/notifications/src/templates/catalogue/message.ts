import type { Lang } from '@app/common';

/**
 * The shape every message of the catalogue is written in, and the kinds of value its data holds.
 * A message's facts and list name variables of its own data type (`TemplateData` in
 * `../catalogue.ts`), so a condition or a list over a variable the data lacks does not compile;
 * the variables inside the Handlebars text are checked against the data by
 * `template-data.spec.ts`.
 */

/** Money in integer grosze, as events carry it: `{{pln amount}}` writes '35 212,00 zł'. */
export type Grosze = number;
/** A Warsaw calendar day 'YYYY-MM-DD': `{{date lastDay}}`. */
export type IsoDate = string;
/** An ISO 8601 moment: `{{datetime submittedAt}}`, `{{date deadline}}`, `{{time deadline}}`. */
export type IsoMoment = string;
/** A month 'YYYY-MM': `{{month period}}` writes 'maj 2027'. */
export type IsoMonth = string;

/** What a reminder's data gains when it fires: whole Warsaw days left (0 on the day: not shown). */
export interface Countdown {
  daysLeft: number;
}

export interface Fact<Key extends string = string> {
  label: string;
  value: string;
  /** Shown only when this variable is truthy. */
  if?: Key;
}

export interface MessageSource<Key extends string = string, ListKey extends string = string> {
  subject: string;
  /** First paragraph, after the greeting. */
  intro: string;
  facts?: Fact<Key>[];
  /** A bulleted list over an array variable; `item` is rendered with each element as context. */
  list?: { field: ListKey; title: string; item: string };
  paragraphs?: string[];
  /** A link the reader follows (shown as a button in HTML). */
  action?: { url: string; label: string };
  /** What to do next, by when. */
  next: string;
}

/** The variables of `D` that hold a list. */
type ListKey<D> = { [K in keyof D]: D[K] extends readonly unknown[] ? K : never }[keyof D] & string;

/** One message in both languages, over the data `D`. */
export type Bilingual<D> = Record<Lang, MessageSource<keyof D & string, ListKey<D>>>;

/** The messages of a group of templates: template name → data type. */
export type Messages<Data> = { [T in keyof Data]: Bilingual<Data[T]> };
