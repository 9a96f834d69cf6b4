// Types of debianChromium.mjs, for the TypeScript that imports it (the Playwright configuration).
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
