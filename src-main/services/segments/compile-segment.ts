/**
 * Compiles a segment query (src-shared/domain/segment-query.ts) to a WHERE
 * fragment over a cards alias. Values always travel as parameters; the only
 * things spliced into the SQL text are aliases and column names from the fixed
 * tables below, never user input.
 *
 * Text comparisons go through kartotek_fold (registered in db/connection.ts), the
 * same Turkish folding as search, so "gida" matches "GIDA" and "Gıda".
 */
import { ContractError } from '../../../src-shared/contract/errors';
import {
  describePath,
  fieldsFor,
  latestBirthDateForAge,
  MAX_SEGMENT_CONDITIONS,
  MAX_SEGMENT_DEPTH,
  measureSegment,
  otherSide,
  type LinkCondition,
  type SegmentCardType,
  type SegmentCondition,
  type SegmentGroup,
  type SegmentNode,
} from '../../../src-shared/domain/segment-query';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { provincesIn, REGIONS, type Region } from '../../../src-shared/domain/tr-places';
import type { SqlFilter } from './segment-filter';

export interface CriterionDef {
  id: string;
  name: string;
  cardType: SegmentCardType;
  kind: 'text' | 'number' | 'date' | 'one_of' | 'many_of' | 'yes_no';
  options: string[];
}

export interface CompileEnv {
  /** YYYY-MM-DD in Europe/Istanbul: ages and "current link" are relative to it. */
  today: string;
  criteria: ReadonlyMap<string, CriterionDef>;
}

type Op = string;
interface Out {
  sql: string;
  params: unknown[];
}

const TRUE: Out = { sql: '1', params: [] };
const MAX_PARAMS = 30_000;

export function compileSegment(
  query: SegmentGroup,
  cardType: SegmentCardType,
  env: CompileEnv,
  alias = 'c',
): SqlFilter {
  const size = measureSegment(query);
  if (size.conditions > MAX_SEGMENT_CONDITIONS)
    fail([], `En çok ${MAX_SEGMENT_CONDITIONS} koşul olabilir (${size.conditions} var)`);
  if (size.depth > MAX_SEGMENT_DEPTH) fail([], `Gruplar en çok ${MAX_SEGMENT_DEPTH} kat iç içe olabilir`);
  const compiler = new Compiler(env);
  const filter = compiler.node(query, alias, cardType, []);
  // SQLite refuses statements with more than 32,766 parameters; say so before it does.
  if (filter.params.length > MAX_PARAMS) fail([], 'sorgu çok büyük: koşulları ya da seçilen değerleri azaltın');
  return filter;
}

function fail(path: number[], reason: string): never {
  const message = `${describePath(path)}: ${reason}`;
  throw new ContractError('INVALID_INPUT', message, { query: message });
}

class Compiler {
  private aliasCount = 0;
  constructor(private readonly env: CompileEnv) {}

  node(node: SegmentNode, a: string, type: SegmentCardType, path: number[]): Out {
    switch (node.type) {
      case 'group':
        return this.group(node, a, type, path);
      case 'link':
        return this.link(node, a, type, path);
      default:
        return this.condition(node, a, type, path);
    }
  }

  private group(group: SegmentGroup, a: string, type: SegmentCardType, path: number[]): Out {
    const parts = group.children.map((child, i) => this.node(child, a, type, [...path, i]));
    // No conditions: everyone (an empty segment is the whole list, not nobody).
    const inner = parts.length === 0 ? TRUE : join(parts, group.match === 'all' ? ' and ' : ' or ');
    // SQL's unknown (a comparison with an empty field) must count as "no" before
    // negating, or "not women" would also drop everyone whose gender is not filled in.
    return group.not ? { sql: `not coalesce((${inner.sql}), 0)`, params: inner.params } : inner;
  }

  private link(link: LinkCondition, a: string, type: SegmentCardType, path: number[]): Out {
    const l = this.alias('l');
    const o = this.alias('o');
    const [own, other] = type === 'person' ? ['person_id', 'institution_id'] : ['institution_id', 'person_id'];
    const where: Out[] = [{ sql: `${l}.${own} = ${a}.id`, params: [] }];
    // A role left blank means "any role", not an error: most links are asked about by their other end.
    const roleGiven = link.role && (link.role.op === 'empty' || link.role.op === 'notEmpty' || link.role.value?.trim());
    if (link.role && roleGiven) where.push(textPredicate(`${l}.role`, link.role.op, link.role.value ?? '', path));
    if (link.current) where.push({ sql: `(${l}.end_date is null or ${l}.end_date >= ?)`, params: [this.env.today] });
    if (link.where && link.where.children.length > 0) where.push(this.group(link.where, o, otherSide(type), path));
    const body = join(where, ' and ');
    const sql = `exists (select 1 from affiliations ${l} join cards ${o} on ${o}.id = ${l}.${other} and ${o}.deleted_at is null where ${body.sql})`;
    return { sql: link.not ? `not ${sql}` : sql, params: body.params };
  }

  private condition(
    c: Exclude<SegmentCondition, LinkCondition>,
    a: string,
    type: SegmentCardType,
    path: number[],
  ): Out {
    const fields = fieldsFor(type);
    switch (c.type) {
      case 'text':
        if (!fields.text.includes(c.field)) notFor(path, c.field, type);
        return textField(c.field, a, type, c.op, c.value ?? '', path);
      case 'choice':
        if (!fields.choice.includes(c.field)) notFor(path, c.field, type);
        return choiceField(c.field, a, type, c.op, c.values ?? [], path);
      case 'number':
        if (!fields.number.includes(c.field)) notFor(path, c.field, type);
        return c.field === 'age'
          ? agePredicate(a, c.op, c.value, c.value2, this.env.today, path)
          : numberPredicate(personCount(a), c.op, c.value, c.value2, path);
      case 'date':
        if (!fields.date.includes(c.field)) notFor(path, c.field, type);
        return datePredicate(dateExpr(c.field, a), c.op, c.value, c.value2, path);
      case 'criterion':
        return this.criterion(c, a, type, path);
    }
  }

  private criterion(
    c: Extract<SegmentCondition, { type: 'criterion' }>,
    a: string,
    type: SegmentCardType,
    path: number[],
  ): Out {
    const def = this.env.criteria.get(c.fieldId);
    if (!def) fail(path, 'bu kriter artık tanımlı değil');
    if (def.cardType !== type) fail(path, `"${def.name}" kriteri ${typeWord(type)} için değil`);
    const v = this.alias('v');
    const rows = (pred?: Out): Out => ({
      sql: `exists (select 1 from criteria_values ${v} where ${v}.card_id = ${a}.id and ${v}.field_id = ?${pred ? ` and ${pred.sql}` : ''})`,
      params: [def.id, ...(pred?.params ?? [])],
    });
    const negate = (o: Out): Out => ({ sql: `not ${o.sql}`, params: o.params });
    if (c.op === 'empty') return negate(rows());
    if (c.op === 'notEmpty') return rows();
    switch (def.kind) {
      case 'text':
        if (c.op === 'notContains')
          return negate(rows(textPredicate(`${v}.value_text`, 'contains', str(c.value), path)));
        return rows(textPredicate(`${v}.value_text`, c.op, str(c.value), path));
      case 'number':
        return rows(numberPredicate(`${v}.value_num`, c.op, num(c.value), num(c.value2), path));
      case 'date':
        return rows(
          datePredicate(`${v}.value_text`, c.op, str(c.value) || undefined, str(c.value2) || undefined, path),
        );
      case 'yes_no':
        if (c.op === 'yes') return rows({ sql: `${v}.value_num = 1`, params: [] });
        if (c.op === 'no') return negate(rows({ sql: `${v}.value_num = 1`, params: [] }));
        return fail(path, `"${def.name}" için "evet" ya da "hayır" seçin`);
      case 'one_of':
      case 'many_of': {
        if ((c.values ?? []).length === 0) fail(path, `"${def.name}" için en az bir seçenek seçin`);
        // Matched by folded spelling, as values are: renaming "xl" to "XL" must not break saved segments.
        const values = [
          ...new Set(
            (c.values ?? []).map((x) => {
              const option =
                def.options.find((o) => o === x) ?? def.options.find((o) => foldForSearch(o) === foldForSearch(x));
              if (option === undefined) fail(path, `"${x}", "${def.name}" kriterinin seçeneklerinden biri değil`);
              return option;
            }),
          ),
        ];
        const inList = (list: string[]): Out => ({
          sql: `${v}.value_text in (${marks(list)})`,
          params: list,
        });
        if (c.op === 'anyOf') return rows(inList(values));
        if (c.op === 'noneOf') return negate(rows(inList(values)));
        if (c.op === 'allOf')
          return join(
            values.map((x) => rows(inList([x]))),
            ' and ',
          );
        return fail(path, `"${def.name}" için bu karşılaştırma kullanılamaz`);
      }
    }
  }

  private alias(prefix: string): string {
    this.aliasCount += 1;
    return `${prefix}${this.aliasCount}`;
  }
}

// ---- fields ------------------------------------------------------------------------

const typeWord = (type: SegmentCardType) => (type === 'person' ? 'kişiler' : 'kurumlar');

function notFor(path: number[], field: string, type: SegmentCardType): never {
  fail(path, `"${field}" alanı ${typeWord(type)} için kullanılamaz`);
}

/** Single-valued text columns of the card's own row. */
const OWN_TEXT: Record<string, { table: 'persons' | 'institutions'; column: string }> = {
  firstName: { table: 'persons', column: 'first_name' },
  lastName: { table: 'persons', column: 'last_name' },
  honorific: { table: 'persons', column: 'honorific' },
  title: { table: 'institutions', column: 'title' },
  shortName: { table: 'institutions', column: 'short_name' },
  sector: { table: 'institutions', column: 'sector' },
  taxOffice: { table: 'institutions', column: 'tax_office' },
  website: { table: 'institutions', column: 'website' },
};

/** Text found in one of several rows (a card has many e-mails, phones, addresses). */
const MANY_TEXT: Record<string, { table: string; column: string }> = {
  email: { table: 'emails', column: 'address' },
  // Turkish numbers as their national digits (5321112233), so "0532 111", "+90 532" and "532" all compare alike.
  phone: {
    table: 'phones',
    column: "case when x.e164 like '+90%' then substr(x.e164, 4) else coalesce(x.e164, x.number) end",
  },
  district: { table: 'addresses', column: 'district' },
};

function textField(field: string, a: string, type: SegmentCardType, op: Op, value: string, path: number[]): Out {
  if (field === 'fullName') return textPredicate(`${a}.display_name`, op, value, path);
  if (field === 'source') {
    const table = type === 'person' ? 'persons' : 'institutions';
    return textPredicate(`(select source from ${table} where card_id = ${a}.id)`, op, value, path);
  }
  const own = OWN_TEXT[field];
  if (own) return textPredicate(`(select ${own.column} from ${own.table} where card_id = ${a}.id)`, op, value, path);
  const many = MANY_TEXT[field]!;
  const column = many.column.includes('x.') ? many.column : `x.${many.column}`;
  const needle = field === 'phone' ? nationalDigits(value) : value;
  const rows = (pred: Out): Out => ({
    sql: `exists (select 1 from ${many.table} x where x.card_id = ${a}.id and ${pred.sql})`,
    params: pred.params,
  });
  if (op === 'empty') return { sql: `not ${rows(textPredicate(column, 'notEmpty', '', path)).sql}`, params: [] };
  if (op === 'notContains') {
    const any = rows(textPredicate(column, 'contains', needle, path));
    return { sql: `not ${any.sql}`, params: any.params };
  }
  return rows(textPredicate(column, op, needle, path));
}

/** What a person types for a Turkish number, as the national digits the phone column holds. */
function nationalDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (value.trim().startsWith('+')) return digits.startsWith('90') ? digits.slice(2) : `+${digits}`;
  if (digits.startsWith('0090')) return digits.slice(4);
  return digits.replace(/^0+/, '');
}

function textPredicate(expr: string, op: Op, value: string, path: number[]): Out {
  const folded = foldForSearch(value ?? '').trim();
  const needsValue = op !== 'empty' && op !== 'notEmpty';
  if (needsValue && folded === '') fail(path, 'aranacak metni yazın');
  switch (op) {
    case 'contains':
      return { sql: `instr(kartotek_fold(${expr}), ?) > 0`, params: [folded] };
    case 'notContains':
      return { sql: `coalesce(instr(kartotek_fold(${expr}), ?), 0) = 0`, params: [folded] };
    case 'equals':
      return { sql: `kartotek_fold(${expr}) = ?`, params: [folded] };
    case 'startsWith':
      return { sql: `substr(kartotek_fold(${expr}), 1, ?) = ?`, params: [folded.length, folded] };
    case 'empty':
      return { sql: `coalesce(${expr}, '') = ''`, params: [] };
    case 'notEmpty':
      return { sql: `coalesce(${expr}, '') <> ''`, params: [] };
    default:
      return fail(path, `"${op}" metin için kullanılamaz`);
  }
}

function choiceField(field: string, a: string, type: SegmentCardType, op: Op, given: string[], path: number[]): Out {
  const values = [...new Set(given)];
  if ((op === 'anyOf' || op === 'noneOf' || op === 'allOf') && values.length === 0) fail(path, 'en az bir değer seçin');
  switch (field) {
    case 'gender':
      return singleChoice(`(select gender from persons where card_id = ${a}.id)`, op, values, path);
    case 'owner':
      return singleChoice(`${a}.owner_id`, op, values, path);
    case 'birthMonth': {
      const months = values.map((m) => {
        const n = Number(m);
        if (!Number.isInteger(n) || n < 1 || n > 12) fail(path, `"${m}" bir ay değil (1–12)`);
        return String(n).padStart(2, '0');
      });
      return singleChoice(`substr((select birth_date from persons where card_id = ${a}.id), 6, 2)`, op, months, path);
    }
    case 'kind':
      return manyChoice(`institution_kinds`, 'x.kind', a, op, values, (v) => v, path);
    case 'tag':
      return manyChoice('card_tags', 'kartotek_fold(x.tag)', a, op, values, foldForSearch, path);
    case 'province':
      return manyChoice('addresses', 'kartotek_fold(x.province)', a, op, values, foldForSearch, path);
    case 'region': {
      // A region is its provinces: "Karadeniz" = an address in any of its 18 il.
      const unknown = values.find((r) => !REGIONS.includes(r as Region));
      if (unknown !== undefined) fail(path, `"${unknown}" bir bölge değil (${REGIONS.join(', ')})`);
      if (op === 'allOf') {
        return join(
          values.map((r) => choiceField('province', a, type, 'anyOf', provinceNamesIn(r), path)),
          ' and ',
        );
      }
      return choiceField('province', a, type, op, values.flatMap(provinceNamesIn), path);
    }
    default:
      return fail(path, `"${field}" alanı tanınmıyor`);
  }
}

const provinceNamesIn = (region: string) => provincesIn(region as Region).map((p) => p.name);

function singleChoice(expr: string, op: Op, values: string[], path: number[]): Out {
  switch (op) {
    case 'anyOf':
      return { sql: `${expr} in (${marks(values)})`, params: values };
    case 'noneOf':
      return { sql: `coalesce(${expr} not in (${marks(values)}), 1)`, params: values };
    case 'allOf':
      // One value per card: "all of" two different values can never hold.
      return new Set(values).size === 1 ? { sql: `${expr} = ?`, params: [values[0]] } : { sql: '0', params: [] };
    case 'empty':
      return { sql: `coalesce(${expr}, '') = ''`, params: [] };
    case 'notEmpty':
      return { sql: `coalesce(${expr}, '') <> ''`, params: [] };
    default:
      return fail(path, `"${op}" seçim için kullanılamaz`);
  }
}

function manyChoice(
  table: string,
  expr: string,
  a: string,
  op: Op,
  values: string[],
  normalise: (v: string) => string,
  path: number[],
): Out {
  const list = [...new Set(values.map(normalise))];
  const rows = (pred: string, params: unknown[]): Out => ({
    sql: `exists (select 1 from ${table} x where x.card_id = ${a}.id and ${pred})`,
    params,
  });
  switch (op) {
    case 'anyOf':
      return rows(`${expr} in (${marks(list)})`, list);
    case 'noneOf': {
      const any = rows(`${expr} in (${marks(list)})`, list);
      return { sql: `not ${any.sql}`, params: any.params };
    }
    case 'allOf':
      return join(
        list.map((v) => rows(`${expr} = ?`, [v])),
        ' and ',
      );
    case 'empty':
      return { sql: `not ${rows(`coalesce(${expr}, '') <> ''`, []).sql}`, params: [] };
    case 'notEmpty':
      return rows(`coalesce(${expr}, '') <> ''`, []);
    default:
      return fail(path, `"${op}" seçim için kullanılamaz`);
  }
}

const birthDate = (a: string) => `(select birth_date from persons where card_id = ${a}.id)`;

/**
 * Ages become birth-date bounds computed once (age ≥ N ⇔ birth date ≤ today − N
 * years), so the database compares dates instead of computing an age per row.
 */
function agePredicate(
  a: string,
  op: Op,
  value: number | undefined,
  value2: number | undefined,
  today: string,
  path: number[],
): Out {
  const bd = birthDate(a);
  if (op === 'empty') return { sql: `${bd} is null`, params: [] };
  if (op === 'notEmpty') return { sql: `${bd} is not null`, params: [] };
  const years = (n: number | undefined) => {
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > 150)
      fail(path, 'yaş 0 ile 150 arasında bir tam sayı olmalı');
    return n;
  };
  const atLeast = (n: number) => latestBirthDateForAge(today, n);
  // Younger than n+1 ⇔ born after the latest birth date for age n+1.
  const atMost = (n: number) => latestBirthDateForAge(today, n + 1);
  switch (op) {
    case 'eq': {
      const n = years(value);
      return { sql: `${bd} <= ? and ${bd} > ?`, params: [atLeast(n), atMost(n)] };
    }
    case 'gte':
      return { sql: `${bd} <= ?`, params: [atLeast(years(value))] };
    case 'lte':
      return { sql: `${bd} > ?`, params: [atMost(years(value))] };
    case 'between': {
      const [lo, hi] = ordered(years(value), years(value2));
      return { sql: `${bd} <= ? and ${bd} > ?`, params: [atLeast(lo), atMost(hi)] };
    }
    default:
      return fail(path, `"${op}" yaş için kullanılamaz`);
  }
}

const personCount = (a: string) =>
  `(select count(*) from affiliations f join cards pc on pc.id = f.person_id and pc.deleted_at is null where f.institution_id = ${a}.id)`;

function numberPredicate(
  expr: string,
  op: Op,
  value: number | undefined,
  value2: number | undefined,
  path: number[],
): Out {
  if (op === 'empty') return { sql: `${expr} is null`, params: [] };
  if (op === 'notEmpty') return { sql: `${expr} is not null`, params: [] };
  const need = (n: number | undefined) => {
    if (n === undefined || !Number.isFinite(n)) fail(path, 'bir sayı yazın');
    return n;
  };
  switch (op) {
    case 'eq':
      return { sql: `${expr} = ?`, params: [need(value)] };
    case 'gte':
      return { sql: `${expr} >= ?`, params: [need(value)] };
    case 'lte':
      return { sql: `${expr} <= ?`, params: [need(value)] };
    case 'between':
      return { sql: `${expr} between ? and ?`, params: ordered(need(value), need(value2)) };
    default:
      return fail(path, `"${op}" sayı için kullanılamaz`);
  }
}

/**
 * Stamps are UTC instants; the office's day is Istanbul's (UTC+3 all year since
 * 2016), so "created on 2026-05-01" means that local day.
 */
const dateExpr = (field: string, a: string) => {
  if (field === 'birthDate') return birthDate(a);
  const column = field === 'createdAt' ? 'created_at' : 'updated_at';
  return `date(${a}.${column}, '+3 hours')`;
};

function datePredicate(
  expr: string,
  op: Op,
  value: string | undefined,
  value2: string | undefined,
  path: number[],
): Out {
  if (op === 'empty') return { sql: `${expr} is null`, params: [] };
  if (op === 'notEmpty') return { sql: `${expr} is not null`, params: [] };
  const need = (d: string | undefined) => {
    if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(path, 'bir tarih seçin');
    return d;
  };
  switch (op) {
    case 'on':
      return { sql: `${expr} = ?`, params: [need(value)] };
    case 'onOrAfter':
      return { sql: `${expr} >= ?`, params: [need(value)] };
    case 'onOrBefore':
      return { sql: `${expr} <= ?`, params: [need(value)] };
    case 'between':
      return { sql: `${expr} between ? and ?`, params: ordered(need(value), need(value2)) };
    default:
      return fail(path, `"${op}" tarih için kullanılamaz`);
  }
}

// ---- helpers ---------------------------------------------------------------------------

function join(parts: Out[], glue: ' and ' | ' or '): Out {
  if (parts.length === 1) return parts[0]!;
  return { sql: parts.map((p) => `(${p.sql})`).join(glue), params: parts.flatMap((p) => p.params) };
}

const marks = (values: unknown[]) => values.map(() => '?').join(', ');
const ordered = <T extends number | string>(x: T, y: T): [T, T] => (x <= y ? [x, y] : [y, x]);
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const num = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
