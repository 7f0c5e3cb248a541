import type { TargetField } from '../types.js';

/** Reads a column of the current row by name ('' when the file has no such column). */
export type RowReader = (column: string) => string;

/** What a category rule sees of a row. */
export interface CategoryInput {
  offenseCode: string;
  offenseText: string;
  row: RowReader;
}

/** Answers a category code, or a rejection reason as { reject } (e.g. "offense_code: unknown offense '99'"). */
export type CategoryRule = (input: CategoryInput) => string | { reject: string };

/**
 * Everything a department's export needs stated to be imported without guessing: which column is which field,
 * date formats, time zone, coordinate system, and how offenses map to categories.
 */
export interface Preset {
  name: string;
  /** One line for `bridges import presets` and the docs. */
  description: string;
  /** Default source_system: with source_id it makes re-imports idempotent. */
  sourceSystem: string;
  /** TargetField → column name (matched exactly, else case- and punctuation-insensitively). */
  columns: Partial<Record<TargetField, string>>;
  /** attribute name → column, kept in incidents.attributes when present and non-empty. */
  attributes?: Record<string, string>;
  /** Accepted date formats, tried in order (the date column, plus the time column when one is mapped). */
  dateFormats?: readonly string[];
  timeZone?: string;
  crs?: string;
  /** Cleans a raw value before it is used (Philadelphia's "202115056366.0" ids, "2021-08-01 00:00:00+00" dates). */
  clean?: Partial<Record<TargetField, (value: string) => string>>;
  /** A fixed category code, or a rule from offense code/text. */
  category?: string | CategoryRule;
  /** Offense text when the file has no such column (derived from the code). */
  offenseText?: (offenseCode: string, row: RowReader) => string | null;
  /**
   * One row per victim: rows sharing a source_id are one incident; each row adds one victim, and a fatal
   * one adds to fatal_count too.
   */
  victims?: { fatal: (row: RowReader) => boolean };
  /** 'column' (default when source_id is mapped) or 'content': hash of the mapped values + occurrence counter. */
  sourceId?: 'column' | 'content';
}
