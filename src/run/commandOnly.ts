import { settingsVariable } from '../settings/runSettings.js';

/** Playwright's global setup when the configuration is loaded without the command's settings: nothing can run. */
export default function commandOnly(): never {
  throw new Error(
    `${settingsVariable} is not set: run the suite with the wa-account-conformance command (playwright test --list works without it)`,
  );
}
