import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Box } from '@mantine/core';
import type { CropRect } from './still-image';

/** A crop smaller than this (as a fraction of a side) is a click, not a rectangle: it clears the crop. */
const MIN_SIDE = 0.03;

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * The captured (and rotated) still, fitted to the modal; dragging draws the crop
 * rectangle, the part outside it dimmed. Coordinates are fractions of the image,
 * so they survive any display size.
 */
export function StillEditor({
  image,
  crop,
  onCrop,
}: {
  image: HTMLCanvasElement;
  crop: CropRect | null;
  onCrop: (rect: CropRect | null) => void;
}) {
  const shown = useRef<HTMLCanvasElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const [drawing, setDrawing] = useState<CropRect | null>(null);

  useEffect(() => {
    const canvas = shown.current;
    if (!canvas) return;
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.getContext('2d')?.drawImage(image, 0, 0);
  }, [image]);

  const at = (event: PointerEvent<HTMLElement>) => {
    const box = shown.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) };
  };
  const rectFrom = (a: { x: number; y: number }, b: { x: number; y: number }): CropRect => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  });

  const rect = drawing ?? crop;
  return (
    <Box
      pos="relative"
      style={{ display: 'inline-block', lineHeight: 0, cursor: 'crosshair', overflow: 'hidden', touchAction: 'none' }}
      data-testid="camera-still"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = at(event);
        setDrawing(rectFrom(start.current, start.current));
      }}
      onPointerMove={(event) => {
        if (start.current) setDrawing(rectFrom(start.current, at(event)));
      }}
      onPointerUp={(event) => {
        if (!start.current) return;
        const done = rectFrom(start.current, at(event));
        start.current = null;
        setDrawing(null);
        onCrop(done.w < MIN_SIDE || done.h < MIN_SIDE ? null : done);
      }}
    >
      <canvas ref={shown} style={{ maxWidth: '100%', maxHeight: '55vh', display: 'block' }} />
      {rect && (
        <div
          data-testid="camera-crop"
          style={{
            position: 'absolute',
            left: `${rect.x * 100}%`,
            top: `${rect.y * 100}%`,
            width: `${rect.w * 100}%`,
            height: `${rect.h * 100}%`,
            border: '2px solid var(--mantine-color-blue-4)',
            boxShadow: '0 0 0 9999px rgba(0, 0, 0, 0.45)',
            pointerEvents: 'none',
          }}
        />
      )}
    </Box>
  );
}
