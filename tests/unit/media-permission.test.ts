import { describe, expect, it } from 'vitest';
import { cameraPermissionAllowed } from '../../src-main/host/media-permission';

describe('camera permission', () => {
  it('allows the camera alone', () => {
    expect(cameraPermissionAllowed('media', ['video'])).toBe(true);
    // enumerateDevices checks without a kind; the app asks for nothing but video.
    expect(cameraPermissionAllowed('media', undefined)).toBe(true);
    expect(cameraPermissionAllowed('media', ['unknown'])).toBe(true);
  });

  it('refuses the microphone, with or without the camera, and every other permission', () => {
    expect(cameraPermissionAllowed('media', ['audio'])).toBe(false);
    expect(cameraPermissionAllowed('media', ['video', 'audio'])).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture']) {
      expect(cameraPermissionAllowed(permission, ['video'])).toBe(false);
    }
  });
});
