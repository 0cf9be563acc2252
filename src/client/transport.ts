import { readFileSync } from 'node:fs';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

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

const proxyVariables = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];

/**
 * The dispatcher every request of the suite goes through (the specs', the sources', the preflight's, and the
 * Pact verifier's via the forwarder): HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured when set.
 */
export function dispatcherFor(transport: Transport, { timeoutMs, connections, keepAliveTimeout }: { timeoutMs: number; connections?: number; keepAliveTimeout?: number }): Dispatcher {
  const tls = {
    rejectUnauthorized: !transport.insecure,
    timeout: timeoutMs,
    ...(transport.ca ? { ca: readFileSync(transport.ca) } : {}),
    ...(transport.clientCert ? { cert: readFileSync(transport.clientCert) } : {}),
    ...(transport.clientKey ? { key: readFileSync(transport.clientKey) } : {}),
  };
  const common = { ...(connections ? { connections } : {}), ...(keepAliveTimeout ? { keepAliveTimeout } : {}) };
  return proxyVariables.some((name) => process.env[name])
    // As curl: plain HTTP goes to the proxy in absolute form, HTTPS through a CONNECT tunnel.
    ? new EnvHttpProxyAgent({ ...common, connect: tls, requestTls: tls, proxyTunnel: false })
    : new Agent({ ...common, connect: tls });
}
