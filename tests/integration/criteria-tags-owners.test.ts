import { describe, expect, it } from 'vitest';
import { criteriaTestApp } from './criteria-helpers';

const { state, call, callError, as, rows } = criteriaTestApp();

const person = (firstName: string, extra: Record<string, unknown> = {}) =>
  call('cards.createPerson', { firstName, lastName: 'Yılmaz', ...extra });

describe('tags', () => {
  it('keeps one tag per Turkish-folded spelling, on a card and across cards', async () => {
    const a = await person('Ayşe');
    const b = await person('Burak');
    const firm = await call('cards.createInstitution', { title: 'Marmara Gıda A.Ş.' });
    const set = await call('criteria.setTags', {
      cardId: a.id,
      tags: ['  VIP ', 'vip', 'İstanbul', 'ISTANBUL', 'Fuar   2026', ''],
    });
    expect(set.tags).toEqual(['Fuar 2026', 'İstanbul', 'VIP']);
    // "istanbul" on another card joins the "İstanbul" already in use.
    expect((await call('criteria.setTags', { cardId: b.id, tags: ['istanbul', 'Bayi'] })).tags).toEqual([
      'Bayi',
      'İstanbul',
    ]);
    await call('criteria.setTags', { cardId: firm.id, tags: ['vıp'] });
    expect(await call('criteria.getTags', { cardId: firm.id })).toEqual({ cardId: firm.id, tags: ['VIP'] });
    expect((await call('criteria.listTags', {})).tags).toEqual([
      { tag: 'Bayi', count: 1 },
      { tag: 'Fuar 2026', count: 1 },
      { tag: 'İstanbul', count: 2 },
      { tag: 'VIP', count: 2 },
    ]);
    expect((await call('criteria.listTags', { cardType: 'institution' })).tags).toEqual([{ tag: 'VIP', count: 1 }]);
    // Cards in the recycle bin are not counted.
    await call('cards.delete', { id: b.id });
    expect((await call('criteria.listTags', { cardType: 'person' })).tags.map((t) => [t.tag, t.count])).toEqual([
      ['Fuar 2026', 1],
      ['İstanbul', 1],
      ['VIP', 1],
    ]);
    expect(
      state.events.filter((e) => e.name === 'cards.changed' && (e.payload as { action: string }).action === 'updated'),
    ).toHaveLength(3);
  });

  it('audits a change with before and after, and refuses long tags and too many of them', async () => {
    const a = await person('Ayşe');
    await call('criteria.setTags', { cardId: a.id, tags: ['VIP'] });
    await call('criteria.setTags', { cardId: a.id, tags: ['VIP', 'Bayi'] });
    await call('criteria.setTags', { cardId: a.id, tags: ['Bayi', 'vip'] });
    // The same tags in another order change nothing (no audit row).
    await call('criteria.setTags', { cardId: a.id, tags: ['vip', 'Bayi'] });
    const audit = rows<{ before: string; after: string }>(
      "select before, after from audit_log where action = 'set_tags' and entity_id = ? order by at",
      a.id,
    );
    expect(audit.map((r) => [JSON.parse(r.before), JSON.parse(r.after)])).toEqual([
      [[], ['VIP']],
      [['VIP'], ['Bayi', 'VIP']],
      // No other card carries "VIP": a new spelling on its only card is a respelling, and it is kept.
      [
        ['Bayi', 'VIP'],
        ['Bayi', 'vip'],
      ],
    ]);

    const long = 'Ç'.repeat(41);
    expect(await callError('criteria.setTags', { cardId: a.id, tags: ['Bayi', long] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `"${long}…" etiketi çok uzun: en fazla 40 karakter olabilir.`,
    });
    const many = Array.from({ length: 31 }, (_, i) => `Etiket ${i + 1}`);
    expect(await callError('criteria.setTags', { cardId: a.id, tags: many })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Bir kartta en fazla 30 etiket olabilir (31 verildi).',
    });
    // 31 spellings of 30 tags are fine.
    expect(
      (await call('criteria.setTags', { cardId: a.id, tags: [...many.slice(0, 30), 'etiket 1'] })).tags,
    ).toHaveLength(30);
  });
});

describe('card owners', () => {
  it('sets, reads, keeps and clears the owner of persons and institutions', async () => {
    const staff = await call('users.create', { name: 'Gizem Çakır', email: 'Gizem@Firma.com.tr', role: 'staff' });
    expect(staff.email).toBe('gizem@firma.com.tr');
    const me = await call('users.me', {});
    expect(me).toMatchObject({ name: 'Yönetici', role: 'admin' });

    // Whoever files a card owns it unless told otherwise.
    const mine = await person('Ayşe');
    expect(mine).toMatchObject({ ownerId: me.id, ownerName: 'Yönetici' });
    const hers = await person('Burak', { ownerId: staff.id });
    expect(hers).toMatchObject({ ownerId: staff.id, ownerName: 'Gizem Çakır' });

    // An update that says nothing of the owner keeps it; null clears it.
    const kept = await call('cards.updatePerson', { id: hers.id, firstName: 'Burak', lastName: 'Yıldız' });
    expect(kept.ownerName).toBe('Gizem Çakır');
    const cleared = await call('cards.updatePerson', {
      id: hers.id,
      firstName: 'Burak',
      lastName: 'Yıldız',
      ownerId: null,
    });
    expect(cleared).toMatchObject({ ownerId: null, ownerName: null });
    expect(rows('select owner_id as o from cards where id = ?', hers.id)).toEqual([{ o: null }]);

    const firm = await call('cards.createInstitution', { title: 'Ege Tekstil A.Ş.', ownerId: staff.id });
    expect(firm.ownerName).toBe('Gizem Çakır');
    const moved = await call('cards.updateInstitution', { id: firm.id, title: 'Ege Tekstil A.Ş.', ownerId: me.id });
    expect(moved.ownerName).toBe('Yönetici');
    const audit = rows<{ before: string; after: string }>(
      "select before, after from audit_log where action = 'update' and entity_id = ?",
      firm.id,
    )[0]!;
    expect([JSON.parse(audit.before).ownerName, JSON.parse(audit.after).ownerName]).toEqual([
      'Gizem Çakır',
      'Yönetici',
    ]);

    const ghost = '01900000-0000-7000-8000-000000000000';
    expect(await callError('cards.createPerson', { firstName: 'Cem', lastName: 'Ak', ownerId: ghost })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { ownerId: 'Kullanıcı bulunamadı' },
    });
    expect(rows("select count(*) as n from persons where first_name = 'Cem'")).toEqual([{ n: 0 }]);

    const list = (await call('users.list', {})).users;
    expect(list.map((u) => [u.name, u.cardCount])).toEqual([
      ['Gizem Çakır', 0],
      ['Yönetici', 2],
    ]);
  });
});

describe('users', () => {
  it('lets only admins add and change users; everyone may read the list', async () => {
    // An emptied e-mail field means no address.
    const staff = await call('users.create', { name: ' Murat Demirtaş ', email: '', role: 'staff' });
    expect(staff).toMatchObject({ name: 'Murat Demirtaş', email: null, cardCount: 0 });
    const asStaff = as(staff.id);
    expect((await asStaff.call('users.me', {})).role).toBe('staff');
    expect((await asStaff.call('users.list', {})).users).toHaveLength(2);
    const refused = await asStaff.callError('users.create', { name: 'Oğuz Şen', role: 'admin' });
    expect(refused).toEqual({
      code: 'FORBIDDEN',
      message: 'Kullanıcı eklemek için yönetici yetkisi gerekiyor; sizin rolünüz: Personel.',
    });
    expect(
      (await asStaff.callError('users.update', { id: staff.id, name: 'Murat Demirtaş', role: 'admin' })).code,
    ).toBe('FORBIDDEN');
    expect(rows('select name, role from users order by name')).toEqual([
      { name: 'Murat Demirtaş', role: 'staff' },
      { name: 'Yönetici', role: 'admin' },
    ]);

    // Once made an admin by an admin, he may.
    await call('users.update', { id: staff.id, name: 'Murat Demirtaş', email: 'murat@firma.com.tr', role: 'admin' });
    const added = await asStaff.call('users.create', { name: 'Oğuz Şen', role: 'staff' });
    expect(added.role).toBe('staff');
    expect(rows("select count(*) as n from audit_log where entity_type = 'user'")).toEqual([{ n: 3 }]);
  });

  it('keeps at least one admin and one user per e-mail address', async () => {
    const me = await call('users.me', {});
    expect(await callError('users.update', { id: me.id, name: 'Yönetici', role: 'staff' })).toMatchObject({
      code: 'CONFLICT',
      message: '"Yönetici" son yönetici; rolü değiştirilemez. Önce başka bir kullanıcıyı yönetici yapın.',
    });
    await call('users.create', { name: 'Ebru Işıklar', email: 'ebru@firma.com.tr', role: 'staff' });
    expect(
      await callError('users.create', { name: 'Ebru Başka', email: 'EBRU@firma.com.tr', role: 'staff' }),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { email: 'Bu adres "Ebru Işıklar" kullanıcısına ait' } });
    expect(await callError('users.create', { name: '  ', role: 'boss' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { name: 'Ad soyad boş olamaz', role: 'Rol yönetici, müdür veya personel olmalı' },
    });
  });
});
