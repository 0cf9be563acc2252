import { accountPage, errorsPage, httpSemantics, loginPage } from './citations.js';
import type { Requirement } from './requirement.js';

const both = ['sunset', 'legacy'] as const;
const sunset = ['sunset'] as const;

const blockedQuote = 'このエンドポイントを使ったビジネスの電話番号の登録はできなくなり、以下のエラーが返されます。';
const webappStatusTable = 'WEBAPP: src/WhatsApp/Common/ApiError.php maps each error code to an HTTP status (onprem-api-facts.md §5)';

/** Every checkable statement, grouped as the documentation is: account (sunset), requests, auth, responses. */
export const catalogue: readonly Requirement[] = [
  // アカウント — the sunset banner
  {
    id: 'ACCOUNT-SUNSET-1005',
    level: 'MUST',
    statement: 'POST /v1/account answers a registration with the error object {code: 1005, title: "Access denied", details: "Unknown error: biz_link_on_prem_reg_blocked"} in errors[].',
    citation: { section: 'アカウント', quote: blockedQuote, url: accountPage },
    profiles: sunset,
  },
  {
    id: 'ACCOUNT-SUNSET-NEVER-REGISTERS',
    level: 'MUST',
    statement: 'No schema-valid registration request is answered with 201 Created or 202 Accepted.',
    citation: { section: 'アカウント', quote: 'このエンドポイントを使ったビジネスの電話番号の登録はできなくなり', url: accountPage },
    profiles: sunset,
  },
  {
    id: 'ACCOUNT-SUNSET-STATUS-4XX',
    level: 'MUST',
    statement: 'The blocked registration is refused with a 4xx status: the request is denied, not failed by the server.',
    citation: { section: 'アカウント', quote: '"title": "Access denied"', url: accountPage },
    profiles: sunset,
  },
  {
    id: 'ACCOUNT-SUNSET-STATUS-403',
    level: 'SHOULD',
    statement: 'The blocked registration has status 403 Forbidden, the status the client gives error 1005.',
    citation: { section: 'アカウント', quote: '"code": 1005', url: accountPage },
    evidence: webappStatusTable,
    profiles: sunset,
  },
  {
    id: 'VERIFY-SUNSET-REFUSED',
    level: 'MUST',
    statement: 'POST /v1/account/verify never completes a registration: any code gets a 4xx error envelope, never a 2xx.',
    citation: { section: 'エッジ', quote: '/verify … このエッジを使用してアカウント登録を完了します。 / 登録はできなくなり', url: accountPage },
    profiles: sunset,
  },

  // パラメーター — the request
  {
    id: 'REQUEST-INVALID-REFUSED',
    level: 'MUST',
    statement: 'A body that breaks the documented parameters (a required one missing, a wrong JSON type, a value outside the options or pattern, an empty string) is refused with a 4xx error envelope.',
    citation: { section: 'パラメーター', quote: 'cc 必須。… phone_number 必須。… method 必須。… オプション:voice、sms … cert 必須。', url: accountPage },
    profiles: both,
  },
  {
    id: 'REQUEST-MISSING-1008',
    level: 'SHOULD',
    statement: 'A missing required parameter is reported with error 1008 "Required parameter is missing" (in the sunset profile the blocked 1005 is accepted too: refusing before validating is a valid order).',
    citation: { section: 'パラメーター', quote: '必須。', url: errorsPage },
    evidence: 'WEBAPP: Controller/AccountController.php answers a missing cc/phone_number/method/cert with 1008 and HTTP 400 (onprem-api-facts.md §1)',
    profiles: both,
  },
  {
    id: 'REQUEST-MALFORMED-JSON',
    level: 'MUST',
    statement: 'A body that is not valid JSON gets a 4xx error, never a 2xx and never a 5xx: the fault is the client\'s (RFC 9110 §15.5.1).',
    citation: { section: 'リクエスト', quote: 'POST /v1/account { "cc": "COUNTRY_CODE", … }', url: httpSemantics },
    profiles: both,
  },
  {
    id: 'REQUEST-MALFORMED-JSON-400',
    level: 'SHOULD',
    statement: 'A body that is not valid JSON gets 400 Bad Request with error 1025 "Invalid request".',
    citation: { section: 'エラーおよびステータスメッセージ', quote: '1025 Invalid Request', url: errorsPage },
    evidence: 'WEBAPP: index.php answers an undecodable JSON body with 400 and 1025 (onprem-api-facts.md §4)',
    profiles: both,
  },

  // 制約 — who may register
  {
    id: 'AUTH-TOKEN-REQUIRED',
    level: 'MUST',
    statement: 'POST /v1/account without a bearer token, or with a token the server did not issue, is refused with a 4xx, never a 2xx.',
    citation: { section: 'Users: login', quote: 'Use the token as Authorization: Bearer <token> on every other endpoint.', url: loginPage },
    profiles: both,
  },
  {
    id: 'AUTH-TOKEN-401',
    level: 'SHOULD',
    statement: 'A missing or unknown bearer token gets 401 Unauthorized.',
    citation: { section: 'Users: login', quote: 'Authorization: Bearer <token>', url: loginPage },
    evidence: 'WEBAPP: Security/TokenAuthenticator.php start() answers 401 with 1005 "Missing or invalid authentication credentials" (onprem-api-facts.md §3)',
    profiles: both,
  },
  {
    id: 'AUTH-ADMIN-ONLY',
    level: 'MUST',
    statement: 'A non-admin account\'s token is refused by POST /v1/account with a 4xx, never a 2xx.',
    citation: { section: '制約', quote: 'アプリを登録するには、必ずadminアカウントを使用します。', url: accountPage },
    profiles: both,
  },
  {
    id: 'AUTH-ADMIN-403',
    level: 'SHOULD',
    statement: 'A non-admin account is refused with 403 Forbidden and error 1005.',
    citation: { section: '制約', quote: '必ずadminアカウントを使用します。', url: accountPage },
    evidence: 'WEBAPP: app/security.php requires ROLE_ADMIN for ^/v1/account; the error handler answers 403 with 1005 (onprem-api-facts.md §3)',
    profiles: both,
  },
  {
    id: 'LOGIN-TOKEN',
    level: 'MUST',
    statement: 'POST /v1/users/login with HTTP Basic credentials answers 2xx with users[0].token and users[0].expires_after.',
    citation: { section: 'Users: login', quote: '{"users": [{"token": "eyJ…", "expires_after": "2018-03-01 15:29:26+00:00"}]}', url: loginPage },
    profiles: both,
  },
  {
    id: 'LOGIN-STATUS-200',
    level: 'SHOULD',
    statement: 'A successful login answers 200 OK.',
    citation: { section: 'Users: login', quote: 'POST /v1/users/login', url: loginPage },
    evidence: 'WEBAPP: Controller/UsersController.php login() answers 200; rapidpro and wabclient require 200 (onprem-api-facts.md §3)',
    profiles: both,
  },
  {
    id: 'LOGIN-BAD-CREDENTIALS',
    level: 'MUST',
    statement: 'A login with a wrong password is refused with a 4xx and no token.',
    citation: { section: 'Users: login', quote: 'Authorization: Basic base64(username:password)', url: loginPage },
    profiles: both,
  },

  // エラーおよびステータスメッセージ — responses
  {
    id: 'ERROR-ENVELOPE',
    level: 'MUST',
    statement: 'An error answer of /v1/account carries errors[], each {code: integer, title: string, details?: string, href?: string}.',
    citation: { section: 'リクエスト', quote: 'エラーが返された場合は、エラーおよびステータスメッセージで詳細をご覧ください。', url: errorsPage },
    profiles: both,
  },
  {
    id: 'RESPONSE-JSON',
    level: 'MUST',
    statement: 'Every answer with a body is JSON: Content-Type application/json (parameters such as charset allowed) and a body that parses.',
    citation: { section: 'リクエスト', quote: '{ "account": [{ "vname": "decoded-vname-from-cert" }] }', url: accountPage },
    profiles: both,
  },
  {
    id: 'RESPONSE-META',
    level: 'SHOULD',
    statement: 'Every JSON answer carries meta {version, api_status}.',
    citation: { section: 'エラーおよびステータスメッセージ', quote: '"meta": {"version": "v2.45.1", "api_status": "stable"}', url: errorsPage },
    evidence: 'WEBAPP: Common/Util.php genResponse() always adds meta; Postman examples show it (onprem-api-facts.md §4)',
    profiles: both,
  },
];
