import { DEFAULT_TIME_ZONE, dayIn } from '../../../src-shared/domain/zoned-time';
import { useCall } from '../../app/contract-hooks';

/**
 * The firm's today (YYYY-MM-DD) in its time zone (planner.settings), the day main calls "today" for past dates,
 * overdue ones and reminders, wherever this computer's clock is set. Europe/Istanbul until the settings answer.
 */
export function useFirmToday(): string {
  const { data } = useCall('planner.settings', {});
  return dayIn(new Date(), data?.timeZone ?? DEFAULT_TIME_ZONE);
}
