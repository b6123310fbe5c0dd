import { Badge } from '@mantine/core';
import { useCall } from '../../app/contract-hooks';

/** How many complaints are still open, beside "Şikayetler" in the menu; nothing when none. */
export function ComplaintsNavBadge() {
  const { data } = useCall('notes.list', { kind: 'complaint', complaintStatus: 'open', limit: 1 });
  if (!data?.total) return null;
  return (
    <Badge size="sm" color="red" variant="filled" circle={data.total < 10} data-testid="complaints-badge">
      {data.total}
    </Badge>
  );
}
