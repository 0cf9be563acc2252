// A client completes the registration it was asked for last, so no other 202 may come between a test's request and
// its /verify. The specs that register numbers and verify codes are one file, so one group to Playwright: they run
// one at a time, in this order, in one worker, beside the others whatever --workers says.
import { test } from '../src/fixtures/index.js';
import './registration/1-numbers.js';
import './registration/2-pin.js';
// Its tests use a fixture up, so they run after every other test that needs it.
import './registration/3-verify.js';
// Its provider states register numbers and send codes.
import './registration/4-contract.js';

test.describe.configure({ mode: 'default' });
