import type { z } from 'zod';
import { cardsCalls, institutionFields, personFields, type CardType } from '../../../src-shared/contract/cards';
import { ContractError } from '../../../src-shared/contract/errors';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { validateContacts } from '../cards/contacts';
import { sourceOf, type RowInput } from './row-input';

export type PersonInput = z.output<typeof personFields>;
export type InstitutionInput = z.output<typeof institutionFields>;
export type CardInput = PersonInput | InstitutionInput;

/** A link as it will be written: the institution by its title (found or created when writing). */
export interface LinkInput {
  title: string;
  /** foldForSearch(title): how institutions are matched. */
  folded: string;
  role?: string | undefined;
  department?: string | undefined;
}

export interface FieldProblem {
  /** Index of the column at fault; undefined when no single column is. */
  column: number | undefined;
  message: string;
}

export type RowCheck = { ok: true; input: CardInput; links: LinkInput[] } | { ok: false; problems: FieldProblem[] };

const schemaOf = (cardType: CardType) => (cardType === 'person' ? personFields : institutionFields);

// The link call's own schema checks role and department, so an import accepts exactly what the link form does.
const linkSchema = cardsCalls['cards.link'].input;
const titleSchema = institutionFields.shape.title;
const PLACEHOLDER_ID = '01890000-0000-7000-8000-000000000000';

/**
 * Checks card fields with the contract's own schema and the same contact
 * checks the card services run, so a row is valid exactly when the card form
 * would accept it.
 */
export function checkFields(
  cardType: CardType,
  fields: Record<string, unknown>,
  sources: Map<string, number>,
): { ok: true; input: CardInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = schemaOf(cardType).safeParse(fields);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        column: sourceOf(sources, issue.path),
        message: issue.message,
      })),
    };
  }
  try {
    validateContacts(parsed.data);
  } catch (err) {
    if (!(err instanceof ContractError)) throw err;
    return {
      ok: false,
      problems: Object.entries(err.fields ?? { '': err.message }).map(([path, message]) => ({
        column: sourceOf(sources, path.split('.')),
        message,
      })),
    };
  }
  return { ok: true, input: parsed.data };
}

function checkLinks(built: RowInput): { links: LinkInput[]; problems: FieldProblem[] } {
  const links: LinkInput[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  built.links.forEach((link, i) => {
    const column = (part: string) => built.sources.get(`links.${i}.${part}`);
    if (!link.institution) {
      problems.push({
        column: column('role') ?? column('department'),
        message: 'Görev ya da bölüm için kurum adı gerekli',
      });
      return;
    }
    const title = titleSchema.safeParse(link.institution);
    if (!title.success) {
      problems.push({ column: column('institution'), message: title.error.issues[0]!.message });
      return;
    }
    const fields = linkSchema.safeParse({
      personId: PLACEHOLDER_ID,
      institutionId: PLACEHOLDER_ID,
      role: link.role,
      department: link.department,
    });
    if (!fields.success) {
      for (const issue of fields.error.issues) {
        problems.push({ column: column(String(issue.path[0])), message: issue.message });
      }
      return;
    }
    const folded = foldForSearch(title.data);
    if (seen.has(folded)) return;
    seen.add(folded);
    links.push({ title: title.data, folded, role: fields.data.role, department: fields.data.department });
  });
  return { links, problems };
}

/**
 * One message per cell: a date like 31.02.1990 breaks two rules of the schema
 * ("not a date", "in the future"), and the first says it.
 */
function onePerColumn(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<number>();
  return problems.filter((p) => {
    if (p.column === undefined) return true;
    if (seen.has(p.column)) return false;
    seen.add(p.column);
    return true;
  });
}

/** The whole check of one row: its card fields and (persons) its institutions with roles. */
export function checkRow(cardType: CardType, built: RowInput): RowCheck {
  const fields = checkFields(cardType, built.fields, built.sources);
  const { links, problems } = cardType === 'person' ? checkLinks(built) : { links: [], problems: [] };
  if (!fields.ok) return { ok: false, problems: onePerColumn([...fields.problems, ...problems]) };
  if (problems.length) return { ok: false, problems };
  return { ok: true, input: fields.input, links };
}
