/**
 * Colours of the analysis views, chosen to stay distinguishable with the common colour-vision deficiencies:
 * ColorBrewer's YlOrRd (sequential) and RdBu (diverging), which ColorBrewer marks colour-blind safe, and the
 * Okabe–Ito palette for chart lines (which also differ by dash pattern and marker, so colour is never the
 * only cue).
 */

/** Top-share classes 1 (top 10–20%) … 4 (top 1%). */
export const TOP_SHARE_COLORS: Record<number, string> = { 1: '#fecc5c', 2: '#fd8d3c', 3: '#f03b20', 4: '#bd0026' };

/** Gi* confidence classes −3 … +3 (0 is not drawn). */
export const GI_COLORS: Record<number, string> = {
  3: '#b2182b', 2: '#ef8a62', 1: '#fddbc7', [-1]: '#d1e5f0', [-2]: '#67a9cf', [-3]: '#2166ac',
};

/**
 * Knox-ratio shading of cells that are significant AND meaningful (ratio ≥ 1.2, the threshold the summary
 * uses too): a significant ratio of 1.01 among millions of pairs is real but not worth an analyst's eye.
 */
export const KNOX_SHADES: ReadonlyArray<{ from: number; key: string; background: string; text: string }> = [
  { from: 2, key: 'top', background: '#a63603', text: '#ffffff' },
  { from: 1.5, key: 'high', background: '#e6550d', text: '#ffffff' },
  { from: 1.2, key: 'mid', background: '#fdae6b', text: '#1b1b1b' },
];

/** Okabe–Ito, most distinct first. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 6'];
