// Where the charts' Save SVG and Save PNG buttons send their files (renderer): the lab's host, handed down once from the shell as Svelte context.
import { getContext, setContext } from 'svelte';
import type { LabHost } from '../../contract/labHost.js';

const KEY = Symbol('chart saving');

/** Lets every chart below the calling component save its files through `host`. */
export function provideChartSaving(host: Pick<LabHost, 'saveFile'>): void {
  setContext(KEY, host);
}

/** The host charts save through, if the app provided one (charts drawn for a file alone have none). */
export function chartSavingHost(): Pick<LabHost, 'saveFile'> | undefined {
  return getContext<Pick<LabHost, 'saveFile'> | undefined>(KEY);
}

/** "loss-per-epoch": a chart's title as a file name's stem. */
export function chartFileStem(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'chart'
  );
}
