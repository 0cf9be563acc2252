import {
  accountPage,
  authenticateChallenge,
  errorsPage,
  httpSemantics,
  loginPage,
  postmanVerify,
  twoStepPage,
} from './citations.js';
import type { Requirement } from './requirement.js';

const both = ['sunset', 'legacy'] as const;
const sunset = ['sunset'] as const;
const legacy = ['legacy'] as const;

const blockedQuote = 'このエンドポイントを使ったビジネスの電話番号の登録はできなくなり、以下のエラーが返されます。';
const webappStatusTable =
  'WEBAPP: src/WhatsApp/Common/ApiError.php maps each error code to an HTTP status (onprem-api-facts.md §5)';

/** Every checkable statement, each citing the section of the documentation it rests on (`citation.section`). */
export const catalogue: readonly Requirement[] = [
  {
    id: 'ACCOUNT-SUNSET-1005',
    level: 'MUST',
    title: 'a registration gets the documented blocked error object in errors[]',
    statement:
      'POST /v1/account answers a registration with the error object {code: 1005, title: "Access denied", details: "Unknown error: biz_link_on_prem_reg_blocked"} in errors[].',
    citation: { section: 'アカウント', quote: blockedQuote, url: accountPage },
    profiles: sunset,
  },
  {
    id: 'ACCOUNT-SUNSET-NEVER-REGISTERS',
    level: 'MUST',
    title: 'no schema-valid registration is accepted with 201 or 202',
    statement: 'No schema-valid registration request is answered with 201 Created or 202 Accepted.',
    citation: {
      section: 'アカウント',
      quote: 'このエンドポイントを使ったビジネスの電話番号の登録はできなくなり',
      url: accountPage,
    },
    profiles: sunset,
  },
  {
    id: 'ACCOUNT-SUNSET-STATUS-4XX',
    level: 'MUST',
    title: 'the blocked registration has a 4xx status',
    statement:
      'The blocked registration is refused with a 4xx status: the request is denied, not failed by the server.',
    citation: { section: 'アカウント', quote: '"title": "Access denied"', url: accountPage },
    profiles: sunset,
  },
  {
    id: 'ACCOUNT-SUNSET-STATUS-403',
    level: 'SHOULD',
    title: 'the blocked registration has status 403',
    statement: 'The blocked registration has status 403 Forbidden, the status the client gives error 1005.',
    citation: { section: 'アカウント', quote: '"code": 1005', url: accountPage },
    evidence: webappStatusTable,
    profiles: sunset,
  },
  {
    id: 'VERIFY-SUNSET-REFUSED',
    level: 'MUST',
    title: 'no registration code completes a registration',
    statement:
      'POST /v1/account/verify never completes a registration: any code gets a 4xx error envelope, never a 2xx.',
    citation: {
      section: 'エッジ',
      quote: '/verify … このエッジを使用してアカウント登録を完了します。 / 登録はできなくなり',
      url: accountPage,
    },
    profiles: sunset,
  },

  {
    id: 'LEGACY-REGISTERED-201',
    level: 'MUST',
    title: 'a registered number is answered 201',
    statement: 'A number already registered on the client is answered with 201 Created.',
    citation: {
      section: 'リクエスト',
      quote: '201 Created — アカウントがすでに存在します。すでに登録されているため、他に必要な作業はありません。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['registered-number'],
  },
  {
    id: 'LEGACY-UNREGISTERED-202',
    level: 'MUST',
    title: 'an unregistered number is answered 202 with the vname in cert',
    statement:
      'A number not registered on the client is answered with 202 Accepted and {"account": [{"vname": <the verified name in cert>}]}.',
    citation: {
      section: 'リクエスト',
      quote:
        '202 Accepted — アカウントが存在しません。… この応答には返されたペイロードが含まれており、その中にcertパラメーターからデコードされたvnameがあります。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['unregistered-number', 'side-effects'],
  },
  {
    id: 'LEGACY-VNAME-ROUNDTRIP',
    level: 'MUST',
    title: 'the 202 vname is the name in cert, for any name',
    statement:
      'The 202 vname is exactly the verified name in cert, for any name: Japanese, emoji, combining marks, long names.',
    citation: {
      section: 'リクエスト',
      quote:
        'certパラメーターからデコードされたvnameがあります。これで、正しい表示名が設定されていることを確認できます。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['minted-certificates', 'side-effects'],
  },
  {
    id: 'LEGACY-METHOD-OPTIONS',
    level: 'MUST',
    title: 'a method other than sms or voice is refused',
    statement: 'A method other than "sms" or "voice" is refused with a 4xx error envelope, never 201 or 202.',
    citation: {
      section: 'パラメーター',
      quote: 'method 必須。登録コードの受け取り方法 オプション:voice、sms',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['unregistered-number'],
  },
  {
    id: 'LEGACY-CERT-INVALID',
    level: 'MUST',
    title: 'a cert that is no verified-name certificate is refused',
    statement:
      'A cert that is not a base64 verified-name certificate is refused with a 4xx error envelope: there is no vname to decode.',
    citation: {
      section: '開始する前に',
      quote:
        'base64エンコードされた証明書の文字列が生成され、WhatsApp Business APIクライアント登録時の検証に使用されます。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['unregistered-number'],
  },
  {
    id: 'LEGACY-PIN-REQUIRED',
    level: 'MUST',
    title: 'a number with two-step on is not registered without its pin',
    statement:
      'A number with two-step verification on is not registered without its pin: a 4xx error envelope, never 201 or 202.',
    citation: {
      section: 'パラメーター',
      quote: 'pin 任意。既存の6桁のPIN - このアカウントで二段階認証が有効になっている場合にのみ必要です。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['two-step-number'],
  },
  {
    id: 'LEGACY-PIN-CHECKED',
    level: 'MUST',
    title: 'a wrong pin is refused',
    statement:
      'A wrong pin for a number with two-step verification on (any other six digits, or one made from the PIN: a digit more or fewer, one changed, reversed, padded with spaces) is refused with a 4xx error envelope, never 201 or 202, whichever the method.',
    citation: { section: 'パラメーター', quote: '既存の6桁のPIN', url: accountPage },
    profiles: legacy,
    needs: ['two-step-number'],
  },
  {
    id: 'LEGACY-PIN-ACCEPTED',
    level: 'MUST',
    title: 'the right pin gives 202 with the vname',
    statement: 'The right pin for a number with two-step verification on gives 202 Accepted with its vname.',
    citation: {
      section: 'パラメーター',
      quote: 'このアカウントで二段階認証が有効になっている場合にのみ必要です。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['two-step-number', 'side-effects'],
  },

  {
    id: 'LEGACY-PENDING-202',
    level: 'MUST',
    title: 'a number whose code is pending is still answered 202',
    statement:
      'A number whose code was sent but not yet verified is not registered: asking again is answered 202 Accepted, never 201.',
    citation: { section: 'リクエスト', quote: '202 Accepted — アカウントが存在しません。', url: accountPage },
    profiles: legacy,
    needs: ['unregistered-number', 'side-effects'],
  },

  {
    id: 'VERIFY-CODE-REQUIRED',
    level: 'MUST',
    title: 'verify without a code is refused',
    statement: 'POST /v1/account/verify without a code is refused with a 4xx error envelope.',
    citation: {
      section: 'エッジ',
      quote: '指定した方法で登録コードを受け取ったら、このエッジを使用してアカウント登録を完了します。',
      url: accountPage,
    },
    profiles: legacy,
  },
  {
    id: 'VERIFY-MISSING-1008',
    level: 'SHOULD',
    title: 'verify without a code gets 400 with 1008',
    statement: 'POST /v1/account/verify without a code gets 400 with error 1008.',
    citation: { section: 'エッジ', quote: '/verify', url: accountPage },
    evidence:
      'WEBAPP: AccountController.php register() answers a missing code with 1008 and HTTP 400 (onprem-api-facts.md §2)',
    profiles: legacy,
  },
  {
    id: 'VERIFY-WRONG-CODE',
    level: 'MUST',
    title: 'a code that was not sent is refused and registers nothing',
    statement:
      "A code other than the one sent for the pending registration (one never sent, a prefix of it, it with a character appended or changed, another number's earlier code) is refused with a 4xx error envelope and registers nothing.",
    citation: {
      section: 'エッジ',
      quote: '指定した方法で登録コードを受け取ったら…アカウント登録を完了します。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['unregistered-number', 'side-effects'],
  },
  {
    id: 'VERIFY-EARLIER-CODE',
    level: 'INFO',
    title: 'an earlier code of a number, after a newer request for it, completes the registration or is refused',
    statement:
      'After a second code request for the same number, whether the first code still completes the registration: the documentation is silent, so either answer is accepted, and the report says which the target gives.',
    citation: {
      section: 'エッジ',
      quote: '指定した方法で登録コードを受け取ったら、このエッジを使用してアカウント登録を完了します。',
      url: accountPage,
    },
    evidence:
      'INFERRED: the page says the code received completes the registration, not whether a newer request voids an earlier code; the reference voids it (one pending registration, its latest code)',
    profiles: legacy,
    needs: ['unregistered-number', 'code-source', 'side-effects'],
  },
  {
    id: 'VERIFY-COMPLETES',
    level: 'MUST',
    title: 'the code that was sent completes the registration',
    statement: 'The code that was sent completes the registration with a 2xx.',
    citation: { section: 'エッジ', quote: 'このエッジを使用してアカウント登録を完了します。', url: accountPage },
    profiles: legacy,
    needs: ['unregistered-number', 'code-source', 'side-effects'],
  },
  {
    id: 'VERIFY-201',
    level: 'SHOULD',
    title: 'a completed registration is answered 201',
    statement: 'A completed registration is answered with 201 Created.',
    citation: { section: 'エッジ', quote: '/verify', url: postmanVerify },
    evidence:
      "POSTMAN: Register-Account in Meta's collection v2.45.1 answers 201 with no payload (onprem-api-facts.md §2)",
    profiles: legacy,
    needs: ['unregistered-number', 'code-source', 'side-effects'],
  },
  {
    id: 'VERIFY-REGISTERS',
    level: 'MUST',
    title: 'after verification the number is registered',
    statement: 'After verification the number is registered: POST /v1/account for it answers 201.',
    citation: { section: 'リクエスト', quote: '201 Created — アカウントがすでに存在します。', url: accountPage },
    profiles: legacy,
    needs: ['unregistered-number', 'code-source', 'side-effects'],
  },
  {
    id: 'LEGACY-STATEFUL-MODEL',
    level: 'MUST',
    title: 'any sequence of registrations, verifications and two-step changes matches the model',
    statement:
      'Any sequence of registrations, verifications and two-step changes is answered as a model of the documented behaviour predicts.',
    citation: {
      section: 'リクエスト',
      quote:
        '受信した応答に応じて、登録手続きが完了したと見なしてよい場合と、完了するにはさらに手順を踏むことが必要な場合があります。',
      url: accountPage,
    },
    profiles: legacy,
    needs: ['minted-certificates', 'code-source', 'side-effects', 'fresh-number-codes', 'unattended-code-source'],
  },

  {
    id: 'CONTRACT-HONOURED',
    level: 'SHOULD',
    title: "the target honours the profile's Pact contract",
    statement:
      "The target passes the Pact Verifier on the profile's contract in contracts/pacts/ (interactions whose provider state cannot be set are skipped), or on the pacts a configured Pact Broker selects.",
    citation: { section: 'リクエスト', quote: '受信した応答に応じた手順に従ってください。', url: accountPage },
    evidence:
      'INFERRED: the contracts fix statuses the documentation leaves open (403 for 1005, 400 for 1008) the way the client does (WEBAPP), so a miss is a WARN',
    profiles: both,
  },

  {
    id: 'TWO-STEP-ADMIN-ONLY',
    level: 'MUST',
    title: 'a non-admin account cannot change two-step verification',
    statement:
      'A non-admin account cannot change two-step verification: POST and DELETE /v1/settings/account/two-step answer 4xx, and the request is not processed: the answer does not depend on the body.',
    citation: {
      section: 'Two-step verification',
      quote: 'admin only (paraphrased from the page in onprem-api-facts.md §6)',
      url: twoStepPage,
    },
    profiles: both,
    needs: ['non-admin-account'],
  },
  {
    id: 'TWO-STEP-SETTINGS',
    level: 'MUST',
    title: 'two-step settings set and clear the PIN re-registration needs',
    statement:
      'POST /v1/settings/account/two-step {pin} and DELETE answer 200; afterwards re-registering the account needs that pin, then needs none.',
    citation: {
      section: '2段階認証PINの変更',
      quote: 'APIを使用して新しいPINを設定することもできます。',
      url: twoStepPage,
    },
    profiles: legacy,
    needs: ['unregistered-number', 'code-source', 'state-source', 'side-effects', 'moved-away-state'],
  },

  {
    id: 'REQUEST-INVALID-REFUSED',
    level: 'MUST',
    title: 'a body that breaks the documented parameters is refused with a 4xx error envelope',
    statement:
      'A body that breaks the documented parameters (a required one missing, a wrong JSON type, a value outside the options or pattern, an empty string, awkward Unicode, a value past its length) is refused with a 4xx error envelope.',
    citation: {
      section: 'パラメーター',
      quote: 'cc 必須。… phone_number 必須。… method 必須。… オプション:voice、sms … cert 必須。',
      url: accountPage,
    },
    profiles: both,
  },
  {
    id: 'REQUEST-MISSING-1008',
    level: 'SHOULD',
    title: 'a missing required parameter is reported with 1008',
    statement:
      'A missing required parameter is reported with error 1008 "Required parameter is missing" (in the sunset profile the blocked 1005 is accepted too: refusing before validating is a valid order).',
    citation: { section: 'パラメーター', quote: '必須。', url: errorsPage },
    evidence:
      'WEBAPP: Controller/AccountController.php answers a missing cc/phone_number/method/cert with 1008 and HTTP 400 (onprem-api-facts.md §1)',
    profiles: both,
  },
  {
    id: 'REQUEST-VALUE-1009',
    level: 'SHOULD',
    title: 'a parameter with a bad value is reported with 400 and 1009',
    statement:
      'A parameter with a bad value (a wrong JSON type, outside the options or pattern, empty) is reported with 400 and error 1009 (in the sunset profile the blocked 1005 is accepted too).',
    citation: { section: 'パラメーター', quote: 'オプション:voice、sms', url: errorsPage },
    evidence:
      'WEBAPP: Common/Util.php answers an invalid parameter value with 1009 and HTTP 400 (onprem-api-facts.md §1)',
    profiles: both,
  },
  {
    id: 'REQUEST-MALFORMED-JSON',
    level: 'MUST',
    title: 'a body that is not JSON gets a 4xx, never a 2xx or 5xx',
    statement:
      "A body that is not valid JSON gets a 4xx error, never a 2xx and never a 5xx: the fault is the client's (RFC 9110 §15.5.1).",
    citation: { section: 'リクエスト', quote: 'POST /v1/account { "cc": "COUNTRY_CODE", … }', url: httpSemantics },
    profiles: both,
  },
  {
    id: 'REQUEST-NO-5XX',
    level: 'MUST',
    title: 'a request the client got wrong, in any way, never gets a 5xx',
    statement:
      "A request the client got wrong (a broken parameter, unknown properties, a body that is no JSON object or is empty, another Content-Type or charset, a body near a size limit) never gets a 5xx or no answer at all: the fault is the client's (RFC 9110 §15.5), and a 5xx says the server failed (§15.6).",
    citation: {
      section: 'リクエスト',
      quote: 'エラーが返された場合は、エラーおよびステータスメッセージで詳細をご覧ください。',
      url: httpSemantics,
    },
    profiles: both,
  },
  {
    id: 'REQUEST-UNKNOWN-PROPERTIES',
    level: 'MUST',
    title: 'unknown properties change nothing, or are refused',
    statement:
      'A registration whose documented parameters are valid and that only adds unknown properties gets the answer the documentation gives the registration (sunset: the blocked error; legacy: 201 for a registered number), or a 4xx error envelope refusing them: ignoring and refusing are both allowed.',
    citation: {
      section: 'パラメーター',
      quote: 'cc 必須。… phone_number 必須。… method 必須。… cert 必須。',
      url: accountPage,
    },
    profiles: both,
  },
  {
    id: 'REQUEST-MALFORMED-JSON-400',
    level: 'SHOULD',
    title: 'a body that is not JSON gets 400 with error 1025',
    statement:
      'A body that is not valid JSON gets 400 Bad Request with error 1025 "Invalid request" (in the sunset profile, the blocked 1005 refusal too, as for invalid parameters).',
    citation: { section: 'エラーおよびステータスメッセージ', quote: '1025 Invalid Request', url: errorsPage },
    evidence: 'WEBAPP: index.php answers an undecodable JSON body with 400 and 1025 (onprem-api-facts.md §4)',
    profiles: both,
  },

  {
    id: 'AUTH-TOKEN-REQUIRED',
    level: 'MUST',
    title: 'a request without a valid bearer token is refused by every admin endpoint, whatever its body',
    statement:
      'Every endpoint behind the admin account (POST /v1/account, POST /v1/account/verify, POST and DELETE /v1/settings/account/two-step) refuses a request without a bearer token, or with a token the server did not issue, with a 4xx, never a 2xx, and does not process it: the answer does not depend on the body (a validation error such as 1008 or 1009 shows the body was read).',
    citation: {
      section: 'Users: login',
      quote: 'Use the token as Authorization: Bearer <token> on every other endpoint.',
      url: loginPage,
    },
    profiles: both,
  },
  {
    id: 'AUTH-TOKEN-DERIVED',
    level: 'MUST',
    title: "a token made from the admin's is refused, whatever the body",
    statement:
      'A token made from the one the server issued to the admin (shortened, one character changed at its start, middle or end, its case changed, two characters appended; for a JWT, its signature removed or altered, "alg": "none", its payload changed or its exp in the past under the old signature) is a token the server did not issue: POST /v1/account refuses it with a 4xx and does not process the request.',
    citation: {
      section: 'Users: login',
      quote: 'Use the token as Authorization: Bearer <token> on every other endpoint.',
      url: loginPage,
    },
    profiles: both,
  },
  {
    id: 'AUTH-TOKEN-401',
    level: 'SHOULD',
    title: 'a missing or unknown bearer token gets 401 from every admin endpoint',
    statement: 'A missing or unknown bearer token gets 401 Unauthorized from every endpoint behind the admin account.',
    citation: { section: 'Users: login', quote: 'Authorization: Bearer <token>', url: loginPage },
    evidence:
      'WEBAPP: Security/TokenAuthenticator.php start() answers 401 with 1005 "Missing or invalid authentication credentials" (onprem-api-facts.md §3)',
    profiles: both,
  },
  {
    id: 'AUTH-ANONYMOUS-DISTINCT',
    level: 'SHOULD',
    title: 'a caller without a valid token is not answered as the admin is',
    statement:
      'A caller without a valid token is not answered exactly as the admin is: the refusal is about the credentials, not the registration.',
    citation: { section: '制約', quote: 'アプリを登録するには、必ずadminアカウントを使用します。', url: accountPage },
    evidence:
      'WEBAPP: Security/TokenAuthenticator.php answers 401 before any controller runs (onprem-api-facts.md §3); a gateway that refuses every registration before authenticating is a defensible reading of the sunset, hence SHOULD',
    profiles: both,
  },
  {
    id: 'AUTH-ADMIN-ONLY',
    level: 'MUST',
    title: 'a non-admin account cannot register or verify',
    statement:
      "A non-admin account's token is refused by POST /v1/account and POST /v1/account/verify with a 4xx, never a 2xx, and the request is not processed: the answer does not depend on the body.",
    citation: { section: '制約', quote: 'アプリを登録するには、必ずadminアカウントを使用します。', url: accountPage },
    profiles: both,
    needs: ['non-admin-account'],
  },
  {
    id: 'AUTH-ADMIN-403',
    level: 'SHOULD',
    title: 'a non-admin account is refused with 403 and error 1005',
    statement: 'A non-admin account is refused with 403 Forbidden and error 1005.',
    citation: { section: '制約', quote: '必ずadminアカウントを使用します。', url: accountPage },
    evidence:
      'WEBAPP: app/security.php requires ROLE_ADMIN for ^/v1/account; the error handler answers 403 with 1005 (onprem-api-facts.md §3)',
    profiles: both,
    needs: ['non-admin-account'],
  },
  {
    id: 'LOGIN-TOKEN',
    level: 'MUST',
    title: 'a login with HTTP Basic credentials returns a token',
    statement:
      'POST /v1/users/login with HTTP Basic credentials answers 2xx with users[0].token and users[0].expires_after.',
    citation: {
      section: 'Users: login',
      quote: '{"users": [{"token": "eyJ…", "expires_after": "2018-03-01 15:29:26+00:00"}]}',
      url: loginPage,
    },
    profiles: both,
    needs: ['admin-password'],
  },
  {
    id: 'LOGIN-STATUS-200',
    level: 'SHOULD',
    title: 'a successful login answers 200',
    statement: 'A successful login answers 200 OK.',
    citation: { section: 'Users: login', quote: 'POST /v1/users/login', url: loginPage },
    evidence:
      'WEBAPP: Controller/UsersController.php login() answers 200; rapidpro and wabclient require 200 (onprem-api-facts.md §3)',
    profiles: both,
    needs: ['admin-password'],
  },
  {
    id: 'LOGIN-BAD-CREDENTIALS',
    level: 'MUST',
    title: 'a login with a wrong password is refused without a token',
    statement: 'A login with a wrong password is refused with a 4xx and no token.',
    citation: { section: 'Users: login', quote: 'Authorization: Basic base64(username:password)', url: loginPage },
    profiles: both,
    needs: ['bad-logins'],
  },
  {
    id: 'LOGIN-CREDENTIALS-PERTURBED',
    level: 'MUST',
    title: "a login with the admin's credentials changed in one part, or a malformed header, is refused",
    statement:
      "A login whose credentials differ from the admin's in one part (another user name with the admin's password, an empty password, the password without its last character, the password in another case) or whose Authorization header is malformed (no colon between user and password, not base64, another scheme) is refused with a 4xx and no token.",
    citation: { section: 'Users: login', quote: 'Authorization: Basic base64(username:password)', url: loginPage },
    profiles: both,
    needs: ['admin-password', 'bad-logins'],
  },
  {
    id: 'LOGIN-USER-NAME-CASE',
    level: 'INFO',
    title: "the admin's user name in another case logs in or is refused",
    statement:
      "Whether the admin's user name in another case, with the right password, logs in: the documentation does not say whether user names compare without regard to case, so either answer is accepted, and the report says which.",
    citation: { section: 'Users: login', quote: 'Authorization: Basic base64(username:password)', url: loginPage },
    evidence:
      'INFERRED: the login page names the user and password, not how user names compare (onprem-api-facts.md §3)',
    profiles: both,
    needs: ['admin-password', 'bad-logins'],
  },

  {
    id: 'LOGIN-401-CHALLENGE',
    level: 'SHOULD',
    title: 'a login refused with 401 carries WWW-Authenticate',
    statement:
      'A login refused with 401 Unauthorized carries a WWW-Authenticate header with at least one challenge: a 401 without one is malformed.',
    citation: {
      section: 'RFC 9110 §11.6.1 WWW-Authenticate',
      quote:
        'A server generating a 401 (Unauthorized) response MUST send a WWW-Authenticate header field containing at least one challenge.',
      url: authenticateChallenge,
    },
    evidence:
      'INFERRED: the webapp refuses wrong credentials through Symfony\'s HTTP Basic entry point, which sends WWW-Authenticate: Basic realm="Secured" (onprem-api-facts.md §3)',
    profiles: both,
    needs: ['bad-logins'],
  },
  {
    id: 'LOGOUT-REVOKES',
    level: 'SHOULD',
    title: 'a token logged out is refused',
    statement:
      'After POST /v1/users/logout with a bearer token, that token is refused: POST /v1/account answers it with a 4xx, whatever the body.',
    citation: { section: 'Users: login', quote: 'Authorization: Bearer <token>', url: loginPage },
    evidence: 'WEBAPP: UsersController.php logout() deletes the token server-side (onprem-api-facts.md §3)',
    profiles: both,
    needs: ['admin-password'],
  },

  {
    id: 'ERROR-ENVELOPE',
    level: 'MUST',
    title: 'an error answer carries errors[] of {code, title, details?, href?}',
    statement:
      'An error answer of /v1/account carries errors[], each {code: integer, title: string, details?: string, href?: string}.',
    citation: {
      section: 'リクエスト',
      quote: 'エラーが返された場合は、エラーおよびステータスメッセージで詳細をご覧ください。',
      url: errorsPage,
    },
    profiles: both,
  },
  {
    id: 'RESPONSE-JSON',
    level: 'MUST',
    title: 'every answer with a body is JSON',
    statement:
      'Every answer with a body is JSON: Content-Type application/json (parameters such as charset allowed) and a body that parses.',
    citation: {
      section: 'リクエスト',
      quote: '{ "account": [{ "vname": "decoded-vname-from-cert" }] }',
      url: accountPage,
    },
    profiles: both,
  },
  {
    id: 'RESPONSE-NO-SECRET-ECHO',
    level: 'SHOULD',
    title: 'no answer repeats the PIN, the verification code or the password it was sent',
    statement:
      'No answer repeats a secret its request carried: a refused registration its pin, a refused verification its code, a login answer the password (an error names the parameter, not its value).',
    citation: {
      section: 'エラーおよびステータスメッセージ',
      quote: 'エラーが返された場合は、エラーおよびステータスメッセージで詳細をご覧ください。',
      url: errorsPage,
    },
    evidence:
      "INFERRED: the errors page's details name the parameter at fault, never its value (onprem-api-facts.md §4); an answer is logged and shown where the request is not",
    profiles: both,
  },
  {
    id: 'RESPONSE-META',
    level: 'SHOULD',
    title: 'a JSON answer carries meta {version, api_status}',
    statement: 'Every JSON answer carries meta {version, api_status}.',
    citation: {
      section: 'エラーおよびステータスメッセージ',
      quote: '"meta": {"version": "v2.45.1", "api_status": "stable"}',
      url: errorsPage,
    },
    evidence:
      'WEBAPP: Common/Util.php genResponse() always adds meta; Postman examples show it (onprem-api-facts.md §4)',
    profiles: both,
  },
];
