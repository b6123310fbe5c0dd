import {
  IconBuildingStore,
  IconCar,
  IconDots,
  IconMail,
  IconPhone,
  IconUsers,
  IconVideo,
  type Icon,
} from '@tabler/icons-react';
import type { COMPLAINT_STATUSES, NOTE_CHANNELS } from '../../../src-shared/contract/notes';

type Channel = (typeof NOTE_CHANNELS)[number];
type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** How each channel looks in lists and the editor: typed by the contract, so a new channel needs its icon. */
export const CHANNEL_ICONS: Record<Channel, Icon> = {
  face_to_face: IconUsers,
  phone: IconPhone,
  video: IconVideo,
  email: IconMail,
  visit_theirs: IconCar,
  visit_ours: IconBuildingStore,
  other: IconDots,
};

/** Open is the alarm, in progress the reminder, resolved done. */
export const STATUS_COLORS: Record<ComplaintStatus, string> = {
  open: 'red',
  in_progress: 'yellow',
  resolved: 'green',
};
