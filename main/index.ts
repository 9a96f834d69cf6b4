// Electron main process entry: the app is the list of modules enabled below, each one concern (main process).
import { enableModules } from './appModule.js';
import { applicationMenu } from './applicationMenu.js';
import { appProtocol } from './appProtocol.js';
import { resolveAppPaths } from './appPaths.js';
import { engineHost } from './engineHost.js';
import { fileSaver } from './fileSaver.js';
import { imageFolderDialog } from './imageFolderDialog.js';
import { mainWindow } from './mainWindow.js';
import { projectFiles } from './projectFiles.js';
import { securityRestrictions } from './security.js';
import { staleFileSweep } from './staleFileSweep.js';
import { unsavedWork } from './unsavedWork.js';

const paths = resolveAppPaths();
const projects = projectFiles(paths);

enableModules([
  securityRestrictions(),
  appProtocol(paths),
  projects,
  applicationMenu(projects),
  unsavedWork(),
  engineHost(paths),
  fileSaver(paths),
  imageFolderDialog(paths),
  mainWindow(paths),
  staleFileSweep(),
]);
