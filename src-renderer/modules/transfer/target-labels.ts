import type { TFunction } from 'i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import { importTargets, parseTarget } from '../../../src-shared/contract/transfer';

/** How the mapping select names a target ("Cep telefonu", "İş adresi 1: il", "Kurum 2: görev"). */
export function targetLabel(t: TFunction, target: string): string {
  const p = parseTarget(target);
  switch (p.group) {
    case 'scalar':
      return t(`transfer.targets.${p.field}`);
    case 'phone':
      return t('transfer.targets.phone', { kind: t(`transfer.phoneKinds.${p.kind}`) });
    case 'email':
      return t('transfer.targets.email', { kind: t(`transfer.emailKinds.${p.kind}`) });
    case 'address':
      return t('transfer.targets.address', {
        kind: t(`transfer.addressKinds.${p.kind}`),
        n: p.slot,
        part: t(`transfer.addressParts.${p.part}`),
      });
    case 'iban':
      return t(p.part === 'iban' ? 'transfer.targets.iban' : 'transfer.targets.ibanBank', { n: p.slot });
    case 'affiliation':
      return t(`transfer.targets.${p.part}`, { n: p.slot });
  }
}

const GROUP_OF = {
  scalar: 'card',
  phone: 'phones',
  email: 'emails',
  address: 'addresses',
  iban: 'ibans',
  affiliation: 'affiliations',
} as const;

/** The select's options, grouped as the card form groups its fields. */
export function targetOptions(t: TFunction, cardType: CardType) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const target of importTargets(cardType)) {
    const group = t(`transfer.groups.${GROUP_OF[parseTarget(target).group]}`);
    const items = groups.get(group) ?? [];
    items.push({ value: target, label: targetLabel(t, target) });
    groups.set(group, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
