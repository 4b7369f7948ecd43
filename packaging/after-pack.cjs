// electron-builder afterPack hook: flips Electron's fuses on the packaged binary
// (https://www.electronjs.org/docs/latest/tutorial/fuses) before it is signed.
'use strict';
const { join } = require('node:path');

/** The fuse settings, by @electron/fuses option name (exported for the test). */
const FUSES = {
  RunAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
  EnableNodeCliInspectArguments: false, // no --inspect debugger on the main process
  EnableEmbeddedAsarIntegrityValidation: true, // a modified app.asar does not start
  OnlyLoadAppFromAsar: true, // no app folder beside the asar is loaded instead
  GrantFileProtocolExtraPrivileges: false, // the UI is served from app://, never file://
};

/** The Electron binary (or .app bundle) electron-builder just laid out in appOutDir. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const config = { version: FuseVersion.V1 };
  for (const [option, value] of Object.entries(FUSES)) config[FuseV1Options[option]] = value;
  // arm64 macOS refuses a binary whose ad-hoc signature no longer matches its bytes.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await flipFuses(electronBinary(context), { ...config, resetAdHocDarwinSignature });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.afterPack = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
