import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';

export interface AffiliationView {
  id: string;
  personId: string;
  personName: string;
  institutionId: string;
  institutionTitle: string;
  role: string | null;
  department: string | null;
  startDate: string | null;
  endDate: string | null;
  isPrimary: boolean;
}

const SELECT = `select a.id, a.person_id as personId, p.display_name as personName,
  a.institution_id as institutionId, i.display_name as institutionTitle,
  a.role, a.department, a.start_date as startDate, a.end_date as endDate, a.is_primary as isPrimary
  from affiliations a
  join cards p on p.id = a.person_id
  join cards i on i.id = a.institution_id`;

type Raw = Omit<AffiliationView, 'isPrimary'> & { isPrimary: number };
const toView = (r: Raw): AffiliationView => ({ ...r, isPrimary: r.isPrimary === 1 });

/** Links of a card, hiding the other side when it sits in the recycle bin. */
export function affiliationsOf(db: Db, cardId: string, side: 'person' | 'institution'): AffiliationView[] {
  const where =
    side === 'person'
      ? 'where a.person_id = ? and i.deleted_at is null order by a.is_primary desc, i.sort_key'
      : 'where a.institution_id = ? and p.deleted_at is null order by a.is_primary desc, p.sort_key';
  return (stmt(db, `${SELECT} ${where}`).all(cardId) as Raw[]).map(toView);
}

export function affiliationById(db: Db, id: string): AffiliationView | undefined {
  const row = stmt(db, `${SELECT} where a.id = ?`).get(id) as Raw | undefined;
  return row && toView(row);
}
