// What every main-process concern (window, security, menu, engine host) is: a module the app enables at start (main process).

/** One concern of the main process; `enable` wires it up and is called once, before the app is ready. */
export interface AppModule {
  readonly name: string;
  enable(): void;
}

/** Enables the modules in order; the list in main/index.ts is the app's whole main process. */
export function enableModules(modules: readonly AppModule[]): void {
  for (const module of modules) module.enable();
}
