/**
 * Word lists for the demo firm. Every name here is common in Turkey; company,
 * bank and association names are made up from ordinary words so that no demo
 * card can be mistaken for a real firm.
 */

// prettier-ignore
export const MALE_FIRST_NAMES = [
  'Ahmet', 'Mehmet', 'Mustafa', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf',
  'Murat', 'Ömer', 'Ramazan', 'Halil', 'Süleyman', 'Abdullah', 'Mahmut', 'Recep', 'Salih', 'Fatih',
  'Kadir', 'Emre', 'Hakan', 'Serkan', 'Burak', 'Cem', 'Can', 'Barış', 'Onur', 'Tolga',
  'Volkan', 'Erkan', 'Gökhan', 'Kerem', 'Emir', 'Efe', 'Arda', 'Kaan', 'Oğuz', 'Selim',
  'Sinan', 'Tuncay', 'Uğur', 'Yiğit', 'Çağrı', 'Erdem', 'Levent', 'Orhan', 'Şükrü', 'Cengiz',
  'Ercan', 'İlker', 'Koray', 'Mert', 'Ozan', 'Rıza', 'Taner', 'Yavuz', 'Zafer', 'Alper',
  'Bülent', 'Engin', 'Tarık', 'Özgür', 'Umut', 'Sedat', 'Necati', 'Ümit', 'Ilgaz', 'Şeref',
] as const;

// prettier-ignore
export const FEMALE_FIRST_NAMES = [
  'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Şerife', 'Zehra', 'Sultan',
  'Hanife', 'Merve', 'Özlem', 'Esra', 'Ebru', 'Derya', 'Sibel', 'Gül', 'Aylin', 'Burcu',
  'Pınar', 'Tuğba', 'Seda', 'Gamze', 'Gizem', 'Büşra', 'Nur', 'Selin', 'Ece', 'İrem',
  'Damla', 'Cansu', 'Dilek', 'Hülya', 'Nilüfer', 'Songül', 'Şule', 'Yasemin', 'Aslı', 'Berna',
  'Çiğdem', 'Duygu', 'Filiz', 'Gülşen', 'Havva', 'Işıl', 'Kübra', 'Leyla', 'Melek', 'Nazlı',
  'Öznur', 'Sevgi', 'Tülay', 'Ümran', 'Yeliz', 'Zerrin', 'Başak', 'Canan', 'Nesrin', 'Serap',
] as const;

/** Second given names that are commonly written together with the first ("Ayşe Nur"). */
export const MALE_SECOND_NAMES = ['Ali', 'Can', 'Emre', 'Kaan', 'Said'] as const;
export const FEMALE_SECOND_NAMES = ['Nur', 'Gül', 'Su', 'Naz'] as const;

// prettier-ignore
export const SURNAMES = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
  'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek',
  'Polat', 'Özcan', 'Korkmaz', 'Çakır', 'Erdoğan', 'Yavuz', 'Can', 'Acar', 'Şen', 'Aktaş',
  'Güler', 'Yalçın', 'Güneş', 'Bozkurt', 'Bulut', 'Keskin', 'Ünal', 'Turan', 'Gül', 'Özer',
  'Işık', 'Kaplan', 'Avcı', 'Sarı', 'Tekin', 'Taş', 'Köse', 'Yüksel', 'Ateş', 'Aksoy',
  'Çiftçi', 'Uçar', 'Tunç', 'Erdem', 'Karaca', 'Akın', 'Bayram', 'Sönmez', 'Tuna', 'Ekinci',
  'Güven', 'Başaran', 'Altun', 'Uysal', 'Duman', 'Kalkan', 'Oral', 'Ceylan', 'Akgül', 'Karataş',
  'Bilgin', 'Coşkun', 'Uzun', 'Türkmen', 'Toprak', 'Çınar', 'Durmaz', 'Gündoğdu', 'Sezer', 'Karakaya',
  'Ergün', 'Kocabaş', 'Eren', 'Aydoğan', 'Akbulut', 'İnce', 'Altıntaş', 'Karadağ', 'Sevim', 'Üstün',
  'Soylu', 'Dinç', 'Oğuz', 'Akyol', 'Gök', 'Erol', 'Çakmak', 'Öz', 'Ilıcak', 'Şeker',
] as const;

/** What goes before the name in a salutation ("Sayın Ayşe Yılmaz", "Av. Mehmet Kaya"). */
export const HONORIFICS: readonly (readonly [string | undefined, number])[] = [
  [undefined, 46],
  ['Sayın', 34],
  ['Dr.', 6],
  ['Prof. Dr.', 1],
  ['Doç. Dr.', 1],
  ['Av.', 2],
  ['Mimar', 3],
  ['Müh.', 4],
  ['SMMM', 3],
];

export interface Sector {
  name: string;
  /** Words that follow the name stem in a title ("Karadeniz Gıda …"). */
  words: readonly string[];
  /** Typical for subcontractors (taşeron). */
  subcontracting?: boolean;
}

export const SECTORS: readonly Sector[] = [
  { name: 'Gıda', words: ['Gıda', 'Un Sanayi', 'Süt Ürünleri', 'Unlu Mamuller'] },
  { name: 'Tekstil', words: ['Tekstil', 'Konfeksiyon', 'Örme'] },
  { name: 'İnşaat', words: ['İnşaat', 'Yapı', 'Taahhüt'], subcontracting: true },
  { name: 'Otomotiv', words: ['Otomotiv', 'Oto Yedek Parça'] },
  { name: 'Makine', words: ['Makine', 'Makina İmalat'], subcontracting: true },
  { name: 'Kimya', words: ['Kimya', 'Boya'] },
  { name: 'Lojistik', words: ['Lojistik', 'Nakliyat', 'Taşımacılık'], subcontracting: true },
  { name: 'Bilişim', words: ['Bilişim', 'Yazılım', 'Bilgi Teknolojileri'] },
  { name: 'Enerji', words: ['Enerji', 'Elektrik'], subcontracting: true },
  { name: 'Sağlık', words: ['Sağlık Hizmetleri', 'Medikal'] },
  { name: 'Turizm', words: ['Turizm', 'Otelcilik'] },
  { name: 'Tarım', words: ['Tarım Ürünleri', 'Tohumculuk'] },
  { name: 'Mobilya', words: ['Mobilya', 'Ağaç Ürünleri'] },
  { name: 'Ambalaj', words: ['Ambalaj', 'Plastik'] },
  { name: 'Metal', words: ['Metal', 'Demir Çelik', 'Alüminyum'] },
  { name: 'Elektronik', words: ['Elektronik'] },
  { name: 'Danışmanlık', words: ['Danışmanlık', 'Mali Müşavirlik'] },
  { name: 'Reklam ve Medya', words: ['Reklam', 'Medya'] },
  { name: 'Eğitim', words: ['Eğitim Hizmetleri'] },
  { name: 'Temizlik ve Tesis Yönetimi', words: ['Temizlik Hizmetleri', 'Tesis Yönetimi'], subcontracting: true },
  { name: 'Güvenlik', words: ['Güvenlik Hizmetleri'], subcontracting: true },
];

/** Ordinary words used as company name stems; none alone is a well-known brand. */
// prettier-ignore
export const NAME_STEMS = [
  'Anadolu', 'Ege', 'Marmara', 'Karadeniz', 'Akdeniz', 'Toros', 'Kaçkar', 'Uludağ', 'Erciyes', 'Zirve',
  'Atlas', 'Çınar', 'Meltem', 'Poyraz', 'Doruk', 'Simge', 'Umut', 'Bereket', 'Kardelen', 'Lale',
  'Defne', 'Sedir', 'Ardıç', 'Pusula', 'Liman', 'Kuzey', 'Güney', 'Batı', 'Altın', 'Gümüş',
  'Elmas', 'İnci', 'Mavi', 'Yeşil', 'Tuna', 'Fırat', 'Dicle', 'Kızılırmak', 'Hilal', 'Şafak',
  'Öncü', 'İlke', 'Vizyon', 'Tekno', 'Arı', 'Kartal', 'Ilgaz', 'Işıltı', 'Özlem', 'Yakamoz',
  'Gökçe', 'Ekin', 'Başak', 'Bozok', 'Sarıçam', 'Dorukhan', 'Akçam', 'Ayyıldız', 'Esen', 'Deniz',
] as const;

/** Stems for group holdings: kept apart so a holding never shares a stem with an unrelated firm. */
// prettier-ignore
export const HOLDING_STEMS = ['Poyrazoğlu', 'Meltemler', 'Sedirhan', 'Kaçkarlı', 'Ardıçlı', 'Simgeli', 'Karaçam', 'Akyaka', 'Gökdere', 'Ilıca'] as const;

export const LEGAL_SUFFIXES: readonly (readonly [string, number])[] = [
  ['A.Ş.', 14],
  ['Ltd. Şti.', 16],
  ['San. ve Tic. A.Ş.', 22],
  ['San. ve Tic. Ltd. Şti.', 20],
  ['Tic. Ltd. Şti.', 14],
  ['İth. İhr. San. ve Tic. A.Ş.', 6],
];

/** Clearly fictional banks (no real Turkish bank carries these names). */
export const BANK_NAMES: readonly { title: string; short: string; domain: string }[] = [
  { title: 'Lale Bank A.Ş.', short: 'Lale Bank', domain: 'lalebank-demo.com.tr' },
  { title: 'Çınaraltı Yatırım Bankası A.Ş.', short: 'Çınaraltı Bank', domain: 'cinaraltibank-demo.com.tr' },
  { title: 'Pusula Katılım Bankası A.Ş.', short: 'Pusula Katılım', domain: 'pusulakatilim-demo.com.tr' },
  { title: 'Mavi Liman Bankası T.A.Ş.', short: 'Mavi Liman Bank', domain: 'mavilimanbank-demo.com.tr' },
  { title: 'Sedir Ticaret Bankası A.Ş.', short: 'Sedir Bank', domain: 'sedirbank-demo.com.tr' },
  { title: 'Kardelen Kalkınma Bankası A.Ş.', short: 'Kardelen Bank', domain: 'kardelenbank-demo.com.tr' },
  { title: 'Gökkuşağı Finans Bankası A.Ş.', short: 'Gökkuşağı Bank', domain: 'gokkusagibank-demo.com.tr' },
  { title: 'Defne Katılım Bankası A.Ş.', short: 'Defne Katılım', domain: 'defnekatilim-demo.com.tr' },
  { title: 'Yakamoz Bank A.Ş.', short: 'Yakamoz Bank', domain: 'yakamozbank-demo.com.tr' },
  { title: 'Ardıç Yatırım Bankası A.Ş.', short: 'Ardıç Yatırım', domain: 'ardicyatirim-demo.com.tr' },
  { title: 'Tunaboyu Bankası A.Ş.', short: 'Tunaboyu Bank', domain: 'tunaboyubank-demo.com.tr' },
  { title: 'Kuzeyyıldızı Bank A.Ş.', short: 'Kuzeyyıldızı Bank', domain: 'kuzeyyildizibank-demo.com.tr' },
];

/** Non-commercial contacts (kind "other"): associations, foundations, co-operatives. */
export const OTHER_ORG_FORMS = [
  'Sanayici ve İş İnsanları Derneği',
  'Yardımlaşma ve Dayanışma Derneği',
  'Eğitim ve Kültür Vakfı',
  'Üreticiler Kooperatifi',
  'Esnaf ve Sanatkârlar Derneği',
] as const;

export interface Role {
  role: string;
  department: string;
  weight: number;
  /** At most one per institution (there is one general manager). */
  unique?: boolean;
  /** A salutation title that fits the job (lawyers are "Av."). */
  honorific?: string;
}

export const COMPANY_ROLES: readonly Role[] = [
  { role: 'Genel Müdür', department: 'Yönetim', weight: 3, unique: true },
  { role: 'Genel Müdür Yardımcısı', department: 'Yönetim', weight: 3 },
  { role: 'Yönetim Kurulu Başkanı', department: 'Yönetim Kurulu', weight: 1, unique: true },
  { role: 'Yönetim Kurulu Üyesi', department: 'Yönetim Kurulu', weight: 2 },
  { role: 'Yönetici Asistanı', department: 'Yönetim', weight: 4 },
  { role: 'Muhasebe Yetkilisi', department: 'Muhasebe', weight: 8 },
  { role: 'Muhasebe Müdürü', department: 'Muhasebe', weight: 3, unique: true },
  { role: 'Mali İşler Müdürü', department: 'Mali İşler', weight: 3, unique: true },
  { role: 'Finans Uzmanı', department: 'Finans', weight: 4 },
  { role: 'Satın Alma Müdürü', department: 'Satın Alma', weight: 4, unique: true },
  { role: 'Satın Alma Uzmanı', department: 'Satın Alma', weight: 7 },
  { role: 'Satış Müdürü', department: 'Satış', weight: 4 },
  { role: 'Satış Temsilcisi', department: 'Satış', weight: 9 },
  { role: 'Bölge Satış Müdürü', department: 'Satış', weight: 3 },
  { role: 'İhracat Müdürü', department: 'Dış Ticaret', weight: 2 },
  { role: 'Dış Ticaret Uzmanı', department: 'Dış Ticaret', weight: 3 },
  { role: 'İnsan Kaynakları Müdürü', department: 'İnsan Kaynakları', weight: 2, unique: true },
  { role: 'İnsan Kaynakları Uzmanı', department: 'İnsan Kaynakları', weight: 5 },
  { role: 'Bilgi İşlem Sorumlusu', department: 'Bilgi İşlem', weight: 3 },
  { role: 'Yazılım Geliştirme Uzmanı', department: 'Bilgi Teknolojileri', weight: 2 },
  { role: 'Üretim Müdürü', department: 'Üretim', weight: 2, unique: true },
  { role: 'Fabrika Müdürü', department: 'Üretim', weight: 1, unique: true },
  { role: 'Kalite Kontrol Sorumlusu', department: 'Kalite', weight: 3 },
  { role: 'Lojistik Sorumlusu', department: 'Lojistik', weight: 3 },
  { role: 'Depo Sorumlusu', department: 'Lojistik', weight: 2 },
  { role: 'Pazarlama Müdürü', department: 'Pazarlama', weight: 3 },
  { role: 'Kurumsal İletişim Uzmanı', department: 'Kurumsal İletişim', weight: 2 },
  { role: 'Hukuk Müşaviri', department: 'Hukuk', weight: 2, honorific: 'Av.' },
  { role: 'Proje Müdürü', department: 'Proje Yönetimi', weight: 3 },
  { role: 'Şantiye Şefi', department: 'Proje Yönetimi', weight: 1, honorific: 'Müh.' },
  { role: 'Teknik Müdür', department: 'Teknik', weight: 2 },
  { role: 'İdari İşler Sorumlusu', department: 'İdari İşler', weight: 3 },
  { role: 'Müşteri Hizmetleri Temsilcisi', department: 'Müşteri Hizmetleri', weight: 4 },
  { role: 'İş Güvenliği Uzmanı', department: 'İş Sağlığı ve Güvenliği', weight: 2 },
];

export const BANK_ROLES: readonly Role[] = [
  { role: 'Şube Müdürü', department: 'Şube', weight: 3 },
  { role: 'Kurumsal Müşteri Temsilcisi', department: 'Kurumsal Bankacılık', weight: 5 },
  { role: 'Ticari Portföy Yöneticisi', department: 'Ticari Bankacılık', weight: 5 },
  { role: 'Krediler Müdürü', department: 'Krediler', weight: 2 },
  { role: 'Operasyon Yetkilisi', department: 'Operasyon', weight: 3 },
  { role: 'Nakit Yönetimi Uzmanı', department: 'Nakit Yönetimi', weight: 2 },
];

export const ASSOCIATION_ROLES: readonly Role[] = [
  { role: 'Dernek Başkanı', department: 'Yönetim Kurulu', weight: 1, unique: true },
  { role: 'Genel Sekreter', department: 'Genel Sekreterlik', weight: 2, unique: true },
  { role: 'Üye İlişkileri Sorumlusu', department: 'Üye İlişkileri', weight: 3 },
  { role: 'Proje Koordinatörü', department: 'Projeler', weight: 3 },
];

// prettier-ignore
export const NEIGHBOURHOODS = [
  'Cumhuriyet', 'Atatürk', 'Fatih', 'Bahçelievler', 'Gazi', 'Zafer', 'Hürriyet', 'İstiklal', 'Yeşilyurt', 'Kültür',
  'Esentepe', 'Yenidoğan', 'Merkez', 'Güzelyalı', 'Çamlıca', 'Barbaros', 'İnönü', 'Mimar Sinan', 'Yunus Emre', 'Şirinevler',
] as const;

// prettier-ignore
export const STREETS = [
  'Atatürk Cad.', 'Cumhuriyet Cad.', 'İstiklal Cad.', 'Gazi Mustafa Kemal Bulvarı', 'İnönü Cad.', 'Fevzi Çakmak Cad.',
  'Kazım Karabekir Cad.', 'Mimar Sinan Cad.', 'Millet Cad.', 'Hürriyet Cad.', 'Barbaros Bulvarı', 'Zafer Sok.',
  'Lale Sok.', 'Menekşe Sok.', 'Gül Sok.', 'Papatya Sok.', 'Çamlık Sok.', 'Okul Sok.', 'Cami Sok.', 'Yıldız Sok.',
  'Akasya Sok.', 'Ihlamur Sok.', 'Ergenekon Cad.', 'Şehit Piyade Er Sok.', 'Bağlar Sok.',
] as const;

/** Street of an organised industrial zone, for factories and warehouses. */
export const INDUSTRIAL_STREETS = [
  '1. Organize Sanayi Bölgesi',
  '2. Organize Sanayi Bölgesi',
  'Küçük Sanayi Sitesi',
] as const;

/** Where firms sit: the big economic centres far more often than elsewhere. */
export const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  İstanbul: 40,
  Ankara: 15,
  İzmir: 12,
  Bursa: 8,
  Kocaeli: 7,
  Antalya: 5,
  Konya: 5,
  Gaziantep: 4,
  Adana: 4,
  Kayseri: 4,
  Mersin: 3,
  Eskişehir: 3,
  Denizli: 3,
  Samsun: 3,
  Trabzon: 3,
  Tekirdağ: 3,
  Manisa: 3,
  Sakarya: 3,
};

/** Turkish mobile operator prefixes (Turkcell 53x, Vodafone 54x, Türk Telekom 50x/55x). */
// prettier-ignore
export const MOBILE_PREFIXES = [
  '530', '531', '532', '533', '535', '536', '537', '538', '539',
  '541', '542', '543', '544', '545', '546', '547', '548', '549',
  '505', '506', '507', '552', '553', '554', '555',
] as const;

export const PERSONAL_MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 6],
  ['hotmail.com', 3],
  ['yandex.com', 1],
  ['outlook.com', 1],
];

export const PERSON_NOTES = [
  'İstanbul fuarında tanışıldı.',
  'Teklifler için e-posta yerine telefonla aranmayı tercih ediyor.',
  'Yılsonu bütçe onayından sonra yeniden görüşülecek.',
  'Yazışmalar İngilizce de yapılabilir.',
  'Öğleden sonra ulaşmak daha kolay.',
  'Bayram tebriği listesinde.',
  'Toplantılara genellikle satın alma ekibiyle katılıyor.',
] as const;

export const INSTITUTION_NOTES = [
  'Ödemeler ay sonunda, 60 gün vadeli.',
  'Yıllık çerçeve sözleşmesi var.',
  'Yeni şube açılışı planlanıyor.',
  'Numune talebi bekleniyor.',
  'E-fatura mükellefi.',
] as const;
