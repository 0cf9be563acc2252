// Values the documentation fixes, that the reference answers with and the harness checks for.

/** A phone number as the API takes it: country code and the number without it. */
export interface PhoneNumber {
  cc: string;
  phone_number: string;
}

/** The documented sunset error object: the answer to every registration once registration is closed. */
export const blockedError = {
  code: 1005,
  title: 'Access denied',
  details: 'Unknown error: biz_link_on_prem_reg_blocked',
} as const;

/** How the embedded emulator (`serve --sources`) lets the suite reach state and codes. */
export type SourceKind = 'control' | 'header' | 'inbox' | 'command' | 'hooks' | 'fixed';

export const sourceKinds: readonly SourceKind[] = ['control', 'header', 'inbox', 'command', 'hooks', 'fixed'];
