import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';

export interface CardTab {
  /** Also the value of ?tab= in the address. */
  value: string;
  label: string;
  panel: ReactNode;
}

/**
 * The sections of a card as tabs. The open tab lives in the address (?tab=…),
 * so back/forward and reload keep it; the first tab is the address without it.
 * Only the open tab is rendered, so a card opens with just what is on screen.
 */
export function CardTabs({ tabs }: { tabs: CardTab[] }) {
  const [params, setParams] = useSearchParams();
  const first = tabs[0]?.value;
  const requested = params.get('tab');
  const active = tabs.some((tab) => tab.value === requested) ? requested : first;
  const open = (value: string | null) => {
    if (!value || value === active) return;
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === first) next.delete('tab');
      else next.set('tab', value);
      return next;
    });
  };
  return (
    <Tabs value={active} onChange={open} keepMounted={false}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} data-testid={`tab-${tab.value}`}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
