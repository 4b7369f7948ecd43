// The encrypted database binding (better-sqlite3-multiple-ciphers 13, N-API) needs
// Node >= 22; npm scripts run the Node 22 that `npm install` put in node_modules/.bin.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `kaiji: Node ${process.versions.node} is too old. Run through npm (npm test / npm start), which uses the Node 22 from node_modules/.bin.`,
  );
  process.exit(1);
}
