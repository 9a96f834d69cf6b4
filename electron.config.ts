// electron-builder configuration for Backprop Lab (build tooling; `npm run dist` passes it with --config).
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'org.backproplab.app',
  productName: 'Backprop Lab',
  copyright: 'Copyright © Backprop Lab contributors',
  directories: { output: 'release', buildResources: 'assets' },
  // The compiled main process, preload, engine and renderer; production dependencies (zod, fflate, …) are added
  // from node_modules by electron-builder itself. Source maps, declarations and tsc's build state stay out of the package.
  files: ['dist/**/*', '!dist/**/*.map', '!dist/types/**', '!dist/*.tsbuildinfo', 'package.json'],
  asar: true,
  // Electron's fuses, flipped in the packaged binary itself: it cannot be run as plain Node, takes no NODE_OPTIONS and no
  // --inspect, loads its code only from app.asar and validates that archive, encrypts its cookies, and gives file:// pages
  // nothing extra (the lab's page comes from app://lab/, main/appProtocol.ts).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  // The engine reads its data sets at run time from BACKPROP_LAB_ASSETS: packaged, that is resources/assets,
  // a plain folder beside app.asar (main/appPaths.ts points the utility process at it).
  extraResources: [{ from: 'assets', to: 'assets', filter: ['**/*.csv', 'icon.png'] }],
  icon: 'assets/icon.png',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    maintainer: 'Backprop Lab contributors',
    synopsis: 'Learn and check how neural networks learn',
  },
  deb: { packageCategory: 'education' },
  mac: { target: 'dmg', category: 'public.app-category.education' },
  dmg: { title: 'Backprop Lab' },
  win: { target: 'nsis' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};

export default config;
