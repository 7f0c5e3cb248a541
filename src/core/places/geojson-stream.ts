/**
 * Streams GeoJSON features without holding the file: a small scanner tracks string and bracket depth and cuts
 * out each element of a FeatureCollection's "features" array, or each top-level object of newline-delimited
 * GeoJSON (one Feature a line). Each cut-out feature is then JSON.parse'd on its own.
 */

export interface FeatureText {
  /** Line of the file where the feature starts (1-based). */
  line: number;
  text: string;
}

const QUOTE = 34, BACKSLASH = 92, OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, NEWLINE = 10, COLON = 58;

/** Feed text chunks with push(); each call returns the features completed so far. Call end() at the end. */
export class GeoJsonSplitter {
  private text = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  // Where the element being captured starts in `text`, and its line; -1 when not capturing.
  private start = -1;
  private startLine = 0;
  // Depth at which captured elements start: 0 for top-level objects, 2 inside a collection's "features".
  private captureDepth = 0;
  private inFeatures = false;
  private featuresDone = false;
  private stringStart = -1;
  private lastKey: string | null = null;
  private awaitingFeaturesArray = false;
  private topLevelObjects = 0;

  push(chunk: string): FeatureText[] {
    this.text += chunk;
    const out: FeatureText[] = [];
    const text = this.text;
    for (let i = this.pos; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line += 1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          // Keys of the top-level object: we need to notice "features".
          if (this.depth === 1 && this.stringStart >= 0) this.lastKey = text.slice(this.stringStart, i);
        }
        continue;
      }
      if (c === QUOTE) {
        this.inString = true;
        this.stringStart = this.depth === 1 ? i + 1 : -1;
      } else if (c === COLON) {
        if (this.depth === 1) this.awaitingFeaturesArray = this.lastKey === 'features';
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (c === OPEN_BRACKET && this.depth === 1 && this.awaitingFeaturesArray && !this.featuresDone) {
          // The top-level object is a FeatureCollection: capture its features instead of the whole object.
          this.inFeatures = true;
          this.captureDepth = 2;
          this.start = -1;
        }
        if (c === OPEN_BRACE && this.depth === this.captureDepth && (this.captureDepth === 0 || this.inFeatures)) {
          this.start = i;
          this.startLine = this.line;
        }
        if (this.depth === 0) this.topLevelObjects += 1;
        this.depth += 1;
        this.awaitingFeaturesArray = false;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth -= 1;
        if (this.depth < 0) throw new Error(`line ${this.line}: unbalanced "${String.fromCharCode(c)}" in the GeoJSON`);
        if (c === CLOSE_BRACE && this.depth === this.captureDepth && this.start >= 0) {
          out.push({ line: this.startLine, text: text.slice(this.start, i + 1) });
          this.start = -1;
        }
        if (c === CLOSE_BRACKET && this.inFeatures && this.depth === 1) {
          this.inFeatures = false;
          this.featuresDone = true;
        }
        if (this.depth === 0) {
          this.captureDepth = 0;
          this.featuresDone = false;
        }
      } else if (c > 32 && this.depth === 0 && c !== 44) {
        throw new Error(`line ${this.line}: unexpected "${text[i]}" outside any object; is this a GeoJSON file?`);
      }
    }
    // Keep only what an unfinished element still needs.
    const keepFrom = this.start >= 0 ? this.start : text.length;
    this.text = text.slice(keepFrom);
    this.pos = text.length - keepFrom;
    if (this.start >= 0) this.start = 0;
    return out;
  }

  /** Checks the input ended cleanly; returns how many top-level values there were. */
  end(): number {
    if (this.inString || this.depth !== 0) throw new Error(`line ${this.line}: the GeoJSON ends in the middle of an object (truncated file?)`);
    return this.topLevelObjects;
  }
}

/** A parsed feature with the line it started on. */
export interface ParsedFeature {
  line: number;
  feature: { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
}

/**
 * Parses each cut-out text; a feature that is not valid JSON stops the import naming its line (the file is
 * malformed, not the row). A top-level FeatureCollection's own text is never parsed as a whole.
 */
export function parseFeatures(texts: readonly FeatureText[]): ParsedFeature[] {
  return texts.map(({ line, text }) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error(`line ${line}: invalid JSON in a feature (${(error as Error).message})`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`line ${line}: a feature must be a JSON object`);
    return { line, feature: value as ParsedFeature['feature'] };
  });
}
