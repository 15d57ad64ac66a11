import Handlebars from 'handlebars';
import type { Lang } from '@app/common';
import { APPLICANT } from '../../test/sample-events.js';
import { TEMPLATE_SAMPLES } from '../../test/sample-template-data.js';
import { TEMPLATE_NAMES, type TemplateName } from './catalogue.js';
import { COUNTS, LABELS } from './labels.js';
import { HELPER_NAMES, renderMessage, templateSources } from './render.js';

/** Handlebars' own block helpers the templates use. */
const BLOCK_HELPERS = ['if', 'unless', 'each'];

/** Helpers whose first argument names a group of words rather than a variable. */
const WORD_GROUPS: Record<string, readonly string[]> = {
  label: Object.keys(LABELS),
  count: Object.keys(COUNTS),
};

/**
 * What a template refers to that `data` does not hold, on every branch (not only those `data`
 * takes): variables (`issues[].path` for one inside a list item), helpers and word groups. Walks
 * the template's Handlebars syntax tree; the scopes are the data and, inside `{{#each}}`, the
 * list's first element.
 */
function unknownReferences(source: string, data: object): string[] {
  const problems: string[] = [];

  const lookUp = (path: hbs.AST.PathExpression, scopes: unknown[], where: string): unknown => {
    if (path.data) return undefined; // @index, @first: Handlebars' own
    let value = scopes[scopes.length - 1 - path.depth];
    for (const part of path.parts) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) {
        problems.push(`variable ${where}${path.original}`);
        return undefined;
      }
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };

  const expression = (e: hbs.AST.Expression, scopes: unknown[], where: string): void => {
    if (e.type === 'PathExpression') lookUp(e as hbs.AST.PathExpression, scopes, where);
    else if (e.type === 'SubExpression') {
      const { path, params, hash } = e as hbs.AST.SubExpression;
      call(path.original, params, hash, scopes, where);
    }
  };

  const call = (
    helper: string,
    params: hbs.AST.Expression[],
    hash: hbs.AST.Hash | undefined,
    scopes: unknown[],
    where: string,
  ): void => {
    if (!HELPER_NAMES.includes(helper)) problems.push(`helper ${helper}`);
    let args = params;
    const groups = WORD_GROUPS[helper];
    if (groups) {
      const [group, ...rest] = params;
      const name =
        group?.type === 'StringLiteral' ? (group as hbs.AST.StringLiteral).value : undefined;
      if (name === undefined || !groups.includes(name))
        problems.push(`${helper} words ${name ?? '(not a string)'}`);
      args = rest;
    }
    for (const param of args) expression(param, scopes, where);
    for (const pair of hash?.pairs ?? []) expression(pair.value, scopes, where);
  };

  const program = (p: hbs.AST.Program | undefined, scopes: unknown[], where: string): void => {
    for (const statement of p?.body ?? []) {
      if (statement.type === 'MustacheStatement') {
        const { path, params, hash } = statement as hbs.AST.MustacheStatement;
        if (path.type !== 'PathExpression') continue; // a literal: nothing to look up
        const name = (path as hbs.AST.PathExpression).original;
        if (params.length > 0 || (hash?.pairs.length ?? 0) > 0)
          call(name, params, hash, scopes, where);
        else lookUp(path as hbs.AST.PathExpression, scopes, where);
      } else if (statement.type === 'BlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        const helper = block.path.original;
        if (!BLOCK_HELPERS.includes(helper)) problems.push(`block helper ${helper}`);
        const values = block.params.map((param) =>
          param.type === 'PathExpression'
            ? lookUp(param as hbs.AST.PathExpression, scopes, where)
            : expression(param, scopes, where),
        );
        if (helper === 'each') {
          const list = values[0];
          const field = (block.params[0] as hbs.AST.PathExpression | undefined)?.original;
          if (Array.isArray(list) && list.length > 0)
            program(block.program, [...scopes, list[0]], `${where}${field}[].`);
          else if (Array.isArray(list)) problems.push(`list ${where}${field} has no element`);
        } else program(block.program, scopes, where);
        program(block.inverse, scopes, where);
      }
    }
  };

  program(Handlebars.parse(source), [data], '');
  return [...new Set(problems)];
}

const LANGS: Lang[] = ['pl', 'en'];

/** A template's typed sample, as it is rendered: with the recipient's name. */
const dataOf = (template: TemplateName) => ({
  ...TEMPLATE_SAMPLES[template],
  name: APPLICANT.name,
});

describe('template data', () => {
  describe.each(TEMPLATE_NAMES)('%s', (template) => {
    it.each(LANGS)('in %s uses only variables its data type declares, on every branch', (lang) => {
      const { subject, text, html } = templateSources(template, lang);
      for (const source of [subject, text, html]) {
        expect(unknownReferences(source, dataOf(template))).toEqual([]);
      }
    });

    it.each(LANGS)('renders in %s from its typed sample, with nothing left blank', (lang) => {
      const m = renderMessage(template, lang, dataOf(template));
      for (const part of [m.subject, m.text, m.html]) {
        expect(part).not.toMatch(/undefined|\[object|\{\{/);
      }
    });
  });

  describe('the check itself', () => {
    const data = { reference: 'R', issues: [{ description: 'D', path: null }], kind: 'tranche' };

    it('finds a variable the data lacks, also on a branch the data does not take', () => {
      expect(
        unknownReferences(
          '{{reference}}{{#if reference}}{{/if}}{{#if nope}}{{refrence}}{{/if}}',
          data,
        ),
      ).toEqual(['variable nope', 'variable refrence']);
      expect(unknownReferences('{{#unless reference}}{{date dueDate}}{{/unless}}', data)).toEqual([
        'variable dueDate',
      ]);
    });

    it("finds a list item's variable its elements lack, and knows `this` and the outer data", () => {
      expect(
        unknownReferences(
          '{{#each issues}}{{description}}{{#if path}}{{path}}{{/if}}{{this}}{{../reference}}{{descr}}{{/each}}',
          data,
        ),
      ).toEqual(['variable issues[].descr']);
    });

    it('finds an unknown helper or word group', () => {
      expect(
        unknownReferences('{{plnn 1}}{{label "paymentKnd" kind}}{{count "jobs" jobs}}', data),
      ).toEqual(['helper plnn', 'label words paymentKnd', 'variable jobs']);
    });
  });
});
