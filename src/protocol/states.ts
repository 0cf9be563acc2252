// The states a number can be put in, declared once: the control protocol's words, the Pact provider-state names
// (the contracts, a state-change URL, a hooks module), and what the suite asks a state source for.

/** registered here; not registered (and no PIN); not registered with two-step on; registered elsewhere, its PIN kept. */
export type NumberState = 'registered' | 'unregistered' | 'two-step' | 'moved-away';

export const numberStates: readonly NumberState[] = ['registered', 'unregistered', 'two-step', 'moved-away'];

/** A contract may also ask for a code to have been sent: the suite composes that from a state and a code source. */
export type ProviderState = NumberState | 'code-sent';

/** The Pact provider-state name of each state; its params carry cc, phone_number, and cert and pin where used. */
export const providerStateNames: Readonly<Record<ProviderState, string>> = {
  registered: 'a number is registered',
  unregistered: 'a number is not registered',
  'two-step': 'a number is not registered and has two-step verification on',
  'moved-away': 'a number was registered on another client',
  'code-sent': 'a registration code was sent to a number',
};

export function providerStateNamed(name: string): ProviderState | undefined {
  return (Object.keys(providerStateNames) as ProviderState[]).find((state) => providerStateNames[state] === name);
}
