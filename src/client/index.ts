export { stoppedMessage } from './circuitBreaker.js';
export { toCurl } from './curl.js';
export { describeAnswer, type Exchange, jsonOf, keptForLog, keptForReport } from './exchange.js';
export { type Forwarding, type ForwardingOptions, startForwarding } from './forwardingProxy.js';
export { Pace, type PaceRecord } from './pace.js';
export { redactExchange } from './redactExchange.js';
export { type Attempt, defaultRetryLimits, type RetryLimits, withRetries } from './retryPolicy.js';
export { escapeRegExp, Secrets } from './secrets.js';
export {
  caseHeader,
  defaultMaxBodyBytes,
  describeNetworkError,
  type OutgoingRequest,
  TargetClient,
  type TargetClientOptions,
} from './targetClient.js';
export { dispatcherFor, freshDispatcher, type Transport } from './transport.js';
export { dispatchTarget } from './undici.js';
