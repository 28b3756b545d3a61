/**
 * The Buddy System heap behind malloc/free/calloc/realloc, with its
 * introspection (tree, free lists, statistics, events), diagnostics facts
 * (address classification, double/invalid free, leaks) and snapshots.
 */
export { BuddyHeap, checkHeapOptions, type CreateHeapResult } from './buddy.js';
export { parseByteSize, type ByteSizeResult } from './options.js';
export { classifyAddress, describeInvalidFree, formatSite, type Location } from './facts.js';
export { heapEvents, heapFreeLists, heapLiveBlocks, heapNodes, heapStatistics } from './inspect.js';
export { findLeaks, type WordReader } from './leaks.js';
export { formatBytes, renderHeap, type RenderOptions } from './render.js';
export { HEAP_SNAPSHOT_FORMAT, HEAP_SNAPSHOT_VERSION, restoreHeap, saveHeap, type HeapSnapshot, type RestoreHeapResult } from './snapshot.js';
export * from './types.js';
export * from './layout.js';
