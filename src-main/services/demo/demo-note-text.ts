/**
 * What the demo staff write in their meeting notes and complaints: a few sentences an office worker would
 * type after a call or a visit, with {placeholders} for the person, the firm, amounts and dates. Names are
 * never followed by a suffix in these sentences ("{kurum} ile", not "{kurum}'dan"), so any name reads right.
 */
import type { InstitutionKind } from '../../../src-shared/contract/cards';
import type { NOTE_CHANNELS } from '../../../src-shared/contract/notes';

export type NoteChannel = (typeof NOTE_CHANNELS)[number];

/** A paragraph, or a bulleted list. */
export type Block = string | readonly string[];

export interface NoteTemplate {
  /** A seeded meeting reason (note_reasons.name). */
  reason: string;
  kinds: readonly InstitutionKind[];
  channels: readonly NoteChannel[];
  /** Duration range in minutes. */
  minutes: readonly [number, number];
  title: string;
  body: readonly Block[];
  /** What the follow-up asks for, when the note gets one. */
  followUp: string;
  /** What was written when it was done. */
  done: string;
}

const SELLING: readonly InstitutionKind[] = ['customer', 'group_company'];
const PROSPECT: readonly InstitutionKind[] = ['prospect'];
const ANY_CLIENT: readonly InstitutionKind[] = ['customer', 'prospect', 'group_company'];
const SUPPLYING: readonly InstitutionKind[] = ['supplier', 'subcontractor'];

export const NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    reason: 'Tanışma',
    kinds: PROSPECT,
    channels: ['face_to_face', 'visit_theirs', 'video'],
    minutes: [30, 60],
    title: '{kurum} ile tanışma görüşmesi',
    body: [
      '{kisi} ile ilk görüşmemizi yaptık. Firmanın yaklaşık {ekip} kişilik bir ekiple çalıştığını, önümüzdeki dönemde kapasite artırmayı planladıklarını anlattı.',
      'Şu anki tedarikçileriyle ilgili yaşadıkları sorunlar:',
      ['Teslim sürelerinin uzaması', 'Satış sonrası destekte gecikmeler', 'Fiyat listelerinin sık değişmesi'],
      'Ürün kataloğumuzu ve referans listemizi e-postayla göndereceğimi söyledim.',
    ],
    followUp: 'Katalog ve referans listesini gönder, ihtiyaç listesini iste',
    done: 'Katalog gönderildi, ihtiyaç listesi geldi.',
  },
  {
    reason: 'Tanışma',
    kinds: PROSPECT,
    channels: ['phone'],
    minutes: [10, 20],
    title: 'Fuarda tanıştığımız {kisi} ile telefon görüşmesi',
    body: [
      'Fuarda standımıza uğrayan {kisi} ile telefonda görüştük. {ay} ayında yeni bir yatırım yapmayı düşündüklerini, ön fiyat almak istediklerini söyledi.',
      'Bir sonraki adım: ihtiyaçlarını yerinde görmek için ziyaret randevusu almak.',
    ],
    followUp: 'Ziyaret için randevu al',
    done: 'Randevu alındı, ziyaret takvime işlendi.',
  },
  {
    reason: 'Satış görüşmesi',
    kinds: SELLING,
    channels: ['face_to_face', 'visit_theirs', 'video'],
    minutes: [30, 90],
    title: '{kurum} – {yil} alım planı',
    body: [
      '{kisi} ile {yil} yılı alım planını konuştuk. Geçen yıla göre yaklaşık %{oran} artış bekliyorlar.',
      [
        'Çeyrek bazında sipariş planını paylaşacaklar',
        'Fiyatların {ay} sonuna kadar sabit kalmasını istiyorlar',
        'Ödeme vadesi için 60 gün talep ettiler',
      ],
      'Vade talebini satış müdürümüzle değerlendirip dönüş yapacağımı ilettim.',
    ],
    followUp: 'Vade talebine yanıt ver',
    done: '45 gün vade önerildi, kabul ettiler.',
  },
  {
    reason: 'Satış görüşmesi',
    kinds: ANY_CLIENT,
    channels: ['face_to_face', 'visit_ours'],
    minutes: [45, 90],
    title: 'Yeni ürün grubunun tanıtımı',
    body: [
      '{kurum} satın alma ekibine yeni ürün grubumuzu tanıttık. Numuneleri beğendiler; özellikle enerji tüketimindeki düşüş ilgilerini çekti.',
      '{kisi} deneme siparişi için yönetimden onay alacağını söyledi.',
    ],
    followUp: 'Deneme siparişi için onayı sor',
    done: 'Onay çıktı, deneme siparişi alındı.',
  },
  {
    reason: 'Satış görüşmesi',
    kinds: SELLING,
    channels: ['phone', 'email'],
    minutes: [10, 25],
    title: 'Sipariş hacmi ve iskonto talebi',
    body: [
      '{kisi}, sipariş hacmini artırmaları durumunda ek iskonto istiyor. Bugünkü iskonto oranı %{oran}; iki puan daha talep ediyorlar.',
      'Yıllık taahhüt karşılığında değerlendirebileceğimizi söyledim.',
    ],
    followUp: 'İskonto önerisini yazılı olarak gönder',
    done: 'Yıllık taahhüt karşılığı ek %1 iskonto önerildi.',
  },
  {
    reason: 'Teklif',
    kinds: ANY_CLIENT,
    channels: ['phone', 'video'],
    minutes: [15, 40],
    title: '{kurum} – teklif revizyonu',
    body: [
      'Gönderdiğimiz {teklif} numaralı teklif üzerinde görüştük. {kisi} toplam tutarı ({tutar} + KDV) bütçelerinin biraz üzerinde buluyor.',
      'Revizyon talepleri:',
      [
        'Kurulum bedelinin ayrı kalem olarak gösterilmesi',
        'Teslim süresinin üç haftaya indirilmesi',
        'İki yıllık bakımın fiyata dahil edilmesi',
      ],
      'Revize teklifi hafta içinde göndereceğim.',
    ],
    followUp: 'Revize teklifi gönder',
    done: 'Revize teklif gönderildi.',
  },
  {
    reason: 'Teklif',
    kinds: ANY_CLIENT,
    channels: ['visit_theirs', 'face_to_face'],
    minutes: [45, 120],
    title: '{kurum} ofisinde teklif sunumu',
    body: [
      '{kurum} ofisinde teklif sunumunu yaptık. Toplantıya {kisi} ile birlikte finans ve teknik ekipten birer kişi katıldı.',
      'Sorular ağırlıkla bakım sözleşmesi ve yedek parça teslim sürelerine ilişkindi. Karar önümüzdeki iki hafta içinde bekleniyor.',
    ],
    followUp: 'Teklifin son durumunu sor',
    done: 'Teklif onaylandı, sipariş formu geldi.',
  },
  {
    reason: 'Teklif',
    kinds: ANY_CLIENT,
    channels: ['phone'],
    minutes: [5, 15],
    title: 'Teklifin durumu soruldu',
    body: [
      '{kisi} ile teklifin son durumunu konuştuk. Yönetim kurulu toplantısı ertelendiği için karar {ay} ayına kalacak.',
    ],
    followUp: 'Yönetim kurulu kararını sor',
    done: 'Karar olumlu; sözleşme taslağı istendi.',
  },
  {
    reason: 'Teklif',
    kinds: SUPPLYING,
    channels: ['email', 'phone'],
    minutes: [10, 20],
    title: '{kurum} – yeni fiyat listesi',
    body: [
      'Tedarikçimiz {kurum} adına {kisi}, hammadde fiyatlarındaki artış nedeniyle yeni fiyat listesinin {ay} ayında yürürlüğe gireceğini bildirdi. Ortalama artış %{oran}.',
      'Mevcut siparişlerin eski fiyattan teslim edilmesini istedim; yazılı teyit gönderecekler.',
    ],
    followUp: 'Eski fiyat teyidini al',
    done: 'Açık siparişler için eski fiyat yazılı olarak teyit edildi.',
  },
  {
    reason: 'Tahsilat',
    kinds: SELLING,
    channels: ['phone', 'email'],
    minutes: [5, 20],
    title: 'Vadesi geçen faturalar',
    body: [
      '{kurum} muhasebesinden {kisi} ile vadesi geçen {adet} fatura (toplam {tutar}) hakkında görüştük.',
      'Ödemenin ay sonuna kadar iki taksitte yapılacağını söyledi; ödeme planını yazılı olarak göndermesini rica ettim.',
    ],
    followUp: 'Ödemenin hesaba geçip geçmediğini kontrol et',
    done: 'İlk taksit hesaba geçti.',
  },
  {
    reason: 'Tahsilat',
    kinds: SELLING,
    channels: ['phone', 'email'],
    minutes: [10, 20],
    title: 'Cari hesap mutabakatı',
    body: [
      '{yil} yılı cari hesap mutabakatı için {kisi} ile görüştük. Aradaki {tutar} farkın bir iade faturasından kaynaklandığı anlaşıldı.',
      'Düzeltme faturası muhasebemiz tarafından kesilecek.',
    ],
    followUp: 'Düzeltme faturasının kesildiğini teyit et',
    done: 'Düzeltme faturası kesildi, mutabakat imzalandı.',
  },
  {
    reason: 'Diğer',
    kinds: ['bank'],
    channels: ['visit_theirs', 'phone'],
    minutes: [20, 45],
    title: 'Kredi limiti yenilemesi',
    body: [
      '{kurum} şubesinden {kisi} ile firma kredi limitinin yenilenmesini konuştuk. Güncel bilanço, vergi levhası ve imza sirküleri istendi.',
      'Belgeler muhasebeden alınıp hafta içinde şubeye iletilecek.',
    ],
    followUp: 'Kredi dosyası belgelerini şubeye ilet',
    done: 'Belgeler şubeye teslim edildi.',
  },
  {
    reason: 'Destek/Arıza',
    kinds: SELLING,
    channels: ['phone', 'email'],
    minutes: [10, 30],
    title: 'Cihaz arızası bildirimi',
    body: [
      '{kisi}, üretim hattındaki cihazlardan birinin sık sık durduğunu bildirdi. Uzaktan bağlanıp hata kayıtlarını inceledik; sorun büyük olasılıkla bir sensörden kaynaklanıyor.',
      'Teknik ekibimiz {gun} günü yerinde kontrol yapacak.',
    ],
    followUp: 'Teknik ekibin kontrol sonucunu müşteriye bildir',
    done: 'Sensör değiştirildi, hat sorunsuz çalışıyor.',
  },
  {
    reason: 'Destek/Arıza',
    kinds: SELLING,
    channels: ['video', 'face_to_face'],
    minutes: [30, 60],
    title: 'Kurulum sonrası eğitim talebi',
    body: [
      '{kurum} yeni personeli için kullanım eğitimi istiyor. Yaklaşık {adet} kişi katılacak.',
      ['Temel kullanım ve günlük bakım', 'Sık karşılaşılan hatalar ve çözümleri', 'Yedek parça siparişi'],
      'Eğitimi çevrim içi yapmayı önerdim; tarih için {kisi} dönüş yapacak.',
    ],
    followUp: 'Eğitim tarihini netleştir',
    done: 'Eğitim tarihi belirlendi, davet gönderildi.',
  },
  {
    reason: 'Ziyaret',
    kinds: ANY_CLIENT,
    channels: ['visit_theirs'],
    minutes: [60, 150],
    title: '{kurum} tesis ziyareti',
    body: [
      '{kisi} ile birlikte üretim tesisini gezdik. Hatlarda eski model ekipman kullanılıyor; yenileme ihtiyacı açıkça görülüyor.',
      'Ziyaret notları ve fotoğraflar teknik ekiple paylaşıldı.',
    ],
    followUp: 'Yenileme için ihtiyaç listesini hazırla',
    done: 'İhtiyaç listesi hazırlandı, teklife dönüştü.',
  },
  {
    reason: 'Ziyaret',
    kinds: SELLING,
    channels: ['visit_theirs'],
    minutes: [30, 60],
    title: '{kurum} nezaket ziyareti',
    body: [
      '{kurum} ofisine nezaket ziyareti yaptık. {kisi}, çalışmalarımızdan memnun olduklarını ve yeni şubelerinde de bizimle çalışmak istediklerini söyledi.',
      'Yeni şube için ayrı bir teklif hazırlanacak.',
    ],
    followUp: 'Yeni şube için teklif hazırla',
    done: 'Yeni şube teklifi gönderildi.',
  },
  {
    reason: 'Ziyaret',
    kinds: ANY_CLIENT,
    channels: ['visit_ours'],
    minutes: [45, 90],
    title: '{kisi} showroom ziyareti',
    body: [
      '{kisi} ofisimize gelerek showroomdaki ürünleri inceledi. En çok orta segment modellerle ilgilendi.',
      'Fiyat listesi ve teknik föyler kendisine elden verildi.',
    ],
    followUp: 'Ziyaretten sonra arayıp görüşünü al',
    done: 'Arandı; iki model için teklif istedi.',
  },
  {
    reason: 'Diğer',
    kinds: SELLING,
    channels: ['phone', 'email'],
    minutes: [5, 10],
    title: 'Fatura adresi değişikliği',
    body: [
      '{kurum} yeni adresine taşınmış. {kisi}, fatura adresinin {ay} ayından itibaren değişeceğini bildirdi.',
      'Yeni adres muhasebeye iletildi.',
    ],
    followUp: 'Kurum kartındaki adresi güncelle',
    done: 'Adres güncellendi.',
  },
  {
    reason: 'Diğer',
    kinds: SELLING,
    channels: ['phone'],
    minutes: [5, 15],
    title: 'Referans talebi',
    body: [
      '{kisi}, görüştükleri bir başka firmaya bizi referans olarak göstermek için izin istedi. Memnuniyetle kabul ettiğimizi söyledim.',
    ],
    followUp: 'Referans görüşmesinin nasıl geçtiğini sor',
    done: 'Referans görüşmesi olumlu geçmiş.',
  },
  {
    reason: 'Diğer',
    kinds: ['other'],
    channels: ['phone', 'email'],
    minutes: [10, 20],
    title: '{kurum} etkinlik daveti',
    body: [
      '{kisi}, derneğin {ay} ayındaki üye buluşmasına firmamızı davet etti. Kısa bir sunum yapmamız da rica edildi.',
      'Katılım için yönetimin onayını alacağım.',
    ],
    followUp: 'Katılım kararını derneğe bildir',
    done: 'Katılım teyit edildi.',
  },
];

export interface ComplaintTemplate {
  title: string;
  body: readonly Block[];
  /** Written when it was taken in hand. */
  progress: string;
  resolution: string;
}

export const COMPLAINT_TEMPLATES: readonly ComplaintTemplate[] = [
  {
    title: 'Geciken sevkiyat',
    body: [
      '{kisi}, {teklif} numaralı siparişin teslimatının bir haftadır gecikmesinden şikâyetçi. Üretimleri bu malzeme yüzünden aksıyor.',
      'Müşteri yazılı açıklama ve kesin teslim tarihi istiyor.',
    ],
    progress: 'Lojistik firmasıyla görüşüldü; sevkiyat aktarma merkezinde bekliyor.',
    resolution:
      'Sevkiyat ekspres kargoyla gönderildi ve ertesi gün teslim edildi; gecikme nedeniyle bir sonraki siparişte %3 iskonto tanındı.',
  },
  {
    title: 'Hatalı faturalandırma',
    body: [
      '{kurum} muhasebesinden {kisi}, son faturada iskontonun uygulanmadığını ve tutarın {tutar} fazla kesildiğini bildirdi.',
    ],
    progress: 'Muhasebe faturayı inceliyor.',
    resolution: 'Hatalı fatura iptal edildi, doğru tutarla yeniden düzenlendi; müşteriye bilgi verildi.',
  },
  {
    title: 'Eksik teslimat',
    body: [
      '{kisi}, dünkü teslimatta {adet} koli eksik çıktığını söyledi. İrsaliye ile teslim alınan miktar uyuşmuyor.',
      ['İrsaliyenin fotoğrafı e-postayla istendi', 'Depodan yükleme listesi kontrol edilecek'],
    ],
    progress: 'Depo yükleme listesini kontrol ediyor.',
    resolution:
      'Eksik koliler ertesi gün ayrı araçla teslim edildi; depoda yükleme kontrol listesi uygulamasına geçildi.',
  },
  {
    title: 'Servis randevusuna gelinmedi',
    body: [
      '{kisi}, servis için verilen randevuya teknisyenin gelmediğini, kimsenin de haber vermediğini söyledi. Oldukça kırgın.',
    ],
    progress: 'Servis planlamasından açıklama istendi; yeni randevu verilecek.',
    resolution:
      'Teknik servis müdürü müşteriyi arayıp özür diledi; bakım ertesi sabah yapıldı ve bu ziyaret ücretsiz sayıldı.',
  },
  {
    title: 'Ürün ambalajı hasarlı geldi',
    body: [
      'Son sevkiyatta gelen ürünlerin bir kısmının ambalajı ezik ve ıslak. {kisi} fotoğrafları e-postayla gönderdi.',
      'Hasarlı ürünlerin değişimini istiyorlar.',
    ],
    progress: 'Kargo firmasına hasar tutanağı iletildi.',
    resolution: 'Hasarlı ürünler yenileriyle değiştirildi; bedel kargo firmasının sigortasından karşılandı.',
  },
  {
    title: 'Destek hattına ulaşılamıyor',
    body: ['{kisi}, iki gündür destek hattımıza ulaşamadıklarını, bekleme süresinin yirmi dakikayı geçtiğini söyledi.'],
    progress: 'Çağrı kayıtları inceleniyor; yoğun saatlerde ek personel planlanıyor.',
    resolution: 'Müşteriye doğrudan ulaşabileceği bir temsilci numarası verildi; yoğun saatlere ek personel eklendi.',
  },
  {
    title: 'Yedek parça bekleme süresi uzun',
    body: [
      '{kurum} adına {kisi}, sipariş ettikleri yedek parçanın üç haftadır gelmediğini, makinenin bu yüzden çalışmadığını söyledi.',
    ],
    progress: 'Parça yurt dışından getiriliyor; tedarikçiden hızlandırma istendi.',
    resolution: 'Parça hava kargosuyla getirildi ve takıldı; bekleme süresince yedek cihaz verildi.',
  },
  {
    title: 'Fiyat farkı yansıtılması',
    body: [
      '{kisi}, sipariş onayından sonra fiyat farkı yansıtılmasına itiraz ediyor. Teklifte fiyatların {ay} sonuna kadar sabit olduğu yazıyordu.',
    ],
    progress: 'Teklif metni ve sipariş onayı karşılaştırılıyor.',
    resolution: 'Teklifteki sabit fiyat taahhüdü geçerli sayıldı; fark faturası iptal edildi.',
  },
];

export const MONTHS = [
  'Ocak',
  'Şubat',
  'Mart',
  'Nisan',
  'Mayıs',
  'Haziran',
  'Temmuz',
  'Ağustos',
  'Eylül',
  'Ekim',
  'Kasım',
  'Aralık',
] as const;
export const WEEKDAYS = ['Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'] as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replaces {name} with its word (unknown names stay as they are: a typo shows in the demo, not a crash). */
export function fill(text: string, words: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => words[name] ?? whole);
}

/** The note body as the editor would save it: paragraphs and bulleted lists. */
export function noteHtml(blocks: readonly Block[], words: Readonly<Record<string, string>>): string {
  return blocks
    .map((block) =>
      typeof block === 'string'
        ? `<p>${escapeHtml(fill(block, words))}</p>`
        : `<ul>${block.map((item) => `<li>${escapeHtml(fill(item, words))}</li>`).join('')}</ul>`,
    )
    .join('');
}
