import { type Exchange, jsonOf } from '../client/index.js';
import { type Expectation, expectation } from './expectations.js';

/** Where in an answer a value sent in the request comes back: JSON paths (`errors[0].details`), or `body`. */
export function echoedAt(answer: Exchange, value: string): string[] {
  const body = answer.response?.body ?? '';
  if (!body.includes(value)) return [];
  const found: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string' && node.includes(value)) found.push(path || 'the body');
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node && typeof node === 'object')
      for (const [key, item] of Object.entries(node)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(jsonOf(answer), '');
  return found.length ? found : ['the body'];
}

/**
 * An answer that does not carry `value` (a password, PIN or code the request sent) anywhere; made for `answer`, so
 * that when it does, the description names where. The value itself is a secret of the run, so the report shows its variable, never it.
 */
export function notEchoing(answer: Exchange, what: string, value: string): Expectation {
  const where = echoedAt(answer, value);
  const description = `an answer that does not repeat the ${what} it was sent`;
  return expectation(
    where.length ? `${description} (it does, in ${where.join(', ')})` : description,
    (a) => echoedAt(a, value).length === 0,
  );
}
