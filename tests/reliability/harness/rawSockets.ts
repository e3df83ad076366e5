// Clients below the websocket library: a TCP socket that starts an upgrade
// and never finishes it, and one that completes the handshake and then never
// reads (its receive window fills and the server's send buffer grows).
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { waitFor } from './wait.ts';

function hostPort(base: string): { host: string; port: number } {
  const url = new URL(base);
  return { host: url.hostname, port: Number(url.port) };
}

function open(base: string): Promise<Socket> {
  const { host, port } = hostPort(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** A socket that sends part of an upgrade request's headers and then nothing. */
export async function slowUpgrade(base: string, path: string): Promise<Socket & { serverClosed: boolean }> {
  const socket = (await open(base)) as Socket & { serverClosed: boolean };
  socket.serverClosed = false;
  socket.on('error', () => undefined);
  socket.on('close', () => {
    socket.serverClosed = true;
  });
  socket.on('data', () => undefined);
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
  return socket;
}

/**
 * A websocket whose owner stops reading right after the handshake.
 * `closedByServer` turns true when the server drops it (seen once reading resumes).
 */
export async function neverReader(base: string, path: string): Promise<{ socket: Socket; received: () => number; ended: () => boolean }> {
  const socket = await open(base);
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  let received = 0;
  let ended = false;
  socket.on('error', () => undefined);
  socket.on('end', () => {
    ended = true;
  });
  socket.on('close', () => {
    ended = true;
  });
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (upgraded) return;
    buffer = Buffer.concat([buffer, chunk]);
    if (buffer.includes('\r\n\r\n')) {
      if (!buffer.toString('latin1').startsWith('HTTP/1.1 101'))
        throw new Error(`upgrade refused: ${buffer.toString('latin1').split('\r\n')[0]}`);
      upgraded = true;
      // From here on nothing is read: the kernel buffers fill, then the server's.
      socket.pause();
    }
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await waitFor(() => upgraded, { what: 'websocket handshake' });
  return { socket, received: () => received, ended: () => ended };
}

/** A client-to-server websocket frame (binary, final, masked), as RFC 6455 §5.2 lays it out. */
export function maskedFrame(payload: Uint8Array, opcode = 0x2): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126 ? Buffer.from([0x80 | opcode, 0x80 | length]) : Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff]);
  if (length > 0xffff) throw new Error('maskedFrame: payloads up to 64 KiB');
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/**
 * A websocket spoken by hand: several frames can go out in one TCP write, so
 * the server reads them from one buffer. Collects the server's frames.
 */
export async function handWebsocket(
  base: string,
  path: string,
): Promise<{ socket: Socket; frames: ServerFrame[]; closeCode: () => number | null; write: (frames: Buffer[]) => void }> {
  const socket = await open(base);
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const frames: ServerFrame[] = [];
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      if (!buffer.toString('latin1').startsWith('HTTP/1.1 101'))
        throw new Error(`upgrade refused: ${buffer.toString('latin1').split('\r\n')[0]}`);
      upgraded = true;
      buffer = buffer.subarray(end + 4);
    }
    for (;;) {
      if (buffer.length < 2) return;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      frames.push({ opcode: buffer[0]! & 0x0f, payload: buffer.subarray(offset, offset + length) });
      buffer = buffer.subarray(offset + length);
    }
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await waitFor(() => upgraded, { what: 'websocket handshake' });
  return {
    socket,
    frames,
    closeCode: () => {
      const close = frames.find((f) => f.opcode === 0x8);
      return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null;
    },
    write: (out) => socket.write(Buffer.concat(out)),
  };
}
