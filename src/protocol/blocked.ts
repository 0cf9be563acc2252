/**
 * A test could not reach the state it judges because the target broke another requirement on the way (the
 * registration before a verify was not pending): not a verdict on the requirement under test. The report shows it
 * BLOCKED by `by`, so one root cause is reported once and its dependants point at it.
 */
export class Blocked extends Error {
  override name = 'Blocked';

  constructor(
    readonly by: string,
    message: string,
  ) {
    super(`blocked by ${by}: ${message}`);
  }
}
