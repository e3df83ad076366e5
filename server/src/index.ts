// The server package's public face: start a server in-process (tests, tools).
export { startServer, VERSION, type RunningServer, type StartOptions } from './server.ts';
export { loadConfig, testConfig, ConfigError, type Config } from './config.ts';
export type { Storage, MeetingRecord, StoredDoc } from './storage/Storage.ts';
export { SqliteStorage } from './storage/SqliteStorage.ts';
