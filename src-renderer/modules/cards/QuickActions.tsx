import type { ReactNode } from 'react';
import { ActionIcon, Button, Menu, Tooltip } from '@mantine/core';
import { IconCamera, IconChevronDown, IconExternalLink, IconNote, IconPaperclip, IconPhone } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-shared/contract/cards';
import { CardFileIntake } from '../documents/CardFileIntake';
import { SendButtons } from '../mailings/SendButtons';

type Phone = Person['phones'][number];
type Email = Person['emails'][number];

/** A dialable number: E.164 where it was understood, else the digits as typed. */
export const telHref = (phone: Phone) => `tel:${phone.e164 ?? phone.number.replace(/[^\d+]/g, '')}`;

/** The primary address first, then the others in their order. */
const primaryFirst = (emails: Email[]) => [...emails].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

/**
 * Call, mail and note from the card's header. The desktop host hands tel: and
 * mailto: to the operating system (phone app, mail program). "Not ekle" opens the
 * card's Notlar tab with a new meeting note's editor. With several
 * numbers or addresses a menu shows each with its kind. "Dosya ekle" opens the
 * card's documents tab with the file picker, "Kameradan çek" with the camera.
 * Files pasted or dropped on the card screen are filed here too (not on a binned card,
 * like the actions).
 */
export function QuickActions({
  cardId,
  name = '',
  phones,
  emails,
}: {
  cardId: string;
  /** The card's name, shown on the recipient chips of "E-posta gönder" / "SMS gönder". */
  name?: string;
  phones: Phone[];
  emails: Email[];
}) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  return (
    <>
      <LinkOrMenu
        testId="quick-call"
        label={t('timeline.quick.call')}
        icon={<IconPhone size={16} />}
        links={phones.map((p) => ({
          key: p.id,
          href: telHref(p),
          text: `${t(`cards.phoneKinds.${p.kind}`)} · ${p.display}`,
        }))}
      />
      {/* An icon named for where it leads (the OS mail program), so it is not mistaken for the app's own
          "E-posta gönder" beside it. */}
      <LinkOrMenu
        testId="quick-mail"
        label={t('mailings.compose.openInMailApp')}
        iconOnly
        icon={<IconExternalLink size={18} />}
        links={primaryFirst(emails).map((e) => ({
          key: e.id,
          href: `mailto:${e.address}`,
          text: `${t(`cards.emailKinds.${e.kind}`)} · ${e.address}`,
        }))}
      />
      <SendButtons card={{ id: cardId, displayName: name, emails, phones }} />
      <Button
        variant="light"
        leftSection={<IconNote size={16} />}
        onClick={() => setParams({ tab: 'notes', new: '1' })}
        data-testid="quick-note"
      >
        {t('timeline.quick.addNote')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconPaperclip size={16} />}
        onClick={() => setParams({ tab: 'documents', pick: '1' })}
        data-testid="quick-attach"
      >
        {t('timeline.quick.attach')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconCamera size={16} />}
        onClick={() => setParams({ tab: 'documents', camera: '1' })}
        data-testid="quick-camera"
      >
        {t('documents.filing.camera.action')}
      </Button>
      <CardFileIntake cardId={cardId} />
    </>
  );
}

interface QuickLink {
  key: string;
  href: string;
  text: string;
}

/** One link as a button; several as a menu of links; none: nothing (no dead button). */
function LinkOrMenu(props: { testId: string; label: string; icon: ReactNode; links: QuickLink[]; iconOnly?: boolean }) {
  const [only, ...others] = props.links;
  if (!only) return null;
  if (props.iconOnly) {
    const single = others.length === 0;
    const target = (
      <Tooltip label={single ? `${props.label}: ${only.text}` : props.label} withArrow>
        <ActionIcon
          {...(single ? { component: 'a' as const, href: only.href } : {})}
          variant="light"
          size={36}
          aria-label={props.label}
          data-testid={props.testId}
        >
          {props.icon}
        </ActionIcon>
      </Tooltip>
    );
    if (single) return target;
    return (
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>{target}</Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{props.label}</Menu.Label>
          {props.links.map((link) => (
            <Menu.Item key={link.key} component="a" href={link.href} data-testid={`${props.testId}-option`}>
              {link.text}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    );
  }
  if (others.length === 0) {
    return (
      <Button
        component="a"
        href={only.href}
        variant="light"
        leftSection={props.icon}
        title={only.text}
        data-testid={props.testId}
      >
        {props.label}
      </Button>
    );
  }
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={props.icon}
          rightSection={<IconChevronDown size={14} />}
          data-testid={props.testId}
        >
          {props.label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {props.links.map((link) => (
          <Menu.Item key={link.key} component="a" href={link.href} data-testid={`${props.testId}-option`}>
            {link.text}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
