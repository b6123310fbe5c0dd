import { useEffect, useState } from 'react';

/** What went wrong with the camera, in the words the modal shows (documents.filing.camera.errors.*). */
export type CameraProblem =
  { kind: 'noCamera' | 'denied' | 'busy' | 'unsupported' } | { kind: 'other'; reason: string };

/** getUserMedia's DOMException names, as Chromium and Electron raise them, to what the user can do about it. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError')
    return { kind: 'noCamera' };
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError')
    return { kind: 'denied' };
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return { kind: 'busy' };
  return { kind: 'other', reason: (error as Error).message || name || String(error) };
}

const REMEMBERED = 'kartotek.camera.deviceId';

function stop(stream: MediaStream | null) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

async function open(deviceId: string | null): Promise<MediaStream> {
  const media = navigator.mediaDevices;
  // A still of a sheet of paper wants detail; the camera gives the nearest it has.
  const size = { width: { ideal: 1920 }, height: { ideal: 1080 } };
  if (!deviceId) return media.getUserMedia({ video: size, audio: false });
  try {
    return await media.getUserMedia({ video: { ...size, deviceId: { exact: deviceId } }, audio: false });
  } catch (error) {
    // The remembered camera was unplugged: any camera is better than an error.
    if (['NotFoundError', 'OverconstrainedError'].includes((error as Error).name)) {
      return media.getUserMedia({ video: size, audio: false });
    }
    throw error;
  }
}

/**
 * The live camera while `active`: opens the chosen (remembered) device, lists
 * the cameras once permission gives them names, and stops every track when
 * inactive or unmounted, so the camera light goes off with the modal.
 */
export function useCameraStream(active: boolean) {
  const [deviceId, setDeviceId] = useState<string | null>(() => localStorage.getItem(REMEMBERED));
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let opened: MediaStream | null = null;
    setProblem(null);
    setStream(null);
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia)
        throw Object.assign(new Error('no mediaDevices'), { name: 'Unsupported' });
      opened = await open(deviceId);
      if (cancelled) return stop(opened);
      setStream(opened);
      const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      if (!cancelled) setDevices(cameras);
    })().catch((error: unknown) => {
      if (cancelled) return;
      setProblem((error as Error).name === 'Unsupported' ? { kind: 'unsupported' } : cameraProblemOf(error));
    });
    return () => {
      cancelled = true;
      stop(opened);
    };
  }, [active, deviceId, attempt]);

  return {
    stream,
    problem,
    devices,
    /** The device in use (the stream's own, when the remembered one was not there). */
    deviceId: stream?.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId,
    choose: (id: string) => {
      localStorage.setItem(REMEMBERED, id);
      setDeviceId(id);
    },
    retry: () => setAttempt((n) => n + 1),
  };
}
