/** The deep check's public surface. */
export { runDeepCheck, type DeepCheckHost, type DeepCheckOptions } from './run';
export { parseDeepCheck, type ParsedDeepCheck, type ParseContext } from './facts';
export { classifyHost, classifyServices, type HostServices } from './classify';
export { buildEdges, edgesOfHost, type EdgeHost } from './edges';
export { diffScans } from './drift';
export { computeFindings } from './findings';
export { loadDeepCheckScript } from './script';
export { PRODUCTS, upstreamVersion, type ProductRule } from './products';
