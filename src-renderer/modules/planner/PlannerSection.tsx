import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

/** One card of the "Bugün" screen: a title with its count, the rows, or a sentence when there are none. */
export function PlannerSection(props: {
  id: string;
  icon: Icon;
  color: string;
  title: string;
  count: number;
  /** Red count: something is overdue. */
  alert?: boolean;
  empty: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const SectionIcon = props.icon;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`planner-${props.id}`}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <SectionIcon size={20} color={`var(--mantine-color-${props.color}-6)`} />
          <Title order={4} style={{ flex: 1 }}>
            {props.title}
          </Title>
          <Badge
            variant={props.count > 0 ? 'filled' : 'light'}
            color={props.alert ? 'red' : props.count > 0 ? props.color : 'gray'}
            data-testid={`planner-${props.id}-count`}
          >
            {props.count}
          </Badge>
        </Group>
        {props.count === 0 ? (
          <Text size="sm" c="dimmed" data-testid={`planner-${props.id}-empty`}>
            {props.empty}
          </Text>
        ) : (
          <Stack gap={0}>{props.children}</Stack>
        )}
        {props.footer}
      </Stack>
    </Paper>
  );
}

/** A row inside a section: a hairline between rows, actions on the right. */
export function PlannerRow(props: { children: ReactNode; actions?: ReactNode; testId: string }) {
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      align="flex-start"
      py={8}
      gap="sm"
      data-testid={props.testId}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        {props.children}
      </Stack>
      {props.actions}
    </Group>
  );
}
