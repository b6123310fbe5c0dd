/**
 * What the demo firm's customers, prospects and strangers write, and what the staff answer: Turkish office mail
 * as it arrives (short, polite, signed), a few with HTML the way mail programs send it. Pure text building; the
 * demo mail step decides who writes when.
 */
import type { Random } from './random';

export interface MailText {
  subject: string;
  text: string;
  /** Raw HTML as the sender's program wrote it (sanitised when stored); null for plain mail. */
  html?: string | null;
}

/** Who writes, and to whom at the firm. */
export interface Writer {
  name: string;
  /** "Ahmet Bey" / "Ayşe Hanım", how a colleague addresses them. */
  address: string;
  institution: string | null;
}

const PRODUCTS = [
  'paslanmaz çelik tezgâh',
  'endüstriyel raf sistemi',
  'soğuk oda paneli',
  'vakumlu paketleme makinesi',
  'konveyör bant',
  'palet taşıma arabası',
  'hijyenik zemin kaplaması',
  'dolum makinesi yedek parçası',
] as const;

const signature = (w: Writer, role?: string) =>
  `\n\nSaygılarımla,\n${w.name}${role ? `\n${role}` : ''}${w.institution ? `\n${w.institution}` : ''}`;

/** `staff` is how the writer addresses the member of staff ("Murat Bey"), null for the firm in general. */
const greetingTo = (staff: string | null) => (staff ? `Merhaba ${staff},` : 'Merhabalar,');

type Topic = (rng: Random, w: Writer, staff: string | null) => MailText;

/** A customer or prospect writing about their business with the firm, to the card owner. */
const TOPICS: readonly Topic[] = [
  (rng, w, staff) => {
    const product = rng.pick(PRODUCTS);
    const qty = rng.pick([4, 6, 10, 12, 20, 25]);
    return {
      subject: `Teklif talebi: ${product}`,
      text:
        `${greetingTo(staff)}\n\nYeni tesisimiz için ${qty} adet ${product} ile ilgili fiyat teklifinizi rica ederiz. ` +
        `Teslim süresi ve ödeme koşullarını da belirtirseniz sevinirim. Teknik şartnameyi isterseniz ayrıca iletebilirim.` +
        signature(w, 'Satın Alma'),
    };
  },
  (rng, w, staff) => {
    const no = `SP-${rng.int(2400, 2999)}`;
    return {
      subject: `Sipariş onayı ${no}`,
      text:
        `${greetingTo(staff)}\n\nDünkü görüşmemizde konuştuğumuz şekilde ${no} numaralı siparişimizi onaylıyoruz. ` +
        `Proforma faturayı muhasebemize de iletmenizi rica ederim. Sevkiyatın ay sonuna kadar yapılması bizim için önemli.` +
        signature(w),
    };
  },
  (rng, w, staff) => {
    const day = rng.pick(['salı', 'çarşamba', 'perşembe', 'cuma']);
    const hour = rng.pick(['10:00', '11:30', '14:00', '15:30']);
    return {
      subject: 'Toplantı talebi',
      text:
        `${greetingTo(staff)}\n\nYeni dönem ihtiyaçlarımızı konuşmak üzere önümüzdeki hafta ${day} günü saat ${hour}'te ` +
        `sizi ofisimizde ağırlamak isteriz. Uygun değilse size uyan bir saati yazarsanız ona göre planlarız.` +
        signature(w),
    };
  },
  (rng, w, staff) => {
    const product = rng.pick(PRODUCTS);
    return {
      subject: `Teslimat gecikmesi hk. (${product})`,
      text:
        `${greetingTo(staff)}\n\nGeçen hafta teslim edilmesi gereken ${product} hâlâ elimize ulaşmadı. ` +
        `Üretim planımız buna bağlı olduğu için durumu acilen öğrenmemiz gerekiyor. Kargo takip numarasını paylaşabilir misiniz?` +
        signature(w),
    };
  },
  (rng, w, staff) => ({
    subject: `Fatura ${rng.int(100, 999)}/${rng.int(10, 99)} hakkında`,
    text:
      `${greetingTo(staff)}\n\nSon faturanızda birim fiyat teklifteki tutardan farklı görünüyor. ` +
      `Kontrol edip düzeltilmiş faturayı gönderebilir misiniz? Ödemeyi düzeltme gelince talimatlandıracağız.` +
      signature(w, 'Muhasebe'),
  }),
  (rng, w, staff) => ({
    subject: 'Numune ve katalog',
    text:
      `${greetingTo(staff)}\n\nFuarda görüştüğümüz ${rng.pick(PRODUCTS)} için numune ve güncel kataloğunuzu ` +
      `gönderebilirseniz ekibimizle birlikte değerlendirmek isteriz.` +
      signature(w),
  }),
  (rng, w, staff) => ({
    subject: 'Servis randevusu',
    text:
      `${greetingTo(staff)}\n\nGeçen yıl aldığımız ${rng.pick(PRODUCTS)} için yıllık bakım zamanı geldi. ` +
      `Teknik ekibinizin gelebileceği tarihleri paylaşır mısınız?` +
      signature(w),
  }),
];

export function topicMail(rng: Random, writer: Writer, staff: string | null): MailText {
  return rng.pick(TOPICS)(rng, writer, staff);
}

/** The sender's answer after the firm replied: the conversation goes on. */
export function followUpMail(rng: Random, writer: Writer, subject: string): MailText {
  const text = rng.pick([
    'Hızlı dönüşünüz için teşekkür ederim. Bilgileri ekibimizle paylaştım; bu hafta içinde kesin cevabımızı ileteceğiz.',
    'Teşekkürler, bu şekilde uygundur. Ayrıntıları görüşmede netleştirelim.',
    'Bilgi için teşekkürler. Yalnız teslim tarihini bir hafta öne çekmemiz mümkün mü?',
  ]);
  return { subject: reSubject(subject), text: `Merhabalar,\n\n${text}${signature(writer)}` };
}

export const reSubject = (subject: string) => (/^(ynt|re):/i.test(subject) ? subject : `Ynt: ${subject}`);

/** A member of staff answering, signed with their name and the firm. */
export function replyText(rng: Random, to: Writer, staffName: string, original: { text: string; at: string }): string {
  const body = rng.pick([
    'Talebinizi aldık, teşekkür ederiz. Teklifimizi yarın gün sonuna kadar ileteceğim.',
    'Konuyu hemen inceledim; sevkiyatınız yarın sabah yola çıkıyor, takip numarasını ayrıca paylaşacağım.',
    'Önerdiğiniz tarih bizim için uygundur, takvimime ekledim. Görüşmek üzere.',
    'Faturayı kontrol ettirdim, düzeltilmiş hâlini muhasebenize ileteceğiz. Anlayışınız için teşekkürler.',
    'Katalog ve numune için kargo hazırlığı yapıyoruz; bu hafta içinde elinizde olur.',
    'Teknik ekibimiz için önümüzdeki hafta salı ve perşembe günleri uygun; hangisini tercih edersiniz?',
  ]);
  const quoted = original.text
    .split('\n')
    .slice(0, 6)
    .map((line) => `> ${line}`)
    .join('\n');
  return (
    `${to.address},\n\n${body}\n\nİyi çalışmalar,\n${staffName}\nKartotek Demo A.Ş.\n\n` +
    `${turkishDateTime(original.at)} tarihinde ${to.name} yazdı:\n${quoted}`
  );
}

function turkishDateTime(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() + 3 * 3600_000); // Türkiye is UTC+3 all year
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}.${pad(local.getUTCMonth() + 1)}.${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Someone at an institution nobody has a card for yet (linked by the institution's mail domain). */
export function colleagueMail(rng: Random, writer: Writer, department: string): MailText {
  return rng.pick<() => MailText>([
    () => ({
      subject: 'Cari hesap mutabakatı',
      text:
        `Merhabalar,\n\nAy sonu cari hesap mutabakatı için ekstrenizi rica ederiz. Bakiyemiz kayıtlarımıza göre ` +
        `${rng.int(12, 95)}.${rng.int(100, 999)},00 TL görünmektedir.` +
        signature(writer, department),
    }),
    () => ({
      subject: 'Sevk adresi değişikliği',
      text:
        `Merhabalar,\n\nBundan sonraki sevkiyatlarınızı yeni depomuza yapmanızı rica ederiz. Adres bilgisi ` +
        `irsaliyede yer alacak; sorunuz olursa bana yazabilirsiniz.` +
        signature(writer, department),
    }),
    () => orderTableMail(rng, writer, department),
  ])();
}

/** An order list the way a purchasing department's mail program sends it: an HTML table. */
function orderTableMail(rng: Random, writer: Writer, department: string): MailText {
  const items = rng.sample([...PRODUCTS], 3).map((p) => [p, rng.int(2, 30)] as const);
  const rows = items.map(([p, n]) => `<tr><td>${p}</td><td style="text-align:right">${n}</td></tr>`).join('');
  const text =
    `Merhabalar,\n\nAşağıdaki kalemler için güncel fiyat ve stok bilgisi rica ederiz:\n\n` +
    items.map(([p, n]) => `- ${p}: ${n} adet`).join('\n') +
    signature(writer, department);
  const html =
    `<html><body style="font-family:Arial,sans-serif;font-size:14px"><p>Merhabalar,</p>` +
    `<p>Aşağıdaki kalemler için güncel fiyat ve stok bilgisi rica ederiz:</p>` +
    `<table border="1" cellpadding="6" style="border-collapse:collapse"><tr><th>Ürün</th><th>Adet</th></tr>${rows}</table>` +
    `<p>Saygılarımla,<br><b>${writer.name}</b><br>${department}${writer.institution ? `<br>${writer.institution}` : ''}</p>` +
    `</body></html>`;
  return { subject: 'Stok ve fiyat bilgisi', text, html };
}

/** Mail from people nobody at the firm knows yet (gmail, hotmail…): waits unfiled for someone to file it. */
export const STRANGER_MAILS: readonly ((w: Writer) => MailText)[] = [
  (w) => ({
    subject: 'İş başvurusu — satış temsilcisi',
    text: `Merhaba,\n\nİlanınızdaki satış temsilcisi pozisyonu için başvurmak istiyorum. Özgeçmişimi bilgilerinize sunarım.${signature(w)}`,
  }),
  (w) => ({
    subject: 'Fiyat bilgisi',
    text: `İyi günler,\n\nKüçük bir işletmeyiz; paslanmaz tezgâh fiyatlarınızı öğrenebilir miyim? Kargo ile gönderim yapıyor musunuz?${signature(w)}`,
  }),
  (w) => ({
    subject: 'Bayilik hakkında',
    text: `Merhabalar,\n\nBursa bölgesinde ürünlerinizin bayiliğini almak istiyoruz. Bayilik koşullarınızı paylaşabilir misiniz?${signature(w)}`,
  }),
  (w) => ({
    subject: 'Ürün iadesi',
    text: `Merhaba,\n\nİnternetten aldığım raf ünitesinin bir ayağı kırık geldi. İade ya da değişim için ne yapmam gerekiyor?${signature(w)}`,
  }),
  (w) => ({
    subject: 'Staj başvurusu',
    text: `Sayın yetkili,\n\nMakine mühendisliği 3. sınıf öğrencisiyim; yaz dönemi için zorunlu staj yapabileceğim bir yer arıyorum.${signature(w)}`,
  }),
  (w) => ({
    subject: 'Tanışma: endüstriyel temizlik hizmetleri',
    text: `Merhaba,\n\nFabrika ve depolar için endüstriyel temizlik hizmeti veriyoruz. Kısa bir tanışma görüşmesi yapabilir miyiz?${signature(w)}`,
    html:
      `<div style="font-family:Verdana,sans-serif"><p>Merhaba,</p><p>Fabrika ve depolar için <b>endüstriyel temizlik</b> ` +
      `hizmeti veriyoruz. Kısa bir tanışma görüşmesi yapabilir miyiz?</p>` +
      `<p><img src="https://example.com/logo.png" alt="logo" width="120"></p>` +
      `<p>Saygılarımla,<br>${w.name}</p></div>`,
  }),
  (w) => ({
    subject: 'Geçen ayki fuar',
    text: `Merhaba,\n\nFuarda standınıza uğramıştım, kartınızı kaybettim. Konveyör sistemleri için kiminle görüşebilirim?${signature(w)}`,
  }),
  (w) => ({
    subject: 'Teklif formu',
    text: `İyi çalışmalar,\n\nWeb sitenizdeki teklif formu hata veriyor, bu yüzden e-posta ile yazıyorum. Soğuk oda paneli için fiyat rica ederim.${signature(w)}`,
  }),
];

export const MAILING = {
  subject: 'Yeni yıl kataloğu',
  body:
    '{hitap},\n\nYeni yıl kataloğumuz yayında: endüstriyel mutfak, depolama ve paketleme ürünlerimizin güncel ' +
    'fiyatlarını ve yeni modellerimizi www.kartotekdemo.com.tr/katalog adresinde bulabilirsiniz.\n\n' +
    'Sorularınız için bu iletiyi yanıtlamanız yeterli (referans: {referans}).\n\nSaygılarımızla,\nKartotek Demo A.Ş.',
} as const;

/** The mail server's delivery report for one mailing recipient. */
export function bounceMail(address: string, subject: string): MailText {
  return {
    subject: 'Undelivered Mail Returned to Sender',
    text:
      `This is the mail system at host mx.kartotekdemo.com.tr.\n\nI'm sorry to have to inform you that your message ` +
      `could not be delivered to one or more recipients.\n\n<${address}>: host said: 550 5.1.1 <${address}>: ` +
      `Recipient address rejected: User unknown in virtual mailbox table\n\nOriginal subject: ${subject}`,
  };
}
