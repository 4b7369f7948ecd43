// Installers: Windows (NSIS), macOS (dmg), Linux (AppImage, deb). Run on a machine with
// internet (electron-builder downloads Electron per target): see README "Building installers".
// The file list and the unpacked part come from packaging/app-files.cjs, the same module the
// asar test reads, so what is tested is what is shipped.
'use strict';
const { files, asarUnpack } = require('./packaging/app-files.cjs');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'jp.kaiji.desk',
  productName: 'Kaiji',
  copyright: 'Kaiji',
  directories: { output: 'dist', buildResources: 'packaging' },
  files,
  asar: true,
  asarUnpack,
  // Every prebuilt addon is N-API (same binary in Node and Electron): nothing to rebuild, and
  // a rebuild would need Electron's headers from the internet.
  npmRebuild: false,
  nodeGypRebuild: false,
  // Flips the fuses on the packaged binary before signing (RunAsNode off, …).
  afterPack: './packaging/after-pack.cjs',
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // The vault lives in the user's data folder: an uninstall never deletes it.
    deleteAppDataOnUninstall: false,
  },
  mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], category: 'public.app-category.business' },
  dmg: { writeUpdateInfo: false },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    maintainer: 'Kaiji',
  },
  // An offline desk: no update feed, no publishing.
  publish: null,
};
