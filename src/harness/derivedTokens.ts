import { otherCase } from './otherCase.js';

/** A token the server did not issue, made from one it did: what a hurried token check may still take. */
export interface DerivedToken {
  /** How it was made, in the report's words. */
  name: string;
  token: string;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// Another character whose top bit differs: the last character of base64 carries padding bits only in its low ones,
// so a server that compares decoded bytes sees the change too.
function other(c: string): string {
  const at = alphabet.indexOf(c);
  return at < 0 ? (c === 'A' ? 'B' : 'A') : alphabet[at ^ 32]!;
}

const changedAt = (token: string, i: number) => token.slice(0, i) + other(token[i]!) + token.slice(i + 1);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT's header, payload and signature, when the token is one (three base64url parts, JSON in the first two). */
function jwtOf(
  token: string,
): { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload] = [jsonPart(parts[0]!), jsonPart(parts[1]!)];
  return header && payload ? { header, payload, signature: parts[2]! } : undefined;
}

/**
 * Tokens made from `issued`: shortened, one character changed at its start, middle and end, its case changed (not
 * for hex, which a server may read either way), two characters appended (one alone may decode to the same bytes);
 * and, when it is a JWT, its signature removed or altered, its header saying `"alg": "none"`, its payload changed
 * under the old signature, `exp` in the past.
 */
export function derivedTokens(issued: string, now = Date.now()): DerivedToken[] {
  const derived: DerivedToken[] = [
    { name: 'shortened by one character', token: issued.slice(0, -1) },
    { name: 'its first character changed', token: changedAt(issued, 0) },
    { name: 'a character in the middle changed', token: changedAt(issued, Math.floor(issued.length / 2)) },
    { name: 'its last character changed', token: changedAt(issued, issued.length - 1) },
    ...(/^[0-9a-f]+$/i.test(issued) || otherCase(issued) === issued
      ? []
      : [{ name: 'its case changed', token: otherCase(issued) }]),
    { name: 'two characters appended', token: `${issued}A9` },
  ];
  const jwt = jwtOf(issued);
  if (jwt) {
    const [header, payload] = issued.split('.') as [string, string, string];
    const signature = jwt.signature;
    derived.push(
      { name: 'JWT: the signature removed', token: `${header}.${payload}.` },
      ...(signature
        ? [{ name: 'JWT: the signature altered', token: `${header}.${payload}.${changedAt(signature, 0)}` }]
        : []),
      { name: 'JWT: "alg": "none", no signature', token: `${base64url({ ...jwt.header, alg: 'none' })}.${payload}.` },
      {
        name: 'JWT: the payload changed under the old signature',
        token: `${header}.${base64url({ ...jwt.payload, conformance: 'changed' })}.${signature}`,
      },
      {
        name: 'JWT: exp an hour ago, under the old signature',
        token: `${header}.${base64url({ ...jwt.payload, exp: Math.floor(now / 1000) - 3600 })}.${signature}`,
      },
    );
  }
  return derived.filter((d) => d.token !== issued && d.token.length > 0);
}
