// Draws a standalone SVG document onto a canvas and encodes it as PNG bytes (renderer, DOM).

/** The width and height an SVG document declares on its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0) || !(height > 0)) throw new Error('the SVG does not say how large it is');
  return { width, height };
}

/** The PNG of `svg` at `scale` times its size (2: sharp on high-density screens and in slides). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this window cannot draw on a canvas');
  // The SVG is loaded as an image from a blob: URL (the page's CSP allows blob: images), kept until it is drawn.
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas could not be encoded as PNG');
  return new Uint8Array(await blob.arrayBuffer());
}
