import type { Widen } from '../../app/i18n/widen';

/** Words of the other ways files come in (paste, camera, list rows) and of document tags. */
export const filingTr = {
  tags: {
    label: 'Etiketler',
    add: 'Etiket ekle',
    edit: 'Etiketleri düzenle',
    placeholder: 'Etiket yazıp Enter’a basın',
    limit: 'En fazla {{max}} etiket, her biri en fazla {{length}} karakter',
    saved: '"{{name}}" belgesinin etiketleri kaydedildi.',
  },
  paste: {
    imageName: 'Yapıştırılan görüntü',
  },
  cardDrop: 'Dosyaları bu karta eklemek için bırakın',
  camera: {
    action: 'Kameradan çek',
    title: 'Kameradan belge çek',
    device: 'Kamera',
    starting: 'Kamera açılıyor…',
    capture: 'Çek',
    retake: 'Yeniden çek',
    rotateLeft: 'Sola döndür',
    rotateRight: 'Sağa döndür',
    cropHint: 'Belgeyi kırpmak için fareyle bir dikdörtgen çizin.',
    resetCrop: 'Kırpmayı kaldır',
    save: 'Kaydet',
    fileName: 'Kamera',
    errors: {
      noCamera: 'Bu bilgisayarda kamera bulunamadı. Bir kamera takıp yeniden deneyin.',
      denied:
        'Kameraya erişim izni verilmedi. İşletim sisteminin gizlilik ayarlarında Kartotek’in kamerayı kullanmasına izin verin.',
      busy: 'Kamera başka bir program tarafından kullanılıyor. O programı kapatıp yeniden deneyin.',
      unsupported: 'Bu ortamda kamera kullanılamıyor.',
      other: 'Kamera açılamadı: {{reason}}',
    },
    retry: 'Yeniden dene',
  },
  rowDrop: {
    attaching_one: '"{{name}}" kartına {{count}} dosya ekleniyor…',
    attaching_other: '"{{name}}" kartına {{count}} dosya ekleniyor…',
    attached_one: '"{{name}}" kartına {{count}} dosya eklendi.',
    attached_other: '"{{name}}" kartına {{count}} dosya eklendi.',
    partly: '"{{name}}" kartına {{done}}/{{count}} dosya eklendi; diğerleri eklenemedi.',
  },
};

export const filingEn: Widen<typeof filingTr> = {
  tags: {
    label: 'Tags',
    add: 'Add tag',
    edit: 'Edit tags',
    placeholder: 'Type a tag and press Enter',
    limit: 'At most {{max}} tags, each at most {{length}} characters',
    saved: 'Tags of "{{name}}" saved.',
  },
  paste: {
    imageName: 'Pasted image',
  },
  cardDrop: 'Drop the files to attach them to this card',
  camera: {
    action: 'Take with camera',
    title: 'Take a document with the camera',
    device: 'Camera',
    starting: 'Starting the camera…',
    capture: 'Capture',
    retake: 'Retake',
    rotateLeft: 'Rotate left',
    rotateRight: 'Rotate right',
    cropHint: 'Drag a rectangle with the mouse to crop the document.',
    resetCrop: 'Remove crop',
    save: 'Save',
    fileName: 'Camera',
    errors: {
      noCamera: 'No camera was found on this computer. Connect one and try again.',
      denied: 'Access to the camera was not allowed. Allow Kartotek to use the camera in the system privacy settings.',
      busy: 'The camera is in use by another program. Close that program and try again.',
      unsupported: 'A camera cannot be used here.',
      other: 'The camera could not be started: {{reason}}',
    },
    retry: 'Try again',
  },
  rowDrop: {
    attaching_one: 'Attaching {{count}} file to "{{name}}"…',
    attaching_other: 'Attaching {{count}} files to "{{name}}"…',
    attached_one: '{{count}} file attached to "{{name}}".',
    attached_other: '{{count}} files attached to "{{name}}".',
    partly: '{{done}} of {{count}} files attached to "{{name}}"; the others could not be attached.',
  },
};
