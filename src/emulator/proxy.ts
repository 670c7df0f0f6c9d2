/**
 * The REST server doubles as an HTTP proxy, so that clients which cannot be given another
 * endpoint (Opteo's google-ads-api, other languages' libraries) can still be run against the
 * emulator unmodified: set `HTTPS_PROXY=http://127.0.0.1:PORT` and trust `EMULATOR_CA_PEM`
 * (for Node: `NODE_EXTRA_CA_CERTS=file`).
 *
 * - `CONNECT googleads.googleapis.com:443` (grpc-js, gaxios): TLS ends here with the emulator's
 *   certificate; a client that negotiates HTTP/2 is piped to the gRPC server, one that speaks
 *   HTTP/1.1 is handed to the REST server, which also answers `oauth2.googleapis.com/token`.
 * - A request with an absolute URL (how axios goes through a proxy) is served as it is.
 * - Any other host is refused: nothing leaves the machine.
 */
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { EMULATOR_LEAF_CERT_PEM, EMULATOR_LEAF_KEY_PEM, INTERCEPTED_HOSTS } from './tls-identity.js';

/** Adds the CONNECT handling to the REST server. `grpc` is where HTTP/2 tunnels go; null refuses them. */
export function attachProxy(http: Server, grpc: { host: string; port: number } | null): void {
  const tlsServer = createTlsServer(
    { key: EMULATOR_LEAF_KEY_PEM, cert: EMULATOR_LEAF_CERT_PEM, ALPNProtocols: ['h2', 'http/1.1'] },
    (tls: TLSSocket) => {
      if (tls.alpnProtocol === 'h2') {
        if (!grpc) return tls.destroy();
        const upstream = connect(grpc.port, grpc.host);
        const close = () => {
          tls.destroy();
          upstream.destroy();
        };
        upstream.on('error', close);
        tls.on('error', close);
        tls.pipe(upstream).pipe(tls);
      } else {
        http.emit('connection', tls);
      }
    },
  );
  tlsServer.on('tlsClientError', (_err, socket) => socket.destroy());
  http.on('connect', (req, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    socket.on('error', () => socket.destroy());
    if (!INTERCEPTED_HOSTS.has(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tlsServer.emit('connection', socket);
  });
}
