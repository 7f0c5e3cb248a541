/**
 * Shapes shared by the analysis service (database side), its worker tasks and its callers (CLI, API).
 * Everything a worker receives is plain data and typed arrays, so it crosses the thread boundary by
 * structured clone without conversion.
 */
import type { Grid, PolygonRings } from '../../analytics/index.js';

/** Events as the engine wants them: parallel typed arrays. */
export interface EventSet {
  /** Projected metres in the agency's (or the input's) metric projection. */
  x: Float64Array;
  y: Float64Array;
  /**
   * Local wall-clock days since 1970-01-01 (the fraction is the time of day). Local rather than UTC so that
   * "a day" and "a week starting Monday" mean what the agency means by them.
   */
  t: Float64Array;
  /** Instants in epoch milliseconds (CompStat compares instants). */
  ms: Float64Array;
  /** Index into `categories` of each event (−1 when unknown). */
  category: Int32Array;
  categories: readonly string[];
}

/** The place an analysis covers: where cells are laid out and which cells count as the study area. */
export interface StudyArea {
  /** proj4 definition of the metres, or null when they are projected in an unknown system (no lon/lat output). */
  projection: string | null;
  /** The agency's city limits in metres, or null: the grid then covers the events' bounding box. */
  polygons: PolygonRings[] | null;
  /** IANA zone the local days are counted in (UTC for files without one). */
  timeZone: string;
}

/** A grid with its study-area mask (null: every cell counts). */
export interface GridWithMask {
  grid: Grid;
  mask: Uint8Array | null;
}

/**
 * A computed grid surface ready to be reported: the cells to report in order (highest first when ranked),
 * one value array per layer over the whole grid, and a description of how it was made.
 */
export interface GridSurface {
  grid: Grid;
  mask: Uint8Array | null;
  cells: Int32Array;
  layers: Record<string, Float64Array>;
  meta: SurfaceMeta;
}

/** What a surface is, for the report header, the GeoJSON `analysis` member and the map legend. */
export interface SurfaceMeta {
  method: string;
  events: number;
  cellSize: number;
  studyAreaCells: number;
  /** Layer the map colours by, and its classes (label + the smallest value in the class). */
  classLayer?: string;
  classes?: SurfaceClass[];
  [key: string]: unknown;
}

export interface SurfaceClass {
  /** Value of the class layer that marks a cell as in this class. */
  value: number;
  /** Machine-readable name, e.g. "top1" or "hot99"; the console translates it. */
  key: string;
  /** English label for the CLI and exports. */
  label: string;
  /** Number of cells in the class. */
  cells: number;
}

/** Output encodings of a grid surface. */
export type GridFormat = 'geojson' | 'csv';
