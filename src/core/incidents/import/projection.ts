import proj4 from 'proj4';
import type { Converter } from 'proj4';

/**
 * Coordinate reference systems of source files, and the agency's metric projection for analysis.
 * A source CRS is 'lonlat' (WGS84 degrees), a known EPSG code, or a proj4 string.
 */

/** NAD83 / Illinois East (ftUS would be 3435; the Chicago open data uses metres). */
export const EPSG_26971 = '+proj=tmerc +lat_0=36.66666666666666 +lon_0=-88.33333333333333 +k=0.999975 +x_0=300000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const KNOWN: Record<string, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:3857': '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  'EPSG:26971': EPSG_26971,
};

const WGS84 = KNOWN['EPSG:4326'];

/** How a file's coordinates are read: as lon/lat degrees, or as projected x/y turned into lon/lat. */
export interface SourceCrs {
  /** As given ('lonlat', 'EPSG:26971', or the proj4 string). */
  readonly name: string;
  readonly isLonLat: boolean;
  /** Projected source x/y → [lon, lat]; identity for lon/lat sources. */
  toLonLat(x: number, y: number): [number, number];
}

/**
 * Resolves a --crs value. Throws naming the value when it is neither lonlat, a known EPSG code nor a proj4
 * definition, so a typo fails before any row is read.
 */
export function resolveCrs(value: string | undefined): SourceCrs {
  const name = (value ?? 'lonlat').trim();
  const upper = name.toUpperCase();
  if (upper === 'LONLAT' || upper === 'WGS84' || upper === 'EPSG:4326' || upper === 'CRS84') {
    return { name, isLonLat: true, toLonLat: (x, y) => [x, y] };
  }
  let definition: string;
  if (KNOWN[upper]) definition = KNOWN[upper];
  else if (name.startsWith('+')) definition = name;
  else throw new Error(`unknown CRS "${name}": use lonlat, ${Object.keys(KNOWN).join(', ')} or a proj4 string (+proj=…)`);
  let converter: Converter;
  try {
    converter = proj4(definition, WGS84);
  } catch (error) {
    throw new Error(`CRS "${name}" is not a usable proj4 definition: ${(error as Error).message}`);
  }
  return {
    name,
    isLonLat: false,
    toLonLat(x, y) {
      const [lon, lat] = converter.forward([x, y]);
      return [lon, lat];
    },
  };
}

/** The agency's metric projection: lon/lat → x/y metres. */
export interface AgencyProjection {
  toXY(lon: number, lat: number): [number, number];
}

/** Builds the forward projection of agencies.projection (a proj4 string in metres). */
export function agencyProjection(definition: string): AgencyProjection {
  let converter: Converter;
  try {
    converter = proj4(WGS84, definition);
  } catch (error) {
    throw new Error(`the agency's projection "${definition}" is not a usable proj4 definition: ${(error as Error).message}`);
  }
  return {
    toXY(lon, lat) {
      const [x, y] = converter.forward([lon, lat]);
      return [x, y];
    },
  };
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km, to tell a wrong CRS or a wrong agency from a real location. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
