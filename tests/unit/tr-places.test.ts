import { describe, expect, it } from 'vitest';
import {
  PROVINCES,
  REGIONS,
  areaCodeOf,
  districtsOf,
  isKnownDistrict,
  provinceByPlate,
  provinceNames,
  provincesIn,
  regionOf,
} from '../../src-shared/domain/tr-places';

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

  it('lists at least one district per il, no duplicates, and no "Merkez" in metropolitan ones', () => {
    // prettier-ignore
    const metropolitan = ['Adana', 'Ankara', 'Antalya', 'Aydın', 'Balıkesir', 'Bursa', 'Denizli', 'Diyarbakır', 'Erzurum',
      'Eskişehir', 'Gaziantep', 'Hatay', 'İstanbul', 'İzmir', 'Kahramanmaraş', 'Kayseri', 'Kocaeli', 'Konya', 'Malatya',
      'Manisa', 'Mardin', 'Mersin', 'Muğla', 'Ordu', 'Sakarya', 'Samsun', 'Şanlıurfa', 'Tekirdağ', 'Trabzon', 'Van'];
    expect(metropolitan).toHaveLength(30);
    for (const p of PROVINCES) {
      expect(p.districts.length, p.name).toBeGreaterThan(0);
      expect(new Set(p.districts).size, p.name).toBe(p.districts.length);
      if (metropolitan.includes(p.name)) expect(p.districts, p.name).not.toContain('Merkez');
      else expect(p.districts[0], p.name).toBe('Merkez');
    }
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
    expect(areaCodeOf('Trabzon')).toBe('462');
    expect(new Set(PROVINCES.map((p) => p.areaCode)).size).toBe(81);
    for (const p of PROVINCES) expect(p.areaCode).toMatch(/^[2-4]\d\d$/);
  });
});
