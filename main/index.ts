// Electron main process entry: the app is the list of modules enabled below, each one concern (main process).
import { enableModules } from './appModule.js';
import { applicationMenu } from './applicationMenu.js';
import { appProtocol } from './appProtocol.js';
import { resolveAppPaths } from './appPaths.js';
import { engineHost } from './engineHost.js';
import { fileSaver } from './fileSaver.js';
import { mainWindow } from './mainWindow.js';
import { securityRestrictions } from './security.js';
import { staleFileSweep } from './staleFileSweep.js';

const paths = resolveAppPaths();

enableModules([securityRestrictions(), appProtocol(paths), applicationMenu(), engineHost(paths), fileSaver(paths), mainWindow(paths), staleFileSweep()]);
