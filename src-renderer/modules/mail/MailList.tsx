import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Center, Loader, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../src-shared/contract';
import type { MailSummary } from '../../../src-shared/contract/mail';
import { MAIL_ROW_HEIGHT, MailRow } from './MailRow';
import { useMailPages } from './useMailPages';
import classes from './mail.module.css';

/** A virtualised list of mail: only the rows on screen are drawn, and fetched in blocks as they come into view. */
export function MailList(props: {
  filter: Omit<CallInput<'mail.list'>, 'offset' | 'limit'>;
  selectedId: string | null;
  onOpen: (mail: MailSummary) => void;
  empty: string;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState({ start: 0, end: 30 });
  const pages = useMailPages(props.filter, visible);
  const total = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => MAIL_ROW_HEIGHT,
    overscan: 8,
    onChange: (v) => {
      const items = v.getVirtualItems();
      if (items.length) setVisible({ start: items[0]!.index, end: items[items.length - 1]!.index });
    },
  });
  return (
    <div className={classes.list} ref={scrollRef} role="list" aria-label={t('mail.listLabel')} data-testid="mail-list">
      {pages.error ? (
        <Text c="red" p="md" size="sm">
          {pages.error.message}
        </Text>
      ) : pages.total === null ? (
        <Center h={160}>
          <Loader size="sm" />
        </Center>
      ) : total === 0 ? (
        <Center h={160} px="md">
          <Text c="dimmed" size="sm" ta="center" data-testid="mail-empty">
            {props.empty}
          </Text>
        </Center>
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const mail = pages.getRow(item.index);
            return (
              <div
                key={mail?.id ?? `placeholder-${item.index}`}
                role="listitem"
                style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: MAIL_ROW_HEIGHT }}
              >
                {mail ? (
                  <MailRow mail={mail} selected={mail.id === props.selectedId} onOpen={() => props.onOpen(mail)} />
                ) : (
                  <Skeleton h={MAIL_ROW_HEIGHT - 12} m={6} />
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
