/**
 * The target kept asking the suite to wait (429, 503, "not ready") past the request's deadline: the test is SKIP with
 * that reason. A target is entitled to such answers while it restarts or sheds load; they are never a FAIL.
 */
export class NotReady extends Error {
  override name = 'NotReady';
}
