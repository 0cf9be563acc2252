// The pacticipants of the contracts, apart from the writer: verifying must not load Pact's consumer DSL to learn them.
export interface ContractNames {
  consumer: string;
  provider: string;
}

export const defaultNames: ContractNames = { consumer: 'wa-registration-client', provider: 'wa-onprem-account-api' };
