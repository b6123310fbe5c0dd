import type { TFunction } from 'i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriteriaCategory } from '../../../src-shared/contract/criteria';
import { criterionTarget, importTargets, parseTarget } from '../../../src-shared/contract/transfer';

/**
 * How the mapping select names a fixed target ("Cep telefonu", "İş adresi 1: il",
 * "Kurum 2: görev"); criteria fields are named by targetOptions from their definitions.
 */
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
    case 'owner':
      return t('transfer.targets.owner');
    case 'tags':
      return t('transfer.targets.tags');
    case 'criterion':
      return target;
  }
}

const GROUP_OF = {
  scalar: 'card',
  phone: 'phones',
  email: 'emails',
  address: 'addresses',
  iban: 'ibans',
  affiliation: 'affiliations',
  owner: 'ownerTags',
  tags: 'ownerTags',
} as const;

export interface TargetGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The select's options, grouped as the card form groups its fields, then one
 * group per criteria category with its fields (in the admin's order).
 */
export function targetOptions(t: TFunction, cardType: CardType, criteria: readonly CriteriaCategory[] = []) {
  const groups = new Map<string, TargetGroup['items']>();
  for (const target of importTargets(cardType)) {
    const group = parseTarget(target).group as keyof typeof GROUP_OF;
    const name = t(`transfer.groups.${GROUP_OF[group]}`);
    const items = groups.get(name) ?? [];
    items.push({ value: target, label: targetLabel(t, target) });
    groups.set(name, items);
  }
  const fixed: TargetGroup[] = [...groups].map(([group, items]) => ({ group, items }));
  const categories: TargetGroup[] = criteria
    .filter((c) => c.fields.length > 0)
    .map((c) => ({
      // Mantine needs unique group names; a category named like a card group gets a marker.
      group: groups.has(c.name) ? t('transfer.groups.criteria', { name: c.name }) : c.name,
      // "Kategori › Alan", as the export's header: the chosen value alone in the select must say which.
      items: c.fields.map((f) => ({ value: criterionTarget(f.id), label: `${c.name} › ${f.name}` })),
    }));
  return [...fixed, ...categories];
}
