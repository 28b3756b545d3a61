/**
 * Memory diagnostics (issue 4): leaks, double and invalid frees, use after
 * free, heap overflows, stack overflow, SP misaligned at calls, callee-saved
 * registers clobbered, stack imbalance, and the warnings (uninitialized heap
 * reads, misaligned words, writes to text). See README.md.
 */
export * from './types.js';
export { DiagnosticCollector, DEFAULT_DIAGNOSTIC_LIMIT, formatDiagnostic, parseKindList, severityOf, type CollectorOptions, type KindListResult } from './collector.js';
export { HeapChecker } from './heap-checker.js';
export { StackChecker, STACK_CHECK_CAPACITY } from './stack-checker.js';
export { reportLeaks, type LeakReportOptions, type LeakSummary } from './leak-report.js';
export { RunChecker, DEFAULT_OFF_KINDS, type RunCheckerOptions } from './run-checker.js';
export { createProcessChecker, leakRoots, type ChecksOptions, type ProcessParts } from './process-checks.js';
export { sourceSwitches, type SourceSwitches, type SourceSwitchProblem } from './source-switches.js';
export { takeMemoryOptions, MEMORY_OPTIONS_USAGE, type MemoryOptions, type MemoryOptionsResult } from './cli-options.js';
