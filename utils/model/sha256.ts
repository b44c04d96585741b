// SHA-256, synchronous, from @noble/hashes (audited, no dependencies). The stable ids of recommendations and notes
// are SHA-256 digests; crypto.subtle gives the same digest but only through a promise per call, which made hashing
// a 100,000-row dataset take seconds of scheduling alone. The same bytes, the same ids.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The first `bytes` bytes of the SHA-256 digest of the UTF-8 bytes of `text`, as lower-case hex. */
export function sha256Hex(text: string, bytes = 32): string {
  return bytesToHex(sha256(utf8ToBytes(text)).subarray(0, bytes));
}
