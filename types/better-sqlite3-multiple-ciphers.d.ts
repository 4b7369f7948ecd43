// The package ships typings its "exports" map hides; its API is better-sqlite3's.
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 = require('better-sqlite3');
  export = BetterSqlite3;
}
