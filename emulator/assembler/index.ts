export { assemble } from './assemble';
export { addressesOfLine, entryAt, positionOf } from './source-map';
export { layoutSections, outputSectionName, TEXT_SEGMENT_START } from './layout';
export type * from './program';
