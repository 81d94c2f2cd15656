import net from 'node:net';

/** A response as read off the socket. `status` is 0 when the server closed without a whole response. */
export type RawResponse = { status: number; headers: Record<string, string>; body: Buffer; ms: number; timedOut: boolean };

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Sends `request` byte for byte on a new loopback connection (no client library in between to fix up or refuse
 * the request line, escapes, bytes or headers) and reads one response: by Content-Length, chunked, or up to the
 * close. Interim 1xx responses are skipped. Resolves, never rejects.
 */
export function sendRaw({ port, request, head = false, timeoutMs = 15_000 }: { port: number; request: Buffer; head?: boolean; timeoutMs?: number }): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (response: Omit<RawResponse, 'ms' | 'timedOut'>, timedOut = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...response, ms: Date.now() - started, timedOut });
    };
    const timer = setTimeout(() => finish({ status: 0, headers: {}, body: Buffer.alloc(0) }, true), timeoutMs);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      const parsed = parseResponse(data, head, false);
      if (parsed) finish(parsed);
    });
    socket.on('close', () => finish(parseResponse(data, head, true) ?? { status: 0, headers: {}, body: Buffer.alloc(0) }));
    socket.write(request);
  });
}

/** One whole response from the start of `data`, or null while more is needed (`closed`: nothing more will come). */
function parseResponse(data: Buffer, head: boolean, closed: boolean): Omit<RawResponse, 'ms' | 'timedOut'> | null {
  let start = 0;
  for (;;) {
    const end = data.indexOf(HEADER_END, start);
    if (end < 0) return null;
    const lines = data.subarray(start, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      headers[name] = headers[name] === undefined ? line.slice(colon + 1).trim() : `${headers[name]}, ${line.slice(colon + 1).trim()}`;
    }
    const rest = data.subarray(end + HEADER_END.length);
    if (status >= 100 && status < 200) {
      start = end + HEADER_END.length;
      continue;
    }
    if (head || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0) };
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const body = dechunk(rest);
      return body ? { status, headers, body } : null;
    }
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return rest.length >= length ? { status, headers, body: rest.subarray(0, length) } : null;
    }
    return closed ? { status, headers, body: rest } : null;
  }
}

function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return null;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
