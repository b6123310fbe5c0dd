import { Badge } from '@mantine/core';
import { useCall } from '../../app/contract-hooks';
import { useInboxLiveUpdates } from './useInboxLiveUpdates';

/** How many files wait to be filed, beside the menu entry; nothing when none. */
export function InboxNavBadge() {
  useInboxLiveUpdates();
  const { data } = useCall('inbox.count', {});
  if (!data?.waiting) return null;
  return (
    <Badge size="sm" variant="filled" circle={data.waiting < 10} data-testid="inbox-count">
      {data.waiting}
    </Badge>
  );
}
