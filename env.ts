// TypeScript's `@/env`: the environment is read in env.mjs, which plain Node (server.mjs) loads as well.
export { databaseDialect, getEnv, handOverCacheSyncToken, isBuildPhase, type Env } from './env.mjs';
