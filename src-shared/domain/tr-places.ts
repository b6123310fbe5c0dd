/**
 * The 81 provinces (il) of Turkey with their plate codes, geographic regions,
 * landline area codes and a few real districts (ilçe) each.
 *
 * Why it lives here: address forms, province filters and the demo firm all need
 * the same list, and both main and the renderer read it (pure data, no imports).
 * District lists are deliberately short: only names known to be real ilçeler of
 * that il. The 30 metropolitan provinces (büyükşehir, law 6360) have no "Merkez"
 * ilçe, so their central districts are named; the others keep the official
 * "Merkez" ilçe and list it first.
 */

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
  /** Real ilçe names; the first is the central one. */
  districts: readonly string[];
}

const p = (plate: number, name: string, region: Region, areaCode: string, districts: string[]): Province => ({
  name,
  plate,
  region,
  areaCode,
  districts,
});

export const PROVINCES: readonly Province[] = [
  p(1, 'Adana', 'Akdeniz', '322', ['Seyhan', 'Yüreğir', 'Çukurova', 'Sarıçam', 'Ceyhan', 'Kozan']),
  p(2, 'Adıyaman', 'Güneydoğu Anadolu', '416', ['Merkez', 'Kahta', 'Besni']),
  p(3, 'Afyonkarahisar', 'Ege', '272', ['Merkez', 'Sandıklı', 'Dinar', 'Bolvadin']),
  p(4, 'Ağrı', 'Doğu Anadolu', '472', ['Merkez', 'Doğubayazıt', 'Patnos']),
  p(5, 'Amasya', 'Karadeniz', '358', ['Merkez', 'Merzifon', 'Suluova']),
  p(6, 'Ankara', 'İç Anadolu', '312', [
    'Çankaya',
    'Keçiören',
    'Yenimahalle',
    'Mamak',
    'Etimesgut',
    'Sincan',
    'Altındağ',
    'Pursaklar',
    'Gölbaşı',
    'Polatlı',
  ]),
  p(7, 'Antalya', 'Akdeniz', '242', ['Muratpaşa', 'Kepez', 'Konyaaltı', 'Alanya', 'Manavgat', 'Kemer', 'Serik']),
  p(8, 'Artvin', 'Karadeniz', '466', ['Merkez', 'Hopa', 'Arhavi', 'Borçka']),
  p(9, 'Aydın', 'Ege', '256', ['Efeler', 'Nazilli', 'Söke', 'Kuşadası', 'Didim']),
  p(10, 'Balıkesir', 'Marmara', '266', ['Karesi', 'Altıeylül', 'Bandırma', 'Edremit', 'Ayvalık']),
  p(11, 'Bilecik', 'Marmara', '228', ['Merkez', 'Bozüyük', 'Osmaneli']),
  p(12, 'Bingöl', 'Doğu Anadolu', '426', ['Merkez', 'Genç', 'Solhan']),
  p(13, 'Bitlis', 'Doğu Anadolu', '434', ['Merkez', 'Tatvan', 'Ahlat']),
  p(14, 'Bolu', 'Karadeniz', '374', ['Merkez', 'Gerede', 'Mudurnu']),
  p(15, 'Burdur', 'Akdeniz', '248', ['Merkez', 'Bucak', 'Gölhisar']),
  p(16, 'Bursa', 'Marmara', '224', ['Osmangazi', 'Nilüfer', 'Yıldırım', 'İnegöl', 'Gemlik', 'Mudanya']),
  p(17, 'Çanakkale', 'Marmara', '286', ['Merkez', 'Biga', 'Çan', 'Gelibolu', 'Ayvacık']),
  p(18, 'Çankırı', 'İç Anadolu', '376', ['Merkez', 'Ilgaz', 'Çerkeş']),
  p(19, 'Çorum', 'Karadeniz', '364', ['Merkez', 'Sungurlu', 'Osmancık', 'İskilip']),
  p(20, 'Denizli', 'Ege', '258', ['Pamukkale', 'Merkezefendi', 'Çivril', 'Acıpayam']),
  p(21, 'Diyarbakır', 'Güneydoğu Anadolu', '412', ['Kayapınar', 'Bağlar', 'Yenişehir', 'Sur', 'Ergani']),
  p(22, 'Edirne', 'Marmara', '284', ['Merkez', 'Keşan', 'Uzunköprü', 'İpsala']),
  p(23, 'Elazığ', 'Doğu Anadolu', '424', ['Merkez', 'Kovancılar', 'Karakoçan']),
  p(24, 'Erzincan', 'Doğu Anadolu', '446', ['Merkez', 'Üzümlü', 'Tercan', 'Refahiye']),
  p(25, 'Erzurum', 'Doğu Anadolu', '442', ['Yakutiye', 'Palandöken', 'Aziziye', 'Oltu']),
  p(26, 'Eskişehir', 'İç Anadolu', '222', ['Odunpazarı', 'Tepebaşı', 'Sivrihisar']),
  p(27, 'Gaziantep', 'Güneydoğu Anadolu', '342', ['Şahinbey', 'Şehitkamil', 'Nizip', 'İslahiye']),
  p(28, 'Giresun', 'Karadeniz', '454', ['Merkez', 'Bulancak', 'Görele', 'Espiye']),
  p(29, 'Gümüşhane', 'Karadeniz', '456', ['Merkez', 'Kelkit', 'Şiran']),
  p(30, 'Hakkari', 'Doğu Anadolu', '438', ['Merkez', 'Yüksekova', 'Şemdinli']),
  p(31, 'Hatay', 'Akdeniz', '326', ['Antakya', 'İskenderun', 'Defne', 'Dörtyol', 'Arsuz']),
  p(32, 'Isparta', 'Akdeniz', '246', ['Merkez', 'Eğirdir', 'Yalvaç']),
  p(33, 'Mersin', 'Akdeniz', '324', ['Yenişehir', 'Akdeniz', 'Mezitli', 'Toroslar', 'Tarsus', 'Erdemli', 'Silifke']),
  p(34, 'İstanbul', 'Marmara', '212', [
    'Kadıköy',
    'Üsküdar',
    'Beşiktaş',
    'Şişli',
    'Bakırköy',
    'Beyoğlu',
    'Fatih',
    'Sarıyer',
    'Ataşehir',
    'Maltepe',
    'Kartal',
    'Pendik',
    'Ümraniye',
    'Esenyurt',
    'Başakşehir',
    'Beylikdüzü',
  ]),
  p(35, 'İzmir', 'Ege', '232', [
    'Konak',
    'Karşıyaka',
    'Bornova',
    'Buca',
    'Çiğli',
    'Bayraklı',
    'Karabağlar',
    'Gaziemir',
    'Torbalı',
    'Menemen',
  ]),
  p(36, 'Kars', 'Doğu Anadolu', '474', ['Merkez', 'Sarıkamış', 'Kağızman']),
  p(37, 'Kastamonu', 'Karadeniz', '366', ['Merkez', 'Tosya', 'Taşköprü', 'İnebolu']),
  p(38, 'Kayseri', 'İç Anadolu', '352', ['Melikgazi', 'Kocasinan', 'Talas', 'Develi']),
  p(39, 'Kırklareli', 'Marmara', '288', ['Merkez', 'Lüleburgaz', 'Babaeski', 'Vize']),
  p(40, 'Kırşehir', 'İç Anadolu', '386', ['Merkez', 'Kaman', 'Mucur']),
  p(41, 'Kocaeli', 'Marmara', '262', ['İzmit', 'Gebze', 'Darıca', 'Körfez', 'Gölcük', 'Kartepe', 'Başiskele']),
  p(42, 'Konya', 'İç Anadolu', '332', ['Selçuklu', 'Meram', 'Karatay', 'Ereğli', 'Akşehir', 'Beyşehir']),
  p(43, 'Kütahya', 'Ege', '274', ['Merkez', 'Tavşanlı', 'Simav', 'Gediz']),
  p(44, 'Malatya', 'Doğu Anadolu', '422', ['Battalgazi', 'Yeşilyurt', 'Doğanşehir']),
  p(45, 'Manisa', 'Ege', '236', ['Şehzadeler', 'Yunusemre', 'Akhisar', 'Turgutlu', 'Salihli', 'Soma']),
  p(46, 'Kahramanmaraş', 'Akdeniz', '344', ['Onikişubat', 'Dulkadiroğlu', 'Elbistan', 'Afşin']),
  p(47, 'Mardin', 'Güneydoğu Anadolu', '482', ['Artuklu', 'Kızıltepe', 'Midyat', 'Nusaybin']),
  p(48, 'Muğla', 'Ege', '252', ['Menteşe', 'Bodrum', 'Fethiye', 'Marmaris', 'Milas', 'Dalaman']),
  p(49, 'Muş', 'Doğu Anadolu', '436', ['Merkez', 'Malazgirt', 'Bulanık']),
  p(50, 'Nevşehir', 'İç Anadolu', '384', ['Merkez', 'Ürgüp', 'Avanos', 'Gülşehir']),
  p(51, 'Niğde', 'İç Anadolu', '388', ['Merkez', 'Bor', 'Ulukışla']),
  p(52, 'Ordu', 'Karadeniz', '452', ['Altınordu', 'Ünye', 'Fatsa']),
  p(53, 'Rize', 'Karadeniz', '464', ['Merkez', 'Çayeli', 'Ardeşen', 'Pazar']),
  p(54, 'Sakarya', 'Marmara', '264', ['Adapazarı', 'Serdivan', 'Erenler', 'Arifiye', 'Hendek', 'Akyazı']),
  p(55, 'Samsun', 'Karadeniz', '362', ['İlkadım', 'Atakum', 'Canik', 'Tekkeköy', 'Bafra', 'Çarşamba']),
  p(56, 'Siirt', 'Güneydoğu Anadolu', '484', ['Merkez', 'Kurtalan', 'Pervari']),
  p(57, 'Sinop', 'Karadeniz', '368', ['Merkez', 'Boyabat', 'Gerze']),
  p(58, 'Sivas', 'İç Anadolu', '346', ['Merkez', 'Şarkışla', 'Suşehri', 'Zara']),
  p(59, 'Tekirdağ', 'Marmara', '282', ['Süleymanpaşa', 'Çorlu', 'Çerkezköy', 'Kapaklı', 'Ergene', 'Malkara']),
  p(60, 'Tokat', 'Karadeniz', '356', ['Merkez', 'Turhal', 'Erbaa', 'Niksar', 'Zile']),
  p(61, 'Trabzon', 'Karadeniz', '462', ['Ortahisar', 'Akçaabat', 'Yomra', 'Of', 'Araklı']),
  p(62, 'Tunceli', 'Doğu Anadolu', '428', ['Merkez', 'Pertek', 'Ovacık']),
  p(63, 'Şanlıurfa', 'Güneydoğu Anadolu', '414', [
    'Haliliye',
    'Eyyübiye',
    'Karaköprü',
    'Siverek',
    'Viranşehir',
    'Suruç',
  ]),
  p(64, 'Uşak', 'Ege', '276', ['Merkez', 'Banaz', 'Eşme']),
  p(65, 'Van', 'Doğu Anadolu', '432', ['İpekyolu', 'Tuşba', 'Edremit', 'Erciş']),
  p(66, 'Yozgat', 'İç Anadolu', '354', ['Merkez', 'Sorgun', 'Yerköy', 'Boğazlıyan']),
  p(67, 'Zonguldak', 'Karadeniz', '372', ['Merkez', 'Ereğli', 'Çaycuma', 'Devrek']),
  p(68, 'Aksaray', 'İç Anadolu', '382', ['Merkez', 'Ortaköy', 'Eskil']),
  p(69, 'Bayburt', 'Karadeniz', '458', ['Merkez', 'Aydıntepe', 'Demirözü']),
  p(70, 'Karaman', 'İç Anadolu', '338', ['Merkez', 'Ermenek', 'Ayrancı']),
  p(71, 'Kırıkkale', 'İç Anadolu', '318', ['Merkez', 'Keskin', 'Yahşihan']),
  p(72, 'Batman', 'Güneydoğu Anadolu', '488', ['Merkez', 'Kozluk', 'Sason']),
  p(73, 'Şırnak', 'Güneydoğu Anadolu', '486', ['Merkez', 'Cizre', 'Silopi', 'İdil']),
  p(74, 'Bartın', 'Karadeniz', '378', ['Merkez', 'Amasra', 'Ulus']),
  p(75, 'Ardahan', 'Doğu Anadolu', '478', ['Merkez', 'Göle', 'Posof']),
  p(76, 'Iğdır', 'Doğu Anadolu', '476', ['Merkez', 'Aralık', 'Tuzluca']),
  p(77, 'Yalova', 'Marmara', '226', ['Merkez', 'Çınarcık', 'Altınova', 'Termal']),
  p(78, 'Karabük', 'Karadeniz', '370', ['Merkez', 'Safranbolu', 'Eskipazar']),
  p(79, 'Kilis', 'Güneydoğu Anadolu', '348', ['Merkez', 'Musabeyli', 'Elbeyli']),
  p(80, 'Osmaniye', 'Akdeniz', '328', ['Merkez', 'Kadirli', 'Düziçi']),
  p(81, 'Düzce', 'Karadeniz', '380', ['Merkez', 'Akçakoca', 'Kaynaşlı']),
];

/** İstanbul's Anatolian side dials 216, the European side 212. */
const ISTANBUL_ANATOLIAN_SIDE: ReadonlySet<string> = new Set([
  'Kadıköy',
  'Üsküdar',
  'Ataşehir',
  'Maltepe',
  'Kartal',
  'Pendik',
  'Ümraniye',
]);

const BY_NAME: ReadonlyMap<string, Province> = new Map(PROVINCES.map((pr) => [pr.name, pr]));

export const provinceNames = (): string[] => PROVINCES.map((pr) => pr.name);

export const provinceOf = (il: string): Province | undefined => BY_NAME.get(il);

export const provinceByPlate = (plate: number): Province | undefined => PROVINCES[plate - 1];

/** The listed ilçeler of an il; empty for a name that is not an il. */
export const districtsOf = (il: string): readonly string[] => BY_NAME.get(il)?.districts ?? [];

export const regionOf = (il: string): Region | undefined => BY_NAME.get(il)?.region;

export const provincesIn = (region: Region): Province[] => PROVINCES.filter((pr) => pr.region === region);

/** True when `ilce` is one of the listed districts of `il`. */
export const isKnownDistrict = (il: string, ilce: string): boolean => districtsOf(il).includes(ilce);

/** Landline area code (no trunk 0) for an address, minding İstanbul's two sides. */
export function areaCodeOf(il: string, ilce?: string): string | undefined {
  const pr = BY_NAME.get(il);
  if (!pr) return undefined;
  if (pr.plate === 34 && ilce && ISTANBUL_ANATOLIAN_SIDE.has(ilce)) return '216';
  return pr.areaCode;
}
