/**
 * The analysis views and their addresses. Kept apart from the page so App.tsx can route to the views
 * without loading the page (and MapLibre) until an analyst opens one.
 */
export const ANALYSIS_VIEWS = ['hotspots', 'near-repeat', 'forecast', 'backtest', 'compstat', 'displacement'] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

export const ANALYSIS_HOME = '/console/analysis';
export const analysisPath = (view: AnalysisView): string => `${ANALYSIS_HOME}/${view}`;

/** Every address the analysis page answers (the home redirects to the first view). */
export const ANALYSIS_PATHS: string[] = [ANALYSIS_HOME, ...ANALYSIS_VIEWS.map(analysisPath)];
