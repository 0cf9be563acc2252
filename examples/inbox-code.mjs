#!/usr/bin/env node
// A command code source for wa-account-conformance:
//   "codeSource": {"type": "command", "argv": ["node", "examples/inbox-code.mjs", "http://127.0.0.1:9090/_inbox"]}
// The suite runs it without a shell, with the request as JSON in WA_CONFORMANCE_CODE_REQUEST
// ({cc, phone_number, method, requestedAt}); it prints {"code": "…"} on stdout and exits 0, or exits non-zero.
// Never print the code on stderr: the suite shows the last line of stderr when the command fails.

const inbox = process.argv[2];
const request = JSON.parse(process.env.WA_CONFORMANCE_CODE_REQUEST ?? '{}');
if (!inbox || !request.cc) {
  console.error('usage: inbox-code.mjs INBOX_URL (with WA_CONFORMANCE_CODE_REQUEST set by the suite)');
  process.exit(2);
}
const answer = await fetch(`${inbox}/${request.cc}/${request.phone_number}`);
if (!answer.ok) {
  console.error(`the inbox answered ${answer.status}`);
  process.exit(1);
}
const { code } = await answer.json();
console.log(JSON.stringify({ code }));
