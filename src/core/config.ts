import { resolve } from 'node:path';

/** Everything the server and CLI read from the environment, read in one place. */
export interface BridgesConfig {
  /** postgres://… to run on PostgreSQL; unset runs on embedded PGlite. */
  databaseUrl?: string;
  /** Embedded database and secret-key folder. */
  dataDir: string;
  port: number;
  host: string;
  /** Demo mode: demo accounts may sign in. On by default only for the embedded database. */
  demoMode: boolean;
  /** Raster tile URL template for maps ({z}/{x}/{y}); unset draws on a plain background. */
  tileUrl?: string;
  tileAttribution?: string;
  /** Set behind HTTPS so cookies get the Secure flag. */
  secureCookies: boolean;
  /** Trust X-Forwarded-For from a reverse proxy (staff source IPs in the audit log). */
  trustProxy: boolean;
  /**
   * A Nominatim-compatible /search endpoint (e.g. https://nominatim.example.org/search) asked first when a
   * resident types an address; unset, addresses are found in the offline gazetteer of incident blocks only.
   */
  geocoderUrl?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BridgesConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    dataDir: resolve(env.BRIDGES_DATA_DIR ?? './.bridges'),
    port,
    host: env.HOST ?? '0.0.0.0',
    demoMode: env.BRIDGES_DEMO ? env.BRIDGES_DEMO === '1' || env.BRIDGES_DEMO === 'true' : !databaseUrl,
    tileUrl: env.BRIDGES_TILE_URL || undefined,
    tileAttribution: env.BRIDGES_TILE_ATTRIBUTION || undefined,
    secureCookies: env.BRIDGES_SECURE_COOKIES === '1',
    trustProxy: env.BRIDGES_TRUST_PROXY === '1',
    geocoderUrl: env.BRIDGES_GEOCODER_URL || undefined,
  };
}
