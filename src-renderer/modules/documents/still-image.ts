/** A crop as fractions (0–1) of the image as it is shown, after rotation. */
export interface CropRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function canvasOf(width: number, height: number) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas kullanılamıyor');
  return { canvas, context };
}

/** The video's current frame at its full resolution. */
export function grabFrame(video: HTMLVideoElement): HTMLCanvasElement {
  const { canvas, context } = canvasOf(video.videoWidth, video.videoHeight);
  context.drawImage(video, 0, 0);
  return canvas;
}

/** The image turned by quarter turns clockwise (negative: anticlockwise). */
export function rotate(source: HTMLCanvasElement, quarterTurns: number): HTMLCanvasElement {
  const turns = ((quarterTurns % 4) + 4) % 4;
  if (turns === 0) return source;
  const sideways = turns % 2 === 1;
  const { canvas, context } = canvasOf(
    sideways ? source.height : source.width,
    sideways ? source.width : source.height,
  );
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((turns * Math.PI) / 2);
  context.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas;
}

/** The part of the image inside the crop (all of it without one). */
export function crop(source: HTMLCanvasElement, rect: CropRect | null): HTMLCanvasElement {
  if (!rect) return source;
  const x = Math.round(rect.x * source.width);
  const y = Math.round(rect.y * source.height);
  const width = Math.max(1, Math.round(rect.w * source.width));
  const height = Math.max(1, Math.round(rect.h * source.height));
  const { canvas, context } = canvasOf(width, height);
  context.drawImage(source, x, y, width, height, 0, 0, width, height);
  return canvas;
}

/** The canvas as a JPEG file (quality 0.9: text on paper stays sharp at a fraction of PNG's size). */
export function jpegFile(canvas: HTMLCanvasElement, name: string): Promise<File> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob ? resolve(new File([blob], name, { type: 'image/jpeg' })) : reject(new Error('JPEG oluşturulamadı')),
      'image/jpeg',
      0.9,
    );
  });
}
