// The menu bar (main process): built from main/menuTemplate.ts, rebuilt when the recent projects change; its commands go to the page.
import { app, Menu } from 'electron';
import type { AppModule } from './appModule.js';
import { menuTemplate } from './menuTemplate.js';
import type { ProjectFiles } from './projectFiles.js';

export function applicationMenu(projects: ProjectFiles): AppModule {
  const build = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          development: !app.isPackaged,
          recent: projects.recent(),
          send: (command) => projects.send(command),
          openRecent: (file) => projects.openRecent(file),
          clearRecent: () => projects.clearRecent(),
        }),
      ),
    );
  return {
    name: 'application menu',
    enable() {
      void app.whenReady().then(build);
      projects.onRecentChange(() => {
        if (app.isReady()) build();
      });
    },
  };
}
