import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Center, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { NoteOut } from '../../../src-shared/contract/notes';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useMe } from '../criteria/use-me';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import { showUndoNotice } from '../../ui/undo-notice';

/** One note on its own page (from a card's Notlar tab, the timeline, search or the complaints list). */
export function NotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // Only paths inside the app are followed back: the address is typed by anyone.
  const from = params.get('from')?.startsWith('/') ? params.get('from')! : null;
  const { data: note, error, isLoading } = useCall('notes.get', { id });
  useMarkReadOnOpen(note);
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Anchor component={Link} to={from ?? '/complaints'} size="sm" data-testid="note-back">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t(backLabel(from))}
        </Group>
      </Anchor>
      {(error || !note) && <Alert color="orange">{error?.message ?? t('notes.missing')}</Alert>}
      {note && <NoteScreen key={note.id} note={note} from={from} />}
    </Stack>
  );
}

/** The way back says where it leads: the team feed, the complaints list, a card, or just back. */
function backLabel(from: string | null) {
  if (from === null || from.startsWith('/complaints')) return 'notes.complaints.title';
  if (from.startsWith('/notes/team')) return 'notes.team.title';
  if (from.startsWith('/persons') || from.startsWith('/institutions')) return 'notes.backToCard';
  return 'notes.back';
}

/**
 * Opening a note is reading it: the viewer's read state is written once per visit and reader (marking it unread
 * again from elsewhere is not undone while the page stays open). Another user taking the desk while it is open
 * reads it too: read state is per reader.
 */
function useMarkReadOnOpen(note: NoteOut | undefined) {
  const markRead = useMutate('notes.markRead');
  const { me } = useMe();
  const marked = useRef<string | null>(null);
  const { mutate } = markRead;
  useEffect(() => {
    if (!note || !me || note.readAt !== null) return;
    const visit = `${me.id}:${note.id}`;
    if (marked.current === visit) return;
    marked.current = visit;
    mutate({ id: note.id });
  }, [note, me, mutate]);
}

function NoteScreen({ note, from }: { note: NoteOut; from: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutate('notes.delete');
  const restore = useMutate('notes.restore');

  const doRestore = async () => {
    await restore.mutateAsync({ id: note.id });
    notifications.show({ color: 'green', message: t('notes.restoredToast', { title: note.title }) });
  };
  const doDelete = async () => {
    await remove.mutateAsync({ id: note.id });
    setConfirming(false);
    showUndoNotice(t('notes.deletedToast', { title: note.title }), t('common.undo'), doRestore);
    if (from) void navigate(from);
  };

  return (
    <>
      {note.deleted && (
        <Alert color="orange" variant="light" title={t('notes.inBin')}>
          <Button
            size="xs"
            leftSection={<IconRestore size={14} />}
            onClick={() => void doRestore().catch(() => undefined)}
            loading={restore.isPending}
          >
            {t('common.restore')}
          </Button>
        </Alert>
      )}
      <NoteView
        note={note}
        actions={
          !note.deleted && (
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirming(true)}
              >
                {t('common.delete')}
              </Button>
            </Group>
          )
        }
      />
      <NoteEditor opened={editing} onClose={() => setEditing(false)} note={note} />
      <ConfirmDialog
        opened={confirming}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteMessage', { title: note.title })}
        onConfirm={() => void doDelete().catch(() => undefined)}
        onClose={() => setConfirming(false)}
        loading={remove.isPending}
      />
    </>
  );
}
