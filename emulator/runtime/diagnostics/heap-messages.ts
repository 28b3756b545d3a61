/**
 * The words of the heap checker's access diagnostics: what the access was (its
 * size, read or write, and who made it: the program's instruction, or a C
 * function or system call on its behalf), where it landed, and the sites
 * memcheck names (where the block was allocated and freed).
 */
import type { BuddyHeap } from '../heap/buddy.js';
import { hex } from '../heap/facts.js';
import * as heapTypes from '../heap/types.js';
import { siteOf } from './sites.js';
import * as kinds from './types.js';

const { LOCATION_SLACK, LOCATION_UNALLOCATED } = heapTypes;

/** A code beside the LOCATION_* ones: the access is inside a live block, but its address was computed from a pointer into another one. */
export const LOCATION_STRAY = 100;

/** Leaves searched below an address for the block an overflow ran out of. */
const NEIGHBOUR_SEARCH = 4096;

/** One bad access, as the checker found it. */
export interface AccessProblem {
  /** KIND_USE_AFTER_FREE, KIND_HEAP_OVERFLOW or KIND_UNINITIALIZED_READ. */
  kind: number;
  /** The LOCATION_* code of the access, or LOCATION_STRAY. */
  code: number;
  /** The access's first byte and its length. */
  address: number;
  size: number;
  write: boolean;
  /** Who made it: '' for the program's own instruction, else the C function or system call ('puts()', 'write()'). */
  by: string;
  /** For an uninitialized read: the first byte never written. */
  first: number;
  /** For LOCATION_STRAY: the base register's value and number (-1 when not known). */
  base: number;
  baseRegister: number;
}

const REGISTER_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];

/** 'a' or 'an' before a number of bytes as it is read aloud: an 8-byte, an 11-byte, a 16-byte block. */
export function article(count: number): 'a' | 'an' {
  const digits = String(count);
  return digits.startsWith('8') || ((digits.length - 2) % 3 === 0 && /^1[18]/.test(digits)) ? 'an' : 'a';
}

/** The diagnostic for `problem` at the instruction `pc`, and the key that makes it once per event. */
export function describeAccess(heap: BuddyHeap, resolve: kinds.SourceResolver, problem: AccessProblem, pc: number, step: number): { diagnostic: kinds.Diagnostic; key: string } {
  const { kind, code, address, size, write } = problem;
  const access = `${size}-byte ${write ? 'write' : 'read'}${problem.by === '' ? '' : ` by ${problem.by}`} at ${hex(address)}`;
  const related: (kinds.RelatedSite & { text: string })[] = [];
  let message: string;
  let block: kinds.Diagnostic['block'];
  let subject = address;
  const facts = heap.classify(code === LOCATION_STRAY ? problem.base : kind === kinds.KIND_UNINITIALIZED_READ ? problem.first : address);
  if (code === LOCATION_STRAY && (facts.kind === 'live' || facts.kind === 'slack')) {
    const home = facts.block;
    related.push(relatedSite('allocated', home.allocated, resolve));
    block = { address: home.address, size: home.size, requested: home.requested };
    subject = home.address;
    const landed = heap.classify(address);
    const where =
      address >= home.address
        ? `${address - home.address - home.requested} bytes past the end of the ${home.requested}-byte block at ${hex(home.address)} allocated at ${related[0].text}`
        : `${home.address - address} bytes before the start of the ${home.requested}-byte block at ${hex(home.address)} allocated at ${related[0].text}`;
    const distance = address - problem.base;
    const register = problem.baseRegister >= 0 && problem.baseRegister < 16 ? REGISTER_NAMES[problem.baseRegister] : 'the base register';
    const into = landed.kind === 'live' ? `, into the ${landed.block.requested}-byte block at ${hex(landed.block.address)} allocated at ${relatedSite('allocated', landed.block.allocated, resolve).text}` : '';
    message = `heap overflow: ${access}, ${where}; the address comes from ${register} = ${hex(problem.base)} ${distance < 0 ? '-' : '+'} ${Math.abs(distance)}${into}`;
  } else if (facts.kind === 'freed') {
    related.push(relatedSite('freed', facts.block.freed, resolve), relatedSite('allocated', facts.block.allocated, resolve));
    block = { address: facts.block.address, size: facts.block.size, requested: facts.block.requested };
    subject = facts.block.address;
    message = `use after free: ${access}, ${facts.offset} bytes into ${article(facts.block.requested)} ${facts.block.requested}-byte block freed at ${related[0].text}, allocated at ${related[1].text}`;
  } else if (facts.kind === 'live' || facts.kind === 'slack') {
    const live = facts.block;
    related.push(relatedSite('allocated', live.allocated, resolve));
    block = { address: live.address, size: live.size, requested: live.requested };
    subject = live.address;
    if (kind === kinds.KIND_UNINITIALIZED_READ) {
      message =
        problem.first === address && problem.by === ''
          ? `read of uninitialized heap memory: ${access}, ${facts.offset} bytes into ${article(live.requested)} ${live.requested}-byte block allocated at ${related[0].text}; nothing was stored there since malloc`
          : `read of uninitialized heap memory: ${access} includes bytes nothing was stored to since malloc, the first at ${hex(problem.first)}, ${facts.offset} bytes into ${article(live.requested)} ${live.requested}-byte block allocated at ${related[0].text}`;
    } else if (code === LOCATION_SLACK && facts.offset >= live.requested) {
      message = `heap overflow: ${access}, ${facts.offset - live.requested} bytes past the end of ${article(live.requested)} ${live.requested}-byte block allocated at ${related[0].text}`;
    } else {
      const beyond = facts.offset + size - live.requested;
      message = `heap overflow: ${access} runs ${beyond} byte${beyond === 1 ? '' : 's'} past the end of ${article(live.requested)} ${live.requested}-byte block${facts.offset === 0 ? '' : ` (it starts ${facts.offset} bytes into it)`} allocated at ${related[0].text}`;
    }
  } else {
    const below = code === LOCATION_UNALLOCATED ? blockBelow(heap, address) : null;
    if (below) {
      related.push(relatedSite('allocated', below.allocated, resolve));
      block = { address: below.address, size: below.size, requested: below.requested };
      subject = below.address;
      message = `heap overflow: ${access}, ${address - below.address - below.requested} bytes past the end of ${article(below.requested)} ${below.requested}-byte block allocated at ${related[0].text}`;
    } else {
      message =
        address >= heap.limit || address < heap.base
          ? `heap overflow: ${access} is outside the ${heap.size}-byte heap (${hex(heap.base)}-${hex(heap.limit - 1)}): malloc never hands out memory there`
          : `heap overflow: ${access} is in heap memory no block holds (nothing was allocated there)`;
    }
  }
  const diagnostic: kinds.Diagnostic = {
    kind: kinds.DIAGNOSTIC_KINDS[kind],
    severity: kind === kinds.KIND_UNINITIALIZED_READ ? 'warning' : 'error',
    ...siteOf(pc, pc < 0 ? null : resolve(pc)),
    address: kind === kinds.KIND_UNINITIALIZED_READ ? problem.first : address,
    step,
    message,
    related: related.map(withoutText),
    block,
  };
  return { diagnostic, key: `${pc}|${subject}` };
}

/** The live block nearest below `address` (the one an overflow ran out of), or null. */
function blockBelow(heap: BuddyHeap, address: number): heapTypes.BlockFacts | null {
  const leaf = (address - heap.base) >>> heap.minimumShift;
  for (let candidate = leaf; candidate >= 0 && candidate > leaf - NEIGHBOUR_SEARCH; candidate--) {
    if (heap.blockOrderAt(candidate) < 0) continue;
    const facts = heap.classify(heap.addressOf(candidate));
    return facts.kind === 'live' || facts.kind === 'slack' ? facts.block : null;
  }
  return null;
}

/** A heap site (its PC is the call's return address) as a related site, with its `file:line` text. */
export function relatedSite(role: 'allocated' | 'freed', site: heapTypes.HeapSite, resolve: kinds.SourceResolver): kinds.RelatedSite & { text: string } {
  const pc = site.pc === 0 ? 0 : (site.pc - 4) >>> 0;
  const line = site.line ?? (pc === 0 ? null : resolve(pc));
  const text = line ? `${line.file}:${line.line}` : pc === 0 ? 'an unknown place' : hex(pc);
  return { role, pc, file: line?.file ?? null, line: line?.line ?? null, text };
}

export function withoutText(site: kinds.RelatedSite & { text: string }): kinds.RelatedSite {
  return { role: site.role, pc: site.pc, file: site.file, line: site.line };
}
