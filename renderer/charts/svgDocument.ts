// A chart's svg element on the page as a standalone SVG document (renderer, DOM): the computed paint and text styles written on each element, the font named, a white ground.
import { COLOURS } from '../../plots/theme.js';

/** Inherited properties: written where an element's value differs from its parent's. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'paint-order',
  'shape-rendering',
] as const;
/** Properties that are not inherited: written where they differ from their initial value. */
const OWN: Record<string, string> = { opacity: '1', 'stop-color': 'rgb(0, 0, 0)', 'stop-opacity': '1' };

/** A computed paint server reference, url("…#id"), as a file's own reference: url(#id). */
const localUrl = (value: string) => value.replace(/url\(\s*["']?[^"')#]*(#[^"')]+)["']?\s*\)/g, 'url($1)');

function inlineStyles(source: Element, copy: Element, parent: CSSStyleDeclaration | undefined): void {
  const style = getComputedStyle(source);
  for (const name of INHERITED) {
    const value = style.getPropertyValue(name);
    if (value && (!parent || parent.getPropertyValue(name) !== value)) copy.setAttribute(name, localUrl(value));
  }
  for (const [name, initial] of Object.entries(OWN)) {
    const value = style.getPropertyValue(name);
    if (value && value !== initial) copy.setAttribute(name, value);
  }
  // A nested svg clips to its box unless told otherwise; a page's stylesheet may have told it.
  if (parent && source.localName === 'svg') copy.setAttribute('overflow', style.getPropertyValue('overflow') || 'hidden');
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i]!, copy.children[i]!, style);
}

/** The size the svg declares (its width and height attributes), else the size it is drawn at. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(box.width);
  const height = Number(svg.getAttribute('height')) || Math.round(box.height);
  return { width, height };
}

/** The svg as a file that looks as it does on screen anywhere: styles inlined, no classes, the theme's surface as its ground. */
export function svgDocument(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, undefined);
  const { width, height } = sizeOf(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('role');
  const ground = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  ground.setAttribute('width', String(width));
  ground.setAttribute('height', String(height));
  ground.setAttribute('fill', getComputedStyle(svg).getPropertyValue('--surface').trim() || COLOURS.surface);
  copy.insertBefore(ground, copy.firstChild);
  return `${new XMLSerializer().serializeToString(copy)}\n`;
}
