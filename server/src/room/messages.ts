// What the server adds to the shared frame encoders: websocket close reasons.

/** Close reasons are limited to 123 bytes by the websocket protocol. */
export function truncateReason(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= 120 ? reason : `${bytes.subarray(0, 117).toString('utf8')}...`;
}
