/** "Doğum günleri": persons a user owns whose birthday falls on a date, with the age they turn. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';

export interface Birthday {
  cardId: string;
  displayName: string;
  birthDate: string;
  age: number;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The month-days (MM-DD) celebrated on `date`: 29 February is celebrated on the 28th in other years. */
export function birthdayMonthDays(date: string): string[] {
  const monthDay = date.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(date.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay];
}

export function birthdaysOn(db: Db, userId: string, date: string): Birthday[] {
  const [first, second = first] = birthdayMonthDays(date) as [string, string?];
  const rows = stmt(
    db,
    `select c.id as cardId, c.display_name as displayName, p.birth_date as birthDate
       from cards c join persons p on p.card_id = c.id
      where c.owner_id = ? and c.deleted_at is null and c.merged_into is null
        and p.birth_date is not null and substr(p.birth_date, 6, 5) in (?, ?)
        and p.birth_date <= ?
      order by c.sort_key, c.id`,
  ).all(userId, first, second, date) as Omit<Birthday, 'age'>[];
  const year = Number(date.slice(0, 4));
  return rows.map((row) => ({ ...row, age: year - Number(row.birthDate.slice(0, 4)) }));
}
