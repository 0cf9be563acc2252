export { toCurl } from './curl.js';
export { stoppedMessage } from './circuitBreaker.js';
export { describeAnswer, jsonOf, keptForLog, keptForReport, type Exchange } from './exchange.js';
export { redactExchange } from './redactExchange.js';
export { escapeRegExp, Secrets } from './secrets.js';
export { caseHeader, defaultMaxBodyBytes, describeNetworkError, TargetClient, type OutgoingRequest, type TargetClientOptions } from './targetClient.js';
export { dispatcherFor, freshDispatcher, type Transport } from './transport.js';
export { defaultRetryLimits, withRetries, type Attempt, type RetryLimits } from './retryPolicy.js';
export { startForwarding, type Forwarding, type ForwardingOptions } from './forwardingProxy.js';
