// Beyond the page: answers it allows that real clients break on, and requests real clients send that a target may
// refuse. Read in the clients' sources (../shared/research/real-clients.md lists them); none was run here. Reported
// apart from the requirements (INTEROP), never a FAIL: the page leaves these choices open.

/** An exchange as an interop entry reads it: what crossed the wire, nothing more. */
export interface WireExchange {
  method: string;
  /** The request's path, without the query. */
  path: string;
  status?: number;
  /** The answer's body as JSON: undefined when it is empty or no JSON (parsed once, by the harness, for every reader). */
  json?: unknown;
}

export interface InteropClient {
  name: string;
  repository: string;
  file: string;
}

/** What one exchange shows of an entry: none (not its kind), the clients work with it, or they break. */
export type InteropReading = 'works' | 'breaks' | undefined;

export interface InteropEntry {
  id: string;
  title: string;
  clients: readonly InteropClient[];
  /** The answer that breaks them, in words. */
  breaksOn: string;
  why: string;
  /**
   * `answer`: read off the answers the run already has. `request`: the suite sends what the client sends
   * (specs/interop.spec.ts) and compares the answer with the one to the request as documented.
   */
  kind: 'answer' | 'request';
  read?: (exchange: WireExchange) => InteropReading;
}

const wabclient: InteropClient = {
  name: 'praekeltfoundation/python-whatsapp-business-client',
  repository: 'https://github.com/praekeltfoundation/python-whatsapp-business-client',
  file: 'wabclient/client.py',
};
const phpSdk = (file: string): InteropClient => ({
  name: 'yocto/whatsapp-business-sdk-php',
  repository: 'https://github.com/yocto/whatsapp-business-sdk-php',
  file,
});
const happyCrm = (file: string): InteropClient => ({
  name: 'hig-big-them/happy-crm-v2',
  repository: 'https://github.com/hig-big-them/happy-crm-v2',
  file,
});

const isPost = (exchange: WireExchange, path: string) => exchange.method === 'POST' && exchange.path === path;
const success = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The shape nwabiz parses `expires_after` with: Go's layout `2006-01-02 15:04:05-07:00`. */
const spacedTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

export const interopCatalogue: readonly InteropEntry[] = [
  {
    id: 'INTEROP-201-BODY',
    title: 'a 201 of POST /v1/account carries a JSON object',
    clients: [wabclient, happyCrm('app/api/whatsapp/on-premises/register/route.ts')],
    breaksOn: 'POST /v1/account answered 201 with an empty body, or one that is not a JSON object',
    why: 'wabclient calls resp.json() after raise_for_status(); the Next.js route awaits response.json() before it looks at the status: both throw on an empty body',
    kind: 'answer',
    read: (e) => (isPost(e, '/v1/account') && e.status === 201 ? (isObject(e.json) ? 'works' : 'breaks') : undefined),
  },
  {
    id: 'INTEROP-VERIFY-BODY',
    title: 'a successful /v1/account/verify carries a JSON object',
    clients: [wabclient],
    breaksOn: 'POST /v1/account/verify answered 2xx with an empty body, or one that is not a JSON object',
    why: 'wabclient decodes every answer as JSON: an empty 201 ("with no payload object") raises',
    kind: 'answer',
    read: (e) =>
      isPost(e, '/v1/account/verify') && success(e.status) ? (isObject(e.json) ? 'works' : 'breaks') : undefined,
  },
  {
    id: 'INTEROP-ERROR-DETAILS',
    title: 'every error object carries title and details as strings',
    clients: [phpSdk('src/APIError.php')],
    breaksOn: 'an error object in errors[] without a string title or details',
    why: "APIError(int $code, string $title, string $details) is fed $error['details'] ?? null: a missing details is a TypeError (details is optional in the client's envelope)",
    kind: 'answer',
    read: (e) => {
      const errors = (e.json as { errors?: unknown } | undefined)?.errors;
      if (!Array.isArray(errors) || errors.length === 0) return undefined;
      return errors.every(
        (error) =>
          typeof (error as { title?: unknown })?.title === 'string' &&
          typeof (error as { details?: unknown })?.details === 'string',
      )
        ? 'works'
        : 'breaks';
    },
  },
  {
    id: 'INTEROP-EXPIRES-SPACE',
    title: "a login's expires_after is written as the page writes it, with a space",
    clients: [
      {
        name: 'nbs-go/nwabiz',
        repository: 'https://github.com/nbs-go/nwabiz',
        file: 'wabiz.go',
      },
    ],
    breaksOn: 'users[0].expires_after in another form than 2018-03-01 15:29:26+00:00 (an ISO 8601 T, a Z, fractions)',
    why: 'nwabiz parses expires_after with the layout "2006-01-02 15:04:05-07:00" only: anything else fails the login',
    kind: 'answer',
    read: (e) => {
      if (!isPost(e, '/v1/users/login')) return undefined;
      const expires = (e.json as { users?: { expires_after?: unknown }[] } | undefined)?.users?.[0]?.expires_after;
      if (typeof expires !== 'string') return undefined;
      return spacedTime.test(expires) ? 'works' : 'breaks';
    },
  },
  {
    id: 'INTEROP-LOGIN-200',
    title: 'a successful login answers 200',
    clients: [
      {
        name: 'rapidpro/rapidpro',
        repository: 'https://github.com/rapidpro/rapidpro',
        file: 'temba/channels/types/whatsapp/views.py',
      },
    ],
    breaksOn: 'POST /v1/users/login answered with a token and a 2xx status other than 200',
    why: "RapidPro's claim form requires status 200 from the login before it reads users[0].token",
    kind: 'answer',
    read: (e) => {
      if (!isPost(e, '/v1/users/login') || !success(e.status)) return undefined;
      const token = (e.json as { users?: { token?: unknown }[] } | undefined)?.users?.[0]?.token;
      if (typeof token !== 'string') return undefined;
      return e.status === 200 ? 'works' : 'breaks';
    },
  },
  {
    id: 'INTEROP-FORM-LABEL',
    title: 'a JSON body labelled application/x-www-form-urlencoded is read as JSON',
    clients: [phpSdk('src/API.php')],
    breaksOn:
      'a JSON body sent with Content-Type: application/x-www-form-urlencoded answered otherwise than the same body sent as application/json',
    why: 'the SDK posts its JSON string through libcurl with only a Bearer header, and libcurl labels a string body application/x-www-form-urlencoded',
    kind: 'request',
  },
  {
    id: 'INTEROP-VERIFY-NUMBER',
    title: 'a verification that also carries cc and phone_number is read as one that carries the code only',
    clients: [happyCrm('app/api/whatsapp/on-premises/verify/route.ts')],
    breaksOn: 'POST /v1/account/verify with {cc, phone_number, code} answered otherwise than with {code}',
    why: 'the route forwards cc, phone_number and code to /v1/account/verify; only code is documented. Told apart by status and error code only: a refusal of the extra fields worded as a wrong code is not seen',
    kind: 'request',
  },
  {
    id: 'INTEROP-LOGIN-EMPTY-OBJECT',
    title: 'a login whose body is {} logs in as one without a body does',
    clients: [
      {
        name: 'getninjas/whatsapp',
        repository: 'https://github.com/getninjas/whatsapp',
        file: 'lib/whats/actions/login.rb',
      },
    ],
    breaksOn: 'POST /v1/users/login with HTTP Basic credentials and the JSON body {} answered without a token',
    why: 'the gem sends body: {} with its Basic login',
    kind: 'request',
  },
];

const interopById = new Map(interopCatalogue.map((entry) => [entry.id, entry]));

/** The interop entry with this ID; an unknown ID is a programming error, so it throws. */
export function interopEntry(id: string): InteropEntry {
  const found = interopById.get(id);
  if (!found) throw new Error(`unknown interop entry "${id}"`);
  return found;
}
