/** Places: areas (beats, districts, neighborhoods…), their import, and which areas contain a point. */
export { importAreas, type AreaImportOptions, type AreaImportSummary } from './import-areas.js';
export { recomputeAreaMemberships } from './memberships.js';
export { AreaIndex, loadAreaIndex, type IndexedArea } from './area-index.js';
export { pointInGeometry, pointInPolygon, geometryBBox, toAreaGeometry, type AreaGeometry, type BBox } from './geometry.js';
export { GeoJsonSplitter, parseFeatures } from './geojson-stream.js';
export { AREA_KINDS, type AreaKind } from './areas-query.js';
export { parseAddress, parseHundredBlock, parseStreet, formatStreet, type ParsedAddress, type Street, type AddressProblem } from './address.js';
export { ensureGazetteer, rebuildGazetteer, findAddress, estimateOnStreet, type GazetteerAnswer, type PlaceMatch, type PlacePrecision } from './gazetteer.js';
export { geocodeOnline, GEOCODER_TIMEOUT_MS } from './geocoder.js';
export { locateAddress, type LocateAnswer, type LocateOptions } from './locate.js';
