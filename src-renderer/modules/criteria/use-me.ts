import { useCall } from '../../app/contract-hooks';

/**
 * The acting user. Admin-only controls are hidden for others; main checks the
 * role again on every call, so this is a convenience, never the guard.
 */
export function useMe() {
  const { data } = useCall('users.me', {});
  return { me: data, isAdmin: data?.role === 'admin' };
}
