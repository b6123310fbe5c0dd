/**
 * Phone numbers, e-mail addresses and postal addresses for demo cards: shaped
 * the way Turkish offices write them, and unique across the whole demo so that
 * mail linking and phone search behave as they would on real data.
 */
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { PROVINCES, areaCodeOf, districtsOf, provinceOf } from '../../../src-shared/domain/tr-places';
import {
  INDUSTRIAL_STREETS,
  MOBILE_PREFIXES,
  NEIGHBOURHOODS,
  PERSONAL_MAIL_DOMAINS,
  PROVINCE_WEIGHTS,
  STREETS,
} from './demo-data';
import type { Random } from './random';

export interface Place {
  province: string;
  district: string;
}

export interface DemoAddress extends Place {
  kind: 'work' | 'home' | 'billing' | 'shipping';
  line: string;
  postalCode: string;
  country: string;
}

/** Lower-case ASCII for e-mail local parts and domains: "Çağrı Öztürk" → "cagriozturk". */
export const asciiSlug = (text: string): string => foldForSearch(text).replace(/[^a-z0-9]/g, '');

const PROVINCE_PICKS = PROVINCES.map((pr) => [pr.name, PROVINCE_WEIGHTS[pr.name] ?? 1] as const);

export function pickPlace(rng: Random, nearProvince?: string): Place {
  const province = nearProvince && rng.chance(0.75) ? nearProvince : rng.weighted(PROVINCE_PICKS);
  return { province, district: rng.pick(districtsOf(province)) };
}

/**
 * Postal codes start with the plate code; the rest is fixed per district so
 * two cards in the same ilçe share a plausible code.
 */
function postalCode(place: Place): string {
  const pr = provinceOf(place.province)!;
  const districtIndex = pr.districts.indexOf(place.district);
  return String(pr.plate).padStart(2, '0') + String(100 + ((districtIndex * 137) % 900));
}

export function makeAddress(rng: Random, place: Place, kind: DemoAddress['kind'], industrial = false): DemoAddress {
  const door = rng.chance(0.5) ? ` D: ${rng.int(1, 24)}` : '';
  const line = industrial
    ? `${rng.pick(INDUSTRIAL_STREETS)} ${rng.int(1, 40)}. Cad. No: ${rng.int(1, 120)}`
    : `${rng.pick(NEIGHBOURHOODS)} Mah. ${rng.pick(STREETS)} No: ${rng.int(1, 180)}${door}`;
  return { kind, line, ...place, postalCode: postalCode(place), country: 'Türkiye' };
}

/** Hands out numbers and addresses once only across the demo. */
export class UniqueContacts {
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** A mobile number in one of the ways people type it ("0532 123 45 67", "05321234567", "+90 532 …"). */
  mobile(): string {
    return this.unique(this.phones, () => {
      const prefix = this.rng.pick(MOBILE_PREFIXES);
      const [a, b, c] = [this.rng.digits(3), this.rng.digits(2), this.rng.digits(2)];
      const style = this.rng.int(0, 9);
      if (style < 7) return `0${prefix} ${a} ${b} ${c}`;
      if (style < 9) return `0${prefix}${a}${b}${c}`;
      return `+90 ${prefix} ${a} ${b} ${c}`;
    });
  }

  /** A landline with the area code of the place (216 on İstanbul's Anatolian side). */
  landline(place: Place): string {
    const area = areaCodeOf(place.province, place.district)!;
    return this.unique(
      this.phones,
      () => `0${area} ${this.rng.int(2, 5)}${this.rng.digits(2)} ${this.rng.digits(2)} ${this.rng.digits(2)}`,
    );
  }

  /** `local@domain`, numbered when taken ("ayse.yilmaz2@…"). */
  email(local: string, domain: string): string {
    let address = `${local}@${domain}`;
    for (let n = 2; this.emails.has(address); n++) address = `${local}${n}@${domain}`;
    this.emails.add(address);
    return address;
  }

  personalEmail(firstName: string, lastName: string): string {
    const domain = this.rng.weighted(PERSONAL_MAIL_DOMAINS);
    const first = asciiSlug(firstName);
    const last = asciiSlug(lastName);
    const style = this.rng.int(0, 3);
    const local =
      style === 0
        ? `${first}.${last}`
        : style === 1
          ? `${first}${last}${this.rng.int(60, 99)}`
          : style === 2
            ? `${first}_${last}`
            : `${first[0]}${last}${this.rng.int(1, 99)}`;
    return this.email(local, domain);
  }

  private unique(seen: Set<string>, make: () => string): string {
    for (;;) {
      const value = make();
      const key = value.replace(/\D/g, '').replace(/^90/, '0');
      if (!seen.has(key)) {
        seen.add(key);
        return value;
      }
    }
  }
}
