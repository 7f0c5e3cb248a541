import type { BridgesConfig } from '../core/config.js';

/**
 * Content-Security-Policy: same-origin scripts only. MapLibre needs blob: workers, the walk phone page's
 * service worker (/field-sw.js) is same-origin; the optional tile server is the only other origin images may come from.
 */
export function contentSecurityPolicy(config: BridgesConfig): Record<string, string[]> {
  const tileOrigin = config.tileUrl ? [new URL(config.tileUrl.replace(/\{[^}]+\}/g, '0')).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigin],
    connectSrc: ["'self'", ...tileOrigin],
    workerSrc: ["'self'", 'blob:'],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  };
}
