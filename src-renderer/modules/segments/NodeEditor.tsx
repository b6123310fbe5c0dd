import { ActionIcon, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CriteriaCategory } from '../../../src-shared/contract/criteria';
import {
  otherSide,
  TEXT_OPS,
  type LinkCondition,
  type SegmentCardType,
  type SegmentGroup,
  type SegmentNode,
} from '../../../src-shared/domain/segment-query';
import { foldedFilter } from '../../ui/folded-filter';
import { catalogFor, criterionOps, keyOf, NO_VALUE_OPS, opsOf, type CatalogEntry } from './condition-catalog';
import { useChoiceOptions } from './useChoiceOptions';
import { ChoiceValue, DateValue, NumberValue, TextValue } from './ValueInputs';

/** The criteria definitions of both card types: a link's conditions are about the other side. */
export type CriteriaByType = Record<SegmentCardType, CriteriaCategory[]>;

interface NodeProps<N extends SegmentNode> {
  node: N;
  cardType: SegmentCardType;
  criteria: CriteriaByType;
  onChange: (node: N) => void;
  onRemove?: (() => void) | undefined;
  depth: number;
}

/** A group of conditions: all / any, optionally excluded, with its rows and an "add" menu. */
export function GroupEditor(props: NodeProps<SegmentGroup>) {
  const { t } = useTranslation();
  const { node, cardType, criteria, depth } = props;
  const catalog = catalogFor(cardType, criteria[cardType]);
  const setChild = (i: number, child: SegmentNode) =>
    props.onChange({ ...node, children: node.children.map((c, j) => (j === i ? child : c)) });
  const removeChild = (i: number) => props.onChange({ ...node, children: node.children.filter((_, j) => j !== i) });
  const body = (
    <Stack gap="xs">
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <Select
            aria-label={t('segments.match.all')}
            data={(['all', 'any'] as const).map((m) => ({ value: m, label: t(`segments.match.${m}`) }))}
            value={node.match}
            onChange={(v) => v && props.onChange({ ...node, match: v as 'all' | 'any' })}
            allowDeselect={false}
            w={300}
            size="sm"
          />
          <Checkbox
            label={t('segments.exclude')}
            checked={node.not ?? false}
            onChange={(e) => props.onChange({ ...node, not: e.currentTarget.checked || undefined })}
          />
        </Group>
        {props.onRemove && <RemoveButton onRemove={props.onRemove} />}
      </Group>
      {node.children.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('segments.emptyGroup')}
        </Text>
      )}
      {node.children.map((child, i) => (
        <NodeEditor
          key={i}
          node={child}
          cardType={cardType}
          criteria={criteria}
          onChange={(c) => setChild(i, c)}
          onRemove={() => removeChild(i)}
          depth={depth + 1}
        />
      ))}
      <AddMenu
        catalog={catalog}
        onAdd={(entry) => props.onChange({ ...node, children: [...node.children, entry.create()] })}
      />
    </Stack>
  );
  if (depth === 0) return body;
  return (
    <Paper withBorder p="sm" radius="sm" bg={depth % 2 ? 'gray.0' : undefined}>
      {body}
    </Paper>
  );
}

function NodeEditor(props: NodeProps<SegmentNode>) {
  const { node } = props;
  if (node.type === 'group') return <GroupEditor {...(props as NodeProps<SegmentGroup>)} />;
  if (node.type === 'link') return <LinkEditor {...(props as NodeProps<LinkCondition>)} />;
  return <ConditionRow {...(props as NodeProps<Exclude<SegmentNode, SegmentGroup | LinkCondition>>)} />;
}

function useFieldSelectData(catalog: CatalogEntry[]) {
  const { t } = useTranslation();
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const entry of catalog) {
    const label = entry.label ?? t(entry.labelKey!);
    const group = t(`segments.fieldGroups.${entry.group}`);
    groups.set(group, [...(groups.get(group) ?? []), { value: entry.key, label }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

function AddMenu(props: { catalog: CatalogEntry[]; onAdd: (entry: CatalogEntry) => void }) {
  const { t } = useTranslation();
  const data = useFieldSelectData(props.catalog);
  return (
    <Select
      aria-label={t('segments.addCondition')}
      placeholder={`+ ${t('segments.addCondition')}`}
      data={data}
      value={null}
      onChange={(key) => {
        const entry = props.catalog.find((e) => e.key === key);
        if (entry) props.onAdd(entry);
      }}
      searchable
      filter={foldedFilter}
      w={300}
      size="sm"
      variant="filled"
      data-testid="segment-add-condition"
    />
  );
}

function RemoveButton({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('segments.removeCondition')}>
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('segments.removeCondition')}>
        <IconX size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** One condition: field, operator, value(s). Changing the field starts that field's condition afresh. */
function ConditionRow(props: NodeProps<Exclude<SegmentNode, SegmentGroup | LinkCondition>>) {
  const { t } = useTranslation();
  const { node, cardType, criteria } = props;
  const catalog = catalogFor(cardType, criteria[cardType]).filter((e) => e.key !== 'group');
  const fieldData = useFieldSelectData(catalog);
  const criterion =
    node.type === 'criterion'
      ? criteria[cardType].flatMap((c) => c.fields).find((f) => f.id === node.fieldId)
      : undefined;
  const ops = node.type === 'criterion' ? (criterion ? criterionOps(criterion.kind) : []) : opsOf(node.type);
  const choiceField = node.type === 'choice' ? node.field : '';
  const options = useChoiceOptions(choiceField, cardType);
  const showValue = !NO_VALUE_OPS.has(node.op);

  const value = (() => {
    if (!showValue) return null;
    switch (node.type) {
      case 'text':
        return <TextValue value={node.value ?? ''} onChange={(v) => props.onChange({ ...node, value: v })} />;
      case 'number':
        return (
          <NumberValue
            op={node.op}
            value={node.value}
            value2={node.value2}
            onChange={(v, v2) => props.onChange({ ...node, value: v, value2: v2 })}
          />
        );
      case 'date':
        return (
          <DateValue
            op={node.op}
            value={node.value}
            value2={node.value2}
            onChange={(v, v2) => props.onChange({ ...node, value: v, value2: v2 })}
          />
        );
      case 'choice':
        return (
          <ChoiceValue
            options={options}
            values={node.values ?? []}
            onChange={(v) => props.onChange({ ...node, values: v })}
          />
        );
      case 'criterion':
        return criterion ? (
          <CriterionValue node={node} kind={criterion.kind} options={criterion.options} onChange={props.onChange} />
        ) : null;
    }
  })();

  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="segment-condition">
      <Select
        aria-label={t('segments.pickField')}
        data={fieldData}
        value={keyOf(node)}
        placeholder={criterion || node.type !== 'criterion' ? undefined : t('segments.unknownCriterion')}
        onChange={(key) => {
          const entry = catalog.find((e) => e.key === key);
          if (entry) props.onChange(entry.create() as typeof node);
        }}
        searchable
        filter={foldedFilter}
        allowDeselect={false}
        w={230}
        size="sm"
      />
      <Select
        aria-label={t('segments.operator')}
        data={ops.map((op) => ({ value: op, label: t(`segments.ops.${op}`) }))}
        value={node.op}
        onChange={(op) => op && props.onChange({ ...node, op } as typeof node)}
        allowDeselect={false}
        w={190}
        size="sm"
      />
      {value}
      {props.onRemove && <RemoveButton onRemove={props.onRemove} />}
    </Group>
  );
}

function CriterionValue(props: {
  node: Extract<SegmentNode, { type: 'criterion' }>;
  kind: string;
  options: string[];
  onChange: (node: Extract<SegmentNode, { type: 'criterion' }>) => void;
}) {
  const { node, onChange } = props;
  switch (props.kind) {
    case 'text':
      return (
        <TextValue
          value={typeof node.value === 'string' ? node.value : ''}
          onChange={(v) => onChange({ ...node, value: v })}
        />
      );
    case 'number':
      return (
        <NumberValue
          op={node.op}
          value={typeof node.value === 'number' ? node.value : undefined}
          value2={typeof node.value2 === 'number' ? node.value2 : undefined}
          onChange={(v, v2) => onChange({ ...node, value: v, value2: v2 })}
        />
      );
    case 'date':
      return (
        <DateValue
          op={node.op}
          value={typeof node.value === 'string' ? node.value : undefined}
          value2={typeof node.value2 === 'string' ? node.value2 : undefined}
          onChange={(v, v2) => onChange({ ...node, value: v, value2: v2 })}
        />
      );
    case 'one_of':
    case 'many_of':
      return (
        <ChoiceValue
          options={props.options.map((o) => ({ value: o, label: o }))}
          values={node.values ?? []}
          onChange={(values) => onChange({ ...node, values })}
        />
      );
    default:
      return null;
  }
}

/** "Has a link (role …) to a card that …": the nested group is about the other side. */
function LinkEditor(props: NodeProps<LinkCondition>) {
  const { t } = useTranslation();
  const { node, cardType } = props;
  const other = otherSide(cardType);
  const role = node.role ?? { op: 'contains' as const, value: '' };
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="segment-link">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="md">
            <Text fw={500} size="sm">
              {t(`segments.linkTitle.${cardType}`)}
            </Text>
            <Checkbox
              label={t('segments.linkNot')}
              checked={node.not ?? false}
              onChange={(e) => props.onChange({ ...node, not: e.currentTarget.checked || undefined })}
            />
            <Checkbox
              label={t('segments.linkCurrent')}
              checked={node.current ?? false}
              onChange={(e) => props.onChange({ ...node, current: e.currentTarget.checked || undefined })}
            />
          </Group>
          {props.onRemove && <RemoveButton onRemove={props.onRemove} />}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" w={120}>
            {t('segments.linkRole')}
          </Text>
          <Select
            aria-label={`${t('segments.linkRole')} ${t('segments.operator')}`}
            data={TEXT_OPS.map((op) => ({ value: op, label: t(`segments.ops.${op}`) }))}
            value={role.op}
            onChange={(op) => op && props.onChange({ ...node, role: { ...role, op: op as typeof role.op } })}
            allowDeselect={false}
            w={190}
            size="sm"
          />
          {!NO_VALUE_OPS.has(role.op) && (
            <TextInput
              aria-label={`${t('segments.linkRole')} ${t('segments.value')}`}
              value={role.value ?? ''}
              onChange={(e) => props.onChange({ ...node, role: { ...role, value: e.currentTarget.value } })}
              placeholder="Genel Müdür"
              style={{ flex: 1 }}
              size="sm"
            />
          )}
        </Group>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t(`segments.linkWhere.${cardType}`)}
        </Text>
        <GroupEditor
          node={node.where ?? { type: 'group', match: 'all', children: [] }}
          cardType={other}
          criteria={props.criteria}
          onChange={(where) => props.onChange({ ...node, where })}
          depth={props.depth + 1}
        />
      </Stack>
    </Paper>
  );
}
