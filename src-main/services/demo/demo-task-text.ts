/**
 * The demo staff's to-do list: tasks an office of a selling firm keeps, some about a customer's card (with the
 * note that started them), with checklists where a job has steps, and what colleagues write under them.
 */
import type { InstitutionKind } from '../../../src-shared/contract/cards';

export interface TaskTemplate {
  /** May name the firm: {kurum}. */
  title: string;
  description: string;
  checklist?: readonly string[];
  /** Tasks about a card: the kinds of institution it fits (none: an office job without a card). */
  kinds?: readonly InstitutionKind[];
  /** A note on the same card with this reason is linked when there is one. */
  noteReason?: string;
}

const CLIENTS: readonly InstitutionKind[] = ['customer', 'prospect', 'group_company'];
const CUSTOMERS: readonly InstitutionKind[] = ['customer', 'group_company'];

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    title: '{kurum} için revize teklif hazırla',
    description: 'Müşterinin revizyon talepleri görüşme notunda. Kurulum bedeli ayrı kalem olarak gösterilecek.',
    checklist: [
      'Maliyet tablosunu güncelle',
      'Teslim süresini üretimle teyit et',
      'Satış müdürünün onayını al',
      'Teklifi PDF olarak gönder',
    ],
    kinds: CLIENTS,
    noteReason: 'Teklif',
  },
  {
    title: '{kurum} cari hesap mutabakatı',
    description: 'Yıl sonu mutabakatı. Fark çıkarsa muhasebeyle birlikte kalem kalem bakılacak.',
    checklist: ['Ekstreyi çıkar', 'Müşteriye gönder', 'İmzalı mutabakatı arşivle'],
    kinds: CUSTOMERS,
    noteReason: 'Tahsilat',
  },
  {
    title: '{kurum} ile yıllık sözleşmeyi yenile',
    description: 'Mevcut sözleşme ay sonunda bitiyor. Yeni fiyat listesi ve bakım koşulları eklenecek.',
    checklist: ['Geçen yılın ciro özetini hazırla', 'Yeni fiyat listesini ekle', 'Hukuk onayını al', 'İmzaya gönder'],
    kinds: CUSTOMERS,
  },
  {
    title: '{kurum} için demo kurulumu planla',
    description: 'Deneme için iki haftalık kurulum. Teknik ekipten uygun tarih alınacak.',
    kinds: ['prospect'],
    noteReason: 'Tanışma',
  },
  {
    title: '{kurum} tahsilat takibi',
    description: 'Vadesi geçen faturalar için verilen ödeme sözünün takibi.',
    kinds: CUSTOMERS,
    noteReason: 'Tahsilat',
  },
  {
    title: '{kurum} tesis ziyareti raporunu yaz',
    description: 'Ziyarette görülen ihtiyaçlar ve fotoğraflar teknik ekiple paylaşılacak.',
    kinds: CLIENTS,
    noteReason: 'Ziyaret',
  },
  {
    title: '{kurum} arıza kaydını kapat',
    description: 'Teknik ekibin raporu geldikten sonra müşteriye bilgi verilip kayıt kapatılacak.',
    kinds: CUSTOMERS,
    noteReason: 'Destek/Arıza',
  },
  {
    title: '{kurum} yedek parça siparişini takip et',
    description: 'Sipariş edilen parçaların sevk tarihi tedarikçiden teyit edilecek.',
    kinds: ['supplier'],
  },
  {
    title: '{kurum} kredi dosyası belgelerini hazırla',
    description: 'Şubenin istediği belgeler: güncel bilanço, vergi levhası, imza sirküleri.',
    checklist: ['Güncel bilanço', 'Vergi levhası', 'İmza sirküleri', 'Faaliyet belgesi'],
    kinds: ['bank'],
  },
  {
    title: 'Yeni fiyat listesini müşterilere duyur',
    description: 'Ayın birinden geçerli liste. Bayilere ayrı bir bilgilendirme yapılacak.',
    checklist: [
      'E-posta metnini hazırla',
      'Müşteri listesini güncelle',
      'Gönderimi yap',
      'Bayileri telefonla bilgilendir',
    ],
  },
  {
    title: 'Fuar katılım başvurusunu tamamla',
    description: 'Sonbahar fuarı için erken kayıt indirimi ay sonunda bitiyor.',
    checklist: [
      'Stand alanını seç',
      'Katılım bedelini öde',
      'Broşür baskısını sipariş et',
      'Stand görevlilerini belirle',
    ],
  },
  {
    title: 'Müşteri memnuniyet anketini gönder',
    description: 'Son altı ayda teslimat yapılan müşterilere kısa anket.',
  },
  {
    title: 'Servis raporlarını sisteme işle',
    description: 'Geçen haftanın saha servis formları taranıp ilgili kartlara eklenecek.',
  },
  {
    title: 'Şirket aracının periyodik bakımı',
    description: 'Araç 45.000 km bakımında. Bakım günü araç rezervasyonu kapatılacak.',
    checklist: ['Servis randevusu al', 'Lastikleri kontrol ettir', 'Ruhsat ve sigorta tarihlerine bak'],
  },
  {
    title: 'Yeni personel için oryantasyon planı',
    description: 'İlk hafta programı: ürün eğitimi, sistemlere erişim, müşteri ziyaretlerine eşlik.',
    checklist: ['Bilgisayar ve e-posta hesabı', 'Ürün eğitimi takvimi', 'Mentor ataması'],
  },
  {
    title: 'Kampanya e-postası metnini onayla',
    description: 'Ajansın gönderdiği taslak metin ve görseller ekte.',
  },
  {
    title: 'Depo sayım sonuçlarını kontrol et',
    description: 'Sayım ile sistem arasındaki farklar için açıklama istenecek.',
  },
  {
    title: 'Rakip fiyat analizini güncelle',
    description: 'Üç ana rakibin güncel fiyatları ve kampanyaları tabloya işlenecek.',
  },
  {
    title: 'Çeyrek satış hedeflerini ekiple paylaş',
    description: 'Bölge ve temsilci bazında hedefler; geçen çeyreğin gerçekleşmesiyle birlikte.',
  },
  {
    title: 'KVKK aydınlatma metnini gözden geçir',
    description: 'Web formu ve e-posta imzalarındaki metinler hukukun son görüşüne göre güncellenecek.',
  },
  {
    title: 'Web sitesindeki referans listesini güncelle',
    description: 'Bu yıl eklenen referanslar için müşterilerden yazılı izin alındı.',
  },
  {
    title: 'Bayi toplantısı sunumunu hazırla',
    description: 'Yıllık bayi toplantısı için satış rakamları, yeni ürünler ve kampanya takvimi.',
    checklist: ['Satış rakamları', 'Yeni ürünler', 'Kampanya takvimi', 'Bayi ödülleri'],
  },
];

export const TASK_COMMENTS: readonly string[] = [
  'Maliyet tablosunu güncelledim, onayınıza sundum.',
  'Müşteri perşembe gününe kadar süre istedi.',
  'Üretimden teslim tarihi teyidi bekliyorum.',
  'Tamamdır, bu hafta içinde bitiriyorum.',
  'Geçen yılın rakamlarını da ekleyelim mi?',
  'Taslağı ortak klasöre koydum, bakabilir misiniz?',
  'Bu konuyu pazartesi koordinasyon toplantısında konuşalım.',
  'Karşı taraftan dönüş gelmedi, yarın tekrar arayacağım.',
];

/** Recurring office routines (RFC 5545 rules, from the task's first due date). */
export const WEEKLY_REPORT = {
  title: 'Haftalık satış raporu',
  description:
    'Her pazartesi öğleye kadar: geçen haftanın satış, teklif ve tahsilat rakamları, ekip bazında kısa yorumla.',
  checklist: ['Satış rakamları', 'Açık teklifler', 'Tahsilat durumu'],
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  dueTime: '12:00',
} as const;

export const MONTHLY_COLLECTION = {
  title: 'Aylık tahsilat kontrolü',
  description:
    'Vadesi geçen alacak listesini çıkar; 30 günü geçenler için müşteri temsilcileriyle görüş, sonucu yönetime bildir.',
  checklist: ['Vadesi geçenler listesi', 'Temsilcilerle görüşme', 'Yönetime özet'],
  rrule: 'FREQ=MONTHLY;BYDAY=1MO',
  dueTime: null,
} as const;
