// A client completes the registration it was asked for last, so no other 202 may come between a test's request and
// its /verify. The specs that register numbers and verify codes are one file, so one group to Playwright: they run
// one at a time, in this order, in one worker, beside the others whatever --workers says.
// The parts are functions, not modules that declare tests as they load: a module loads once, and the kill matrix
// loads this file once per target (mutants/matrixSpecs.ts).
import { test } from '../src/harness/index.js';
import { numberTests } from './registration/1-numbers.js';
import { pinTests } from './registration/2-pin.js';
import { verifyTests } from './registration/3-verify.js';
import { contractTests } from './registration/4-contract.js';

numberTests();
pinTests();
// Its tests use a fixture up, so they run after every other test that needs it.
verifyTests();
// Its provider states register numbers and send codes.
contractTests();

test.describe.configure({ mode: 'default' });
