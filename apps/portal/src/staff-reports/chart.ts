import type { Lang, Translate } from '../i18n/i18n.js';
import { formatMoney } from '../platform/views.js';

/**
 * One indicator as the services give it (grants' `/api/indicators` and `/api/region/indicators`):
 * its figure beside its target; money in grosze.
 */
export interface IndicatorInput {
  key: string;
  label: { pl: string; en: string };
  actual: number | null;
  target: number | null;
  money?: boolean;
}

/** An indicator as a table row and a bar of the chart read it. */
export interface IndicatorView {
  key: string;
  label: string;
  actual: string;
  target: string;
  /** "15%" of the target, or '' without one. */
  percent: string;
}

/** One bar of the chart (the SVG's geometry computed here, so the template only places it). */
export interface ChartBar {
  label: string;
  y: number;
  width: number;
  value: string;
}

/**
 * A server-rendered bar chart of the indicators that have a target: each bar the share of the
 * target reached (capped at the full width), with a text alternative (`description`) saying the
 * same figures in words; the page shows the same figures as a table too.
 */
export interface Chart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  barX: number;
  barMax: number;
  bars: ChartBar[];
}

const MONEY_KEYS = new Set(['moneyAwarded', 'moneyPaid', 'moneyRefundClaimed']);

export function isMoney(i: IndicatorInput): boolean {
  return i.money ?? MONEY_KEYS.has(i.key);
}

function number(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL').format(value);
}

/** The share of the target reached, in whole per cent. */
export function share(actual: number | null, target: number | null): number | null {
  if (actual === null || !target) return null;
  return Math.round((actual / target) * 100);
}

export function indicatorViews(
  rows: readonly IndicatorInput[],
  lang: Lang,
  t: Translate,
): IndicatorView[] {
  return rows.map((i) => {
    const money = isMoney(i);
    const format = (v: number | null) =>
      v === null ? '' : money ? formatMoney(v, lang) : number(v, lang);
    const pct = share(i.actual, i.target);
    return {
      key: i.key,
      label: i.label[lang],
      actual: i.actual === null ? t('staffReports.indicators.notCounted') : format(i.actual),
      target: i.target === null ? '—' : format(i.target),
      percent: pct === null ? '—' : `${pct}%`,
    };
  });
}

const ROW = 52;
const WIDTH = 720;
const BAR_MAX = 520;

/** The chart of the indicators with both a figure and a target. */
export function indicatorChart(
  id: string,
  title: string,
  rows: readonly IndicatorInput[],
  lang: Lang,
  t: Translate,
): Chart | null {
  const charted = rows.filter((i) => i.actual !== null && i.target);
  if (charted.length === 0) return null;
  const bars = charted.map((i, n) => {
    const pct = share(i.actual, i.target) ?? 0;
    return {
      label: i.label[lang],
      y: n * ROW,
      width: Math.max(0, Math.round((Math.min(pct, 100) / 100) * BAR_MAX)),
      value: `${number(i.actual!, lang)} / ${number(i.target!, lang)} (${pct}%)`,
    };
  });
  const description = charted
    .map((i) =>
      t('staffReports.chart.item', {
        label: i.label[lang],
        actual: number(i.actual!, lang),
        target: number(i.target!, lang),
        percent: share(i.actual, i.target) ?? 0,
      }),
    )
    .join('; ');
  return {
    id,
    title,
    description: `${t('staffReports.chart.lead')} ${description}.`,
    width: WIDTH,
    height: charted.length * ROW,
    barX: 0,
    barMax: BAR_MAX,
    bars,
  };
}

/** A CSV answer of a service, sent on as a download (the BOM put back: fetch's text() drops it). */
export function csvBody(text: unknown): string {
  const body = typeof text === 'string' ? text : '';
  return body.startsWith('\ufeff') ? body : `\ufeff${body}`;
}
