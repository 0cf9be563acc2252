import type { CodeSourceConfig } from '../generated/types.js';
import type { SourceHttp } from './http.js';
import { type CodeRequest, type CodeSource, SourceError, sameNumber } from './source.js';

/** A fixed code: per listed number, or the same for every number (test numbers, as Signal or Supabase have them). */
export function fixedCodeSource(config: Pick<CodeSourceConfig, 'code' | 'codes'>): CodeSource {
  const name = 'the fixed code (codeSource.type "fixed")';
  return {
    name,
    interactive: false,
    covers:
      config.code !== undefined ? 'any' : (config.codes ?? []).map(({ cc, phone_number }) => ({ cc, phone_number })),
    async sentCode({ cc, phone_number }) {
      const listed = config.codes?.find((c) => sameNumber(c, { cc, phone_number }))?.code;
      const code = listed ?? config.code;
      if (!code) throw new SourceError(`${name} lists no code for +${cc} ${phone_number}`);
      return code;
    },
  };
}

/** A response header of the 202, as the whatsapp-bizapi-mock sends `verify-code`. */
export function headerCodeSource(header: string): CodeSource {
  const name = `the response header ${header} (codeSource.type "header")`;
  const lower = header.toLowerCase();
  return {
    name,
    interactive: false,
    covers: 'any',
    async sentCode({ answer, cc, phone_number }) {
      const code = answer?.headers[lower];
      if (!code)
        throw new SourceError(
          `${name}: the answer to the registration of +${cc} ${phone_number} (status ${answer?.status ?? 'none'}) has no ${header} header`,
        );
      return code;
    },
  };
}

/** RFC 6901 JSON Pointer. */
export function atPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let at = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** What each placeholder of an inbox URL is filled in with. */
const templateValues: Record<string, (request: CodeRequest) => string> = {
  cc: (r) => r.cc,
  phone_number: (r) => r.phone_number,
  method: (r) => r.method,
  requestedAt: (r) => r.requestedAt,
  requestedAtMs: (r) => String(Date.parse(r.requestedAt)),
};

/** The placeholders an inbox URL may hold: any other is a configuration error, named before the run. */
export const templateKeys: readonly string[] = Object.keys(templateValues);

export const placeholder = /\{(\w+)\}/g;

/** The placeholders of `template` the suite does not fill in. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(placeholder)].map((m) => m[1]!).filter((key) => !(key in templateValues));
}

export function fillTemplate(template: string, request: CodeRequest): string {
  return template.replace(placeholder, (whole, key: string) =>
    key in templateValues ? encodeURIComponent(templateValues[key]!(request)) : whole,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An HTTP inbox (Mailpit-like): GET the URL filled in for this number, take the code at the pointer, poll until
 * one is there (and, with sentAtPointer, sent after the request); the caller's deadline ends the polling.
 */
export function inboxCodeSource(
  config: Pick<CodeSourceConfig, 'url' | 'pointer' | 'sentAtPointer' | 'interval'>,
  http: SourceHttp,
  budgetMs: number,
): CodeSource {
  const template = config.url!;
  const name = `the inbox ${template} (codeSource.type "inbox")`;
  const pointer = config.pointer ?? '/code';
  return {
    name,
    interactive: false,
    covers: 'any',
    async sentCode(request) {
      const url = fillTemplate(template, request);
      const until = Date.now() + budgetMs;
      let last = 'no answer yet';
      for (;;) {
        const answer = await http.send('GET', url);
        const code = atPointer(answer.body, pointer);
        const sentAt = config.sentAtPointer
          ? Date.parse(String(atPointer(answer.body, config.sentAtPointer)))
          : undefined;
        const recent =
          sentAt === undefined || (!Number.isNaN(sentAt) && sentAt >= Date.parse(request.requestedAt) - 1000);
        if (answer.status < 300 && (typeof code === 'string' || typeof code === 'number') && String(code) && recent)
          return String(code);
        last =
          answer.status >= 300
            ? `status ${answer.status}`
            : code === undefined
              ? `nothing at ${pointer}`
              : 'only a code sent before the request';
        if (Date.now() + (config.interval ?? 200) > until)
          throw new SourceError(`${name}: no code for +${request.cc} ${request.phone_number} (${last})`);
        await sleep(config.interval ?? 200);
      }
    },
  };
}
