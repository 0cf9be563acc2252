import { readFileSync } from 'node:fs';
import { Agent, type Dispatcher, EnvHttpProxyAgent } from './undici.js';

/** How the suite reaches any URL it was given: TLS as the user set it up, and proxies as curl takes them. */
export interface Transport {
  /** Accept any certificate. */
  insecure: boolean;
  /** PEM file of a private certificate authority to trust (besides the usual ones). */
  ca?: string;
  /** PEM files of a client certificate and its key, for a target that asks for one. */
  clientCert?: string;
  clientKey?: string;
}

/** A variable's value when it has one: as curl reads them, a variable set to nothing is not set. */
function setTo(name: string): string | undefined {
  return process.env[name] || undefined;
}

/**
 * The dispatcher every request of the suite goes through (the specs', the sources', the preflight's, and the
 * Pact verifier's via the forwarder): HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured when set.
 */
export function dispatcherFor(
  transport: Transport,
  { timeoutMs, connections, keepAliveTimeout }: { timeoutMs: number; connections?: number; keepAliveTimeout?: number },
): Dispatcher {
  const tls = {
    rejectUnauthorized: !transport.insecure,
    timeout: timeoutMs,
    ...(transport.ca ? { ca: readFileSync(transport.ca) } : {}),
    ...(transport.clientCert ? { cert: readFileSync(transport.clientCert) } : {}),
    ...(transport.clientKey ? { key: readFileSync(transport.clientKey) } : {}),
  };
  const common = { ...(connections ? { connections } : {}), ...(keepAliveTimeout ? { keepAliveTimeout } : {}) };
  // Read here, not left to undici: it takes a lowercase variable set to nothing over the uppercase one.
  const httpProxy = setTo('http_proxy') ?? setTo('HTTP_PROXY');
  const httpsProxy = setTo('https_proxy') ?? setTo('HTTPS_PROXY');
  const noProxy = setTo('no_proxy') ?? setTo('NO_PROXY') ?? '';
  return httpProxy || httpsProxy
    ? // As curl: plain HTTP goes to the proxy in absolute form, HTTPS through a CONNECT tunnel.
      new EnvHttpProxyAgent({
        ...common,
        httpProxy: httpProxy ?? '',
        httpsProxy: httpsProxy ?? '',
        noProxy,
        connect: tls,
        requestTls: tls,
        proxyTunnel: false,
      })
    : new Agent({ ...common, connect: tls });
}

/** A connection of its own for one request: a resend that must not find a kept-alive connection the server closed. */
export function freshDispatcher(transport: Transport, timeoutMs: number): Dispatcher {
  return dispatcherFor(transport, { timeoutMs, connections: 1, keepAliveTimeout: 1 });
}
