// What a canvas on the page shows (Playwright, in the page): its size in image pixels and how many shades it drew.
import type { Locator } from '@playwright/test';

/** The canvas's width and height in image pixels, and the number of distinct colours among its pixels. */
export async function canvasImage(canvas: Locator): Promise<{ width: number; height: number; shades: number }> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const data = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
    const shades = new Set<number>();
    for (let i = 0; i < data.length; i += 4) shades.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: element.width, height: element.height, shades: shades.size };
  });
}
