/**
 * The camera for "Kameradan çek": Electron asks for 'media' with the kinds of
 * device wanted. Video alone is allowed (the app never records sound), and only
 * for the app's own page (the caller checks the origin). A check without a kind
 * (enumerateDevices asking whether it may show the cameras' names) is treated
 * as video, the only kind the app asks for.
 */
export function cameraPermissionAllowed(permission: string, mediaTypes: readonly string[] | undefined): boolean {
  if (permission !== 'media') return false;
  const kinds = mediaTypes?.filter((kind) => kind !== 'unknown') ?? [];
  return kinds.every((kind) => kind === 'video');
}
