export { toCurl } from './curl.js';
export { describeAnswer, jsonOf, type Exchange } from './exchange.js';
export { redactExchange } from './redactExchange.js';
export { Secrets } from './secrets.js';
export { caseHeader, describeNetworkError, TargetClient, type OutgoingRequest, type TargetClientOptions } from './targetClient.js';
export { startForwarding, type Forwarding, type ForwardingOptions } from './forwardingProxy.js';
