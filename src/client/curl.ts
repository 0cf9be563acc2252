import type { Exchange } from './exchange.js';

// Headers curl sets itself, or that only describe this connection.
const implied = new Set(['content-length', 'host', 'connection', 'user-agent']);

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// Redacted secrets read `${NAME}`: keep those expandable by switching to double quotes around them.
function quoteKeepingVariables(value: string): string {
  return value
    .split(/(\$\{[A-Z0-9_]+\})/)
    .map((part) => (/^\$\{[A-Z0-9_]+\}$/.test(part) ? `"${part}"` : part === '' ? '' : shellQuote(part)))
    .join('');
}

/** A curl command that sends the same request (of an already redacted exchange). */
export function toCurl(request: Exchange['request']): string {
  const parts = ['curl', '-sS', '-i', '-X', request.method, quoteKeepingVariables(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!implied.has(name.toLowerCase())) parts.push('-H', quoteKeepingVariables(`${name}: ${value}`));
  }
  if (request.body !== undefined) parts.push('--data-binary', quoteKeepingVariables(request.body));
  return parts.join(' ');
}
